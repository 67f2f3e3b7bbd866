//! A verification under way, whatever its channel: finishing it with a
//! code (text or email) or an answered call, and sending it again. The
//! same endpoints finish a registration and a step-up.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{CallProgress, CallStatus, Challenge, Channel, SecurityInfo, VerifyCodeRequest};

use crate::audit::Requester;
use crate::error::{AppError, AppResult};
use crate::extract::Caller;
use crate::extract::{ApiJson, ApiPath};
use crate::security_info::info_of;
use crate::session::Verifying;
use crate::state::AppState;
use crate::store::ChallengeRecord;
use crate::verification::{self, Completed};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/challenges/{id}", get(progress))
        .route("/me/challenges/{id}/code", post(submit_code))
        .route("/me/challenges/{id}/resend", post(resend))
}

async fn finish(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
    jar: CookieJar,
) -> AppResult<(CookieJar, SecurityInfo)> {
    let (jar, digest) = match verification::complete(state, who, challenge).await? {
        Completed::Registered(added) => (
            crate::session::with_new_token(state, jar, added.new_token),
            added.token_digest,
        ),
        Completed::SteppedUp { method_id } => {
            let how = challenge.channel.as_str();
            crate::session::verified(state, who, how, Some(&method_id), jar).await?
        }
    };
    Ok((jar, info_of(state, &digest).await?))
}

/// Finishes a challenge with the code sent by text or email.
#[utoipa::path(post, path = "/api/me/challenges/{id}/code", params(("id" = String, Path)), request_body = VerifyCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn submit_code(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<VerifyCodeRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let policy = &session.user.policy;
    let who = caller.on_behalf_of(&session);
    let challenge = verification::check_code(&state, &who, policy, &id, &request.code).await?;
    let (jar, info) = finish(&state, &who, &challenge, jar).await?;
    Ok((jar, Json(info)))
}

/// Where a verification call stands; finishes the challenge once # was pressed.
#[utoipa::path(get, path = "/api/me/challenges/{id}", params(("id" = String, Path)), responses(
    (status = 200, body = CallProgress), (status = 404, body = models::ApiError)))]
pub async fn progress(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
) -> AppResult<(CookieJar, Json<CallProgress>)> {
    let challenge = state
        .store
        .challenge(&id, &session.user.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if challenge.channel != Channel::Call {
        return Err(AppError::not_found());
    }
    verification::may_finish(&session, &challenge)?;
    let (status, finishes) = verification::poll_call(&state, &session.user.id, &challenge).await?;
    if finishes {
        let who = caller.on_behalf_of(&session);
        let (jar, _) = finish(&state, &who, &challenge, jar).await?;
        return Ok((jar, Json(CallProgress { status, done: true })));
    }
    let done = status == CallStatus::Confirmed && challenge.consumed_at.is_some();
    Ok((jar, Json(CallProgress { status, done })))
}

/// Sends a new code (or calls again) to the same number or address, after
/// the cooldown.
#[utoipa::path(post, path = "/api/me/challenges/{id}/resend", params(("id" = String, Path)), responses(
    (status = 201, body = Challenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn resend(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> AppResult<(StatusCode, Json<Challenge>)> {
    let who = caller.on_behalf_of(&session);
    let challenge = verification::send_again(&state, &who, &id).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
