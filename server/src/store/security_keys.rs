use super::Store;
use crate::clock::UnixTime;
use crate::error::AppResult;

/// A WebAuthn registration under way: webauthn-rs's state as JSON.
#[derive(Clone, Debug)]
pub struct PendingSecurityKey {
    pub name: String,
    pub state: String,
}

impl Store {
    pub async fn insert_pending_security_key(
        &self,
        id: &str,
        user_id: &str,
        pending: &PendingSecurityKey,
        now: UnixTime,
        expires_at: UnixTime,
    ) -> AppResult<()> {
        sqlx::query(
            "INSERT INTO pending_security_keys (id, user_id, name, state, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id)
        .bind(user_id)
        .bind(&pending.name)
        .bind(&pending.state)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Takes the user's pending registration out of the table: of two
    /// requests finishing the same ceremony only one gets it (single use,
    /// S22), and an expired one is gone either way.
    pub async fn take_pending_security_key(
        &self,
        id: &str,
        user_id: &str,
        now: UnixTime,
    ) -> AppResult<Option<PendingSecurityKey>> {
        let row: Option<(String, String, i64)> = sqlx::query_as(
            "SELECT name, state, expires_at FROM pending_security_keys WHERE id = $1 AND user_id = $2",
        )
        .bind(id)
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((name, state, expires_at)) = row else {
            return Ok(None);
        };
        let taken = sqlx::query("DELETE FROM pending_security_keys WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        if taken.rows_affected() != 1 || expires_at <= now {
            return Ok(None);
        }
        Ok(Some(PendingSecurityKey { name, state }))
    }
}
