use super::StoreResult;
use super::{PurposeKind, Store};
use crate::clock::UnixTime;
use models::PersonId;

/// A WebAuthn ceremony under way: webauthn-rs's state as JSON.
#[derive(Clone, Debug)]
pub struct Ceremony {
    pub purpose: PurposeKind,
    /// The name of the key being registered; empty for a step-up.
    pub name: String,
    pub state: String,
}

impl Store {
    pub async fn insert_ceremony(
        &self,
        id: &str,
        user_id: &PersonId,
        ceremony: &Ceremony,
        now: UnixTime,
        expires_at: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO webauthn_ceremonies (id, user_id, purpose, name, state, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(user_id.as_str())
        .bind(ceremony.purpose.as_str())
        .bind(&ceremony.name)
        .bind(&ceremony.state)
        .bind(now)
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Takes the user's ceremony of this purpose out of the table: of two
    /// requests finishing it only one gets it (single use, S22), and an
    /// expired one is gone either way.
    pub async fn take_ceremony(
        &self,
        id: &str,
        user_id: &PersonId,
        purpose: PurposeKind,
        now: UnixTime,
    ) -> StoreResult<Option<Ceremony>> {
        let row: Option<(String, String, i64)> = sqlx::query_as(
            "SELECT name, state, expires_at FROM webauthn_ceremonies \
             WHERE id = $1 AND user_id = $2 AND purpose = $3",
        )
        .bind(id)
        .bind(user_id.as_str())
        .bind(purpose.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some((name, state, expires_at)) = row else {
            return Ok(None);
        };
        let taken = sqlx::query("DELETE FROM webauthn_ceremonies WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id.as_str())
            .execute(&self.pool)
            .await?;
        if taken.rows_affected() != 1 || expires_at <= now {
            return Ok(None);
        }
        Ok(Some(Ceremony {
            purpose,
            name,
            state,
        }))
    }

    /// Keeps a passkey sign-in's state: nobody is known yet (S32).
    pub async fn insert_passkey_sign_in(
        &self,
        id: &str,
        state: &str,
        expires_at: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO passkey_sign_ins (id, state, expires_at) VALUES ($1, $2, $3)")
            .bind(id)
            .bind(state)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Takes a passkey sign-in's state out of the table: one statement, so
    /// that of two requests finishing it only one gets it (S32); an
    /// expired one is gone either way.
    pub async fn take_passkey_sign_in(
        &self,
        id: &str,
        now: UnixTime,
    ) -> StoreResult<Option<String>> {
        let row: Option<(String, i64)> = sqlx::query_as(
            "DELETE FROM passkey_sign_ins WHERE id = $1 RETURNING state, expires_at",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row
            .filter(|(_, expires_at)| *expires_at > now)
            .map(|(state, _)| state))
    }

    /// Forgets passkey sign-ins nobody finished.
    pub async fn delete_expired_passkey_sign_ins(&self, now: UnixTime) -> StoreResult<()> {
        sqlx::query("DELETE FROM passkey_sign_ins WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
