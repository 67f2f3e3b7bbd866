//! Recovery codes (S31): generating a set (shown once), and verifying a
//! sign-in or a step-up with one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{Answer, Body, Endpoint, GenerateRecoveryCodes, RecoveryCodeStepUp};
use models::{RecoveryCodeRequest, RecoveryCodeSet, SecurityInfo};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::recovery_codes;
use crate::session::{Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GenerateRecoveryCodes, generate)
        .endpoint(RecoveryCodeStepUp, step_up)
}

/// Generates ten new recovery codes; earlier ones stop working.
#[utoipa::path(post, path = GenerateRecoveryCodes::FULL_PATH, responses(
    (status = 201, body = RecoveryCodeSet), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn generate(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
    caller: Caller,
) -> AppResult<(StatusCode, Json<Answer<GenerateRecoveryCodes>>)> {
    let who = caller.on_behalf_of(&session);
    let set = recovery_codes::generate_set(&state, &who).await?;
    Ok((StatusCode::CREATED, Json(set)))
}

/// Verifies this session (a step-up, or the second step of a sign-in) with
/// a recovery code, which is used up.
#[utoipa::path(post, path = RecoveryCodeStepUp::FULL_PATH, request_body = RecoveryCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<RecoveryCodeStepUp>>,
) -> AppResult<(CookieJar, Json<Answer<RecoveryCodeStepUp>>)> {
    let who = caller.on_behalf_of(&session);
    let finished = recovery_codes::verify(&state, &who, &request.code).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}
