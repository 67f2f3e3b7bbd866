//! Test seam: people created and removed so that every end-to-end test
//! brings its own, and codes expired without waiting. Mounted only in
//! `test` mode (see `Config::test_seams`); never in production.

use models::{AccountName, Field, Locale};
use models::{OrganizationId, PersonId};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::store::NewUser;
use crate::{passwords, secret, seed};

#[derive(Deserialize)]
pub struct NewTestUser {
    pub account_name: String,
    pub password: String,
    pub display_name: String,
    #[serde(default)]
    pub locale: Option<Locale>,
    /// A policy of its own: the user gets an organization of their own.
    #[serde(default)]
    pub policy: Option<crate::policy::Policy>,
    /// Join the organization of this account instead.
    #[serde(default)]
    pub organization_of: Option<String>,
    #[serde(default)]
    pub is_admin: bool,
    /// The new organization's logo (an SVG document).
    #[serde(default)]
    pub logo_svg: Option<String>,
}

fn parse_account(name: &str) -> AppResult<AccountName> {
    AccountName::parse(name).map_err(|code| AppError::invalid(code, Field::AccountName))
}

/// Creates the person; `false` when the account name is taken.
pub async fn create_user(state: &AppState, body: NewTestUser) -> AppResult<bool> {
    let account = parse_account(&body.account_name)?;
    let hash = passwords::hash(body.password).await?;
    let id = PersonId::new(secret::new_id()?);
    let joined = match &body.organization_of {
        Some(other) => {
            let other = parse_account(other)?;
            Some(
                state
                    .store
                    .user_by_account_name(&other)
                    .await?
                    .ok_or_else(AppError::not_found)?
                    .organization_id,
            )
        }
        None => None,
    };
    let organization_id = match (&body.policy, joined) {
        (_, Some(org)) => org,
        (Some(policy), None) => {
            let org = OrganizationId::new(format!("test-{}", secret::new_id()?));
            state
                .store
                .upsert_organization(&org, "Contoso", "contoso.example", state.now())
                .await?;
            state.store.set_policy(&org, policy).await?;
            state
                .store
                .set_organization_logo(&org, body.logo_svg.as_deref())
                .await?;
            org
        }
        (None, None) => OrganizationId::new(seed::DEMO_ORGANIZATION_ID),
    };
    let created = state
        .store
        .insert_user(
            NewUser {
                id: &id,
                organization_id: &organization_id,
                account_name: &account,
                display_name: &body.display_name,
                password_hash: &hash,
                locale: body.locale,
                role: if body.is_admin {
                    models::Role::Administrator
                } else {
                    models::Role::Member
                },
            },
            state.now(),
        )
        .await?;
    Ok(created)
}

/// Removes the person and everything of theirs.
pub async fn delete_user(state: &AppState, account_name: &str) -> AppResult<()> {
    match state
        .store
        .delete_user(&parse_account(account_name)?)
        .await?
    {
        true => Ok(()),
        false => Err(AppError::not_found()),
    }
}

/// Every open challenge of the person expires now.
pub async fn expire_challenges(state: &AppState, account_name: &str) -> AppResult<()> {
    let user = state
        .store
        .user_by_account_name(&parse_account(account_name)?)
        .await?
        .ok_or_else(AppError::not_found)?;
    state
        .store
        .expire_challenges_of_user(&user.id, state.now())
        .await?;
    Ok(())
}
