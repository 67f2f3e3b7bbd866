//! Test seam: creates and removes users so that every Playwright test
//! brings its own. Mounted only in `test` mode (see `Config::test_seams`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, post};
use axum::{Json, Router};
use models::{AccountName, Field, Locale};
use serde::Deserialize;

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::store::NewUser;
use crate::{passwords, secret, seed};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/test/users", post(create_user))
        .route("/test/users/{account_name}", delete(delete_user))
        .route(
            "/test/users/{account_name}/expire-challenges",
            post(expire_challenges),
        )
}

#[derive(Deserialize)]
struct NewTestUser {
    account_name: String,
    password: String,
    display_name: String,
    #[serde(default)]
    locale: Option<Locale>,
    /// A policy of its own: the user gets an organization of their own.
    #[serde(default)]
    policy: Option<crate::policy::Policy>,
    /// Join the organization of this account instead.
    #[serde(default)]
    organization_of: Option<String>,
    #[serde(default)]
    is_admin: bool,
    /// The new organization's logo (an SVG document).
    #[serde(default)]
    logo_svg: Option<String>,
}

async fn create_user(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<NewTestUser>,
) -> AppResult<(StatusCode, Json<serde_json::Value>)> {
    let account = AccountName::parse(&body.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    let hash = passwords::hash(body.password).await?;
    let id = secret::new_id()?;
    let joined = match &body.organization_of {
        Some(other) => {
            let other = AccountName::parse(other)
                .map_err(|code| AppError::invalid(code, Field::AccountName))?;
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
            let org = format!("test-{}", secret::new_id()?);
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
        (None, None) => seed::DEMO_ORGANIZATION_ID.to_owned(),
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
                is_admin: body.is_admin,
            },
            state.now(),
        )
        .await?;
    let status = if created {
        StatusCode::CREATED
    } else {
        StatusCode::CONFLICT
    };
    Ok((status, Json(serde_json::json!({ "account_name": account }))))
}

async fn delete_user(
    State(state): State<AppState>,
    ApiPath(account_name): ApiPath<String>,
) -> AppResult<StatusCode> {
    let account = AccountName::parse(&account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    if state.store.delete_user(&account).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::not_found())
    }
}

/// Lets a test see an expired code without waiting ten minutes: every open
/// challenge of the user expires now.
async fn expire_challenges(
    State(state): State<AppState>,
    ApiPath(account_name): ApiPath<String>,
) -> AppResult<StatusCode> {
    let account = AccountName::parse(&account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    let user = state
        .store
        .user_by_account_name(&account)
        .await?
        .ok_or_else(AppError::not_found)?;
    state
        .store
        .expire_challenges_of_user(&user.id, state.now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
