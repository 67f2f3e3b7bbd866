//! Signing in (with a password, or a passkey) and out, and what the
//! client learns about its session.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::Cookie;
use models::{
    AccountName, ErrorCode, Field, FinishSecurityKeyRequest, MethodKind, Password,
    SecurityKeyCeremony, SessionInfo, SignInRequest, UserView,
};

use crate::audit::Action;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, ApiPath, Caller};
use crate::secret::{random_token, token_digest};
use crate::security::{ClientAddress, user_agent};
use crate::session::{self, CookieNames, Opening, cookie};
use crate::state::AppState;
use crate::store::UserRecord;
use crate::throttle::{self, Limit};
use crate::{passkey_sign_in, passwords};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/session", get(get_session).post(sign_in).delete(sign_out))
        .route("/session/passkey", post(start_passkey))
        .route("/session/passkey/{id}", post(finish_passkey))
        .route("/me/sessions", axum::routing::delete(sign_out_everywhere))
}

pub(crate) fn user_view(user: &UserRecord) -> UserView {
    UserView {
        account_name: user.account_name.clone(),
        display_name: user.display_name.clone(),
        organization: user.organization_name.clone(),
        organization_logo: user
            .organization_has_logo
            .then(|| crate::branding::logo_path(&user.organization_id)),
        locale: user.locale,
        is_admin: user.is_admin,
    }
}

/// The CSRF token of this browser: the cookie's, or a new one that is set
/// now. Only a cookie is written, never a database row (S21).
fn csrf_token(state: &AppState, jar: CookieJar) -> AppResult<(CookieJar, String)> {
    let names = CookieNames::for_config(&state.config);
    if let Some(existing) = jar
        .get(names.csrf)
        .map(|c| c.value().to_owned())
        .filter(|v| v.len() >= 32)
    {
        return Ok((jar, existing));
    }
    let token = random_token(32)?;
    Ok((
        jar.add(cookie(&state.config, names.csrf, token.clone())),
        token,
    ))
}

