//! Verifying with a phone or an email address: sending a code or placing a
//! call within the limits (S17), checking codes (S2–S7), and what a
//! success does — registering a phone or email, or stepping up the
//! session (S11). Phone and email codes share every line of this.
//!
//! Architecture Invariant: every limit is checked before the carrier is
//! called; nothing is sent or dialled over a limit or outside the allowed
//! countries (S17). A step-up refused by a limit while a code of the same
//! purpose is still open to the same place answers with that challenge and
//! the wait left, sending nothing. A code is checked and consumed by one
//! `UPDATE … WHERE code_digest = … AND consumed_at IS NULL AND expires_at >
//! now AND attempts < max` (S7); a wrong code raises `attempts` in one
//! statement too. A challenge finished or replaced by a newer one is never
//! sent again; a step-up challenge finishes only while its method is still
//! the person's and still counts.

use crate::audit::Requester;
use crate::codes::{code_digest, new_code};
use crate::error::{AppError, AppResult};
use crate::phone::display_e164;
use crate::policy::Policy;
use crate::providers::telephony::{CallEvent, call_event};
use crate::secret;
use crate::security_info::{self, Added, Adding, Finished};
use crate::session;
use crate::state::AppState;
use crate::store::{
    ChallengeRecord, Destination, EmailData, MethodData, MethodRecord, NewChallenge, PhoneData,
    Purpose, Registering, SessionRecord,
};
use crate::throttle::{self, HOUR, Limit};
use i18n::Args;
use models::PersonId;
use models::{
    CallProgress, CallStatus, Challenge, Channel, ErrorCode, MethodKind, PhoneDelivery,
    StepUpOption,
};
use models::{ChallengeId, MethodId};

/// Sends a code or places a call, unless a limit says no. Nothing reaches
/// the carrier or the mail server when any limit is exceeded.
pub async fn send(
    state: &AppState,
    who: &Requester<'_>,
    policy: &Policy,
    purpose: &Purpose,
    channel: Channel,
    to: &Destination,
) -> AppResult<Challenge> {
    send_as(state, who, policy, purpose, channel, to, secret::new_id()?).await
}

