//! Security keys (SPEC §6, S22): registering one, and stepping up with
//! one. The server starts each WebAuthn ceremony and keeps its state in
//! the database; the browser creates or uses the credential; the server
//! checks it (challenge, origin, RP id) and stores the public key and its
//! sign count.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    ErrorCode, Field, FinishSecurityKeyRequest, MethodKind, SecurityInfo, SecurityKeyCeremony,
    StartSecurityKeyRequest,
};
use serde::de::DeserializeOwned;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential,
};

use crate::audit::Action;
use crate::error::{AppError, AppResult};
use crate::extract::Caller;
use crate::extract::{ApiJson, ApiPath};
use crate::secret;
use crate::security_info::{self, Adding, info_of};
use crate::security_key::{self, CEREMONY_SECS};
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;
use crate::store::{Ceremony, MethodData, PurposeKind, SecurityKeyData};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/security-keys", post(start))
        .route("/me/security-keys/{id}", post(finish))
        .route("/me/step-up/security-key", post(start_step_up))
        .route("/me/step-up/security-key/{id}", post(finish_step_up))
}

fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
    AppError::internal("a passkey ceremony", e)
}

/// Starts registering a key: the creation options for the browser.
#[utoipa::path(post, path = "/api/me/security-keys", request_body = StartSecurityKeyRequest, responses(
    (status = 201, body = SecurityKeyCeremony), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    ApiJson(request): ApiJson<StartSecurityKeyRequest>,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let policy = session.user.policy.clone();
    // At most ten keys, and only once another method can recover the
    // account (SPEC §6).
    security_info::check_addable(
        &policy,
        &methods,
        session.user.is_admin,
        MethodKind::SecurityKey,
    )?;
    let keys: Vec<_> = methods
        .iter()
        .filter_map(|m| m.security_key.as_ref())
        .collect();
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
    let ceremony = Ceremony {
        purpose: PurposeKind::Register,
        name,
        state: serde_json::to_string(&registration).map_err(internal)?,
    };
    // Discoverable where the key has room for it, so that it also signs in
    // without an account name (S32); a key without room still registers
    // and verifies as a second step.
    let mut options = serde_json::to_value(&options).map_err(internal)?;
    options["publicKey"]["authenticatorSelection"]["residentKey"] = "preferred".into();
    begin(&state, &user.id, &ceremony, &options).await
}

/// Keeps a ceremony's state (for at most 5 minutes, S22) and hands the
/// browser its options.
async fn begin(
    state: &AppState,
    user_id: &str,
    ceremony: &Ceremony,
    options: &impl serde::Serialize,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let id = secret::new_id()?;
    let now = state.now();
    state
        .store
        .insert_ceremony(&id, user_id, ceremony, now, now + CEREMONY_SECS)
        .await?;
    let ceremony = SecurityKeyCeremony {
        ceremony_id: id,
        options_json: serde_json::to_string(options).map_err(internal)?,
    };
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
    let user_id = &session.user.id;
    let (pending, registration, credential): (_, PasskeyRegistration, RegisterPublicKeyCredential) =
        take(
            &state,
            user_id,
            &id,
            PurposeKind::Register,
            &request.credential_json,
        )
        .await?;
    let passkey = state
        .webauthn
        .finish_passkey_registration(&credential, &registration)
        .map_err(|e| {
            tracing::info!(error = %e, "security key refused");
            rejected()
        })?;
    let data = MethodData::SecurityKey(SecurityKeyData { passkey });
    // The limit of ten keys, the policy and the step-up are checked again
    // as the key is stored (two ceremonies at once make no eleventh key,
    // F5); a credential registered to anyone is refused (F19).
    let added = security_info::add(
        &state,
        &caller.on_behalf_of(&session),
        Adding {
            kind: MethodKind::SecurityKey,
            detail: &pending.name,
            data,
            delivery: None,
            replaces: None,
            totp_last_step: None,
        },
    )
    .await?;
    let jar = crate::session::with_new_token(&state, jar, added.new_token);
    Ok((jar, Json(info_of(&state, &added.token_digest).await?)))
}

/// Starts verifying this session with any of the user's usable keys (S11).
#[utoipa::path(post, path = "/api/me/step-up/security-key", responses(
    (status = 201, body = SecurityKeyCeremony), (status = 404, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<(StatusCode, Json<SecurityKeyCeremony>)> {
    let user = &session.user;
    // The keys that count here (F15); on a reset, those not used on it yet.
    let methods = state.store.methods_of_user(&user.id).await?;
    let passkeys: Vec<Passkey> = methods
        .iter()
        .filter(|m| crate::verification::counts_here(&session, m, &methods))
        .filter_map(|m| m.security_key.as_ref().map(|k| k.passkey.clone()))
        .collect();
    if passkeys.is_empty() {
        return Err(AppError::not_found());
    }
    let (options, authentication) = state
        .webauthn
        .start_passkey_authentication(&passkeys)
        .map_err(internal)?;
    let ceremony = Ceremony {
        purpose: PurposeKind::StepUp,
        name: String::new(),
        state: serde_json::to_string(&authentication).map_err(internal)?,
    };
    begin(&state, &user.id, &ceremony, &options).await
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
    let user_id = &session.user.id;
    let (_, authentication, credential): (_, PasskeyAuthentication, PublicKeyCredential) = take(
        &state,
        user_id,
        &id,
        PurposeKind::StepUp,
        &request.credential_json,
    )
    .await?;
    let result = match state
        .webauthn
        .finish_passkey_authentication(&credential, &authentication)
    {
        Ok(result) => result,
        Err(e) => {
            tracing::info!(error = %e, "security key step-up refused");
            caller
                .on_behalf_of(&session)
                .record(&state, Action::SecurityKeyRefused, None, "", None)
                .await?;
            return Err(rejected());
        }
    };
    let methods = state.store.methods_of_user(user_id).await?;
    let (method, key) = methods
        .iter()
        .find_map(|m| {
            m.security_key
                .clone()
                .filter(|k| k.passkey.cred_id() == result.cred_id())
                .map(|k| (m, k))
        })
        .ok_or_else(rejected)?;
    if !crate::verification::counts_here(&session, method, &methods) {
        return Err(AppError::not_found());
    }
    if !state
        .store
        .record_key_use(user_id, &method.id, key, &result)
        .await?
    {
        tracing::info!("security key step-up refused: its count did not rise");
        return Err(rejected());
    }
    let who = caller.on_behalf_of(&session);
    let (jar, digest) = crate::session::verified(
        &state,
        &who,
        MethodKind::SecurityKey.as_str(),
        Some(&method.id),
        jar,
    )
    .await?;
    Ok((jar, Json(info_of(&state, &digest).await?)))
}

/// Takes the user's ceremony of `purpose` out of the database (single use:
/// a replay finds nothing, S22) and reads its state and the browser's
/// credential.
async fn take<S: DeserializeOwned, C: DeserializeOwned>(
    state: &AppState,
    user_id: &str,
    id: &str,
    purpose: PurposeKind,
    credential_json: &str,
) -> AppResult<(Ceremony, S, C)> {
    let ceremony = state
        .store
        .take_ceremony(id, user_id, purpose, state.now())
        .await?
        .ok_or_else(AppError::not_found)?;
    let saved = serde_json::from_str(&ceremony.state).map_err(internal)?;
    let credential = serde_json::from_str(credential_json).map_err(|_| rejected())?;
    Ok((ceremony, saved, credential))
}

/// The browser's answer does not prove what it must.
fn rejected() -> AppError {
    AppError::invalid(ErrorCode::SecurityKeyRejected, Field::Kind)
}
