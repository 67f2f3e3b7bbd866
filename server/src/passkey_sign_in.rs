//! "Sign in with a passkey" (SPEC §8, S32): a discoverable credential with
//! user verification signs in without an account name and counts for both
//! factors. Nobody is known when it begins, so its state is kept apart from
//! a person's ceremonies (`passkey_sign_ins`); the credential names its one
//! owner by its id, and the user handle it returns must be that owner's.
//! webauthn-rs checks the challenge, origin, RP id, signature, user
//! verification and sign count.
//!
//! Architecture Invariant: a passkey sign-in is refused with the same 401
//! `passkey-not-accepted` whatever failed (unknown credential, another
//! person's user handle, a replayed or lapsed challenge, no user
//! verification, a counter gone backwards). A key's use is taken only by the
//! conditional `UPDATE` that raises `methods.sign_count` (or keeps a
//! counter-less key at 0), at sign-in and at a step-up alike: of parallel
//! answers with one count, one passes. Keys registered from now on are asked
//! for as discoverable (`residentKey: preferred`).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use models::{ErrorCode, MethodKind, SecurityKeyCeremony};
use webauthn_rs::prelude::{DiscoverableAuthentication, DiscoverableKey, PublicKeyCredential};

use crate::error::{AppError, AppResult};
use crate::secret;
use crate::security_key::{CEREMONY_SECS, user_handle};
use crate::state::AppState;
use crate::store::UserRecord;
use crate::throttle::{self, Limit};

fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
    AppError::internal("a passkey ceremony", e)
}

/// The one refusal, whatever was wrong: an unknown credential, another
/// person's handle, a replayed or lapsed challenge, a bad signature or a
/// counter gone backwards (S32).
fn refused() -> AppError {
    AppError::because(
        crate::error::Refusal::NotSignedIn,
        ErrorCode::PasskeyNotAccepted,
    )
}

/// Failed passkey sign-ins from one address, as its wrong passwords are
/// limited: counted before the check, given back by a success (S6).
fn failures(state: &AppState, address: &str) -> Limit {
    let limits = &state.config.signin;
    Limit::new(
        format!("passkey:address:{address}"),
        limits.address_failures,
        limits.window_minutes * 60,
        ErrorCode::TooManyAttempts,
    )
}

/// Passkey sign-ins begun from one address: every sign-in page where the
/// browser offers passkeys in its autofill begins one, so ten times the
/// failures allowed; it bounds the rows an address can make.
fn starts(state: &AppState, address: &str) -> Limit {
    let limits = &state.config.signin;
    Limit::new(
        format!("passkey-start:address:{address}"),
        limits.address_failures.saturating_mul(10),
        limits.window_minutes * 60,
        ErrorCode::TooManyAttempts,
    )
}

/// Begins a passkey sign-in: the browser's request options, asking for any
/// discoverable credential of this relying party with user verification.
pub async fn start(state: &AppState, address: &str) -> AppResult<SecurityKeyCeremony> {
    throttle::take(state, &[starts(state, address)]).await?;
    let (mut options, authentication) = state
        .webauthn
        .start_discoverable_authentication()
        .map_err(internal)?;
    // A button asks at once; the browser's autofill is the client's choice.
    options.mediation = None;
    let id = secret::new_id()?;
    let saved = serde_json::to_string(&authentication).map_err(internal)?;
    state
        .store
        .insert_passkey_sign_in(&id, &saved, state.now() + CEREMONY_SECS)
        .await?;
    Ok(SecurityKeyCeremony {
        ceremony_id: models::CeremonyId::new(id),
        options_json: serde_json::to_string(&options).map_err(internal)?,
    })
}

/// Finishes a passkey sign-in: whose credential it is, and whether it
/// proves itself. Returns the person and the key's method id.
pub async fn finish(
    state: &AppState,
    address: &str,
    id: &str,
    credential_json: &str,
) -> AppResult<(UserRecord, String)> {
    let failures = failures(state, address);
    throttle::take(state, std::slice::from_ref(&failures)).await?;
    let saved = state
        .store
        .take_passkey_sign_in(id, state.now())
        .await?
        .ok_or_else(refused)?;
    let authentication: DiscoverableAuthentication =
        serde_json::from_str(&saved).map_err(internal)?;
    let credential: PublicKeyCredential =
        serde_json::from_str(credential_json).map_err(|_| refused())?;
    let (handle, credential_id) = state
        .webauthn
        .identify_discoverable_authentication(&credential)
        .map_err(|_| refused())?;
    let credential_id = URL_SAFE_NO_PAD.encode(credential_id);
    let user = state
        .store
        .user_by_credential_id(&credential_id)
        .await?
        .filter(|user| user_handle(&user.id) == handle)
        .filter(|user| user.policy.counts_for_mfa(MethodKind::SecurityKey))
        .ok_or_else(refused)?;
    let methods = state.store.methods_of_user(&user.id).await?;
    let (method, key) = methods
        .iter()
        .find_map(|m| {
            m.security_key
                .clone()
                .filter(|k| k.credential_id() == credential_id)
                .map(|k| (m, k))
        })
        .ok_or_else(refused)?;
    let stored = [DiscoverableKey::from(&key.passkey)];
    // The first version takes the key as the prelude names it; the second
    // wants webauthn-rs's internal credential type.
    #[allow(deprecated, reason = "the same check, through a type we can name")]
    let result = state
        .webauthn
        .finish_discoverable_authentication(&credential, authentication, &stored)
        .map_err(|e| {
            tracing::info!(error = %e, "passkey sign-in refused");
            refused()
        })?;
    if !result.user_verified() {
        return Err(refused());
    }
    if !state
        .store
        .record_key_use(&user.id, &method.id, key, &result)
        .await?
    {
        tracing::info!("passkey sign-in refused: its count did not rise");
        return Err(refused());
    }
    throttle::give_back(state, &failures).await?;
    Ok((user, method.id.clone()))
}
