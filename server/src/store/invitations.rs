//! Invitations (S41): a person's single-use link to choose their first
//! password, known by its digest only.

use models::PersonId;
use sqlx::Row;

use super::session_key::SessionKey;
use super::users::{UserRecord, user_columns, user_from_row};
use super::{Store, StoreResult};
use crate::clock::UnixTime;

/// An invitation about to be sent.
pub struct NewInvitation<'a> {
    pub token_digest: &'a SessionKey,
    pub user_id: &'a PersonId,
    pub email: &'a str,
    pub expires_at: UnixTime,
}

impl Store {
    /// Keeps the invitation, replacing any the person had (a link sent
    /// before works no more).
    pub async fn insert_invitation(
        &self,
        invitation: NewInvitation<'_>,
        now: UnixTime,
    ) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM invitations WHERE user_id = $1")
            .bind(invitation.user_id.as_str())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_digest, user_id, email, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(invitation.token_digest.as_str())
        .bind(invitation.user_id.as_str())
        .bind(invitation.email)
        .bind(now)
        .bind(invitation.expires_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The person an unused, unexpired invitation is for.
    pub async fn invited(
        &self,
        token_digest: &SessionKey,
        now: UnixTime,
    ) -> StoreResult<Option<UserRecord>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM invitations i JOIN users u ON u.id = i.user_id \
             JOIN organizations o ON o.id = u.organization_id \
             WHERE i.token_digest = $1 AND i.used_at IS NULL AND i.expires_at > $2 \
             AND u.disabled_at IS NULL"
        );
        let row = sqlx::query(sql)
            .bind(token_digest.as_str())
            .bind(now)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// Spends the invitation and gives its person (and only them) the
    /// password `hash`, in one transaction: the conditional update lets
    /// one of many uses at once through (S41). The person, if it was.
    pub async fn accept_invitation(
        &self,
        token_digest: &SessionKey,
        hash: &str,
        now: UnixTime,
    ) -> StoreResult<Option<PersonId>> {
        let mut tx = self.pool.begin().await?;
        let spent = sqlx::query(
            "UPDATE invitations SET used_at = $1 \
             WHERE token_digest = $2 AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
        )
        .bind(now)
        .bind(token_digest.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = spent else {
            return Ok(None);
        };
        let id = PersonId::new(row.try_get::<String, _>("user_id")?);
        let set = sqlx::query(
            "UPDATE users SET password_hash = $1, password_temporary = 0 WHERE id = $2 AND disabled_at IS NULL",
        )
        .bind(hash)
        .bind(id.as_str())
        .execute(&mut *tx)
        .await?;
        if set.rows_affected() != 1 {
            return Ok(None);
        }
        super::sessions::end_sessions_and_grants(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    /// Whether the person has an invitation still to be used.
    pub async fn has_open_invitation(&self, id: &PersonId, now: UnixTime) -> StoreResult<bool> {
        let open: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM invitations WHERE user_id = $1 AND used_at IS NULL AND expires_at > $2",
        )
        .bind(id.as_str())
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(open > 0)
    }
}
