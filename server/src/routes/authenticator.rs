//! Adding an authenticator app (SPEC §3) and stepping up with one.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    AuthenticatorCode, AuthenticatorSetup, ErrorCode, Field, MethodKind, SecurityInfo,
    VerifyCodeRequest,
};

use crate::authenticator::{self, MAX_APPS};
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::routes::methods::{after_mfa_method_added, guarded, info_after, stepped_up};
use crate::secret;
use crate::session::Authenticated;
use crate::state::AppState;
use crate::store::NewMethod;
use crate::verification::Caller;

/// A pending app must be confirmed within this time.
const PENDING_SECS: i64 = 15 * 60;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/authenticator", post(start))
        .route("/me/authenticator/{id}/code", post(confirm))
        .route("/me/step-up/authenticator", post(step_up))
}

/// Starts adding an app: a fresh secret, its QR code, and the secret as text.
#[utoipa::path(post, path = "/api/me/authenticator", responses(
    (status = 201, body = AuthenticatorSetup), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<(StatusCode, Json<AuthenticatorSetup>)> {
    let (policy, methods) = guarded(&state, &session).await?;
    if !policy.allows(MethodKind::AuthenticatorApp)
        || methods
            .iter()
            .filter(|m| m.kind == MethodKind::AuthenticatorApp)
            .count()
            >= MAX_APPS
    {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    let secret = authenticator::new_secret()?;
    let now = state.now();
    let id = secret::new_id()?;
    let encrypted = authenticator::encrypt(&state.code_key, &secret)?;
    state
        .store
        .insert_pending_authenticator(&id, &session.user.id, &encrypted, now, now + PENDING_SECS)
        .await?;
    let account = session.user.account_name.to_string();
    let issuer = session.user.organization_name.clone();
    let uri = authenticator::uri(&secret, &account, &issuer)?;
    let setup = AuthenticatorSetup {
        pending_id: id,
        secret: authenticator::secret_for_people(&secret)?,
        qr_svg: authenticator::qr_svg(&uri)?,
        uri,
        account_name: account,
        issuer,
    };
    Ok((StatusCode::CREATED, Json(setup)))
}

/// Registers the app once its current code is right.
#[utoipa::path(post, path = "/api/me/authenticator/{id}/code", params(("id" = String, Path)), request_body = VerifyCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn confirm(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<VerifyCodeRequest>,
) -> AppResult<Json<SecurityInfo>> {
    let now = state.now();
    let user_id = &session.user.id;
    let encrypted = state
        .store
        .pending_authenticator(&id, user_id, now)
        .await?
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &encrypted)?;
    let step = check(&state, user_id, &secret, &request.code).await?;
    if !state.store.take_pending_authenticator(&id, user_id).await? {
        return Err(AppError::not_found());
    }
    let method_id = secret::new_id()?;
    let data = serde_json::to_string(&crate::store::AuthenticatorData {
        secret_enc: encrypted,
    })
    .map_err(|e| AppError::internal(e.to_string()))?;
    let kind = MethodKind::AuthenticatorApp;
    state
        .store
        .insert_method(
            NewMethod {
                id: &method_id,
                user_id,
                kind,
                detail: "",
                data: &data,
            },
            now,
        )
        .await?;
    state.store.set_totp_last_step(&method_id, step).await?;
    after_mfa_method_added(&state, &session, &caller, &method_id, kind).await?;
    Ok(Json(info_after(&state, &session, &CookieJar::new()).await?))
}

/// The step a code matches, counting a wrong one toward the account's
/// hourly failures (S6).
async fn check(state: &AppState, user_id: &str, secret: &[u8], typed: &str) -> AppResult<i64> {
    if typed.trim().is_empty() {
        return Err(AppError::invalid(ErrorCode::CodeRequired, Field::Code));
    }
    let now = state.now();
    let bucket = format!("verify:user:{user_id}");
    let failures = state.store.counter(&bucket, now - 3600).await?;
    if failures.count >= 100 {
        return Err(AppError::throttled(
            (failures.window_start + 3600 - now).max(1) as u64,
        ));
    }
    match authenticator::matching_step(secret, typed, now) {
        Some(step) => Ok(step as i64),
        None => {
            state.store.bump_counter(&bucket, now, now - 3600).await?;
            Err(AppError::invalid(ErrorCode::WrongCode, Field::Code))
        }
    }
}

/// Verifies this session with a code from one of the user's apps (S11);
/// a code already used in its time step is refused (S9).
#[utoipa::path(post, path = "/api/me/step-up/authenticator", request_body = AuthenticatorCode, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<AuthenticatorCode>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let user_id = &session.user.id;
    let methods = state.store.methods_of_user(user_id).await?;
    let method = methods
        .iter()
        .find(|m| m.id == request.method_id)
        .ok_or_else(AppError::not_found)?;
    let stored = method
        .authenticator
        .as_ref()
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &stored.secret_enc)?;
    let step = check(&state, user_id, &secret, &request.code).await?;
    if !state
        .store
        .accept_totp_step(&method.id, user_id, step)
        .await?
    {
        caller
            .record(&state, &session, "totp-reuse-refused", Some(&method.id), "")
            .await?;
        return Err(AppError::invalid(ErrorCode::CodeUsed, Field::Code));
    }
    stepped_up(&state, &session, jar).await
}
