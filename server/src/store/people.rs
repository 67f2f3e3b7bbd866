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

/// What a row of the People list is made of, read from `p`, a page of
/// people, and `m`, their methods.
macro_rules! people_page {
    ($people:literal) => {
        concat!(
            "SELECT p.id, p.account_name, p.display_name, p.is_admin, p.is_help_desk, p.has_pass, \
             p.invited, p.disabled, p.last_sign_in_at, m.kind \
             FROM (SELECT u.id, u.account_name, u.display_name, u.is_admin, u.is_help_desk, \
               u.search_key, u.last_sign_in_at, \
               CAST(CASE WHEN u.disabled_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS disabled, \
               CAST(CASE WHEN EXISTS (SELECT 1 FROM temporary_access_passes t \
                 WHERE t.user_id = u.id AND t.expires_at > $5) THEN 1 ELSE 0 END AS BIGINT) AS has_pass, \
               CAST(CASE WHEN EXISTS (SELECT 1 FROM invitations i \
                 WHERE i.user_id = u.id AND i.used_at IS NULL AND i.expires_at > $5) THEN 1 ELSE 0 END AS BIGINT) AS invited \
               FROM ",
            $people,
            " AND (u.search_key LIKE $2 ESCAPE '\\' OR u.search_key LIKE $3 ESCAPE '\\') \
               ORDER BY u.search_key, u.id LIMIT $4 OFFSET $6) p \
             LEFT JOIN methods m ON m.user_id = p.id \
             ORDER BY p.search_key, p.id, m.created_at, m.id"
        )
    };
}

/// A page of people found by the first word typed, its filed range from
/// `$7` to `$8`: the words index gives the few people it can be, and only
/// they are read and sorted. `EXPLAIN` proves it reads the index
/// (`the_search_by_a_word_reads_the_words_index_on_both_databases`).
pub const SEARCH_BY_WORD: &str = people_page!(
    "(SELECT DISTINCT w.user_id FROM person_words w \
       WHERE w.organization_id = $1 AND w.word >= $7 AND w.word < $8) f \
     JOIN users u ON u.id = f.user_id WHERE u.organization_id = $1"
);

/// The most words of one beginning that the search reads through the
/// words index; more, and the people are read in order, where so many
/// are soon found a page's worth of times.
const FEW_PEOPLE: i64 = 1_000;

/// A page of people read in the order of their keys: everybody, a
/// beginning too short for the words index, or one many people have.
const SEARCH_IN_ORDER: &str = people_page!("users u WHERE u.organization_id = $1");

impl Store {
    /// Files the words of the people who have none: those from before the
    /// words index, whose search key is made anew too (the migration that
    /// added it could only lower-case it). At start; then nothing to do.
    pub async fn backfill_person_words(&self) -> StoreResult<()> {
        let missing: Vec<(String, String, String, String)> = sqlx::query_as(
            "SELECT u.id, u.organization_id, u.display_name, u.account_name FROM users u \
             WHERE NOT EXISTS (SELECT 1 FROM person_words w WHERE w.user_id = u.id)",
        )
        .fetch_all(&self.pool)
        .await?;
        for some in missing.chunks(1_000) {
            let mut tx = self.pool.begin().await?;
            for (id, organization_id, display_name, account_name) in some {
                let key = super::search_key::search_key(display_name, account_name);
                let id = PersonId::new(id.clone());
                sqlx::query("UPDATE users SET search_key = $1 WHERE id = $2")
                    .bind(&key)
                    .bind(id.as_str())
                    .execute(&mut *tx)
                    .await?;
                let organization_id = OrganizationId::new(organization_id.clone());
                super::search_key::file_words(&mut tx, &organization_id, &id, &key).await?;
            }
            tx.commit().await?;
        }
        Ok(())
    }

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
        let folded = fold(query);
        let typed = literal(&folded);
        // The first word typed, long enough to have a head, finds its
        // people by the words index; a shorter one (or none: everybody)
        // reads the organization's people in order, where a beginning so
        // short is soon found LIMIT times.
        let first_word = super::search_key::words(&folded)
            .first()
            .map(|word| (*word).to_owned())
            .filter(|word| word.chars().count() >= super::search_key::INDEXED_CHARS);
        // A word many people have is found soon in order too, and reading
        // all of them through the index would cost more: the index is
        // asked only when it knows few (at most `FEW_PEOPLE` words).
        let range = first_word.as_deref().map(super::search_key::beginning_with);
        let few = match &range {
            Some((low, high)) => {
                let filed: i64 = sqlx::query_scalar(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM person_words w \
                     WHERE w.organization_id = $1 AND w.word >= $2 AND w.word < $3 LIMIT $4) c",
                )
                .bind(organization_id.as_str())
                .bind(low)
                .bind(high)
                .bind(FEW_PEOPLE + 1)
                .fetch_one(&self.pool)
                .await?;
                filed <= FEW_PEOPLE
            }
            None => false,
        };
        let query = sqlx::query(match few {
            true => SEARCH_BY_WORD,
            false => SEARCH_IN_ORDER,
        })
        .bind(organization_id.as_str())
        .bind(format!("{typed}%"))
        .bind(format!("% {typed}%"))
        .bind(i64::try_from(limit).unwrap_or(i64::MAX))
        .bind(now)
        .bind(i64::try_from(offset).unwrap_or(i64::MAX));
        let query = match (few, range) {
            (true, Some((low, high))) => query.bind(low).bind(high),
            _ => query,
        };
        let rows = query.fetch_all(&self.pool).await?;
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
