//! The organization's policy, for its administrators
//! (`administration.rs`).

use axum::extract::State;
use axum::{Json, Router};

use models::endpoints::{Answer, Body, Endpoint, GetPolicy, PutPolicy};

use crate::administration;
use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::policy::Policy;
use crate::session::Authenticated;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetPolicy, get_policy)
        .endpoint(PutPolicy, put_policy)
}

/// The policy of the admin's organization, every field filled in.
#[utoipa::path(get, path = GetPolicy::FULL_PATH, responses((status = 200, body = Policy), (status = 403, body = models::ApiError)))]
pub async fn get_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Answer<GetPolicy>>> {
    Ok(Json(administration::policy(&state, &session).await?))
}

/// Replaces the policy; fields left out take their defaults.
#[utoipa::path(put, path = PutPolicy::FULL_PATH, request_body = Policy, responses(
    (status = 200, body = Policy), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn put_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(policy): ApiJson<Body<PutPolicy>>,
) -> AppResult<Json<Answer<PutPolicy>>> {
    let who = caller.on_behalf_of(&session);
    Ok(Json(
        administration::set_policy(&state, &who, policy).await?,
    ))
}
