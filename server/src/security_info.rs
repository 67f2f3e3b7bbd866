//! The rules of a person's security info, in one place: what they have
//! and may add, the default and its successor, the coverage line, the
//! step-up that guards every view and change (S11), and the three changes
//! — adding (or changing) a method, deleting one, choosing the default.
//!
//! Every change runs in a `store::Change`, which serializes the changes of
//! one person; its rules are read inside it, so they hold when the same
//! requests arrive together.
//!
//! Architecture Invariant: a handler that shows security info or starts a
//! change takes `session::Verified` (`verified_session` here) instead of
//! `Authenticated`: it refuses without a recent verification once the person
//! has a method that counts for sign-in (S11), so the check cannot be
//! forgotten. Finishing a change is checked again inside the change (`add`),
//! so a setup begun before the window lapsed does not finish after it. Every
//! change writes an `audit` row and is announced (S12). Registering a method
//! that counts for sign-in gives the session a new token (S18), as a step-up
//! does: every proof hands its session back through `finished`.

use models::MethodId;
use models::{
    DefaultMethod, ErrorCode, Field, MethodKind, MethodView, PhoneDelivery, SecurityInfo,
};

use crate::audit::{Action, Requester};
use crate::clock::UnixTime;
use crate::error::{AppError, AppResult};
use crate::policy::Policy;
use crate::secret;
use crate::session::{self, Proved, SessionToken, Verified};
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::{
    Change, InsertRefused, MethodData, MethodRecord, NewMethod, SessionRecord, UserRecord,
};

/// Refuses a view or change of security info without a recent verification
/// once the person has a method that verifies a sign-in (S11).
pub fn require_recent_verification(
    now: UnixTime,
    session: &SessionRecord,
    methods: &[MethodRecord],
    policy: &Policy,
) -> AppResult<()> {
    let has_mfa = methods.iter().any(|m| policy.counts_for_mfa(m.kind));
    let window = policy.step_up_minutes.clamp(0, Policy::MAX_STEP_UP_MINUTES) * 60;
    if has_mfa && now - session.verified_at > window {
        return Err(AppError::forbidden(ErrorCode::StepUpRequired));
    }
    Ok(())
}

