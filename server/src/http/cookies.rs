//! The session and CSRF cookies: their names and fixed attributes, the
//! session a request presents, and the cookie a new session token becomes.
//! The domain knows a session by its token's digest and hands back a
//! `SessionToken`; only this file turns one into the other.

use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};

use crate::config::Config;
use crate::secret::{random_token, token_digest};
use crate::session::{Opened, SessionToken};
use crate::state::AppState;
use crate::store::SessionKey;

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
fn cookie(config: &Config, name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .secure(config.cookie_secure)
        .same_site(SameSite::Strict)
        .build()
}

/// The digest of the session token this request presented, if any: what
/// the domain knows a session by.
pub fn presented(state: &AppState, jar: &CookieJar) -> Option<SessionKey> {
    let names = CookieNames::for_config(&state.config);
    jar.get(names.session)
        .map(|c| SessionKey::new(token_digest(c.value())))
}

/// The jar with the session cookie set to `token`, when a use case gave
/// the session one (a sign-in, a proof, a new password); unchanged
/// otherwise.
pub fn with_session(state: &AppState, jar: CookieJar, token: Option<SessionToken>) -> CookieJar {
    match token {
        Some(token) => {
            let names = CookieNames::for_config(&state.config);
            jar.add(cookie(&state.config, names.session, token.into_inner()))
        }
        None => jar,
    }
}

/// The jar of a session just opened: its token and its CSRF token.
pub fn signed_in(state: &AppState, jar: CookieJar, opened: Opened) -> CookieJar {
    let names = CookieNames::for_config(&state.config);
    with_session(state, jar, Some(opened.token)).add(cookie(
        &state.config,
        names.csrf,
        opened.csrf_token,
    ))
}

/// The jar with the session cookie removed.
pub fn without_session(state: &AppState, jar: CookieJar) -> CookieJar {
    let names = CookieNames::for_config(&state.config);
    jar.remove(Cookie::build(names.session).path("/"))
}

/// The CSRF token of this browser: the cookie's, or a new one that is set
/// now. Only a cookie is written, never a database row (S21).
pub fn csrf_token(
    state: &AppState,
    jar: CookieJar,
) -> Result<(CookieJar, String), getrandom::Error> {
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
