//! Registering a security key (SPEC §6, S22): the server starts the
//! WebAuthn ceremony and keeps its state in the database; the browser
//! creates the credential; the server checks it (challenge, origin, RP id)
//! and stores the public key and its sign count.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use models::{
    ErrorCode, Field, FinishSecurityKeyRequest, MethodKind, SecurityInfo, SecurityKeyCreation,
    StartSecurityKeyRequest,
};
use webauthn_rs::prelude::{PasskeyRegistration, RegisterPublicKeyCredential};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::routes::methods::{guarded, info};
use crate::secret;
use crate::security_key::{self, CEREMONY_SECS, MAX_KEYS};
use crate::session::Authenticated;
use crate::state::AppState;
use crate::store::{NewMethod, PendingSecurityKey, SecurityKeyData};
use crate::verification::Caller;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/security-keys", post(start))
        .route("/me/security-keys/{id}", post(finish))
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::internal(e.to_string())
}

/// Starts registering a key: the creation options for the browser.
#[utoipa::path(post, path = "/api/me/security-keys", request_body = StartSecurityKeyRequest, responses(
    (status = 201, body = SecurityKeyCreation), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    ApiJson(request): ApiJson<StartSecurityKeyRequest>,
) -> AppResult<(StatusCode, Json<SecurityKeyCreation>)> {
    let (policy, methods) = guarded(&state, &session).await?;
    let keys: Vec<_> = methods
        .iter()
        .filter_map(|m| m.security_key.as_ref())
        .collect();
    if !policy.allows(MethodKind::SecurityKey) || keys.len() >= MAX_KEYS {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    // A key is added to an account that can already be recovered (SPEC §6).
    if !methods.iter().any(|m| m.kind != MethodKind::SecurityKey) {
        return Err(AppError::invalid(ErrorCode::OtherMethodFirst, Field::Kind));
    }
    let name =
        security_key::key_name(&request.name).map_err(|c| AppError::invalid(c, Field::KeyName))?;
    let user = &session.user;
    let exclude = keys.iter().map(|k| k.passkey.cred_id().clone()).collect();
    let (options, registration) = state
        .webauthn
        .start_passkey_registration(
            security_key::user_handle(&user.id),
            user.account_name.as_str(),
            &user.display_name,
            Some(exclude),
        )
        .map_err(internal)?;
    let pending = PendingSecurityKey {
        name,
        state: serde_json::to_string(&registration).map_err(internal)?,
    };
    let id = secret::new_id()?;
    let now = state.now();
    state
        .store
        .insert_pending_security_key(&id, &user.id, &pending, now, now + CEREMONY_SECS)
        .await?;
    let creation = SecurityKeyCreation {
        pending_id: id,
        options_json: serde_json::to_string(&options).map_err(internal)?,
    };
    Ok((StatusCode::CREATED, Json(creation)))
}

/// Registers the key once webauthn-rs accepts the browser's credential.
#[utoipa::path(post, path = "/api/me/security-keys/{id}", params(("id" = String, Path)), request_body = FinishSecurityKeyRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn finish(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<FinishSecurityKeyRequest>,
) -> AppResult<Json<SecurityInfo>> {
    let now = state.now();
    let user_id = &session.user.id;
    // Single use: taken before it is checked, so a replay finds nothing.
    let pending = state
        .store
        .take_pending_security_key(&id, user_id, now)
        .await?
        .ok_or_else(AppError::not_found)?;
    let registration: PasskeyRegistration =
        serde_json::from_str(&pending.state).map_err(internal)?;
    let rejected = || AppError::invalid(ErrorCode::SecurityKeyRejected, Field::Kind);
    let credential: RegisterPublicKeyCredential =
        serde_json::from_str(&request.credential_json).map_err(|_| rejected())?;
    let passkey = state
        .webauthn
        .finish_passkey_registration(&credential, &registration)
        .map_err(|e| {
            tracing::info!(error = %e, "security key refused");
            rejected()
        })?;
    let data = SecurityKeyData {
        credential_id: base64_url(passkey.cred_id().as_ref()),
        passkey,
    };
    let (policy, methods) = guarded(&state, &session).await?;
    if methods
        .iter()
        .filter_map(|m| m.security_key.as_ref())
        .any(|k| k.credential_id == data.credential_id)
        || !policy.allows(MethodKind::SecurityKey)
    {
        return Err(rejected());
    }
    let method_id = secret::new_id()?;
    let kind = MethodKind::SecurityKey;
    state
        .store
        .insert_method(
            NewMethod {
                id: &method_id,
                user_id,
                kind,
                detail: &pending.name,
                data: &serde_json::to_string(&data).map_err(internal)?,
            },
            now,
        )
        .await?;
    if session.user.default_method_id.is_none() {
        state
            .store
            .set_default_method(user_id, Some(&method_id), None)
            .await?;
    }
    // The key was just used with user verification: a fresh verification.
    state
        .store
        .mark_session_verified(&session.token_digest, now)
        .await?;
    caller
        .record(
            &state,
            user_id,
            "method-added",
            Some(method_id.as_str()),
            kind.as_str(),
        )
        .await?;
    let fresh = state
        .store
        .session(&session.token_digest)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    Ok(Json(info(&state, &fresh).await?))
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}
