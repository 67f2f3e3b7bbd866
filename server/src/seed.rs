//! The demo organization of `seed/demo-organization.toml`, for development
//! and tests. `Config::validate` keeps it out of production.

use figment::Figment;
use figment::providers::{Format, Toml};
use models::{AccountName, Locale};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::store::{NewUser, Store};
use crate::{passwords, secret};

pub const DEMO_ORGANIZATION_ID: &str = "contoso";
const DEMO_FILE: &str = include_str!("../seed/demo-organization.toml");

#[derive(Deserialize)]
struct DemoFile {
    organization: DemoOrganization,
    users: Vec<DemoUser>,
    policy: crate::policy::Policy,
}

#[derive(Deserialize)]
struct DemoOrganization {
    id: models::OrganizationId,
    name: String,
    account_domain: String,
    /// An SVG document, shown in the header beside the name.
    #[serde(default)]
    logo_svg: Option<String>,
}

#[derive(Deserialize)]
pub struct DemoUser {
    pub account_name: String,
    pub display_name: String,
    pub password: String,
    #[serde(default)]
    pub locale: Option<Locale>,
    #[serde(default)]
    pub is_admin: bool,
}

/// Creates the demo organization and any demo user that does not exist yet;
/// returns the demo users (with their passwords) to print.
pub async fn seed_demo(store: &Store, now: i64) -> AppResult<Vec<DemoUser>> {
    let demo: DemoFile = Figment::from(Toml::string(DEMO_FILE))
        .extract()
        .map_err(|e| AppError::internal("demo seed file", e))?;
    let org = &demo.organization;
    store
        .upsert_organization(&org.id, &org.name, &org.account_domain, now)
        .await?;
    if let Some(logo) = &org.logo_svg {
        crate::branding::check_logo(logo)
            .map_err(|problem| AppError::internal("demo logo", problem))?;
    }
    store
        .set_organization_logo(&org.id, org.logo_svg.as_deref())
        .await?;
    demo.policy
        .check()
        .map_err(|problem| AppError::internal("demo policy", format!("{problem:?}")))?;
    store.set_policy_if_unset(&org.id, &demo.policy).await?;
    for user in &demo.users {
        let account = AccountName::parse(&user.account_name)
            .map_err(|c| AppError::internal("demo account", c.to_string()))?;
        if store.user_by_account_name(&account).await?.is_some() {
            continue;
        }
        let hash = passwords::hash(user.password.clone()).await?;
        store
            .insert_user(
                NewUser {
                    id: &models::PersonId::new(secret::new_id()?),
                    organization_id: &org.id,
                    account_name: &account,
                    display_name: &user.display_name,
                    password_hash: &hash,
                    locale: user.locale,
                    role: if user.is_admin {
                        models::Role::Administrator
                    } else {
                        models::Role::Member
                    },
                },
                now,
            )
            .await?;
    }
    Ok(demo.users)
}
