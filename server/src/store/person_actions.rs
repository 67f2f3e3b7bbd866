//! What an administrator or the help desk does to a person's account as a
//! whole (S40): their name and language, disabling and enabling, deleting,
//! their password; and what a person's page shows of them (their sessions
//! and recent activity). Changes of their methods go through a `Change`
//! (`changes.rs`), as the person's own do.
//!
//! Disabling and deleting keep the organization an administrator who can
//! sign in: both lock the organization's row first (as `set_role` does),
//! so that two of them at once are taken in turn and the second counts
//! what the first left.

use models::{AccountName, Locale, OrganizationId, PersonId};
use sqlx::{Any, Row, Transaction};

use super::search_key::{file_words, search_key};
use super::{Store, StoreResult};
use crate::clock::UnixTime;

/// What became of a change that must leave the organization an
/// administrator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Guarded {
    Done,
    /// No such person in the organization.
    NotFound,
    /// It would leave no administrator who can sign in; nothing changed.
    LastAdministrator,
}

/// One session of a person, as their page lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionListed {
    pub user_agent: String,
    pub client_address: String,
    pub created_at: UnixTime,
    pub last_seen_at: UnixTime,
}

/// One line of a person's activity: theirs, or done to them by someone
/// else (`by`: that person's name, while they exist).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActivityListed {
    pub action: String,
    pub at: UnixTime,
    pub client_address: String,
    pub by: Option<String>,
}

/// Locks the organization's row for the rest of the transaction.
pub(super) async fn lock_organization(
    tx: &mut Transaction<'static, Any>,
    organization_id: &OrganizationId,
) -> StoreResult<()> {
    sqlx::query("UPDATE organizations SET created_at = created_at WHERE id = $1")
        .bind(organization_id.as_str())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Administrators of the organization who can sign in.
pub(super) async fn active_administrators(
    tx: &mut Transaction<'static, Any>,
    organization_id: &OrganizationId,
) -> StoreResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COUNT(*) FROM users WHERE organization_id = $1 AND is_admin = 1 AND disabled_at IS NULL",
    )
    .bind(organization_id.as_str())
    .fetch_one(&mut **tx)
    .await?)
}

impl Store {
    /// Sets the person's name (and so what a search finds them by) and
    /// language; false when no such person is in the organization.
    pub async fn set_profile(
        &self,
        organization_id: &OrganizationId,
        person: (&PersonId, &AccountName),
        display_name: &str,
        locale: Option<Locale>,
    ) -> StoreResult<bool> {
        let (id, account) = person;
        let key = search_key(display_name, account.as_str());
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE users SET display_name = $1, locale = $2, search_key = $3 \
             WHERE id = $4 AND organization_id = $5",
        )
        .bind(display_name)
        .bind(locale.map(Locale::tag))
        .bind(&key)
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        file_words(&mut tx, organization_id, id, &key).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Disables the person: sign-in refused, every session ended, in one
    /// transaction; or enables them again. Never the organization's last
    /// administrator who can sign in (S40).
    pub async fn set_disabled(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
        disabled: bool,
        now: UnixTime,
    ) -> StoreResult<Guarded> {
        let mut tx = self.pool.begin().await?;
        lock_organization(&mut tx, organization_id).await?;
        let changed = sqlx::query(
            "UPDATE users SET disabled_at = CASE WHEN $1 = 1 THEN COALESCE(disabled_at, $2) ELSE NULL END \
             WHERE id = $3 AND organization_id = $4",
        )
        .bind(i64::from(disabled))
        .bind(now)
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(Guarded::NotFound);
        }
        if active_administrators(&mut tx, organization_id).await? == 0 {
            return Ok(Guarded::LastAdministrator);
        }
        super::sessions::end_sessions_and_grants(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(Guarded::Done)
    }

