//! People created from a file at once (`people_import.rs`): every good row
//! in one transaction, so that a failure midway leaves nobody created.

use models::AccountName;

use super::audit::{AuditEntry, insert_audit};
use super::users::{NewUser, insert_user};
use super::{Store, StoreResult};
use crate::clock::UnixTime;

impl Store {
    /// Whether anybody, in any organization, has this account name.
    pub async fn account_taken(&self, account: &AccountName) -> StoreResult<bool> {
        let found: Option<i32> = sqlx::query_scalar("SELECT 1 FROM users WHERE account_name = $1")
            .bind(account.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(found.is_some())
    }

    /// Creates `people`, each with `added` as its audit line (about them),
    /// in one transaction; says of each whether it was created (`false`:
    /// the account name was taken, by an earlier import or one at the
    /// same time).
    pub async fn import_people(
        &self,
        people: &[NewUser<'_>],
        added: &AuditEntry<'_>,
        now: UnixTime,
    ) -> StoreResult<Vec<bool>> {
        let mut tx = self.pool.begin().await?;
        let mut created = Vec::with_capacity(people.len());
        for person in people {
            let new = insert_user(&mut tx, person, now).await?;
            if new {
                let entry = AuditEntry {
                    subject_id: Some(person.id),
                    ..*added
                };
                insert_audit(&mut *tx, &entry, now).await?;
            }
            created.push(new);
        }
        tx.commit().await?;
        Ok(created)
    }
}
