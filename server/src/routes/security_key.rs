//! Security keys (SPEC §6, S22): registering one, and stepping up with
//! one (`key_ceremonies.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{
    Answer, Body, Endpoint, FinishKeyStepUp, FinishSecurityKey, IdOf, StartKeyStepUp,
    StartSecurityKey,
};
use models::{
    FinishSecurityKeyRequest, SecurityInfo, SecurityKeyCeremony, StartSecurityKeyRequest,
};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::key_ceremonies;
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(StartSecurityKey, start)
        .endpoint(FinishSecurityKey, finish)
        .endpoint(StartKeyStepUp, start_step_up)
        .endpoint(FinishKeyStepUp, finish_step_up)
}

/// Starts registering a key: the creation options for the browser.
#[utoipa::path(post, path = StartSecurityKey::FULL_PATH, request_body = StartSecurityKeyRequest, responses(
    (status = 201, body = SecurityKeyCeremony), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    ApiJson(request): ApiJson<Body<StartSecurityKey>>,
) -> AppResult<(StatusCode, Json<Answer<StartSecurityKey>>)> {
    let ceremony =
        key_ceremonies::start_registration(&state, &session, &methods, &request.name).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Registers the key once webauthn-rs accepts the browser's credential.
#[utoipa::path(post, path = FinishSecurityKey::FULL_PATH, params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn finish(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<FinishSecurityKey>>,
    ApiJson(request): ApiJson<Body<FinishSecurityKey>>,
) -> AppResult<(CookieJar, Json<Answer<FinishSecurityKey>>)> {
    let who = caller.on_behalf_of(&session);
    let credential = &request.credential_json;
    let finished = key_ceremonies::finish_registration(&state, &who, &id, credential).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}

/// Starts verifying this session with any of the user's usable keys (S11).
#[utoipa::path(post, path = StartKeyStepUp::FULL_PATH, responses(
    (status = 201, body = SecurityKeyCeremony), (status = 404, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<(StatusCode, Json<Answer<StartKeyStepUp>>)> {
    let ceremony = key_ceremonies::start_verification(&state, &session).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Verifies this session once webauthn-rs accepts the key's signature;
/// stores the key's new sign count (S22) and rotates the session (S18).
#[utoipa::path(post, path = FinishKeyStepUp::FULL_PATH, params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn finish_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<FinishKeyStepUp>>,
    ApiJson(request): ApiJson<Body<FinishKeyStepUp>>,
) -> AppResult<(CookieJar, Json<Answer<FinishKeyStepUp>>)> {
    let who = caller.on_behalf_of(&session);
    let credential = &request.credential_json;
    let finished = key_ceremonies::finish_verification(&state, &who, &id, credential).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}
