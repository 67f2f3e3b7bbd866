use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;
use models::PersonId;

impl Store {
    pub async fn insert_pending_authenticator(
        &self,
        id: &str,
        user_id: &PersonId,
        secret_enc: &str,
        now: UnixTime,
        expires_at: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query("INSERT INTO pending_authenticators (id, user_id, secret_enc, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id)
            .bind(user_id.as_str())
            .bind(secret_enc)
            .bind(now)
            .bind(expires_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The encrypted secret of the user's pending app, while it is fresh.
    pub async fn pending_authenticator(
        &self,
        id: &str,
        user_id: &PersonId,
        now: UnixTime,
    ) -> StoreResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT secret_enc FROM pending_authenticators WHERE id = $1 AND user_id = $2 AND expires_at > $3")
            .bind(id)
            .bind(user_id.as_str())
            .bind(now)
            .fetch_optional(&self.pool)
            .await?)
    }

    /// Removes a pending app; true for the one request that removed it.
    pub async fn take_pending_authenticator(
        &self,
        id: &str,
        user_id: &PersonId,
    ) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM pending_authenticators WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Accepts a TOTP time step for the user's app once (S9): one statement,
    /// so two requests with the same code cannot both pass.
    pub async fn accept_totp_step(
        &self,
        method_id: &str,
        user_id: &PersonId,
        step: i64,
    ) -> StoreResult<bool> {
        let done = sqlx::query("UPDATE methods SET totp_last_step = $1 WHERE id = $2 AND user_id = $3 AND totp_last_step < $1")
            .bind(step)
            .bind(method_id)
            .bind(user_id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
