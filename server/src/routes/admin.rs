//! The organization's policy, for its administrators
//! (`administration.rs`).

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};

use crate::administration;
use crate::error::AppResult;
use crate::http::extract::{ApiJson, Caller};
use crate::policy::Policy;
use crate::session::Authenticated;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/policy", get(get_policy).put(put_policy))
}

/// The policy of the admin's organization, every field filled in.
#[utoipa::path(get, path = "/api/admin/policy", responses((status = 200, body = Policy), (status = 403, body = models::ApiError)))]
pub async fn get_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Policy>> {
    Ok(Json(administration::policy(&state, &session).await?))
}

/// Replaces the policy; fields left out take their defaults.
#[utoipa::path(put, path = "/api/admin/policy", request_body = Policy, responses(
    (status = 200, body = Policy), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn put_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(policy): ApiJson<Policy>,
) -> AppResult<Json<Policy>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(
        administration::set_policy(&state, &who, policy).await?,
    ))
}
