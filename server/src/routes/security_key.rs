//! Security keys (SPEC §6, S22): registering one, and stepping up with
//! one (`key_ceremonies.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    FinishSecurityKeyRequest, SecurityInfo, SecurityKeyCeremony, StartSecurityKeyRequest,
};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::key_ceremonies;
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/security-keys", post(start))
        .route("/me/security-keys/{id}", post(finish))
        .route("/me/step-up/security-key", post(start_step_up))
        .route("/me/step-up/security-key/{id}", post(finish_step_up))
}

/// Starts registering a key: the creation options for the browser.
#[utoipa::path(post, path = "/api/me/security-keys", request_body = StartSecurityKeyRequest, responses(
    (status = 201, body = SecurityKeyCeremony), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    ApiJson(request): ApiJson<StartSecurityKeyRequest>,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let ceremony =
        key_ceremonies::start_registration(&state, &session, &methods, &request.name).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Registers the key once webauthn-rs accepts the browser's credential.
#[utoipa::path(post, path = "/api/me/security-keys/{id}", params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn finish(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<FinishSecurityKeyRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let who = caller.on_behalf_of(&session);
    let credential = &request.credential_json;
    let finished = key_ceremonies::finish_registration(&state, &who, &id, credential).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}

/// Starts verifying this session with any of the user's usable keys (S11).
#[utoipa::path(post, path = "/api/me/step-up/security-key", responses(
    (status = 201, body = SecurityKeyCeremony), (status = 404, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let ceremony = key_ceremonies::start_verification(&state, &session).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Verifies this session once webauthn-rs accepts the key's signature;
/// stores the key's new sign count (S22) and rotates the session (S18).
#[utoipa::path(post, path = "/api/me/step-up/security-key/{id}", params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn finish_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<FinishSecurityKeyRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let who = caller.on_behalf_of(&session);
    let credential = &request.credential_json;
    let finished = key_ceremonies::finish_verification(&state, &who, &id, credential).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}
