//! Recovery codes (S31): generating a set (shown once), and verifying a
//! sign-in or a step-up with one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{RecoveryCodeRequest, RecoveryCodeSet, SecurityInfo};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::extract::{ApiJson, Caller};
use crate::recovery_codes;
use crate::session::{Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/recovery-codes", post(generate))
        .route("/me/step-up/recovery-code", post(step_up))
}

/// Generates ten new recovery codes; earlier ones stop working.
#[utoipa::path(post, path = "/api/me/recovery-codes", responses(
    (status = 201, body = RecoveryCodeSet), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn generate(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
    caller: Caller,
) -> AppResult<(StatusCode, Json<RecoveryCodeSet>)> {
    let who = caller.on_behalf_of(&session);
    let set = recovery_codes::generate_set(&state, &who).await?;
    Ok((StatusCode::CREATED, Json(set)))
}

/// Verifies this session (a step-up, or the second step of a sign-in) with
/// a recovery code, which is used up.
#[utoipa::path(post, path = "/api/me/step-up/recovery-code", request_body = RecoveryCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<RecoveryCodeRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let who = caller.on_behalf_of(&session);
    let finished = recovery_codes::verify(&state, &who, &request.code).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}
