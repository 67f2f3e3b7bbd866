//! Sessions: a random token in an `HttpOnly`, `SameSite=Strict` cookie,
//! its SHA-256 digest in the database so every instance shares it (S18,
//! S20, S26). A new token at every sign-in defeats fixation.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::audit::{Action, Requester};
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::secret::{new_session_token, token_digest};
use crate::state::AppState;
use crate::store::SessionRecord;

/// Cookie names: with `Secure`, the `__Host-` prefix also pins them to our
/// exact host and path, so a sibling subdomain cannot plant one.
pub struct CookieNames {
    pub session: &'static str,
    pub csrf: &'static str,
}

impl CookieNames {
    pub fn for_config(config: &Config) -> CookieNames {
        if config.cookie_secure {
            CookieNames {
                session: "__Host-secinfo-session",
                csrf: "__Host-secinfo-csrf",
            }
        } else {
            CookieNames {
                session: "secinfo-session",
                csrf: "secinfo-csrf",
            }
        }
    }
}

/// A cookie with our fixed attributes; the browser drops it with the session.
pub fn cookie(config: &Config, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(config.cookie_secure)
        .same_site(SameSite::Strict)
        .build()
}

/// Seconds of idleness and of age after which a session is over.
fn limits(config: &Config) -> (i64, i64) {
    (
        config.session.idle_minutes * 60,
        config.session.absolute_hours * 3600,
    )
}

/// Writes `last_seen_at` at most this often: a write per request would make
/// every page view a database write for no gain in precision worth having.
const TOUCH_EVERY_SECS: i64 = 60;

/// How long a sign-in may wait for its second step (S27).
pub const PENDING_SECS: i64 = 10 * 60;

/// The session of this request if its cookie names a live one — a
/// complete session, or a sign-in waiting for its second step. Reads only;
/// an anonymous or expired request writes nothing (S21).
pub async fn current(state: &AppState, jar: &CookieJar) -> AppResult<Option<SessionRecord>> {
    let Some(digest) = cookie_digest(state, jar) else {
        return Ok(None);
    };
    let Some(session) = state.store.session(&digest).await? else {
        return Ok(None);
    };
    // A reset is no session of its person until its first proof: before
    // it, nothing may tell a known account from an unknown one (N2, S28).
    let unproved_reset = session.is_reset() && session.reset_steps().is_empty();
    Ok((is_live(state, &session) && !unproved_reset).then_some(session))
}

/// The digest of the session cookie's token, if the request has one.
pub fn cookie_digest(state: &AppState, jar: &CookieJar) -> Option<String> {
    let names = CookieNames::for_config(&state.config);
    jar.get(names.session).map(|c| token_digest(c.value()))
}

/// Whether a stored session is still usable: not idle or old beyond its
/// limits, and not a second step (or reset) that lapsed.
fn is_live(state: &AppState, session: &SessionRecord) -> bool {
    let now = state.now();
    let (idle, absolute) = limits(&state.config);
    now - session.last_seen_at < idle
        && now - session.created_at < absolute
        && session.pending_until.is_none_or(|until| now < until)
}

/// Records that the session is in use, at most once a minute.
async fn touch(state: &AppState, session: &SessionRecord) -> AppResult<()> {
    let now = state.now();
    if now - session.last_seen_at >= TOUCH_EVERY_SECS {
        state
            .store
            .touch_session(&session.token_digest, now)
            .await?;
    }
    Ok(())
}

/// A handler argument that only exists for a signed-in request whose
/// sign-in is complete; refused with 401 `not-signed-in` without a session,
/// and with 401 `sign-in-not-finished` while the sign-in waits for its
/// second step (S27).
pub struct Authenticated(pub SessionRecord);

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Verifying(session) = Verifying::from_request_parts(parts, state).await?;
        if session.is_pending() {
            return Err(AppError::sign_in_not_finished());
        }
        Ok(Authenticated(session))
    }
}

/// A session that may verify with one of the person's methods: a complete
/// one stepping up (S11), or a sign-in waiting for its second step (S27).
/// Only the verification routes take it; everything else takes
/// `Authenticated`.
pub struct Verifying(pub SessionRecord);

impl FromRequestParts<AppState> for Verifying {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let jar = CookieJar::from_headers(&parts.headers);
        let session = current(state, &jar)
            .await?
            .ok_or_else(AppError::unauthorized)?;
        touch(state, &session).await?;
        Ok(Verifying(session))
    }
}

/// A password reset under way (S29); refused with 401 `reset-expired`
/// when there is none (it lapsed, was used, or never began).
pub struct Resetting(pub SessionRecord);

impl FromRequestParts<AppState> for Resetting {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(session) = current(state, &jar).await?.filter(SessionRecord::is_reset) {
            return Ok(Resetting(session));
        }
        // Before its first proof a reset is no one's, whatever its name
        // (N2): not verified yet, rather than gone.
        let digest = cookie_digest(state, &jar);
        let unproved = match digest {
            Some(digest) => state.store.reset(&digest, state.now()).await?.is_some(),
            None => false,
        };
        Err(match unproved {
            true => AppError::forbidden(models::ErrorCode::ResetNotVerified),
            false => AppError::because(
                crate::error::Refusal::NotSignedIn,
                models::ErrorCode::ResetExpired,
            ),
        })
    }
}

/// A signed-in request whose session verified with a sign-in method
/// recently enough to view or change security info (S11), with the
/// person's methods as read for the check. A handler that takes it cannot
/// forget the step-up; refused with 403 `step-up-required` otherwise.
pub struct Verified {
    pub session: SessionRecord,
    pub methods: Vec<crate::store::MethodRecord>,
}