/// `send`, under a challenge id chosen before (a reset's first proof
/// answers with the id before anything is sent, N2).
pub async fn send_as(
    state: &AppState,
    who: &Requester<'_>,
    policy: &Policy,
    purpose: &Purpose,
    channel: Channel,
    to: &Destination,
    id: String,
) -> AppResult<Challenge> {
    let now = state.now();
    let limits = &policy.limits;
    let cooldown = limits.resend_cooldown_seconds.max(0);
    let over = match channel {
        Channel::Text => ErrorCode::TextLimitReached,
        Channel::Call => ErrorCode::CallLimitReached,
        Channel::Email => ErrorCode::EmailLimitReached,
    };
    let channel_name = channel.as_str();
    let user_id = &who.session.user.id;
    let hourly = |bucket: String, max: i64| Limit::new(bucket, max, HOUR, over);
    let taken = throttle::take(
        state,
        &[
            // The cooldown is the person's own: someone else sending to the
            // same number does not hold them back (F18).
            Limit::new(
                format!("cooldown:{user_id}:{}", to.address()),
                1,
                cooldown,
                ErrorCode::ResendTooSoon,
            ),
            hourly(
                format!("send:{channel_name}:user:{user_id}"),
                limits.per_user,
            ),
            hourly(
                format!("send:{channel_name}:to:{}", to.address()),
                limits.per_number,
            ),
            hourly(
                format!("send:{channel_name}:from:{}", who.address),
                limits.per_address,
            ),
            // Each organization's cap counts its own sends only (N4); the
            // operator's cap over the whole server is the configuration's.
            hourly(
                format!(
                    "send:{channel_name}:org:{}",
                    who.session.user.organization_id
                ),
                limits.global,
            ),
            hourly(
                format!("send:{channel_name}:server"),
                state.config.sending.per_channel_per_hour,
            ),
        ],
    )
    .await;
    if let Err(refused) = taken {
        // Within the cooldown, a step-up to where a code already went (a
        // second sign-in, another tab, Back) goes on with that code, still
        // valid, and the time left — never a dead end (walk issue, item 3).
        return match already_on_its_way(state, who, purpose, channel, to, cooldown).await? {
            Some(challenge) => Ok(challenge),
            None => Err(refused),
        };
    }

    let code = if channel.sends_code() {
        Some(new_code()?)
    } else {
        None
    };
    let digest = code
        .as_deref()
        .map(|c| code_digest(&state.code_key, &id, c));
    state
        .store
        .insert_challenge(
            NewChallenge {
                id: &id,
                user_id: &who.session.user.id,
                purpose,
                channel,
                destination: to,
                code_digest: digest.as_deref(),
                expires_at: now + policy.code_lifetime_secs(),
            },
            now,
        )
        .await?;
    match (&code, channel) {
        (Some(code), Channel::Email) => {
            let mut args = Args::new();
            args.set("code", code.as_str());
            args.set("minutes", policy.code_lifetime_secs() / 60);
            let subject = state.l10n.format(who.locale, "email-code-subject", None);
            // An address registered before verifies a reset; a new one, itself.
            let message = match purpose {
                Purpose::StepUp { .. } => "email-reset-code-body",
                Purpose::Register(_) => "email-code-body",
            };
            let body = state.l10n.format(who.locale, message, Some(&args));
            let email = crate::providers::mail::Email {
                to: to.address(),
                subject: &subject,
                body: &body,
            };
            state.mailer.send(&email, now).await?;
            crate::metrics::code_sent("email", "");
        }
        (Some(code), _) => {
            let mut args = Args::new();
            args.set("code", code.as_str());
            let body = state.l10n.format(who.locale, "sms-code-body", Some(&args));
            // The last line binds the code to our origin, so that a phone
            // offers it to this site and no other (the WebOTP format).
            let body = match state.config.public_host() {
                Some(host) => format!("{body}\n\n@{host} #{code}"),
                None => body,
            };
            state.telephony.send_text(to.address(), &body, now).await?;
            crate::metrics::code_sent("text", &crate::phone::region_of(to.address()));
        }
        (None, _) => {
            let script = state.l10n.format(who.locale, "voice-call-script", None);
            state
                .telephony
                .place_call(to.address(), to.extension(), &script, who.locale, &id, now)
                .await?;
            crate::metrics::code_sent("call", &crate::phone::region_of(to.address()));
        }
    }
    Ok(Challenge {
        challenge_id: models::ChallengeId::new(id),
        destination: shown_destination(purpose, to),
        channel,
        extension_removed: false,
        also_registered_as: None,
        resend_after: u64::try_from(cooldown).unwrap_or(0),
    })
}

/// The person's open step-up challenge of the same purpose, channel and
/// destination, as a fresh send would have answered it, with the cooldown
/// that is left: nothing is sent, no limit is taken.
async fn already_on_its_way(
    state: &AppState,
    who: &Requester<'_>,
    purpose: &Purpose,
    channel: Channel,
    to: &Destination,
    cooldown: i64,
) -> AppResult<Option<Challenge>> {
    // Only for whoever proved the password: a reset, which anyone can
    // begin, learns nothing of a code sent for someone's sign-in.
    if !matches!(purpose, Purpose::StepUp { .. }) || who.session.is_reset() {
        return Ok(None);
    }
    let now = state.now();
    let live = state
        .store
        .live_challenge_to(&who.session.user.id, to.address(), now)
        .await?
        .filter(|c| c.purpose == *purpose && c.channel == channel && c.call_status.is_none());
    Ok(live.map(|c| Challenge {
        challenge_id: models::ChallengeId::new(c.id),
        destination: shown_destination(purpose, to),
        channel,
        extension_removed: false,
        also_registered_as: None,
        resend_after: u64::try_from((cooldown - (now - c.created_at)).max(1)).unwrap_or(1),
    }))
}

