//! Security keys and passkeys as a person uses them (SPEC §6, S22):
//! registering one, and verifying with one. Each WebAuthn ceremony begins
//! here and keeps its state in the database (any instance can finish it);
//! the browser creates or uses the credential; webauthn-rs checks it
//! (challenge, origin, RP id) and the key's public key and sign count are
//! stored. The relying party and key names are `security_key.rs`.

use models::CeremonyId;
use models::PersonId;
use models::{ErrorCode, Field, MethodKind, SecurityKeyCeremony};
use serde::de::DeserializeOwned;
use webauthn_rs::prelude::{
    Passkey, PasskeyAuthentication, PasskeyRegistration, PublicKeyCredential,
    RegisterPublicKeyCredential,
};

use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult};
use crate::secret;
use crate::security_info::{self, Adding, Finished};
use crate::security_key::{self, CEREMONY_SECS};
use crate::session;
use crate::state::AppState;
use crate::store::{
    Ceremony, MethodData, MethodRecord, PurposeKind, SecurityKeyData, SessionRecord,
};

fn internal(e: impl std::error::Error + Send + Sync + 'static) -> AppError {
    AppError::internal("a security key ceremony", e)
}

/// Starts registering a key named `name`: the creation options for the
/// browser. At most ten keys, and only once another method can recover
/// the account (SPEC §6).
pub async fn start_registration(
    state: &AppState,
    session: &SessionRecord,
    methods: &[MethodRecord],
    name: &str,
) -> AppResult<SecurityKeyCeremony> {
    let user = &session.user;
    security_info::check_addable(session, methods, MethodKind::SecurityKey)?;
    let name = security_key::key_name(name).map_err(|c| AppError::invalid(c, Field::KeyName))?;
    let exclude = methods
        .iter()
        .filter_map(|m| m.security_key.as_ref())
        .map(|k| k.passkey.cred_id().clone())
        .collect();
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
    begin(state, &user.id, &ceremony, &options).await
}

/// Keeps a ceremony's state (for at most 5 minutes, S22) and hands the
/// browser its options.
async fn begin(
    state: &AppState,
    user_id: &PersonId,
    ceremony: &Ceremony,
    options: &impl serde::Serialize,
) -> AppResult<SecurityKeyCeremony> {
    let id = secret::new_id()?;
    let now = state.now();
    state
        .store
        .insert_ceremony(&id, user_id, ceremony, now, now + CEREMONY_SECS)
        .await?;
    Ok(SecurityKeyCeremony {
        ceremony_id: models::CeremonyId::new(id),
        options_json: serde_json::to_string(options).map_err(internal)?,
    })
}

/// Registers the key once webauthn-rs accepts the browser's credential.
pub async fn finish_registration(
    state: &AppState,
    who: &Requester<'_>,
    ceremony_id: &CeremonyId,
    credential_json: &str,
) -> AppResult<Finished> {
    let ceremony_id = ceremony_id.as_str();
    let user_id = &who.session.user.id;
    let (pending, registration, credential): (_, PasskeyRegistration, RegisterPublicKeyCredential) =
        take(
            state,
            user_id,
            ceremony_id,
            PurposeKind::Register,
            credential_json,
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
    let adding = Adding {
        kind: MethodKind::SecurityKey,
        detail: &pending.name,
        data,
        delivery: None,
        replaces: None,
        totp_last_step: None,
    };
    let added = security_info::add(state, who, adding).await?;
    security_info::finished(state, added.proved).await
}

/// Starts verifying this session with any of the person's keys that count
/// here (S11, F15); on a reset, those not used on it yet.
pub async fn start_verification(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<SecurityKeyCeremony> {
    let user = &session.user;
    let methods = state.store.methods_of_user(&user.id).await?;
    let passkeys: Vec<Passkey> = methods
        .iter()
        .filter(|m| crate::verification::counts_here(session, m, &methods))
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
    begin(state, &user.id, &ceremony, &options).await
}

/// Verifies this session once webauthn-rs accepts the key's signature;
/// stores the key's new sign count (S22) and rotates the session (S18).
pub async fn finish_verification(
    state: &AppState,
    who: &Requester<'_>,
    ceremony_id: &CeremonyId,
    credential_json: &str,
) -> AppResult<Finished> {
    let ceremony_id = ceremony_id.as_str();
    let session = who.session;
    let user_id = &session.user.id;
    let (_, authentication, credential): (_, PasskeyAuthentication, PublicKeyCredential) = take(
        state,
        user_id,
        ceremony_id,
        PurposeKind::StepUp,
        credential_json,
    )
    .await?;
    let result = match state
        .webauthn
        .finish_passkey_authentication(&credential, &authentication)
    {
        Ok(result) => result,
        Err(e) => {
            tracing::info!(error = %e, "security key step-up refused");
            who.record(state, Action::SecurityKeyRefused, None, "", None)
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
    if !crate::verification::counts_here(session, method, &methods) {
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
    let how = MethodKind::SecurityKey.as_str();
    let proved = session::verified(state, who, how, Some(&method.id)).await?;
    security_info::finished(state, proved).await
}

/// Takes the user's ceremony of `purpose` out of the database (single use:
/// a replay finds nothing, S22) and reads its state and the browser's
/// credential.
async fn take<S: DeserializeOwned, C: DeserializeOwned>(
    state: &AppState,
    user_id: &PersonId,
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