    /// Deletes the person with their methods, sessions, pass and pending
    /// ceremonies; the audit record keeps every line about them. Never the
    /// organization's last administrator who can sign in (S40).
    pub async fn delete_person(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
    ) -> StoreResult<Guarded> {
        let mut tx = self.pool.begin().await?;
        lock_organization(&mut tx, organization_id).await?;
        // Their sessions end as any do, before the row whose removal takes
        // what they signed in to with it: the applications that asked to
        // be told are owed a back-channel logout. Not found or refused,
        // the transaction is dropped, and this with it.
        super::sessions::end_sessions_and_grants(&mut tx, id.as_str()).await?;
        let account: Option<String> = sqlx::query_scalar(
            "DELETE FROM users WHERE id = $1 AND organization_id = $2 RETURNING account_name",
        )
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .fetch_optional(&mut *tx)
        .await?;
        let Some(account) = account else {
            return Ok(Guarded::NotFound);
        };
        if active_administrators(&mut tx, organization_id).await? == 0 {
            return Ok(Guarded::LastAdministrator);
        }
        // Not every table cascades (and SQLite enforces no foreign keys
        // unless asked): each is emptied of the person by name.
        for statement in [
            "DELETE FROM methods WHERE user_id = $1",
            "DELETE FROM recovery_codes WHERE user_id = $1",
            "DELETE FROM challenges WHERE user_id = $1",
            "DELETE FROM pending_authenticators WHERE user_id = $1",
            "DELETE FROM webauthn_ceremonies WHERE user_id = $1",
            "DELETE FROM temporary_access_passes WHERE user_id = $1",
            "DELETE FROM invitations WHERE user_id = $1",
            "DELETE FROM oidc_refresh_tokens WHERE grant_id IN (SELECT id FROM oidc_grants WHERE user_id = $1)",
            "DELETE FROM oidc_tokens WHERE user_id = $1",
            "DELETE FROM oidc_codes WHERE user_id = $1",
            "DELETE FROM oidc_grants WHERE user_id = $1",
        ] {
            sqlx::query(statement)
                .bind(id.as_str())
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM password_resets WHERE account_name = $1")
            .bind(&account)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(Guarded::Done)
    }

    /// Gives the person a temporary password (its hash), which they must
    /// replace at their next sign-in, and ends their sessions, in one
    /// transaction. False when no such person is in the organization.
    pub async fn set_temporary_password(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
        hash: &str,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE users SET password_hash = $1, password_temporary = 1 \
             WHERE id = $2 AND organization_id = $3",
        )
        .bind(hash)
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        super::sessions::end_sessions_and_grants(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Removes the person's password and ends their sessions: they set a
    /// new one by resetting it, or sign in without one (a passkey, a
    /// pass). False when no such person is in the organization.
    pub async fn remove_password(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
    ) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE users SET password_hash = '', password_temporary = 0 WHERE id = $1 AND organization_id = $2",
        )
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(false);
        }
        super::sessions::end_sessions_and_grants(&mut tx, id.as_str()).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Records that the person signed in.
    pub async fn record_sign_in(&self, id: &PersonId, now: UnixTime) -> StoreResult<()> {
        sqlx::query("UPDATE users SET last_sign_in_at = $1 WHERE id = $2")
            .bind(now)
            .bind(id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The person's sessions (not the pending sign-ins), the most recently
    /// seen first.
    pub async fn sessions_of(&self, id: &PersonId) -> StoreResult<Vec<SessionListed>> {
        let rows = sqlx::query(
            "SELECT user_agent, client_address, created_at, last_seen_at FROM sessions \
             WHERE user_id = $1 AND pending_until IS NULL ORDER BY last_seen_at DESC, created_at DESC",
        )
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(SessionListed {
                    user_agent: row.try_get("user_agent")?,
                    client_address: row.try_get("client_address")?,
                    created_at: row.try_get("created_at")?,
                    last_seen_at: row.try_get("last_seen_at")?,
                })
            })
            .collect()
    }

    /// The person's latest `limit` lines of audit: what they did and what
    /// was done to them.
    pub async fn activity_of(
        &self,
        id: &PersonId,
        limit: usize,
    ) -> StoreResult<Vec<ActivityListed>> {
        let rows = sqlx::query(
            "SELECT a.action, a.at, a.client_address, \
             CASE WHEN a.user_id = $1 THEN NULL ELSE COALESCE(u.display_name, '') END AS by_name \
             FROM audit a LEFT JOIN users u ON u.id = a.user_id \
             WHERE a.user_id = $1 OR a.subject_id = $1 \
             ORDER BY a.at DESC, a.id LIMIT $2",
        )
        .bind(id.as_str())
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ActivityListed {
                    action: row.try_get("action")?,
                    at: row.try_get("at")?,
                    client_address: row.try_get("client_address")?,
                    by: row.try_get("by_name")?,
                })
            })
            .collect()
    }
}
