//! Signing in (with a password, or a passkey) and out, and what the
//! client learns about its session (`sign_in.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{
    Answer, Body, Endpoint, FinishPasskeySignIn, GetSession, IdOf, SignIn, SignOut,
    SignOutEverywhere, StartPasskeySignIn,
};
use models::{FinishSecurityKeyRequest, SecurityKeyCeremony, SessionInfo, SignInRequest};

use crate::error::AppResult;
use crate::http::cookies::{csrf_token, presented, signed_in, without_session};
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::session::Authenticated;
use crate::state::AppState;
use crate::{passkey_sign_in, sign_in};

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetSession, get_session)
        .endpoint(SignIn, sign_in)
        .endpoint(SignOut, sign_out)
        .endpoint(StartPasskeySignIn, start_passkey)
        .endpoint(FinishPasskeySignIn, finish_passkey)
        .endpoint(SignOutEverywhere, sign_out_everywhere)
}

/// Who is signed in (if anyone), and the CSRF token to echo.
#[utoipa::path(get, path = GetSession::FULL_PATH, responses((status = 200, body = SessionInfo)))]
pub async fn get_session(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(CookieJar, Json<Answer<GetSession>>)> {
    let presented = presented(&state, &jar);
    let (jar, csrf_token) = csrf_token(&state, jar)?;
    let info = sign_in::info(&state, presented.as_ref(), csrf_token).await?;
    Ok((jar, Json(info)))
}

/// Signs in with account name and password. Wrong passwords are counted
/// per account and per client address, in the database, and refused with
/// 429 past the configured limits.
#[utoipa::path(post, path = SignIn::FULL_PATH, request_body = SignInRequest, responses(
    (status = 200, body = SessionInfo),
    (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn sign_in(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<SignIn>>,
) -> AppResult<(CookieJar, Json<Answer<SignIn>>)> {
    let presented = presented(&state, &jar);
    let done = sign_in::with_password(&state, &caller, presented.as_ref(), &request).await?;
    Ok((signed_in(&state, jar, done.opened), Json(done.info)))
}

/// Signs out this browser.
#[utoipa::path(delete, path = SignOut::FULL_PATH, responses((status = 204), (status = 403, body = models::ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    sign_in::sign_out(&state, presented(&state, &jar).as_ref()).await?;
    Ok((StatusCode::NO_CONTENT, without_session(&state, jar)))
}

/// "Lost device? Sign out everywhere": ends every session of the user, this
/// one included (S20).
#[utoipa::path(delete, path = SignOutEverywhere::FULL_PATH, responses((status = 204), (status = 401, body = models::ApiError)))]
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
#[utoipa::path(post, path = StartPasskeySignIn::FULL_PATH, responses(
    (status = 201, body = SecurityKeyCeremony), (status = 429, body = models::ApiError)))]
pub async fn start_passkey(
    State(state): State<AppState>,
    caller: Caller,
) -> AppResult<(StatusCode, Json<Answer<StartPasskeySignIn>>)> {
    let ceremony = passkey_sign_in::start(&state, &caller.address).await?;
    Ok((StatusCode::CREATED, Json(ceremony)))
}

/// Signs in with the passkey the browser chose: a complete session, freshly
/// verified (both factors at once).
#[utoipa::path(post, path = FinishPasskeySignIn::FULL_PATH, params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SessionInfo), (status = 401, body = models::ApiError)))]
pub async fn finish_passkey(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<FinishPasskeySignIn>>,
    ApiJson(request): ApiJson<Body<FinishPasskeySignIn>>,
) -> AppResult<(CookieJar, Json<Answer<FinishPasskeySignIn>>)> {
    let presented = presented(&state, &jar);
    let credential = &request.credential_json;
    let done = sign_in::with_passkey(&state, &caller, presented.as_ref(), &id, credential).await?;
    Ok((signed_in(&state, jar, done.opened), Json(done.info)))
}