/// Where a code went, as the person is shown it. A step-up names a number
/// or address the person registered before: masked, for whoever has only
/// the password (or, resetting it, nothing).
fn shown_destination(purpose: &Purpose, to: &Destination) -> String {
    match (purpose, to) {
        (Purpose::StepUp { .. }, Destination::Email { address }) => mask_email(address),
        (Purpose::StepUp { .. }, Destination::Phone { e164, .. }) => mask(e164),
        (Purpose::Register(_), Destination::Email { address }) => {
            models::EmailAddress::unicode(address)
        }
        (Purpose::Register(_), Destination::Phone { e164, .. }) => display_e164(e164),
    }
}

/// Checks a typed code against the user's challenge (S3, S6, S7).
pub async fn check_code(
    state: &AppState,
    who: &Requester<'_>,
    policy: &Policy,
    challenge_id: &str,
    typed: &str,
) -> AppResult<ChallengeRecord> {
    let now = state.now();
    let user_id = &who.session.user.id;
    let code = crate::codes::typed_code(typed)?;
    // Counted as a failure before it is checked, so parallel wrong codes
    // cannot pass the hourly limit together; a right one gives it back.
    let failures = Limit::verify_failures(who.session, who.address);
    throttle::take(state, &failures).await?;
    let digest = code_digest(&state.code_key, challenge_id, &code);
    let outcome = state
        .store
        .check_code(challenge_id, user_id, &digest, policy.code_tries, now)
        .await?;
    use crate::store::CodeCheck;
    let code = match outcome {
        CodeCheck::Accepted => {
            throttle::give_back_all(state, &failures).await?;
            return state
                .store
                .challenge(challenge_id, user_id)
                .await?
                .ok_or_else(AppError::not_found);
        }
        CodeCheck::NotFound => {
            throttle::give_back_all(state, &failures).await?;
            return Err(AppError::not_found());
        }
        CodeCheck::Wrong => ErrorCode::WrongCode,
        CodeCheck::TooManyTries => ErrorCode::TooManyTries,
        CodeCheck::Expired => ErrorCode::CodeExpired,
    };
    crate::metrics::verification("code", code.as_str());
    Err(AppError::invalid(code, models::Field::Code))
}

/// What a carrier says happened on a verification call, in order (`#`
/// confirms; see `providers::telephony::call_event`).
pub async fn on_call(
    state: &AppState,
    challenge_id: &str,
    events: impl IntoIterator<Item = CallEvent>,
) -> AppResult<()> {
    for event in events {
        call_event(&state.store, challenge_id, event).await?;
    }
    Ok(())
}

/// A call nobody answers is given up after this long.
pub const RING_TIMEOUT_SECS: i64 = 60;

/// Where a verification call stands as it is polled: a call still ringing
/// after `RING_TIMEOUT_SECS` is given up; a confirmed one is taken once,
/// and `true` says this poll took it and finishes the verification.
pub async fn poll_call(
    state: &AppState,
    user_id: &PersonId,
    challenge: &ChallengeRecord,
) -> AppResult<(models::CallStatus, bool)> {
    use models::CallStatus;
    let now = state.now();
    let mut status = challenge.call_status.unwrap_or(CallStatus::Ringing);
    if status == CallStatus::Ringing && now - challenge.created_at > RING_TIMEOUT_SECS {
        state
            .store
            .set_call_status(&challenge.id, CallStatus::NoAnswer)
            .await?;
        status = CallStatus::NoAnswer;
    }
    let finishes = status == CallStatus::Confirmed
        && challenge.consumed_at.is_none()
        && state
            .store
            .consume_confirmed_call(&challenge.id, user_id, now)
            .await?;
    Ok((status, finishes))
}

/// Finishes a verification with the code sent by text or email: checked
/// (S3, S6, S7), then a registration registers and a step-up, a sign-in's
/// second step or a reset records the proof on the session.
pub async fn submit_code(
    state: &AppState,
    who: &Requester<'_>,
    challenge_id: &ChallengeId,
    typed: &str,
) -> AppResult<Finished> {
    let challenge_id = challenge_id.as_str();
    let policy = &who.session.user.policy;
    let challenge = check_code(state, who, policy, challenge_id, typed).await?;
    finish(state, who, &challenge).await
}

