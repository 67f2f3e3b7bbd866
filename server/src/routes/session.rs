//! Signing in (with a password, or a passkey) and out, and what the
//! client learns about its session (`sign_in.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{FinishSecurityKeyRequest, SecurityKeyCeremony, SessionInfo, SignInRequest};

use crate::error::AppResult;
use crate::http::cookies::{csrf_token, presented, signed_in, without_session};
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::session::Authenticated;
use crate::state::AppState;
use crate::{passkey_sign_in, sign_in};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", get(get_session).post(sign_in).delete(sign_out))
        .route("/session/passkey", post(start_passkey))
        .route("/session/passkey/{id}", post(finish_passkey))
        .route("/me/sessions", axum::routing::delete(sign_out_everywhere))
}

/// Who is signed in (if anyone), and the CSRF token to echo.
#[utoipa::path(get, path = "/api/session", responses((status = 200, body = SessionInfo)))]
pub async fn get_session(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(CookieJar, Json<SessionInfo>)> {
    let presented = presented(&state, &jar);
    let (jar, csrf_token) = csrf_token(&state, jar)?;
    let info = sign_in::info(&state, presented.as_deref(), csrf_token).await?;
    Ok((jar, Json(info)))
}

/// Signs in with account name and password. Wrong passwords are counted
/// per account and per client address, in the database, and refused with
/// 429 past the configured limits.
#[utoipa::path(post, path = "/api/session", request_body = SignInRequest, responses(
    (status = 200, body = SessionInfo),
    (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<SignInRequest>,
) -> AppResult<(CookieJar, Json<SessionInfo>)> {
    let presented = presented(&state, &jar);
    let done = sign_in::with_password(&state, &caller, presented.as_deref(), &request).await?;
    Ok((signed_in(&state, jar, done.opened), Json(done.info)))
}

/// Signs out this browser.
#[utoipa::path(delete, path = "/api/session", responses((status = 204), (status = 403, body = models::ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    sign_in::sign_out(&state, presented(&state, &jar).as_deref()).await?;
    Ok((StatusCode::NO_CONTENT, without_session(&state, jar)))
}

/// "Lost device? Sign out everywhere": ends every session of the user, this
/// one included (S20).
#[utoipa::path(delete, path = "/api/me/sessions", responses((status = 204), (status = 401, body = models::ApiError)))]
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    sign_in::sign_out_everywhere(&state, &caller.on_behalf_of(&session)).await?;
    Ok((StatusCode::NO_CONTENT, without_session(&state, jar)))
}

/// Begins a passkey sign-in: no account name is asked.
#[utoipa::path(post, path = "/api/session/passkey", responses(
    (status = 201, body = SecurityKeyCeremony), (status = 429, body = models::ApiError)))]
pub async fn start_passkey(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let ceremony = passkey_sign_in::start(&state, &caller.address).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Signs in with the passkey the browser chose: a complete session, freshly
/// verified (both factors at once).
#[utoipa::path(post, path = "/api/session/passkey/{id}", params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SessionInfo), (status = 401, body = models::ApiError)))]
pub async fn finish_passkey(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<FinishSecurityKeyRequest>,
) -> AppResult<(CookieJar, Json<SessionInfo>)> {
    let presented = presented(&state, &jar);
    let credential = &request.credential_json;
    let done =
        sign_in::with_passkey(&state, &caller, presented.as_deref(), &id, credential).await?;
    Ok((signed_in(&state, jar, done.opened), Json(done.info)))
}
