//! Temporary Access Passes (S33): at most one per person, kept as a keyed
//! digest; and the first administrator of a new organization.

use models::{OrganizationId, PersonId};
use sqlx::Row;

use super::users::NewUser;
use super::{Store, StoreResult};
use crate::clock::UnixTime;

pub struct NewPass<'a> {
    pub user_id: &'a PersonId,
    /// Names the pass in the sessions it starts: replaced, it is another.
    pub id: &'a str,
    pub digest: &'a str,
    pub one_time: bool,
    pub expires_at: UnixTime,
    /// The administrator who issued it; `None` from the command line.
    pub issued_by: Option<&'a PersonId>,
}

/// A person's pass as Security info and the administrator see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassRecord {
    pub one_time: bool,
    pub created_at: UnixTime,
    pub expires_at: UnixTime,
    pub used_at: Option<UnixTime>,
}

/// A pass that signed in: the session it starts carries its id and ends
/// when it expires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpentPass {
    pub id: String,
    pub expires_at: UnixTime,
}

impl Store {
    /// Gives the person this pass, in place of any they had: one
    /// statement, so that of two issued at once one remains. The sessions
    /// of the one replaced end first, their applications told.
    pub async fn issue_pass(&self, pass: NewPass<'_>, now: UnixTime) -> StoreResult<()> {
        let mut tx = self.pool.begin().await?;
        super::sessions::end_sessions_of_pass(&mut tx, pass.user_id.as_str()).await?;
        sqlx::query(
            "INSERT INTO temporary_access_passes (user_id, id, digest, one_time, created_at, expires_at, used_at, issued_by) \
             VALUES ($1, $2, $3, $4, $5, $6, NULL, $7) \
             ON CONFLICT (user_id) DO UPDATE SET id = excluded.id, digest = excluded.digest, \
             one_time = excluded.one_time, created_at = excluded.created_at, \
             expires_at = excluded.expires_at, used_at = NULL, issued_by = excluded.issued_by",
        )
        .bind(pass.user_id.as_str())
        .bind(pass.id)
        .bind(pass.digest)
        .bind(i64::from(pass.one_time))
        .bind(now)
        .bind(pass.expires_at)
        .bind(pass.issued_by.map(PersonId::as_str))
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Signs in with the pass whose digest this is, if it is the person's,
    /// unexpired, and (one-time) not spent: one statement, so that of
    /// parallel sign-ins with a one-time pass exactly one gets it.
    pub async fn spend_pass(
        &self,
        user_id: &PersonId,
        digest: &str,
        now: UnixTime,
    ) -> StoreResult<Option<SpentPass>> {
        let row = sqlx::query(
            "UPDATE temporary_access_passes SET used_at = $3 \
             WHERE user_id = $1 AND digest = $2 AND expires_at > $3 \
             AND (one_time = 0 OR used_at IS NULL) \
             RETURNING id, expires_at",
        )
        .bind(user_id.as_str())
        .bind(digest)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(SpentPass {
                id: row.try_get("id")?,
                expires_at: row.try_get("expires_at")?,
            })
        })
        .transpose()
    }

    /// The person's pass while it can still be used (or its session is
    /// still on): unexpired.
    pub async fn pass_of(
        &self,
        user_id: &PersonId,
        now: UnixTime,
    ) -> StoreResult<Option<PassRecord>> {
        let row = sqlx::query(
            "SELECT one_time, created_at, expires_at, used_at FROM temporary_access_passes \
             WHERE user_id = $1 AND expires_at > $2",
        )
        .bind(user_id.as_str())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(PassRecord {
                one_time: row.try_get::<i64, _>("one_time")? != 0,
                created_at: row.try_get("created_at")?,
                expires_at: row.try_get("expires_at")?,
                used_at: row.try_get("used_at")?,
            })
        })
        .transpose()
    }

    /// Takes the person's pass away; the sessions it started end with it,
    /// their applications told.
    /// False when they had none.
    pub async fn revoke_pass(&self, user_id: &PersonId) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        super::sessions::end_sessions_of_pass(&mut tx, user_id.as_str()).await?;
        let done = sqlx::query("DELETE FROM temporary_access_passes WHERE user_id = $1")
            .bind(user_id.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    /// A new organization with its first administrator, in one
    /// transaction: false, and nothing written, when an organization
    /// already has one of the domains or the account exists.
    pub async fn create_organization(
        &self,
        organization: NewOrganization<'_>,
        admin: NewUser<'_>,
        now: UnixTime,
    ) -> StoreResult<bool> {
        let Some(first) = organization.domains.first() else {
            return Ok(false);
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO organizations (id, name, account_domain, created_at, policy) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(organization.id.as_str())
        .bind(organization.name)
        .bind(first.as_str())
        .bind(now)
        .bind(organization.policy_json)
        .execute(&mut *tx)
        .await?;
        for domain in organization.domains {
            let added = sqlx::query(
                "INSERT INTO organization_domains (organization_id, domain) SELECT $1, $2 \
                 WHERE NOT EXISTS (SELECT 1 FROM organization_domains WHERE domain = $2)",
            )
            .bind(organization.id.as_str())
            .bind(domain.as_str())
            .execute(&mut *tx)
            .await?;
            if added.rows_affected() != 1 {
                return Ok(false);
            }
        }
        // The account name is unique: of two bootstraps at once for one
        // administrator, the second finds it taken and writes nothing.
        let added = super::users::insert_user(&mut tx, &admin, now).await?;
        if !added {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }
}

pub struct NewOrganization<'a> {
    pub id: &'a OrganizationId,
    pub name: &'a str,
    /// Its account domains, the first one first; at least one.
    pub domains: &'a [String],
    /// Its policy as stored (JSON).
    pub policy_json: &'a str,
}
