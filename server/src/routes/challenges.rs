//! A verification under way, whatever its channel: finishing it with a
//! code (text or email) or an answered call, and sending it again. The
//! same endpoints finish a registration and a step-up.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{Answer, Body, CallProgressOf, Endpoint, IdOf, Resend, SubmitCode};
use models::{CallProgress, Challenge, SecurityInfo, VerifyCodeRequest};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::session::Verifying;
use crate::state::AppState;
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(CallProgressOf, progress)
        .endpoint(SubmitCode, submit_code)
        .endpoint(Resend, resend)
}

/// Finishes a challenge with the code sent by text or email.
#[utoipa::path(post, path = SubmitCode::FULL_PATH, params(("id" = String, Path)), request_body = VerifyCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn submit_code(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<SubmitCode>>,
    ApiJson(request): ApiJson<Body<SubmitCode>>,
) -> AppResult<(CookieJar, Json<Answer<SubmitCode>>)> {
    let who = caller.on_behalf_of(&session);
    let finished = verification::submit_code(&state, &who, &id, &request.code).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}

/// Where a verification call stands; finishes the challenge once # was pressed.
#[utoipa::path(get, path = CallProgressOf::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = CallProgress), (status = 404, body = models::ApiError)))]
pub async fn progress(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<CallProgressOf>>,
) -> AppResult<(CookieJar, Json<Answer<CallProgressOf>>)> {
    let who = caller.on_behalf_of(&session);
    let (progress, finished) = verification::call_progress(&state, &who, &id).await?;
    let jar = with_session(&state, jar, finished.and_then(|f| f.new_token));
    Ok((jar, Json(progress)))
}

/// Sends a new code (or calls again) to the same number or address, after
/// the cooldown.
#[utoipa::path(post, path = Resend::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 201, body = Challenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn resend(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<Resend>>,
) -> AppResult<(StatusCode, Json<Answer<Resend>>)> {
    let who = caller.on_behalf_of(&session);
    let challenge = verification::send_again(&state, &who, &id).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
