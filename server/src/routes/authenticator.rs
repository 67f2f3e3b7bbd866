//! Adding an authenticator app (SPEC §3) and stepping up with one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    AuthenticatorCode, AuthenticatorSetup, ConfirmAuthenticator, ErrorCode, Field, MethodKind,
    SecurityInfo,
};

use crate::audit::Action;
use crate::authenticator;
use crate::error::{AppError, AppResult};
use crate::extract::Caller;
use crate::extract::{ApiJson, ApiPath};
use crate::secret;
use crate::security_info::{self, Adding, info_of};
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;
use crate::store::{AuthenticatorData, MethodData, SessionRecord};
use crate::throttle::{self, Limit};

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
    Verified { session, methods }: Verified,
) -> AppResult<(StatusCode, Json<AuthenticatorSetup>)> {
    let policy = session.user.policy.clone();
    security_info::check_addable(
        &policy,
        &methods,
        session.user.is_admin,
        MethodKind::AuthenticatorApp,
    )?;
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
#[utoipa::path(post, path = "/api/me/authenticator/{id}/code", params(("id" = String, Path)), request_body = ConfirmAuthenticator, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn confirm(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<String>,
    ApiJson(request): ApiJson<ConfirmAuthenticator>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let now = state.now();
    let user_id = &session.user.id;
    // Checked first: a refused name costs no try of the code.
    let name = match request
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
    {
        Some(typed) => Some(
            crate::security_key::key_name(typed)
                .map_err(|code| AppError::invalid(code, Field::KeyName))?,
        ),
        None => None,
    };
    let encrypted = state
        .store
        .pending_authenticator(&id, user_id, now)
        .await?
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &encrypted)?;
    let step = check(&state, &session, &caller.address, &secret, &request.code).await?;
    if !state.store.take_pending_authenticator(&id, user_id).await? {
        return Err(AppError::not_found());
    }
    let data = MethodData::Authenticator(AuthenticatorData {
        secret_enc: encrypted,
    });
    let who = caller.on_behalf_of(&session);
    // Unnamed beside another app: numbered, in the person's language.
    let name = match name {
        Some(name) => name,
        None => {
            let apps = state
                .store
                .methods_of_user(user_id)
                .await?
                .iter()
                .filter(|m| m.kind == MethodKind::AuthenticatorApp)
                .count();
            if apps == 0 {
                String::new()
            } else {
                let mut args = i18n::Args::new();
                args.set("number", apps + 1);
                state
                    .l10n
                    .format(who.locale, "authenticator-default-name", Some(&args))
            }
        }
    };
    // The limit of five apps, the policy and the step-up are checked
    // again as the app is stored (F1, F5).
    let added = security_info::add(
        &state,
        &who,
        Adding {
            kind: MethodKind::AuthenticatorApp,
            detail: &name,
            data,
            delivery: None,
            replaces: None,
            totp_last_step: Some(step),
        },
    )
    .await?;
    let jar = crate::session::with_new_token(&state, jar, added.new_token);
    Ok((jar, Json(info_of(&state, &added.token_digest).await?)))
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
            Ok(step as i64)
        }
        None => Err(AppError::invalid(ErrorCode::WrongCode, Field::Code)),
    }
}

/// Verifies this session with a code from one of the user's apps (S11);
/// a code already used in its time step is refused (S9).
#[utoipa::path(post, path = "/api/me/step-up/authenticator", request_body = AuthenticatorCode, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<AuthenticatorCode>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let user_id = &session.user.id;
    let methods = state.store.methods_of_user(user_id).await?;
    // Only while the app counts here (F15, S29).
    let method = methods
        .iter()
        .find(|m| {
            m.id == request.method_id && crate::verification::counts_here(&session, m, &methods)
        })
        .ok_or_else(AppError::not_found)?;
    let stored = method
        .authenticator
        .as_ref()
        .ok_or_else(AppError::not_found)?;
    let secret = authenticator::decrypt(&state.code_key, &stored.secret_enc)?;
    let step = check(&state, &session, &caller.address, &secret, &request.code).await?;
    if !state
        .store
        .accept_totp_step(&method.id, user_id, step)
        .await?
    {
        caller
            .on_behalf_of(&session)
            .record(&state, Action::TotpReuseRefused, Some(&method.id), "", None)
            .await?;
        return Err(AppError::invalid(ErrorCode::CodeUsed, Field::Code));
    }
    let who = caller.on_behalf_of(&session);
    let (jar, digest) = crate::session::verified(
        &state,
        &who,
        MethodKind::AuthenticatorApp.as_str(),
        Some(&method.id),
        jar,
    )
    .await?;
    Ok((jar, Json(info_of(&state, &digest).await?)))
}
