use models::{AccountName, Locale, OrganizationId, PersonId, Role};
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;
use super::StoreResult;
use crate::clock::UnixTime;

/// A person's account as the server knows it.
#[derive(Clone, Debug)]
pub struct UserRecord {
    pub id: PersonId,
    pub organization_id: OrganizationId,
    pub organization_name: String,
    /// Whether the organization has a logo to show.
    pub organization_has_logo: bool,
    pub account_name: AccountName,
    pub display_name: String,
    pub password_hash: String,
    /// None (an empty hash), their own, or a temporary one to replace.
    pub password: models::PasswordState,
    pub locale: Option<Locale>,
    pub is_admin: bool,
    /// The help desk: people actions, on members only (S40).
    pub is_help_desk: bool,
    /// Disabled by an administrator or the help desk: no sign-in (S40).
    pub status: models::PersonStatus,
    /// Unix seconds of the last sign-in, if any.
    pub last_sign_in_at: Option<UnixTime>,
    pub default_method_id: Option<String>,
    /// For a phone default: text or call.
    pub default_delivery: Option<models::PhoneDelivery>,
    /// The organization's policy, read with the user: a change applies to
    /// the next request without a restart.
    pub policy: crate::policy::Policy,
}

pub struct NewUser<'a> {
    pub id: &'a PersonId,
    pub organization_id: &'a OrganizationId,
    pub account_name: &'a AccountName,
    pub display_name: &'a str,
    pub password_hash: &'a str,
    pub locale: Option<Locale>,
    pub role: Role,
}

impl UserRecord {
    /// What they may do for others in their organization.
    pub fn role(&self) -> Role {
        role_of(self.is_admin, self.is_help_desk)
    }
}

/// The role the two stored flags make (nobody is both).
pub(super) fn role_of(is_admin: bool, is_help_desk: bool) -> Role {
    match (is_admin, is_help_desk) {
        (true, _) => Role::Administrator,
        (false, true) => Role::HelpDesk,
        (false, false) => Role::Member,
    }
}

/// The columns `user_from_row` reads, for statements that join `users u`
/// with `organizations o` (a macro, so statements stay `&'static str`).
macro_rules! user_columns {
    () => {
        "u.id, u.organization_id, o.name AS organization_name, \
         CAST(CASE WHEN o.logo_svg IS NULL THEN 0 ELSE 1 END AS BIGINT) AS organization_has_logo, u.account_name, \
         u.display_name, u.password_hash, u.locale, u.is_admin, u.is_help_desk, u.default_method_id, \
         u.default_delivery, o.policy, u.last_sign_in_at, u.password_temporary, \
         CAST(CASE WHEN u.disabled_at IS NULL THEN 0 ELSE 1 END AS BIGINT) AS disabled"
    };
}
pub(super) use user_columns;

pub(super) fn user_from_row(row: &AnyRow) -> StoreResult<UserRecord> {
    let account_name: String = row.try_get("account_name")?;
    let locale: Option<String> = row.try_get("locale")?;
    let password_hash: String = row.try_get("password_hash")?;
    Ok(UserRecord {
        id: PersonId::new(row.try_get::<String, _>("id")?),
        organization_id: OrganizationId::new(row.try_get::<String, _>("organization_id")?),
        organization_name: row.try_get("organization_name")?,
        organization_has_logo: row.try_get::<i64, _>("organization_has_logo")? != 0,
        // Stored names were parsed on the way in; re-parsing cannot fail
        // unless the table was edited by hand, which is then an error.
        account_name: AccountName::parse(&account_name)
            .map_err(|code| super::StoreError::encoding("account name", code.to_string()))?,
        display_name: row.try_get("display_name")?,
        password: match (
            password_hash.is_empty(),
            row.try_get::<i64, _>("password_temporary")?,
        ) {
            (true, _) => models::PasswordState::None,
            (false, 0) => models::PasswordState::Set,
            (false, _) => models::PasswordState::Temporary,
        },
        password_hash,
        locale: locale.as_deref().and_then(Locale::parse),
        is_admin: row.try_get::<i64, _>("is_admin")? != 0,
        is_help_desk: row.try_get::<i64, _>("is_help_desk")? != 0,
        status: match row.try_get::<i64, _>("disabled")? {
            0 => models::PersonStatus::Active,
            _ => models::PersonStatus::Disabled,
        },
        last_sign_in_at: row.try_get("last_sign_in_at")?,
        default_method_id: row.try_get("default_method_id")?,
        default_delivery: row
            .try_get::<Option<String>, _>("default_delivery")?
            .as_deref()
            .and_then(super::challenges::parse_delivery),
        policy: crate::policy::from_json(&row.try_get::<String, _>("policy")?),
    })
}

/// Every sign-in runs it.
pub(super) const USER_BY_ACCOUNT_NAME: &str = concat!(
    "SELECT ",
    user_columns!(),
    " FROM users u JOIN organizations o ON o.id = u.organization_id WHERE u.account_name = $1"
);

