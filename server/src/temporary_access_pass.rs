//! Temporary Access Passes (S33): what gets a person who lost every method
//! back in, and a new person or organization's first administrator in at
//! all. A pass is issued by an administrator of the person's organization
//! (or by `secinfo-server bootstrap` on the server itself), drawn from the
//! OS CSPRNG, shown once, and stored only as a digest; it lives within the
//! policy's bounds, signs in once or until it expires, and can be revoked.
//!
//! A pass signs in where a password would: it satisfies two-step
//! verification (the session is verified as it opens), and the session it
//! starts ends when the pass expires, is revoked or is replaced — the
//! session names the pass, and a session whose pass is gone is no session
//! (`store/sessions.rs`).

use models::{ErrorCode, PassView, PersonId};

use crate::audit::{self, Action, Requester};
use crate::clock::UnixTime;
use crate::error::{AppError, AppResult};
use crate::secret;
use crate::state::AppState;
use crate::store::{NewPass, PassRecord, SessionRecord, SpentPass, UserRecord};

/// A pass just issued: the text is shown once and kept nowhere (nor
/// printed by `Debug`).
pub struct IssuedPass {
    pub pass: String,
    pub one_time: bool,
    pub lifetime_minutes: i64,
    pub expires_at: UnixTime,
}

impl std::fmt::Debug for IssuedPass {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IssuedPass")
            .field("pass", &"<shown once>")
            .field("one_time", &self.one_time)
            .field("expires_at", &self.expires_at)
            .finish_non_exhaustive()
    }
}

/// Who issues a pass: an administrator (their id), or the command line on
/// the server.
#[derive(Clone, Copy)]
pub enum Issuer<'a> {
    Administrator(&'a PersonId),
    CommandLine,
}

impl Issuer<'_> {
    /// Who it was, as the audit trail says it.
    fn audited(self) -> String {
        match self {
            Issuer::Administrator(admin) => format!("by:{admin}"),
            Issuer::CommandLine => "by:command-line".to_owned(),
        }
    }
}

/// The lifetime asked for (the policy's default when none), if the policy
/// allows it.
pub fn lifetime(policy: &models::policy::PassPolicy, asked: Option<i64>) -> AppResult<i64> {
    let minutes = asked.unwrap_or(policy.default_lifetime_minutes);
    if !policy.allows_lifetime(minutes) {
        return Err(AppError::invalid(
            ErrorCode::PassLifetimeOutOfBounds,
            models::Field::Lifetime,
        ));
    }
    Ok(minutes)
}

/// What the database keeps of a pass: a digest bound to its person. The
/// pass is long and random (S33), so a plain digest resists guessing as a
/// session token's does; unkeyed, so that the command line and the server
/// agree on it whatever their keys.
fn digest(person: &PersonId, pass: &str) -> String {
    secret::token_digest(&format!("pass:{person}:{pass}"))
}

/// Gives `person` a new pass in place of any they had (whose sessions end
/// with it). `lifetime_minutes`: the policy's default when not given, else
/// within its bounds.
pub async fn issue(
    state: &AppState,
    person: &UserRecord,
    issuer: Issuer<'_>,
    lifetime_minutes: Option<i64>,
    one_time: bool,
) -> AppResult<IssuedPass> {
    let policy = &person.policy.temporary_access_pass;
    let minutes = lifetime(policy, lifetime_minutes)?;
    let pass = secret::pass_text(policy.length)?;
    let id = secret::new_id()?;
    let now = state.now();
    let expires_at = now + minutes * 60;
    let issued_by = match issuer {
        Issuer::Administrator(admin) => Some(admin),
        Issuer::CommandLine => None,
    };
    state
        .store
        .issue_pass(
            NewPass {
                user_id: &person.id,
                id: &id,
                digest: &digest(&person.id, &pass),
                one_time,
                expires_at,
                issued_by,
            },
            now,
        )
        .await?;
    let by = issuer.audited();
    let use_count = if one_time { "uses:1" } else { "uses:any" };
    let detail = format!("{by} minutes:{minutes} {use_count}");
    audit::record_unannounced(state, &person.id, Action::PassIssued, &detail, "", "").await?;
    Ok(IssuedPass {
        pass,
        one_time,
        lifetime_minutes: minutes,
        expires_at,
    })
}

/// Spends `typed` as `person`'s pass, if it is theirs and still good: the
/// session to open names it. `None` for anything else, which the sign-in
/// refuses as it refuses a wrong password.
pub async fn spend(
    state: &AppState,
    person: &UserRecord,
    typed: &str,
) -> AppResult<Option<SpentPass>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    Ok(state
        .store
        .spend_pass(&person.id, &digest(&person.id, typed), state.now())
        .await?)
}

/// The person's pass while it lasts.
pub async fn of(state: &AppState, person: &PersonId) -> AppResult<Option<PassRecord>> {
    Ok(state.store.pass_of(person, state.now()).await?)
}

/// The person's pass while it lasts, as Security info shows it.
pub async fn own(state: &AppState, session: &SessionRecord) -> AppResult<Option<PassView>> {
    let pass = state.store.pass_of(&session.user.id, state.now()).await?;
    Ok(pass.map(|pass: PassRecord| PassView {
        expires_at: pass.expires_at,
        one_time: pass.one_time,
        // A session lives only while the pass it began with does: one
        // that began with a pass began with this one.
        this_session: session.pass_expires_at.is_some(),
    }))
}

/// The person deletes their own pass (once they have their methods): the
/// session it began, if this is one, ends with it.
pub async fn delete_own(state: &AppState, who: &Requester<'_>) -> AppResult<()> {
    if !state.store.revoke_pass(&who.session.user.id).await? {
        return Err(AppError::not_found());
    }
    who.record(state, Action::PassRevoked, None, "by:themselves", None)
        .await
}

/// Takes the person's pass away; the sessions it started end with it.
pub async fn revoke(state: &AppState, person: &PersonId, by: Issuer<'_>) -> AppResult<()> {
    if !state.store.revoke_pass(person).await? {
        return Err(AppError::not_found());
    }
    audit::record_unannounced(state, person, Action::PassRevoked, &by.audited(), "", "").await
}
