//! An authenticator app as a person uses one (SPEC §3): registering it —
//! a fresh secret, then its first right code — and verifying with it (S9,
//! S11). The codes themselves and the secret's encryption are
//! `authenticator.rs`.

use models::{AuthenticatorSetup, ErrorCode, Field, MethodKind};
use models::{MethodId, PendingAppId};

use crate::audit::{Action, Requester};
use crate::authenticator;
use crate::error::{AppError, AppResult};
use crate::secret;
use crate::security_info::{self, Adding, Finished};
use crate::session;
use crate::state::AppState;
use crate::store::{AuthenticatorData, MethodData, MethodRecord, SessionRecord};
use crate::throttle::{self, Limit};

/// A pending app must be confirmed within this time.
const PENDING_SECS: i64 = 15 * 60;

/// Starts registering an app: a fresh secret, kept encrypted and pending,
/// its QR code, and the secret as text.
pub async fn start(
    state: &AppState,
    session: &SessionRecord,
    methods: &[MethodRecord],
) -> AppResult<AuthenticatorSetup> {
    let user = &session.user;
    let kind = MethodKind::AuthenticatorApp;
    security_info::check_addable(session, methods, kind)?;
    let secret = authenticator::new_secret()?;
    let now = state.now();
    let id = secret::new_id()?;
    let encrypted = authenticator::encrypt(&state.code_key, &secret)?;
    state
        .store
        .insert_pending_authenticator(&id, &user.id, &encrypted, now, now + PENDING_SECS)
        .await?;
    let account = user.account_name.to_string();
    let issuer = user.organization_name.clone();
    let uri = authenticator::uri(&secret, &account, &issuer)?;
    Ok(AuthenticatorSetup {
        pending_id: models::PendingAppId::new(id),
        secret: authenticator::secret_for_people(&secret)?,
        qr_svg: authenticator::qr_svg(&uri)?,
        uri,
        account_name: account,
        issuer,
    })
}

/// Registers the pending app once its current code is right, under the
/// name given (or, beside another app, a numbered one in the person's
/// language).
pub async fn confirm(
    state: &AppState,
    who: &Requester<'_>,
    pending_id: &PendingAppId,
    typed: &str,
    name: Option<&str>,
) -> AppResult<Finished> {
    let pending_id = pending_id.as_str();
    let session = who.session;
    let user_id = &session.user.id;
    // Checked first: a refused name costs no try of the code.
    let name = match name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(typed) => Some(
            crate::security_key::key_name(typed)
                .map_err(|code| AppError::invalid(code, Field::KeyName))?,
        ),
        None => None,
    };
    let encrypted = state
        .store
        .pending_authenticator(pending_id, user_id, state.now())
        .await?
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &encrypted)?;
    let step = check(state, session, who.address, &secret, typed).await?;
    if !state
        .store
        .take_pending_authenticator(pending_id, user_id)
        .await?
    {
        return Err(AppError::not_found());
    }
    let data = MethodData::Authenticator(AuthenticatorData {
        secret_enc: encrypted,
    });
    let name = match name {
        Some(name) => name,
        None => default_name(state, who).await?,
    };
    // The limit of five apps, the policy and the step-up are checked
    // again as the app is stored (F1, F5).
    let adding = Adding {
        kind: MethodKind::AuthenticatorApp,
        detail: &name,
        data,
        delivery: None,
        replaces: None,
        totp_last_step: Some(step),
    };
    let added = security_info::add(state, who, adding).await?;
    security_info::finished(state, added.proved).await
}

/// An unnamed app's name: none for the first, numbered beside others.
async fn default_name(state: &AppState, who: &Requester<'_>) -> AppResult<String> {
    let apps = state
        .store
        .methods_of_user(&who.session.user.id)
        .await?
        .iter()
        .filter(|m| m.kind == MethodKind::AuthenticatorApp)
        .count();
    if apps == 0 {
        return Ok(String::new());
    }
    let mut args = i18n::Args::new();
    args.set("number", apps + 1);
    Ok(state
        .l10n
        .format(who.locale, "authenticator-default-name", Some(&args)))
}

/// The step a code matches. The attempt counts toward the account's hourly
/// failures before it is checked (S6) and is given back when right.
async fn check(
    state: &AppState,
    session: &SessionRecord,
    address: &str,
    secret: &[u8],
    typed: &str,
) -> AppResult<i64> {
    if typed.trim().is_empty() {
        return Err(AppError::invalid(ErrorCode::CodeRequired, Field::Code));
    }
    let failures = Limit::verify_failures(session, address);
    throttle::take(state, &failures).await?;
    match authenticator::matching_step(secret, typed, state.now()) {
        Some(step) => {
            throttle::give_back_all(state, &failures).await?;
            i64::try_from(step).map_err(|_| AppError::broken("a TOTP time step beyond i64"))
        }
        None => Err(AppError::invalid(ErrorCode::WrongCode, Field::Code)),
    }
}

/// Verifies this session with a code from one of the person's apps (S11),
/// while the app counts here (F15, S29); a code already used in its time
/// step is refused (S9).
pub async fn verify(
    state: &AppState,
    who: &Requester<'_>,
    method_id: &MethodId,
    typed: &str,
) -> AppResult<Finished> {
    let method_id = method_id.as_str();
    let session = who.session;
    let user_id = &session.user.id;
    let methods = state.store.methods_of_user(user_id).await?;
    let method = methods
        .iter()
        .find(|m| m.id == method_id && crate::verification::counts_here(session, m, &methods))
        .ok_or_else(AppError::not_found)?;
    let stored = method
        .authenticator
        .as_ref()
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &stored.secret_enc)?;
    let step = check(state, session, who.address, &secret, typed).await?;
    if !state
        .store
        .accept_totp_step(&method.id, user_id, step)
        .await?
    {
        who.record(state, Action::TotpReuseRefused, Some(&method.id), "", None)
            .await?;
        return Err(AppError::invalid(ErrorCode::CodeUsed, Field::Code));
    }
    let how = MethodKind::AuthenticatorApp.as_str();
    let proved = session::verified(state, who, how, Some(&method.id)).await?;
    security_info::finished(state, proved).await
}