impl Store {
    pub async fn upsert_organization(
        &self,
        id: &OrganizationId,
        name: &str,
        account_domain: &str,
        now: UnixTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO organizations (id, name, account_domain, created_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, account_domain = excluded.account_domain",
        )
        .bind(id.as_str())
        .bind(name)
        .bind(account_domain)
        .bind(now)
        .execute(&self.pool)
        .await?;
        sqlx::query(
            "INSERT INTO organization_domains (organization_id, domain) SELECT $1, $2 \
             WHERE NOT EXISTS (SELECT 1 FROM organization_domains WHERE organization_id = $1 AND domain = $2)",
        )
        .bind(id.as_str())
        .bind(account_domain)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Sets (or with `None` removes) the organization's logo.
    pub async fn set_organization_logo(
        &self,
        id: &OrganizationId,
        logo_svg: Option<&str>,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE organizations SET logo_svg = $1 WHERE id = $2")
            .bind(logo_svg)
            .bind(id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The domains the organization's account names end in, its first
    /// one first.
    pub async fn organization_domains(&self, id: &OrganizationId) -> StoreResult<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT d.domain FROM organization_domains d JOIN organizations o ON o.id = d.organization_id \
             WHERE d.organization_id = $1 \
             ORDER BY CASE WHEN d.domain = o.account_domain THEN 0 ELSE 1 END, d.domain",
        )
        .bind(id.as_str())
        .fetch_all(&self.pool)
        .await?)
    }

    /// The organization's logo, if it has one.
    pub async fn organization_logo(&self, id: &OrganizationId) -> StoreResult<Option<String>> {
        let row = sqlx::query("SELECT logo_svg FROM organizations WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(row) => row.try_get("logo_svg")?,
            None => None,
        })
    }

    /// Creates the user; returns false when the account name is taken.
    pub async fn insert_user(&self, user: NewUser<'_>, now: UnixTime) -> StoreResult<bool> {
        let mut tx = self.pool.begin().await?;
        let created = insert_user(&mut tx, &user, now).await?;
        tx.commit().await?;
        Ok(created)
    }

    pub async fn user_by_account_name(
        &self,
        name: &AccountName,
    ) -> StoreResult<Option<UserRecord>> {
        let row = sqlx::query(USER_BY_ACCOUNT_NAME)
            .bind(name.as_str())
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    /// The one person whose security key has this credential id (F19).
    pub async fn user_by_credential_id(
        &self,
        credential_id: &str,
    ) -> StoreResult<Option<UserRecord>> {
        let sql = concat!(
            "SELECT ",
            user_columns!(),
            " FROM methods m JOIN users u ON u.id = m.user_id \
             JOIN organizations o ON o.id = u.organization_id WHERE m.credential_id = $1"
        );
        let row = sqlx::query(sql)
            .bind(credential_id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user_from_row).transpose()
    }

    pub async fn set_user_locale(&self, user_id: &PersonId, locale: Locale) -> StoreResult<()> {
        sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale.tag())
            .bind(user_id.as_str())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Removes a user and everything that hangs off them.
    /// Replaces the person's password hash by another of the same password
    /// (made with newer parameters), unless it changed since `old` was
    /// read: one statement, so a password set meanwhile stays. Sessions
    /// stay too: the password did not change. Whether it was replaced.
    pub async fn renew_password_hash(
        &self,
        user_id: &PersonId,
        old: &str,
        new: &str,
    ) -> StoreResult<bool> {
        let done =
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash = $3")
                .bind(new)
                .bind(user_id.as_str())
                .bind(old)
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn delete_user(&self, name: &AccountName) -> StoreResult<bool> {
        // Writes only, no read first: a SQLite transaction that reads and
        // then writes fails at once (SQLITE_BUSY) when another connection
        // wrote in between; one that starts by writing waits its turn.
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE account_name = $1)",
        )
        .bind(name.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM recovery_codes WHERE user_id IN (SELECT id FROM users WHERE account_name = $1)",
        )
        .bind(name.as_str())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "DELETE FROM methods WHERE user_id IN (SELECT id FROM users WHERE account_name = $1)",
        )
        .bind(name.as_str())
        .execute(&mut *tx)
        .await?;
        let deleted = sqlx::query("DELETE FROM users WHERE account_name = $1")
            .bind(name.as_str())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(deleted.rows_affected() == 1)
    }
}

/// Creates the user, with the words a search finds them by, in the
/// caller's transaction; false when the account name is taken.
pub(super) async fn insert_user(
    db: &mut sqlx::AnyConnection,
    user: &NewUser<'_>,
    now: UnixTime,
) -> StoreResult<bool> {
    let key = super::search_key::search_key(user.display_name, user.account_name.as_str());
    let result = sqlx::query(
        "INSERT INTO users (id, organization_id, account_name, display_name, password_hash, locale, is_admin, created_at, search_key, is_help_desk) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (account_name) DO NOTHING",
    )
    .bind(user.id.as_str())
    .bind(user.organization_id.as_str())
    .bind(user.account_name.as_str())
    .bind(user.display_name)
    .bind(user.password_hash)
    .bind(user.locale.map(Locale::tag))
    .bind(i64::from(user.role == Role::Administrator))
    .bind(now)
    .bind(&key)
    .bind(i64::from(user.role == Role::HelpDesk))
    .execute(&mut *db)
    .await?;
    if result.rows_affected() != 1 {
        return Ok(false);
    }
    super::search_key::add_words(db, user.organization_id, user.id, &key).await?;
    Ok(true)
}
