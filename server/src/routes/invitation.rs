//! An invitation's link (`invitation.rs`): whose it is, the strength of a
//! password being chosen, and the first password, which signs in.

use axum::extract::State;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{
    AcceptInvitationPassword, Answer, Body, Endpoint, GetInvitation, RateInvitationPassword,
};
use models::{
    AcceptInvitation, InvitationCandidate, InvitationToken, InvitationView, PasswordStrength,
    SessionInfo,
};

use crate::error::AppResult;
use crate::http::cookies::{presented, signed_in};
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::invitation;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetInvitation, view)
        .endpoint(RateInvitationPassword, strength)
        .endpoint(AcceptInvitationPassword, accept)
}

/// Who an invitation's link is for.
#[utoipa::path(post, path = GetInvitation::FULL_PATH, request_body = InvitationToken, responses(
    (status = 200, body = InvitationView), (status = 404, body = models::ApiError)))]
pub async fn view(
    State(state): State<AppState>,
    ApiJson(request): ApiJson<Body<GetInvitation>>,
) -> AppResult<Json<Answer<GetInvitation>>> {
    Ok(Json(invitation::view(&state, &request.token).await?))
}

/// How hard a password the invited person is choosing is to guess.
#[utoipa::path(post, path = RateInvitationPassword::FULL_PATH, request_body = InvitationCandidate, responses(
    (status = 200, body = PasswordStrength), (status = 404, body = models::ApiError)))]
pub async fn strength(
    State(state): State<AppState>,
    ApiJson(candidate): ApiJson<Body<RateInvitationPassword>>,
) -> AppResult<Json<Answer<RateInvitationPassword>>> {
    Ok(Json(invitation::rate(&state, &candidate).await?))
}

/// The invited person's first password; they are signed in.
#[utoipa::path(put, path = AcceptInvitationPassword::FULL_PATH, request_body = AcceptInvitation, responses(
    (status = 200, body = SessionInfo), (status = 400, body = models::ApiError),
    (status = 404, body = models::ApiError)))]
pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<AcceptInvitationPassword>>,
) -> AppResult<(CookieJar, Json<Answer<AcceptInvitationPassword>>)> {
    let presented = presented(&state, &jar);
    let done = invitation::accept(&state, &caller, presented.as_ref(), request).await?;
    Ok((signed_in(&state, jar, done.opened), Json(done.info)))
}