/// The complete session `presented`, recently verified (S11); refused with
/// `step-up-required` otherwise.
pub async fn verified_session(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<Verified> {
    // The usual case in one statement: a live, complete session with its
    // person, policy and methods.
    if let Some(digest) = presented
        && let Some((session, methods)) = state.store.session_with_methods(digest).await?
        && session::is_live(state, &session)
        && !session.is_pending()
        && session.user.password != models::PasswordState::Temporary
    {
        session::touch(state, &session).await?;
        let policy = &session.user.policy;
        require_recent_verification(state.now(), &session, &methods, policy)?;
        return Ok(Verified { session, methods });
    }
    // Anything else is refused as `authenticated` refuses it.
    let session::Authenticated(session) = session::authenticated(state, presented).await?;
    let (_, methods) = guarded(state, &session).await?;
    Ok(Verified { session, methods })
}

/// Whether viewing or changing security info would ask this complete
/// session for a verification first (S11); what `GET /api/session` tells
/// the client, so that it asks before it is refused.
pub async fn step_up_required(state: &AppState, session: &SessionRecord) -> AppResult<bool> {
    if session.is_pending() {
        return Ok(false);
    }
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let policy = &session.user.policy;
    Ok(require_recent_verification(state.now(), session, &methods, policy).is_err())
}

/// The person's policy and methods, once the step-up rule let them in.
pub async fn guarded(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<(Policy, Vec<MethodRecord>)> {
    let policy = session.user.policy.clone();
    let methods = state.store.methods_of_user(&session.user.id).await?;
    require_recent_verification(state.now(), session, &methods, &policy)?;
    Ok((policy, methods))
}

/// Who adds a method: what their organization allows them, and whether
/// they signed in with a Temporary Access Pass, which proves enough to
/// register a passkey first (as Entra's does).
#[derive(Clone, Copy)]
pub struct Registrant<'a> {
    pub policy: &'a Policy,
    pub is_admin: bool,
    pub with_pass: bool,
}

impl<'a> Registrant<'a> {
    /// The person signed in on this session.
    pub fn of(session: &'a SessionRecord) -> Registrant<'a> {
        Registrant {
            policy: &session.user.policy,
            is_admin: session.user.is_admin,
            with_pass: session.pass_expires_at.is_some(),
        }
    }
}

/// What the Add-method dialog may offer this person.
pub fn addable(who: Registrant<'_>, methods: &[MethodRecord]) -> Vec<MethodKind> {
    MethodKind::OFFER_ORDER
        .into_iter()
        .filter(|k| why_not_addable(who, methods, *k).is_none())
        .collect()
}

/// Why a method of `kind` cannot be added now, if it cannot.
fn why_not_addable(
    who: Registrant<'_>,
    methods: &[MethodRecord],
    kind: MethodKind,
) -> Option<ErrorCode> {
    let Registrant {
        policy,
        is_admin,
        with_pass,
    } = who;
    let count = |k: MethodKind| methods.iter().filter(|m| m.kind == k).count();
    let most = match kind {
        MethodKind::AuthenticatorApp => crate::authenticator::MAX_APPS,
        MethodKind::SecurityKey => crate::security_key::MAX_KEYS,
        // One of each phone, one email, one set of questions.
        _ => 1,
    };
    if !policy.allows(kind)
        // Security questions are not for admin accounts (SPEC §5).
        || (kind == MethodKind::SecurityQuestions && is_admin)
        || count(kind) >= most
    {
        return Some(ErrorCode::MethodUnavailable);
    }
    // An alternate phone only once a phone exists (SPEC §2).
    if kind == MethodKind::AlternatePhone && count(MethodKind::Phone) == 0 {
        return Some(ErrorCode::PhoneRequiredFirst);
    }
    // A security key only once another method exists (SPEC §6), but first
    // on a pass's sign-in, which proved the person as a method would.
    if kind == MethodKind::SecurityKey
        && methods.len() == count(MethodKind::SecurityKey)
        && !with_pass
    {
        return Some(ErrorCode::OtherMethodFirst);
    }
    // Recovery codes are a last resort, beside a method the person holds.
    if kind == MethodKind::RecoveryCodes && !methods.iter().any(|m| m.kind.can_be_default()) {
        return Some(ErrorCode::OtherMethodFirst);
    }
    None
}

/// Refuses to start adding a `kind` that could not be added now.
pub fn check_addable(
    session: &SessionRecord,
    methods: &[MethodRecord],
    kind: MethodKind,
) -> AppResult<()> {
    match why_not_addable(Registrant::of(session), methods, kind) {
        None => Ok(()),
        Some(code) => Err(AppError::invalid(code, Field::Kind)),
    }
}

fn view(methods: &[MethodRecord], policy: &Policy) -> Vec<MethodView> {
    methods
        .iter()
        .map(|m| MethodView {
            id: models::MethodId::new(m.id.clone()),
            kind: m.kind,
            // An address is shown as written: its domain in its own script.
            detail: match m.kind {
                MethodKind::Email => models::EmailAddress::unicode(&m.detail),
                _ => m.detail.clone(),
            },
            delivery: m.phone.as_ref().and_then(|p| p.delivery),
            usable: policy.allows(m.kind),
            for_sign_in: policy.counts_for_mfa(m.kind),
            for_reset: policy.counts_for_sspr(m.kind),
            remaining: m.remaining.and_then(|n| u32::try_from(n).ok()),
            added_at: m.created_at,
        })
        .collect()
}

/// The Security info page's content.
pub fn info_from(user: &UserRecord, methods: &[MethodRecord], with_pass: bool) -> SecurityInfo {
    let default_method = match &user.default_method_id {
        Some(id) if methods.iter().any(|m| &m.id == id) => Some(DefaultMethod {
            method_id: models::MethodId::new(id.clone()),
            delivery: user.default_delivery,
        }),
        _ => None,
    };
    let policy = &user.policy;
    let registrant = Registrant {
        policy,
        is_admin: user.is_admin,
        with_pass,
    };
    let addable = addable(registrant, methods);
    let kinds: Vec<MethodKind> = methods.iter().map(|m| m.kind).collect();
    // What a reset could verify: one method per destination, as the reset
    // itself counts them (one number as phone and office phone is one, N8).
    let mut reached = Vec::new();
    let reset_kinds: Vec<MethodKind> = methods
        .iter()
        .filter(|m| policy.counts_for_reset(m.kind, user.is_admin))
        .filter(|m| {
            let key = m.destination_key();
            let new = !reached.contains(&key);
            reached.push(key);
            new
        })
        .map(|m| m.kind)
        .collect();
    // The same rule as the reset's own (an administrator needs two methods,
    // never security questions).
    let sspr_missing = policy.reset_missing(&reset_kinds, user.is_admin);
    // While a reset still needs a method, the interrupt proposes one that
    // helps it, of a kind the person has not yet; otherwise the first
    // addable in the policy's order.
    let helps =
        |kind: &MethodKind| sspr_missing == 0 || policy.counts_for_reset(*kind, user.is_admin);
    let in_order = || {
        policy
            .methods
            .iter()
            .map(|rule| rule.kind)
            .filter(|kind| addable.contains(kind))
    };
    // Signed in with a pass, a passkey first, where the policy allows one.
    let passkey_first =
        (with_pass && kinds.is_empty() && addable.contains(&MethodKind::SecurityKey))
            .then_some(MethodKind::SecurityKey);
    let suggested = passkey_first
        .or_else(|| in_order().find(|kind| helps(kind) && !kinds.contains(kind)))
        .or_else(|| in_order().find(|kind| helps(kind)))
        .or_else(|| in_order().next());
    SecurityInfo {
        default_method,
        methods: view(methods, policy),
        addable,
        suggested,
        required: policy.registration_required,
        coverage: models::Coverage {
            mfa_methods: kinds.iter().filter(|k| policy.counts_for_mfa(**k)).count(),
            sspr_methods: reset_kinds.len(),
            sspr_required: policy.reset_required(user.is_admin),
            sspr_missing,
        },
    }
}

/// The Security info page for the session as it is in the database now
/// (after a change, possibly under a rotated token).
pub async fn info_of(state: &AppState, token_digest: &SessionKey) -> AppResult<SecurityInfo> {
    let session = state
        .store
        .session(token_digest)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    // A password reset learns nothing of the security info it verifies
    // with: whoever holds it may have proved one method, or none.
    if session.is_reset() {
        return Ok(SecurityInfo {
            default_method: None,
            methods: Vec::new(),
            addable: Vec::new(),
            suggested: None,
            required: 0,
            coverage: models::Coverage::default(),
        });
    }
    let methods = state.store.methods_of_user(&session.user.id).await?;
    Ok(info_from(
        &session.user,
        &methods,
        session.pass_expires_at.is_some(),
    ))
}

/// A method being added, or replacing one of the same kind ("Change").
pub struct Adding<'a> {
    pub kind: MethodKind,
    pub detail: &'a str,
    pub data: MethodData,
    /// For a phone: how it verifies when it becomes the default.
    pub delivery: Option<PhoneDelivery>,
    pub replaces: Option<&'a str>,
    pub totp_last_step: Option<i64>,
}

/// A proof finished — a registration, a step-up, a sign-in's second step:
/// the session's new token when the proof gave it one, and the security
/// info as it now stands.
pub struct Finished {
    pub new_token: Option<SessionToken>,
    pub info: SecurityInfo,
}

/// The one way every proof hands back its session.
pub async fn finished(state: &AppState, proved: Proved) -> AppResult<Finished> {
    Ok(Finished {
        info: info_of(state, &proved.digest).await?,
        new_token: proved.new_token,
    })
}

/// What adding did.
pub struct Added {
    pub method_id: String,
    /// The session after the change: a new token when adding proved a
    /// sign-in method, which counts as a fresh verification under a new id
    /// (S18); its own otherwise.
    pub proved: Proved,
}

async fn begin(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<(Change, Vec<MethodRecord>)> {
    let mut change = state
        .store
        .begin_change(&session.user.id)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    let methods = change.methods().await?;
    // Checked here, inside the change, and not only when the setup began:
    // a setup begun without a step-up, or before the window lapsed, does
    // not finish without one (F1).
    require_recent_verification(state.now(), session, &methods, &change.user.policy)?;
    Ok((change, methods))
}

/// The one place where a method is added or changed: the step-up, the
/// limits and the policy are checked again inside the change (F1, F5),
/// the first sign-in method becomes the default (SPEC §7), and the change
/// is audited and announced (S12).
pub async fn add(state: &AppState, who: &Requester<'_>, adding: Adding<'_>) -> AppResult<Added> {
    let session = who.session;
    let now = state.now();
    let (mut change, methods) = begin(state, session).await?;
    let user = change.user.clone();
    let (method_id, action, previous_address) = match adding.replaces {
        Some(old) => {
            let Some(replaced) = methods
                .iter()
                .find(|m| m.id == old && m.kind == adding.kind)
            else {
                return Err(AppError::not_found());
            };
            change
                .update_method(old, adding.detail, &adding.data)
                .await?;
            // An address being replaced existed before the change: it is told.
            let previous = (adding.kind == MethodKind::Email).then(|| replaced.detail.clone());
            (old.to_owned(), Action::MethodChanged, previous)
        }
        None => {
            check_addable(session, &methods, adding.kind)?;
            let id = secret::new_id()?;
            let inserted = change
                .insert_method(
                    NewMethod {
                        id: &id,
                        kind: adding.kind,
                        detail: adding.detail,
                        data: &adding.data,
                        totp_last_step: adding.totp_last_step,
                    },
                    now,
                )
                .await?;
            if inserted == Err(InsertRefused::CredentialTaken) {
                return Err(AppError::invalid(
                    ErrorCode::SecurityKeyRejected,
                    Field::Kind,
                ));
            }
            (id, Action::MethodAdded, None)
        }
    };
    if user.default_method_id.is_none() && adding.kind.can_be_default() {
        let delivery = adding.kind.is_phone().then_some(adding.delivery).flatten();
        change.set_default(Some(&method_id), delivery).await?;
    }
    // Registering proved possession of a sign-in method: a fresh
    // verification, under a new session id (S18, F13). Recovery codes the
    // server just made prove nothing.
    let proves = user.policy.counts_for_mfa(adding.kind) && adding.kind.can_be_default();
    let proved = if proves {
        let token = SessionToken::new()?;
        let digest = token.digest();
        if !change
            .rotate_session(&session.token_digest, &digest, now)
            .await?
        {
            return Err(AppError::unauthorized());
        }
        Proved {
            new_token: Some(token),
            digest,
        }
    } else {
        Proved {
            new_token: None,
            digest: session.token_digest.clone(),
        }
    };
    change.commit().await?;
    who.record(
        state,
        action,
        Some(&method_id),
        adding.kind.as_str(),
        previous_address.as_deref(),
    )
    .await?;
    Ok(Added { method_id, proved })
}

/// Deletes one of the person's methods. Someone else's is "not found"
/// (S13); what the policy requires stays (S14, F17); the default moves to
/// the strongest remaining method (`models::next_default`).
pub async fn delete(
    state: &AppState,
    who: &Requester<'_>,
    id: &MethodId,
) -> AppResult<SecurityInfo> {
    let id = id.as_str();
    let (mut change, methods) = begin(state, who.session).await?;
    let Some(index) = methods.iter().position(|m| m.id == id) else {
        return Err(AppError::not_found());
    };
    let kinds: Vec<MethodKind> = methods.iter().map(|m| m.kind).collect();
    // The phone stays while an alternate phone needs it (SPEC §2).
    if models::needed_by(&kinds, index).is_some() {
        return Err(AppError::conflict(ErrorCode::DeleteAlternatePhoneFirst));
    }
    if !change.user.policy.may_delete(&kinds, index) {
        return Err(AppError::conflict(ErrorCode::LastRequiredMethod));
    }
    if !change.delete_method(id).await? {
        return Err(AppError::not_found());
    }
    if change.user.default_method_id.as_deref() == Some(id) {
        let rest: Vec<&MethodRecord> = methods.iter().filter(|m| m.id != id).collect();
        let rest_kinds: Vec<MethodKind> = rest.iter().map(|m| m.kind).collect();
        let next = models::next_default(&rest_kinds);
        change
            .set_default(
                next.map(|(i, _)| rest[i].id.as_str()),
                next.and_then(|(_, d)| d),
            )
            .await?;
    }
    change.commit().await?;
    // A deleted email address existed before the change: it is told.
    let deleted = &methods[index];
    let deleted_address = (deleted.kind == MethodKind::Email).then(|| deleted.detail.clone());
    who.record(
        state,
        Action::MethodDeleted,
        Some(id),
        "",
        deleted_address.as_deref(),
    )
    .await?;
    info_of(state, &who.session.token_digest).await
}

/// Makes one of the person's sign-in methods the default.
pub async fn set_default(
    state: &AppState,
    who: &Requester<'_>,
    method_id: &MethodId,
    delivery: Option<PhoneDelivery>,
) -> AppResult<SecurityInfo> {
    let method_id = method_id.as_str();
    let (mut change, methods) = begin(state, who.session).await?;
    let method = methods
        .iter()
        .find(|m| m.id == method_id)
        .ok_or_else(AppError::not_found)?;
    if !method.kind.can_be_default() {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    let delivery = match (method.kind.is_phone(), delivery) {
        (true, Some(d)) if method.kind.deliveries().contains(&d) => Some(d),
        (true, _) => {
            return Err(AppError::invalid(
                ErrorCode::DeliveryUnavailable,
                Field::Kind,
            ));
        }
        (false, _) => None,
    };
    change.set_default(Some(method_id), delivery).await?;
    change.commit().await?;
    who.record(state, Action::DefaultChanged, Some(method_id), "", None)
        .await?;
    info_of(state, &who.session.token_digest).await
}
