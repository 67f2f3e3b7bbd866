//! Adding an authenticator app (SPEC §3) and stepping up with one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{Answer, AppStepUp, Body, ConfirmApp, Endpoint, IdOf, StartAuthenticator};
use models::{AuthenticatorCode, AuthenticatorSetup, ConfirmAuthenticator, SecurityInfo};

use crate::authenticator_app;
use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(StartAuthenticator, start)
        .endpoint(ConfirmApp, confirm)
        .endpoint(AppStepUp, step_up)
}

/// Starts adding an app: a fresh secret, its QR code, and the secret as text.
#[utoipa::path(post, path = StartAuthenticator::FULL_PATH, responses(
    (status = 201, body = AuthenticatorSetup), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
) -> AppResult<(StatusCode, Json<Answer<StartAuthenticator>>)> {
    let setup = authenticator_app::start(&state, &session, &methods).await?;
    Ok((StatusCode::CREATED, Json(setup)))
}

/// Registers the app once its current code is right.
#[utoipa::path(post, path = ConfirmApp::FULL_PATH, params(("id" = String, Path)), request_body = ConfirmAuthenticator, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn confirm(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<ConfirmApp>>,
    ApiJson(request): ApiJson<Body<ConfirmApp>>,
) -> AppResult<(CookieJar, Json<Answer<ConfirmApp>>)> {
    let who = caller.on_behalf_of(&session);
    let (code, name) = (&request.code, request.name.as_deref());
    let finished = authenticator_app::confirm(&state, &who, &id, code, name).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}

/// Verifies this session with a code from one of the user's apps (S11);
/// a code already used in its time step is refused (S9).
#[utoipa::path(post, path = AppStepUp::FULL_PATH, request_body = AuthenticatorCode, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<AppStepUp>>,
) -> AppResult<(CookieJar, Json<Answer<AppStepUp>>)> {
    let who = caller.on_behalf_of(&session);
    let (method_id, code) = (&request.method_id, &request.code);
    let finished = authenticator_app::verify(&state, &who, method_id, code).await?;
    let jar = with_session(&state, jar, finished.new_token);
    Ok((jar, Json(finished.info)))
}
