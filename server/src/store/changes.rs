//! A change of one person's security info, as one transaction.
//!
//! Architecture Invariant: every change of a person's methods or default
//! runs in a `Change`, whose first statement writes that person's `users`
//! row. On SQLite the transaction then holds the write lock from its first
//! statement; on PostgreSQL the row lock makes every other change of the
//! same person wait. Rules read inside a `Change` (how many methods, the
//! minimum, the default, the step-up) therefore hold when the same
//! requests arrive together (F3, F5, F11, F17).

use models::PersonId;
use models::PhoneDelivery;
use sqlx::{Any, Transaction};

use super::StoreResult;
use super::methods::{MethodData, MethodRecord, NewMethod, select_methods, update_method};
use super::session_key::SessionKey;
use super::users::{UserRecord, user_columns, user_from_row};
use super::{Store, sessions};
use crate::clock::UnixTime;

pub struct Change {
    tx: Transaction<'static, Any>,
    /// The person as they are now, inside the transaction.
    pub user: UserRecord,
}

/// Why a method could not be stored.
#[derive(Debug, PartialEq, Eq)]
pub enum InsertRefused {
    /// The security key's credential is already registered (to anyone).
    CredentialTaken,
}

impl Store {
    /// Begins a change of the person's security info, after every other
    /// change of theirs that began before it. `None` if the user is gone.
    pub async fn begin_change(&self, user_id: &PersonId) -> StoreResult<Option<Change>> {
        let mut tx = self.pool.begin().await?;
        let locked =
            sqlx::query("UPDATE users SET default_method_id = default_method_id WHERE id = $1")
                .bind(user_id.as_str())
                .execute(&mut *tx)
                .await?;
        if locked.rows_affected() != 1 {
            return Ok(None);
        }
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.id = $1"
        );
        let row = sqlx::query(sql)
            .bind(user_id.as_str())
            .fetch_one(&mut *tx)
            .await?;
        let user = user_from_row(&row)?;
        Ok(Some(Change { tx, user }))
    }
}

impl Change {
    /// The person's methods, oldest first, as this change sees them.
    pub async fn methods(&mut self) -> StoreResult<Vec<MethodRecord>> {
        select_methods(&mut *self.tx, &self.user.id).await
    }

    pub async fn insert_method(
        &mut self,
        method: NewMethod<'_>,
        now: UnixTime,
    ) -> StoreResult<Result<(), InsertRefused>> {
        let credential_id = method.data.credential_id();
        if let Some(credential_id) = &credential_id {
            let taken: Option<String> =
                sqlx::query_scalar("SELECT id FROM methods WHERE credential_id = $1")
                    .bind(credential_id)
                    .fetch_optional(&mut *self.tx)
                    .await?;
            if taken.is_some() {
                return Ok(Err(InsertRefused::CredentialTaken));
            }
        }
        let inserted = sqlx::query(
            "INSERT INTO methods (id, user_id, kind, detail, data, created_at, credential_id, totp_last_step) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(method.id)
        .bind(self.user.id.as_str())
        .bind(method.kind.as_str())
        .bind(method.detail)
        .bind(method.data.to_column()?)
        .bind(now)
        .bind(credential_id.as_deref())
        .bind(method.totp_last_step.unwrap_or(-1))
        .execute(&mut *self.tx)
        .await;
        match inserted {
            Ok(_) => {
                self.replace_recovery_codes(method.id, method.data).await?;
                Ok(Ok(()))
            }
            // Another account registered the same credential at the same
            // moment: the unique index decides.
            Err(sqlx::Error::Database(e)) if e.is_unique_violation() && credential_id.is_some() => {
                Ok(Err(InsertRefused::CredentialTaken))
            }
            Err(e) => Err(e.into()),
        }
    }

    /// Replaces a method's details in place ("Change"): same id, so the
    /// default stays where it was.
    pub async fn update_method(
        &mut self,
        id: &str,
        detail: &str,
        data: &MethodData,
    ) -> StoreResult<bool> {
        let updated = update_method(&mut *self.tx, &self.user.id, id, detail, data).await?;
        if updated {
            self.replace_recovery_codes(id, data).await?;
        }
        Ok(updated)
    }

    /// A new set of recovery codes replaces every earlier one of the
    /// method, used or not (S31). Other kinds keep no rows of their own.
    async fn replace_recovery_codes(
        &mut self,
        method_id: &str,
        data: &MethodData,
    ) -> StoreResult<()> {
        let MethodData::RecoveryCodes(codes) = data else {
            return Ok(());
        };
        sqlx::query("DELETE FROM recovery_codes WHERE method_id = $1 AND user_id = $2")
            .bind(method_id)
            .bind(self.user.id.as_str())
            .execute(&mut *self.tx)
            .await?;
        for digest in &codes.digests {
            sqlx::query(
                "INSERT INTO recovery_codes (user_id, method_id, digest) VALUES ($1, $2, $3)",
            )
            .bind(self.user.id.as_str())
            .bind(method_id)
            .bind(digest)
            .execute(&mut *self.tx)
            .await?;
        }
        Ok(())
    }

    /// Deletes the person's method; false if it is not theirs (S13).
    pub async fn delete_method(&mut self, id: &str) -> StoreResult<bool> {
        let done = sqlx::query("DELETE FROM methods WHERE id = $1 AND user_id = $2")
            .bind(id)
            .bind(self.user.id.as_str())
            .execute(&mut *self.tx)
            .await?;
        sqlx::query("DELETE FROM recovery_codes WHERE method_id = $1 AND user_id = $2")
            .bind(id)
            .bind(self.user.id.as_str())
            .execute(&mut *self.tx)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn set_default(
        &mut self,
        method_id: Option<&str>,
        delivery: Option<PhoneDelivery>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE users SET default_method_id = $1, default_delivery = $2 WHERE id = $3")
            .bind(method_id)
            .bind(delivery.map(super::challenges::delivery_as_str))
            .bind(self.user.id.as_str())
            .execute(&mut *self.tx)
            .await?;
        self.user.default_method_id = method_id.map(str::to_owned);
        self.user.default_delivery = delivery;
        Ok(())
    }

    /// The session proved a method: a new token (S18) and a fresh
    /// verification time, in the same transaction as the change. `false` if
    /// the session is gone.
    pub async fn rotate_session(
        &mut self,
        old_digest: &SessionKey,
        new_digest: &SessionKey,
        now: UnixTime,
    ) -> StoreResult<bool> {
        sessions::rotate_verified_session(&mut *self.tx, old_digest, new_digest, now, None).await
    }

    /// Ends every session of the person, in the same transaction.
    pub async fn end_sessions(&mut self) -> StoreResult<()> {
        sessions::end_sessions_and_grants(&mut self.tx, self.user.id.as_str()).await?;
        Ok(())
    }

    pub async fn commit(self) -> StoreResult<()> {
        self.tx.commit().await?;
        Ok(())
    }
}
