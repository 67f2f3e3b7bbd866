//! Setting up an email address (SPEC §4): sending a code to it (finished
//! through `routes/challenges.rs`, exactly like a texted code).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use models::endpoints::{Answer, Body, Endpoint, StartEmail};
use models::{Challenge, StartEmailRequest};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::registration;
use crate::session::Verified;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().endpoint(StartEmail, start)
}

/// Validates the address and sends a 6-digit code to it.
#[utoipa::path(post, path = StartEmail::FULL_PATH, request_body = StartEmailRequest, responses(
    (status = 201, body = Challenge), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<Body<StartEmail>>,
) -> AppResult<(StatusCode, Json<Answer<StartEmail>>)> {
    let who = caller.on_behalf_of(&session);
    let challenge = registration::start_email(&state, &who, &methods, &request).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