/// Who is signed in (if anyone), and the CSRF token to echo.
#[utoipa::path(get, path = "/api/session", responses((status = 200, body = SessionInfo)))]
pub async fn get_session(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(CookieJar, Json<SessionInfo>)> {
    // A password reset under way is nobody's sign-in.
    let current = session::current(&state, &jar)
        .await?
        .filter(|s| !s.is_reset());
    // A sign-in waiting for its second step shows the language chosen for
    // it, which is not the person's until the sign-in is finished (S27).
    let user = current.as_ref().map(|s| {
        let mut view = user_view(&s.user);
        view.locale = s.pending_locale.or(view.locale);
        view
    });
    let verification_required = current.as_ref().is_some_and(|s| s.is_pending());
    let step_up_required = match &current {
        Some(session) => crate::security_info::step_up_required(&state, session).await?,
        None => false,
    };
    let (jar, csrf_token) = csrf_token(&state, jar)?;
    Ok((
        jar,
        Json(SessionInfo {
            csrf_token,
            user,
            verification_required,
            step_up_required,
            pseudo_locale: state.config.pseudo_locale(),
        }),
    ))
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
    ClientAddress(address): ClientAddress,
    headers: HeaderMap,
    jar: CookieJar,
    ApiJson(request): ApiJson<SignInRequest>,
) -> AppResult<(CookieJar, Json<SessionInfo>)> {
    let account = AccountName::parse(&request.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    Password::parse(request.password.expose())
        .map_err(|code| AppError::invalid(code, Field::Password))?;

    let now = state.now();
    let limits = &state.config.signin;
    let window = limits.window_minutes * 60;
    // Each attempt is counted as a failure before the password is checked,
    // so parallel guesses cannot pass the limits together (S6); a right
    // password gives its units back.
    let account_limit = Limit::password_failures(&state.config, &account);
    let address_limit = Limit::new(
        format!("signin:address:{address}"),
        limits.address_failures,
        window,
        ErrorCode::TooManyAttempts,
    );
    let attempt = [account_limit, address_limit];
    throttle::take(&state, &attempt).await?;
    let [account_limit, address_limit] = &attempt;

    let user = state.store.user_by_account_name(&account).await?;
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let valid = passwords::verify(request.password.expose().to_owned(), stored).await?;
    // Recorded beside the answer, not before it: an unknown account writes
    // nothing, and the time must not tell the two apart (S28).
    if let Some(user) = user.as_ref().filter(|_| !valid) {
        let (state, user_id, address) = (state.clone(), user.id.clone(), address.clone());
        let agent = user_agent(&headers);
        tokio::spawn(async move {
            let recorded =
                crate::audit::record_failed_sign_in(&state, &user_id, "password", &address, &agent);
            if let Err(error) = recorded.await {
                tracing::warn!(?error, "failed sign-in not recorded");
            }
        });
    }
    let Some(user) = user.filter(|_| valid) else {
        return Err(AppError::Refused {
            refusal: crate::error::Refusal::NotSignedIn,
            error: models::ApiError::at(ErrorCode::InvalidCredentials, Field::Password),
        });
    };
    state.store.clear_counter(&account_limit.bucket).await?;
    throttle::give_back(&state, address_limit).await?;
    crate::directory::renew_outdated_hash(&state, &user, request.password.expose());

    // Where two-step verification applies, the password alone opens a
    // session that can only verify, for ten minutes (S27).
    let kinds: Vec<MethodKind> = state
        .store
        .methods_of_user(&user.id)
        .await?
        .iter()
        .map(|m| m.kind)
        .collect();
    let verification_required =
        user.policy.two_step_sign_in && user.policy.verifies_sign_in(&kinds);
    let pending_until = verification_required.then_some(now + session::PENDING_SECS);
    let (jar, csrf_token) = session::open(
        &state,
        jar,
        &user.id,
        &address,
        &user_agent(&headers),
        session::Opening::Password {
            pending_until,
            locale: request.locale,
        },
    )
    .await?;
    // A sign-in that waits for its second step changes nothing about the
    // person until it is finished (S27): the session keeps the language.
    let mut user = user;
    if let Some(locale) = request.locale.filter(|_| !verification_required) {
        state.store.set_user_locale(&user.id, locale).await?;
        user.locale = Some(locale);
    }
    tracing::info!(account = %user.account_name, %address, verification_required, "password accepted");
    let mut view = user_view(&user);
    view.locale = request.locale.or(view.locale);
    Ok((
        jar,
        Json(SessionInfo {
            csrf_token,
            user: Some(view),
            verification_required,
            // A password alone has verified nothing: where a method counts
            // for sign-in, security info asks for one first (S11).
            step_up_required: !verification_required && user.policy.verifies_sign_in(&kinds),
            pseudo_locale: false,
        }),
    ))
}

/// Signs out this browser.
#[utoipa::path(delete, path = "/api/session", responses((status = 204), (status = 403, body = models::ApiError)))]
pub async fn sign_out(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    let names = CookieNames::for_config(&state.config);
    if let Some(token) = jar.get(names.session) {
        state
            .store
            .delete_session(&token_digest(token.value()))
            .await?;
    }
    let jar = jar.remove(Cookie::build(names.session).path("/"));
    Ok((StatusCode::NO_CONTENT, jar))
}

/// "Lost device? Sign out everywhere": ends every session of the user, this
/// one included (S20).
#[utoipa::path(delete, path = "/api/me/sessions", responses((status = 204), (status = 401, body = models::ApiError)))]
pub async fn sign_out_everywhere(
    State(state): State<AppState>,
    crate::session::Authenticated(session): crate::session::Authenticated,
    caller: crate::extract::Caller,
    jar: CookieJar,
) -> AppResult<(StatusCode, CookieJar)> {
    let ended = state
        .store
        .delete_sessions_of_user(&session.user.id)
        .await?;
    caller
        .on_behalf_of(&session)
        .record(
            &state,
            crate::audit::Action::SignedOutEverywhere,
            None,
            &ended.to_string(),
            None,
        )
        .await?;
    let names = CookieNames::for_config(&state.config);
    Ok((
        StatusCode::NO_CONTENT,
        jar.remove(Cookie::build(names.session).path("/")),
    ))
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
    let (user, method_id) =
        passkey_sign_in::finish(&state, &caller.address, &id, &request.credential_json).await?;
    let (jar, csrf_token) = session::open(
        &state,
        jar,
        &user.id,
        &caller.address,
        &caller.user_agent,
        Opening::Verified,
    )
    .await?;
    let signed_in = session::current(&state, &jar).await?;
    if let Some(session) = &signed_in {
        let who = caller.on_behalf_of(session);
        who.record(&state, Action::SignedIn, Some(&method_id), "passkey", None)
            .await?;
    }
    Ok((
        jar,
        Json(SessionInfo {
            csrf_token,
            user: Some(user_view(&user)),
            verification_required: false,
            step_up_required: false,
            pseudo_locale: false,
        }),
    ))
}