/// Where a verification call stands; the poll that sees # pressed
/// finishes the verification (`Finished`), once.
pub async fn call_progress(
    state: &AppState,
    who: &Requester<'_>,
    challenge_id: &ChallengeId,
) -> AppResult<(CallProgress, Option<Finished>)> {
    let challenge_id = challenge_id.as_str();
    let session = who.session;
    let challenge = state
        .store
        .challenge(challenge_id, &session.user.id)
        .await?
        .filter(|c| c.channel == Channel::Call)
        .ok_or_else(AppError::not_found)?;
    may_finish(session, &challenge)?;
    let (status, finishes) = poll_call(state, &session.user.id, &challenge).await?;
    if finishes {
        let finished = finish(state, who, &challenge).await?;
        return Ok((CallProgress { status, done: true }, Some(finished)));
    }
    let done = status == CallStatus::Confirmed && challenge.consumed_at.is_some();
    Ok((CallProgress { status, done }, None))
}

/// The one way a proved challenge ends: what it completes, the session's
/// token after it, and the security info then.
async fn finish(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
) -> AppResult<Finished> {
    let proved = match complete(state, who, challenge).await? {
        Completed::Registered(added) => added.proved,
        Completed::SteppedUp { method_id } => {
            let how = challenge.channel.as_str();
            session::verified(state, who, how, Some(&method_id)).await?
        }
    };
    security_info::finished(state, proved).await
}

/// What a verified challenge does.
pub async fn complete(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
) -> AppResult<Completed> {
    may_finish(who.session, challenge)?;
    match &challenge.purpose {
        Purpose::Register(registering) => Ok(Completed::Registered(
            register(
                state,
                who,
                registering,
                &challenge.destination,
                challenge.channel,
            )
            .await?,
        )),
        Purpose::StepUp { method_id } => {
            step_up_method_still_counts(state, who.session, challenge).await?;
            Ok(Completed::SteppedUp {
                method_id: method_id.clone(),
            })
        }
    }
}

/// Whether this session may finish the challenge: a sign-in waiting for
/// its second step finishes only a step-up, never a registration (S27).
pub fn may_finish(session: &SessionRecord, challenge: &ChallengeRecord) -> AppResult<()> {
    match challenge.purpose {
        Purpose::Register(_) if session.is_pending() => Err(AppError::not_found()),
        _ => Ok(()),
    }
}

pub enum Completed {
    Registered(Added),
    /// The session records the proof (`session::verified`).
    SteppedUp {
        method_id: String,
    },
}

/// Whether this session may verify with that method (one of `methods`,
/// the person's): for a sign-in or a step-up, a method the policy counts
/// for two-step verification (F15); for a password reset, one that brings
/// the reset closer to done by the one rule of `Policy::reset_missing` —
/// so never security questions where they could not complete it (S15) —
/// and reaches a destination not verified on it yet (S29, N8).
pub fn counts_here(
    session: &SessionRecord,
    method: &MethodRecord,
    methods: &[MethodRecord],
) -> bool {
    let policy = &session.user.policy;
    if !session.is_reset() {
        return policy.counts_for_mfa(method.kind);
    }
    let is_admin = session.user.is_admin;
    let verified = reset_kinds_verified(session, methods);
    let mut with_it = verified.clone();
    with_it.push(method.kind);
    policy.reset_missing(&with_it, is_admin) < policy.reset_missing(&verified, is_admin)
        && !session.reset_steps().contains(&method.id.as_str())
        && !session
            .reset_destinations()
            .contains(&method.destination_key().as_str())
}

/// The kinds of the methods verified on this reset that still exist.
pub fn reset_kinds_verified(session: &SessionRecord, methods: &[MethodRecord]) -> Vec<MethodKind> {
    session
        .reset_steps()
        .iter()
        .filter_map(|id| methods.iter().find(|m| m.id == *id))
        .map(|m| m.kind)
        .collect()
}

