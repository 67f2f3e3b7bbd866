//! Finding people of an organization (the People page): by the start of
//! their account or of any word of their name, whatever its case or
//! accents. The store keeps each person's `search_key` — the name and
//! account folded as a search folds what is typed — so that one indexed
//! column answers both.

use models::{MethodKind, OrganizationId, PersonId, PersonStatus, Role};
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
    /// The kinds of their methods, oldest first, a kind once.
    pub methods: Vec<MethodKind>,
    pub status: PersonStatus,
    /// Added with an invitation not used yet.
    pub invited: bool,
    pub last_sign_in_at: Option<UnixTime>,
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
        // The page of people first, then each one's methods beside them:
        // one statement for the whole page.
        let rows = sqlx::query(
            "SELECT p.id, p.account_name, p.display_name, p.is_admin, p.is_help_desk, p.has_pass, \
             p.invited, p.disabled, p.last_sign_in_at, m.kind \
             FROM (SELECT u.id, u.account_name, u.display_name, u.is_admin, u.is_help_desk, \
               u.search_key, u.last_sign_in_at, \
               CAST(CASE WHEN u.disabled_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS disabled, \
               CAST(CASE WHEN EXISTS (SELECT 1 FROM temporary_access_passes t \
                 WHERE t.user_id = u.id AND t.expires_at > $5) THEN 1 ELSE 0 END AS BIGINT) AS has_pass, \
               CAST(CASE WHEN EXISTS (SELECT 1 FROM invitations i \
                 WHERE i.user_id = u.id AND i.used_at IS NULL AND i.expires_at > $5) THEN 1 ELSE 0 END AS BIGINT) AS invited \
               FROM users u WHERE u.organization_id = $1 \
               AND (u.search_key LIKE $2 ESCAPE '\\' OR u.search_key LIKE $3 ESCAPE '\\') \
               ORDER BY u.search_key, u.id LIMIT $4 OFFSET $6) p \
             LEFT JOIN methods m ON m.user_id = p.id \
             ORDER BY p.search_key, p.id, m.created_at, m.id",
        )
        .bind(organization_id.as_str())
        .bind(format!("{typed}%"))
        .bind(format!("% {typed}%"))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(now)
        .bind(i64::try_from(offset).unwrap_or(i64::MAX))
        .fetch_all(&self.pool)
        .await?;
        let mut people: Vec<PersonListed> = Vec::with_capacity(limit);
        for row in rows {
            let id = PersonId::new(row.try_get::<String, _>("id")?);
            let kind = row
                .try_get::<Option<String>, _>("kind")?
                .as_deref()
                .and_then(MethodKind::parse);
            if people.last().is_none_or(|p| p.id != id) {
                people.push(PersonListed {
                    id,
                    account_name: row.try_get("account_name")?,
                    display_name: row.try_get("display_name")?,
                    role: role_of(
                        row.try_get::<i64, _>("is_admin")? != 0,
                        row.try_get::<i64, _>("is_help_desk")? != 0,
                    ),
                    has_pass: row.try_get::<i64, _>("has_pass")? != 0,
                    methods: Vec::new(),
                    status: match row.try_get::<i64, _>("disabled")? {
                        0 => PersonStatus::Active,
                        _ => PersonStatus::Disabled,
                    },
                    invited: row.try_get::<i64, _>("invited")? != 0,
                    last_sign_in_at: row.try_get("last_sign_in_at")?,
                });
            }
            if let (Some(kind), Some(person)) = (kind, people.last_mut())
                && !person.methods.contains(&kind)
            {
                person.methods.push(kind);
            }
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
