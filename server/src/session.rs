//! Sessions: a random token the edge keeps in an `HttpOnly`,
//! `SameSite=Strict` cookie (`http/cookies.rs`), its SHA-256 digest in the
//! database so every instance shares it (S18, S20, S26). A new token at
//! every sign-in defeats fixation.
//!
//! Here a session is known by the digest of the token the request showed
//! (`presented`), and a new token leaves as a [`SessionToken`] for the
//! edge to set: nothing in this file knows of cookies.

use crate::audit::{Action, Requester};
use crate::config::Config;
use crate::error::{AppError, AppResult};
use crate::secret::{new_session_token, token_digest};
use crate::state::AppState;
use crate::store::{MethodRecord, SessionKey, SessionRecord};

/// A session token just given out. Only the person's browser keeps it;
/// the database keeps its digest.
#[derive(Debug)]
pub struct SessionToken(String);

impl SessionToken {
    pub fn new() -> AppResult<SessionToken> {
        Ok(SessionToken(new_session_token()?))
    }

    pub fn digest(&self) -> SessionKey {
        SessionKey::new(token_digest(&self.0))
    }

    /// The token itself, for the cookie and nowhere else.
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// Seconds of idleness and of age after which a session is over.
pub fn limits(config: &Config) -> (i64, i64) {
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
pub async fn current(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<Option<SessionRecord>> {
    let Some(digest) = presented else {
        return Ok(None);
    };
    let Some(session) = state.store.session(digest).await? else {
        return Ok(None);
    };
    // A reset is no session of its person until its first proof: before
    // it, nothing may tell a known account from an unknown one (N2, S28).
    let unproved_reset = session.is_reset() && session.reset_steps().is_empty();
    Ok((is_live(state, &session) && !unproved_reset).then_some(session))
}

/// Whether a stored session is still usable: not idle or old beyond its
/// limits, and not a second step (or reset) that lapsed.
pub fn is_live(state: &AppState, session: &SessionRecord) -> bool {
    let now = state.now();
    let (idle, absolute) = limits(&state.config);
    now - session.last_seen_at < idle
        && now - session.created_at < absolute
        && session.pending_until.is_none_or(|until| now < until)
        && session.pass_expires_at.is_none_or(|until| now < until)
}

/// Records that the session is in use, at most once a minute.
pub async fn touch(state: &AppState, session: &SessionRecord) -> AppResult<()> {
    let now = state.now();
    if now - session.last_seen_at >= TOUCH_EVERY_SECS {
        state
            .store
            .touch_session(&session.token_digest, now)
            .await?;
    }
    Ok(())
}

/// A signed-in session whose sign-in is complete; without a session
/// `not-signed-in`, and `sign-in-not-finished` while the sign-in waits for
/// its second step (S27). Routes take it as an argument
/// (`http/extract.rs`), so a handler cannot forget to ask.
pub struct Authenticated(pub SessionRecord);

/// A complete session, also one signed in with a temporary password that
/// must be replaced first: only choosing the new one (its rules, its
/// strength, the change) and the person's language take it.
pub struct ChoosingPassword(pub SessionRecord);

/// A session that may verify with one of the person's methods: a complete
/// one stepping up (S11), or a sign-in waiting for its second step (S27).
/// Only the verification routes take it; everything else takes
/// `Authenticated`.
pub struct Verifying(pub SessionRecord);

/// A password reset under way (S29), after its first proof.
pub struct Resetting(pub SessionRecord);

/// A signed-in session that verified with a sign-in method recently
/// enough to view or change security info (S11), with the person's
/// methods as read for the check. A handler that takes it cannot forget
/// the step-up.
pub struct Verified {
    pub session: SessionRecord,
    pub methods: Vec<MethodRecord>,
}

/// The live session `presented`, touched; `not-signed-in` without one.
pub async fn verifying(state: &AppState, presented: Option<&SessionKey>) -> AppResult<Verifying> {
    let session = current(state, presented)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    touch(state, &session).await?;
    Ok(Verifying(session))
}

/// The live, complete session `presented`; `password-change-required`
/// while its person's password is a temporary one.
pub async fn authenticated(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<Authenticated> {
    let ChoosingPassword(session) = choosing_password(state, presented).await?;
    if session.user.password == models::PasswordState::Temporary {
        return Err(AppError::forbidden(
            models::ErrorCode::PasswordChangeRequired,
        ));
    }
    Ok(Authenticated(session))
}

/// The live, complete session `presented`, whatever its password.
pub async fn choosing_password(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<ChoosingPassword> {
    let Verifying(session) = verifying(state, presented).await?;
    if session.is_pending() {
        return Err(AppError::sign_in_not_finished());
    }
    Ok(ChoosingPassword(session))
}

/// The reset `presented`, once proved; `reset-not-verified` before its
/// first proof, `reset-expired` when there is none (it lapsed, was used,
/// or never began).
pub async fn resetting(state: &AppState, presented: Option<&SessionKey>) -> AppResult<Resetting> {
    if let Some(session) = current(state, presented)
        .await?
        .filter(SessionRecord::is_reset)
    {
        return Ok(Resetting(session));
    }
    // Before its first proof a reset is no one's, whatever its name
    // (N2): not verified yet, rather than gone.
    let unproved = match presented {
        Some(digest) => state.store.reset(digest, state.now()).await?.is_some(),
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

/// What a proof did to the session: the token it now has (a new one, or
/// none when it kept its own) and the digest it is known by.
pub struct Proved {
    pub new_token: Option<SessionToken>,
    pub digest: SessionKey,
}

/// After a verification with one of the person's methods (`how`: the
/// channel or kind; `method_id`: which one): a new session token (S18) with
/// a fresh verification; a sign-in that waited for it is complete now, and
/// recorded as such. A password reset instead records the method on
/// itself, once (S29), and stays a reset.
pub async fn verified(
    state: &AppState,
    who: &Requester<'_>,
    how: &str,
    method_id: Option<&str>,
) -> AppResult<Proved> {
    crate::metrics::verification(how, "verified");
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
        return Ok(Proved {
            new_token: None,
            digest: session.token_digest.clone(),
        });
    }
    let amr = with_proof(&session.amr, how);
    let token = rotate(state, who.session, &amr).await?;
    let digest = token.digest();
    if who.session.is_pending() {
        state.store.apply_pending_locale(&digest).await?;
        state
            .store
            .record_sign_in(&session.user.id, state.now())
            .await?;
        who.record(state, Action::SignedIn, None, how, None).await?;
    }
    Ok(Proved {
        new_token: Some(token),
        digest,
    })
}

/// A new session token (S18) after a change that verified no second
/// factor (a new password): the verification time stays as it was, so the
/// step-up window is not renewed (S11).
pub async fn renew_token(state: &AppState, session: &SessionRecord) -> AppResult<SessionToken> {
    let token = SessionToken::new()?;
    if !state
        .store
        .rotate_session_token(&session.token_digest, &token.digest(), state.now())
        .await?
    {
        return Err(AppError::unauthorized());
    }
    Ok(token)
}

/// A new session token (S18) with a fresh verification, and the proofs
/// it has seen (`amr`).
async fn rotate(state: &AppState, session: &SessionRecord, amr: &str) -> AppResult<SessionToken> {
    let token = SessionToken::new()?;
    if !state
        .store
        .rotate_verified_session(
            &session.token_digest,
            &token.digest(),
            state.now(),
            Some(amr),
        )
        .await?
    {
        return Err(AppError::unauthorized());
    }
    Ok(token)
}

/// RFC 8176's name of a proof (`how`: a channel or a method kind).
fn proof_name(how: &str) -> &'static str {
    match how {
        "text" => "sms",
        "call" => "tel",
        "security-key" => "hwk",
        // An authenticator app's code, an emailed code, a recovery code.
        _ => "otp",
    }
}

/// The proofs of a session (`amr`, RFC 8176 names separated by spaces)
/// with one more; `mfa` once there are two kinds.
pub fn with_proof(amr: &str, how: &str) -> String {
    let mut names: Vec<&str> = amr.split_whitespace().filter(|n| *n != "mfa").collect();
    let name = proof_name(how);
    if !names.contains(&name) {
        names.push(name);
    }
    if names.len() > 1 || amr.split_whitespace().any(|n| n == "mfa") {
        names.push("mfa");
    }
    names.join(" ")
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
    /// With a Temporary Access Pass: verified, and over with the pass (S33).
    Pass(crate::store::SpentPass),
}

/// A session just opened: its token, and a fresh CSRF token for the
/// client to echo.
pub struct Opened {
    pub token: SessionToken,
    pub csrf_token: String,
}

/// Opens a session for `user` after a sign-in: a new token (fixation),
/// the session that came with the request (`presented`) ended, a fresh
/// CSRF token. Every way of signing in comes here, so here a disabled
/// person is refused (S40), once their credential proved right; and the
/// session a disabled person's sign-in might open at the same moment as
/// the disabling is never read (`store::sessions`).
pub async fn open(
    state: &AppState,
    presented: Option<&SessionKey>,
    user: &crate::store::UserRecord,
    address: &str,
    user_agent: &str,
    opening: Opening,
) -> AppResult<Opened> {
    if user.status == models::PersonStatus::Disabled {
        return Err(AppError::forbidden(models::ErrorCode::AccountDisabled));
    }
    let user_id = &user.id;
    if let Some(old) = presented {
        state.store.delete_session(old).await?;
    }
    let now = state.now();
    let (pending_until, verified_at, pending_locale) = match &opening {
        Opening::Password {
            pending_until,
            locale,
        } => (
            *pending_until,
            0,
            locale.filter(|_| pending_until.is_some()),
        ),
        Opening::Verified | Opening::Pass(_) => (None, now, None),
    };
    let pass = match &opening {
        Opening::Pass(pass) => Some((pass.id.as_str(), pass.expires_at)),
        _ => None,
    };
    // What an application's ID token says of this sign-in (RFC 8176): a
    // passkey verified its person (possession and a PIN or biometric) as
    // a pass stands for two steps; a password waits for its second.
    let amr = match &opening {
        Opening::Password { .. } => "pwd",
        Opening::Verified => "hwk mfa",
        Opening::Pass(_) => "tap mfa",
    };
    let token = SessionToken::new()?;
    let sid = crate::secret::new_id()?;
    state
        .store
        .insert_session(
            crate::store::NewSession {
                token_digest: &token.digest(),
                user_id,
                client_address: address,
                user_agent,
                pending_until,
                verified_at,
                pending_locale,
                pass,
                amr,
                sid: &sid,
            },
            now,
        )
        .await?;
    if pending_until.is_none() {
        state.store.record_sign_in(user_id, now).await?;
    }
    let csrf_token = crate::secret::random_token(32)?;
    Ok(Opened { token, csrf_token })
}