impl FromRequestParts<AppState> for Verified {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        // The usual case in one statement: a live, complete session with
        // its person, policy and methods.
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(digest) = cookie_digest(state, &jar)
            && let Some((session, methods)) = state.store.session_with_methods(&digest).await?
            && is_live(state, &session)
            && !session.is_pending()
        {
            touch(state, &session).await?;
            let policy = &session.user.policy;
            crate::security_info::require_recent_verification(
                state.now(),
                &session,
                &methods,
                policy,
            )?;
            return Ok(Verified { session, methods });
        }
        // Anything else is refused as `Authenticated` refuses it.
        let Authenticated(session) = Authenticated::from_request_parts(parts, state).await?;
        let (_, methods) = crate::security_info::guarded(state, &session).await?;
        Ok(Verified { session, methods })
    }
}

/// After a verification with one of the person's methods (`how`: the
/// channel or kind; `method_id`: which one): a new session token (S18) with
/// a fresh verification; a sign-in that waited for it is complete now, and
/// recorded as such. A password reset instead records the method on
/// itself, once (S29), and stays a reset. Returns the jar with the new
/// cookie and the new token's digest.
pub async fn verified(
    state: &AppState,
    who: &Requester<'_>,
    how: &str,
    method_id: Option<&str>,
    jar: CookieJar,
) -> AppResult<(CookieJar, String)> {
    let session = who.session;
    if session.is_reset() {
        let method_id = method_id.ok_or_else(AppError::not_found)?;
        let method = state
            .store
            .methods_of_user(&session.user.id)
            .await?
            .into_iter()
            .find(|m| m.id == method_id)
            .ok_or_else(AppError::not_found)?;
        let destination = method.destination_key();
        if !state
            .store
            .record_reset_step(&session.token_digest, method_id, &destination, state.now())
            .await?
        {
            return Err(AppError::not_found());
        }
        return Ok((jar, session.token_digest.clone()));
    }
    let rotated = rotate(state, who.session, jar).await?;
    if who.session.is_pending() {
        state.store.apply_pending_locale(&rotated.1).await?;
        who.record(state, Action::SignedIn, None, how, None).await?;
    }
    Ok(rotated)
}

/// A new session token (S18) after a change that verified no second
/// factor (a new password): the verification time stays as it was, so the
/// step-up window is not renewed (S11). Returns the jar with the new cookie.
pub async fn renew_token(
    state: &AppState,
    session: &SessionRecord,
    jar: CookieJar,
) -> AppResult<CookieJar> {
    let token = new_session_token()?;
    if !state
        .store
        .rotate_session_token(&session.token_digest, &token_digest(&token), state.now())
        .await?
    {
        return Err(AppError::unauthorized());
    }
    Ok(with_token(state, jar, token))
}

/// A new session token (S18) with a fresh verification. Returns the jar
/// with the new cookie and the new token's digest.
async fn rotate(
    state: &AppState,
    session: &SessionRecord,
    jar: CookieJar,
) -> AppResult<(CookieJar, String)> {
    let token = new_session_token()?;
    let digest = token_digest(&token);
    if !state
        .store
        .rotate_verified_session(&session.token_digest, &digest, state.now())
        .await?
    {
        return Err(AppError::unauthorized());
    }
    Ok((with_token(state, jar, token), digest))
}

/// How a new session begins: waiting for its second step until then (S27),
/// or already verified (a passkey is both factors, S32).
pub enum Opening {
    /// After a password; a sign-in that waits for its second step keeps
    /// the language chosen for it until then.
    Password {
        pending_until: Option<i64>,
        locale: Option<models::Locale>,
    },
    Verified,
}

/// Opens a session for `user` after a sign-in: a new token (fixation),
/// the session that came with the request ended, a fresh CSRF token.
/// Returns the jar with both cookies and the CSRF token for the client.
pub async fn open(
    state: &AppState,
    jar: CookieJar,
    user_id: &str,
    address: &str,
    user_agent: &str,
    opening: Opening,
) -> AppResult<(CookieJar, String)> {
    let names = CookieNames::for_config(&state.config);
    if let Some(old) = jar.get(names.session) {
        state
            .store
            .delete_session(&token_digest(old.value()))
            .await?;
    }
    let now = state.now();
    let (pending_until, verified_at, pending_locale) = match opening {
        Opening::Password {
            pending_until,
            locale,
        } => (pending_until, 0, locale.filter(|_| pending_until.is_some())),
        Opening::Verified => (None, now, None),
    };
    let token = new_session_token()?;
    state
        .store
        .insert_session(
            crate::store::NewSession {
                token_digest: &token_digest(&token),
                user_id,
                client_address: address,
                user_agent,
                pending_until,
                verified_at,
                pending_locale,
            },
            now,
        )
        .await?;
    let csrf_token = crate::secret::random_token(32)?;
    let jar = jar
        .add(cookie(&state.config, names.session, token))
        .add(cookie(&state.config, names.csrf, csrf_token.clone()));
    Ok((jar, csrf_token))
}

/// The jar after a change that may have given the session a new token
/// (`security_info::Added::new_token`).
pub fn with_new_token(state: &AppState, jar: CookieJar, new_token: Option<String>) -> CookieJar {
    match new_token {
        Some(token) => with_token(state, jar, token),
        None => jar,
    }
}

/// The jar with the session cookie set to `token`.
pub fn with_token(state: &AppState, jar: CookieJar, token: String) -> CookieJar {
    let names = CookieNames::for_config(&state.config);
    jar.add(cookie(&state.config, names.session, token))
}
