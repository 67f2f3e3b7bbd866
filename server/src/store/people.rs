//! Finding people of an organization (the People page): by the start of
//! their account or of any word of their name, whatever its case or
//! accents. The store keeps each person's `search_key` — the name and
//! account folded as a search folds what is typed — so that one indexed
//! column answers both.

use models::{MethodKind, OrganizationId, PersonId, Role};
use sqlx::Row;

use super::person_actions::{active_administrators, lock_organization};
use super::search_key::fold;
use super::users::{UserRecord, role_of, user_columns, user_from_row};
use super::{Store, StoreResult};
use crate::clock::UnixTime;

/// A person as a list shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonListed {
    pub id: PersonId,
    pub account_name: String,
    pub display_name: String,
    pub role: Role,
    pub has_pass: bool,
    pub methods: Vec<MethodKind>,
}

/// `text` as a `LIKE` pattern matches it literally.
fn literal(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

impl Store {
    /// A page of the organization's people whose name or account has a
    /// word that starts with `query`, in the order of their names; `limit`
    /// rows from `offset`.
    pub async fn search_people(
        &self,
        organization_id: &OrganizationId,
        query: &str,
        limit: usize,
        offset: usize,
        now: UnixTime,
    ) -> StoreResult<Vec<PersonListed>> {
        let typed = literal(&fold(query));
        let rows = sqlx::query(
            "SELECT u.id, u.account_name, u.display_name, u.is_admin, u.is_help_desk, \
             CAST(CASE WHEN EXISTS (SELECT 1 FROM temporary_access_passes p \
               WHERE p.user_id = u.id AND p.expires_at > $5) THEN 1 ELSE 0 END AS BIGINT) AS has_pass \
             FROM users u WHERE u.organization_id = $1 \
             AND (u.search_key LIKE $2 ESCAPE '\\' OR u.search_key LIKE $3 ESCAPE '\\') \
             ORDER BY u.search_key, u.id LIMIT $4 OFFSET $6",
        )
        .bind(organization_id.as_str())
        .bind(format!("{typed}%"))
        .bind(format!("% {typed}%"))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(now)
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        let mut people = Vec::with_capacity(rows.len());
        for row in rows {
            let id = PersonId::new(row.try_get::<String, _>("id")?);
            // A page is a few dozen people: their methods' kinds, each.
            let mut methods: Vec<MethodKind> = self
                .methods_of_user(&id)
                .await?
                .iter()
                .map(|m| m.kind)
                .collect();
            methods.dedup();
            people.push(PersonListed {
                id,
                account_name: row.try_get("account_name")?,
                display_name: row.try_get("display_name")?,
                role: role_of(
                    row.try_get::<i64, _>("is_admin")? != 0,
                    row.try_get::<i64, _>("is_help_desk")? != 0,
                ),
                has_pass: row.try_get::<i64, _>("has_pass")? != 0,
                methods,
            });
        }
        Ok(people)
    }

    /// Gives the person of this organization `role`, unless that leaves
    /// the organization without an administrator who can sign in (S40):
    /// false then, and nothing changes. The organization's row is locked first, so that two
    /// administrators demoting each other at once are taken one after the
    /// other and the second finds the first already gone. `None`: no such
    /// person in the organization.
    pub async fn set_role(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
        role: Role,
    ) -> StoreResult<Option<bool>> {
        let mut tx = self.pool.begin().await?;
        lock_organization(&mut tx, organization_id).await?;
        let changed = sqlx::query(
            "UPDATE users SET is_admin = $1, is_help_desk = $2 WHERE id = $3 AND organization_id = $4",
        )
        .bind(i64::from(role == Role::Administrator))
        .bind(i64::from(role == Role::HelpDesk))
        .bind(id.as_str())
        .bind(organization_id.as_str())
        .execute(&mut *tx)
        .await?;
        if changed.rows_affected() != 1 {
            return Ok(None);
        }
        if active_administrators(&mut tx, organization_id).await? == 0 {
            return Ok(Some(false));
        }
        tx.commit().await?;
        Ok(Some(true))
    }

    /// The person with this id, if they are of this organization.
    pub async fn person_of(
        &self,
        organization_id: &OrganizationId,
        id: &PersonId,
    ) -> StoreResult<Option<UserRecord>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM users u JOIN organizations o ON o.id = u.organization_id \
             WHERE u.id = $1 AND u.organization_id = $2"
        );
        let row = sqlx::query(sql)
            .bind(id.as_str())
            .bind(organization_id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_to_lower_case_without_accents() {
        assert_eq!(fold("  Björn   ÅNGSTRÖM "), "bjorn angstrom");
        assert_eq!(fold("Zoë"), "zoe");
        assert_eq!(literal("50%_a\\b"), "50\\%\\_a\\\\b");
    }
}