/// The ways this session can verify, the default first: each app; one
/// option for all keys (the browser asks for whichever is at hand); each
/// phone by text and by call, masked; for a reset also the email address
/// and the security questions; recovery codes last while any are left (S31).
pub fn options(session: &SessionRecord, methods: &[MethodRecord]) -> Vec<StepUpOption> {
    let user = &session.user;
    let methods: Vec<&MethodRecord> = methods
        .iter()
        .filter(|m| counts_here(session, m, methods))
        .collect();
    let is_default = |m: &MethodRecord| user.default_method_id.as_deref() == Some(m.id.as_str());
    let option = |m: &MethodRecord, delivery, masked: String, is_default| StepUpOption {
        method_id: models::MethodId::new(m.id.clone()),
        kind: m.kind,
        delivery,
        masked,
        is_default,
    };
    let mut options = Vec::new();
    for m in methods
        .iter()
        .filter(|m| m.kind == MethodKind::AuthenticatorApp)
    {
        options.push(option(m, None, String::new(), is_default(m)));
    }
    let keys: Vec<&&MethodRecord> = methods
        .iter()
        .filter(|m| m.kind == MethodKind::SecurityKey)
        .collect();
    if let Some(key) = keys.first() {
        let default = keys.iter().any(|m| is_default(m));
        options.push(option(key, None, String::new(), default));
    }
    for m in methods.iter().filter(|m| m.kind.is_phone()) {
        let Some(phone) = &m.phone else { continue };
        for delivery in m.kind.deliveries() {
            let default = is_default(m) && user.default_delivery == Some(*delivery);
            options.push(option(m, Some(*delivery), mask(&phone.e164), default));
        }
    }
    for m in methods.iter().filter(|m| m.kind == MethodKind::Email) {
        options.push(option(m, None, mask_email(&m.detail), false));
    }
    options.sort_by_key(|o| !o.is_default);
    for m in methods
        .iter()
        .filter(|m| m.kind == MethodKind::SecurityQuestions)
    {
        options.push(option(m, None, String::new(), false));
    }
    if let Some(codes) = methods
        .iter()
        .find(|m| m.kind == MethodKind::RecoveryCodes && m.remaining.unwrap_or(0) > 0)
    {
        options.push(option(codes, None, String::new(), false));
    }
    options
}

/// Refuses a step-up through a method that was deleted, changed to
/// another number or address, or that no longer counts here (F15, S29).
pub async fn step_up_method_still_counts(
    state: &AppState,
    session: &SessionRecord,
    challenge: &ChallengeRecord,
) -> AppResult<()> {
    let Purpose::StepUp { method_id } = &challenge.purpose else {
        return Err(AppError::not_found());
    };
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let to = challenge.destination.address();
    let counts = methods.iter().any(|m| {
        &m.id == method_id
            && counts_here(session, m, &methods)
            && match &m.phone {
                Some(phone) => phone.e164 == to,
                None => m.kind == MethodKind::Email && m.detail == to,
            }
    });
    if !counts {
        return Err(AppError::not_found());
    }
    Ok(())
}

/// Registers (or changes) the phone or email address the challenge proved.
async fn register(
    state: &AppState,
    who: &Requester<'_>,
    registering: &Registering,
    proved: &Destination,
    channel: Channel,
) -> AppResult<Added> {
    let delivery = channel.phone_delivery();
    let (detail, data) = match proved {
        Destination::Email { address } => {
            let data = EmailData {
                address: address.clone(),
            };
            (address.clone(), MethodData::Email(data))
        }
        Destination::Phone { e164, extension } => {
            let data = PhoneData {
                e164: e164.clone(),
                region: registering.region.clone(),
                extension: extension.clone(),
                delivery,
            };
            let detail = match extension {
                Some(ext) => format!("{} x{ext}", display_e164(e164)),
                None => display_e164(e164),
            };
            (detail, MethodData::Phone(data))
        }
    };
    security_info::add(
        state,
        who,
        Adding {
            kind: registering.kind,
            detail: &detail,
            data,
            delivery,
            replaces: registering.replaces.as_deref(),
            totp_last_step: None,
        },
    )
    .await
}

