use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;
use crate::secret;
use models::PersonId;

/// One change of security info (S12): who, what, when, from where.
pub struct AuditEntry<'a> {
    pub user_id: &'a PersonId,
    /// The person an administrator's or help desk's action was for.
    pub subject_id: Option<&'a PersonId>,
    /// e.g. `method-added`, `method-changed`, `method-deleted`, `default-changed`.
    pub action: &'a str,
    pub method_id: Option<&'a str>,
    pub detail: &'a str,
    pub client_address: &'a str,
    pub user_agent: &'a str,
}

pub(super) const AUDIT_OF_USER: &str =
    "SELECT action, method_id, client_address FROM audit WHERE user_id = $1 ORDER BY at DESC, id";

impl Store {
    pub async fn audit(&self, entry: AuditEntry<'_>, now: UnixTime) -> StoreResult<()> {
        insert_audit(&self.pool, &entry, now).await
    }

    /// The applications the person signed in to (their audit's lines of
    /// it, which name them), each with the last time, the most recent
    /// first; ten at most.
    pub async fn applications_signed_in_to(
        &self,
        user_id: &PersonId,
    ) -> StoreResult<Vec<(String, UnixTime)>> {
        Ok(sqlx::query_as(
            "SELECT detail, MAX(at) AS at FROM audit \
             WHERE user_id = $1 AND action = 'signed-in-to-application' \
             GROUP BY detail ORDER BY MAX(at) DESC, detail LIMIT 10",
        )
        .bind(user_id.as_str())
        .fetch_all(&self.pool)
        .await?)
    }

    /// The user's audit trail, newest first: (action, method id, client address).
    pub async fn audit_of_user(
        &self,
        user_id: &PersonId,
    ) -> StoreResult<Vec<(String, Option<String>, String)>> {
        Ok(sqlx::query_as(AUDIT_OF_USER)
            .bind(user_id.as_str())
            .fetch_all(&self.pool)
            .await?)
    }
}

/// One audit line, on the pool or in a transaction with what it records.
pub(super) async fn insert_audit<'e, E>(
    db: E,
    entry: &AuditEntry<'_>,
    now: UnixTime,
) -> StoreResult<()>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO audit (id, user_id, action, method_id, detail, at, client_address, user_agent, subject_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(secret::new_id()?)
    .bind(entry.user_id.as_str())
    .bind(entry.action)
    .bind(entry.method_id)
    .bind(entry.detail)
    .bind(now)
    .bind(entry.client_address)
    .bind(entry.user_agent)
    .bind(entry.subject_id.map(PersonId::as_str))
    .execute(db)
    .await?;
    Ok(())
}