/// The ways this session can verify: before viewing or changing security
/// info, at sign-in, or on a password reset.
pub async fn options_of(state: &AppState, session: &SessionRecord) -> AppResult<Vec<StepUpOption>> {
    let methods = state.store.methods_of_user(&session.user.id).await?;
    Ok(options(session, &methods))
}

/// Texts or calls one of the person's phones, or (on a password reset)
/// emails their address, to verify this session — only with a method that
/// still counts here (F15, S29).
pub async fn start_step_up(
    state: &AppState,
    who: &Requester<'_>,
    method_id: &MethodId,
    delivery: Option<PhoneDelivery>,
) -> AppResult<Challenge> {
    let method_id = method_id.as_str();
    let session = who.session;
    let policy = &session.user.policy;
    let methods = state.store.methods_of_user(&session.user.id).await?;
    // Only a method that still counts here verifies (F15, S29).
    let method = methods
        .iter()
        .find(|m| m.id == method_id && counts_here(session, m, &methods))
        .ok_or_else(AppError::not_found)?;
    let (channel, to) = match (&method.phone, delivery) {
        (Some(phone), Some(delivery)) if method.kind.deliveries().contains(&delivery) => (
            Channel::from(delivery),
            Destination::Phone {
                e164: phone.e164.clone(),
                extension: phone
                    .extension
                    .clone()
                    .filter(|_| method.kind == MethodKind::OfficePhone),
            },
        ),
        (None, None) if method.kind == MethodKind::Email => (
            Channel::Email,
            Destination::Email {
                address: method.detail.clone(),
            },
        ),
        _ => {
            return Err(AppError::invalid(
                ErrorCode::DeliveryUnavailable,
                models::Field::Kind,
            ));
        }
    };
    let purpose = Purpose::StepUp {
        method_id: method.id.clone(),
    };
    send(state, who, policy, &purpose, channel, &to).await
}

/// Sends a new code (or calls again) to the same number or address, after
/// the cooldown. A challenge that was finished (or replaced by a newer
/// one) is never sent again (F2); sending a registration again is a step of
/// a change and needs the same step-up as starting it (S11); a step-up
/// goes again only through a method that still counts (F15).
pub async fn send_again(
    state: &AppState,
    who: &Requester<'_>,
    challenge_id: &ChallengeId,
) -> AppResult<Challenge> {
    let challenge_id = challenge_id.as_str();
    let session = who.session;
    let old = state
        .store
        .challenge(challenge_id, &session.user.id)
        .await?
        .filter(|c| c.consumed_at.is_none())
        .ok_or_else(AppError::not_found)?;
    match old.purpose {
        Purpose::Register(_) => {
            security_info::guarded(state, session).await?;
        }
        Purpose::StepUp { .. } => step_up_method_still_counts(state, session, &old).await?,
    }
    send(
        state,
        who,
        &session.user.policy,
        &old.purpose,
        old.channel,
        &old.destination,
    )
    .await
}

/// "+1 425•••••34": enough for the owner to recognise, little for others.
pub fn mask(e164: &str) -> String {
    let shown = display_e164(e164);
    let Some((code, national)) = shown.split_once(' ') else {
        return shown;
    };
    let digits: Vec<char> = national.chars().collect();
    if digits.len() <= 5 {
        return shown;
    }
    let head: String = digits[..3].iter().collect();
    let tail: String = digits[digits.len() - 2..].iter().collect();
    format!("{code} {head}{}{tail}", "•".repeat(digits.len() - 5))
}

/// "y•••@fabrikam.example": the first letter and the domain.
pub fn mask_email(address: &str) -> String {
    match models::EmailAddress::unicode(address).split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test that cannot unwrap has failed"
)]
mod tests {
    use super::{mask, mask_email};

    #[test]
    fn masked_addresses_keep_the_first_letter_and_the_domain() {
        assert_eq!(
            mask_email("yvonne@fabrikam.example"),
            "y•••@fabrikam.example"
        );
    }

    #[test]
    fn masks_keep_country_code_head_and_tail() {
        assert_eq!(mask("+14255551234"), "+1 425•••••34");
        assert_eq!(mask("+31612345678"), "+31 612••••78");
    }
}
