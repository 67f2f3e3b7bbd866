//! A password reset's first proof (N2, S28). Until one method is verified
//! on it, a reset names nothing the person registered, and nothing it
//! answers tells a known account from an unknown one or one without
//! methods: it offers the ways the organization's policy allows, and the
//! person types the whole number or address a code should go to (or a code
//! from their app). A code goes out only to one of the account's methods,
//! after the answer (so its time says nothing); every answer is the same
//! either way — the same body, tries, expiry, and a call that rings until
//! nobody answers. Method ids are given once this first proof is made.

use models::ChallengeId;
use models::{
    CallProgress, CallStatus, Challenge, Channel, EmailAddress, ErrorCode, Field, MethodKind,
    PasswordResetState, PhoneDelivery, ResetWay,
};

use crate::audit::{Caller, Requester};
use crate::codes::code_digest;
use crate::error::{AppError, AppResult};
use crate::phone::{PhoneNumber, display_e164};
use crate::policy::Policy;
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::{
    CodeCheck, Destination, MethodRecord, Purpose, ResetContact, ResetRecord, SessionRecord,
};
use crate::throttle::{self, HOUR, Limit};
use crate::{authenticator, secret, session, verification};

/// First codes or calls one reset may ask for: enough for a mistyped
/// number or two, too few to try a directory of them.
pub const CONTACTS_PER_RESET: i64 = 5;

/// The ways the policy allows a first proof by: a phone's text or call, an
/// email address, an authenticator app. Security questions never count
/// first (S15), and a key would need the ids it may use.
pub fn first_ways(policy: &Policy) -> Vec<ResetWay> {
    let counts = |kind| policy.counts_for_reset(kind, false);
    let mut ways = Vec::new();
    if counts(MethodKind::Phone) {
        ways.push(ResetWay::Text);
    }
    if MethodKind::ALL
        .iter()
        .any(|k| k.deliveries().contains(&PhoneDelivery::Call) && counts(*k))
    {
        ways.push(ResetWay::Call);
    }
    if counts(MethodKind::Email) {
        ways.push(ResetWay::Email);
    }
    if counts(MethodKind::AuthenticatorApp) {
        ways.push(ResetWay::AuthenticatorApp);
    }
    ways
}

/// Where an unproved reset stands: the policy's ways and numbers, nothing
/// of the person's.
pub fn state_of(reset: &ResetRecord) -> PasswordResetState {
    PasswordResetState {
        first_ways: first_ways(&reset.policy),
        options: Vec::new(),
        required: reset.policy.reset_required(false),
        verified: 0,
        ready: false,
        min_length: reset.policy.password_min_length,
    }
}

/// The reset this cookie names while it is unproved, and the reset session
/// of its person when the account exists. Both are read either way.
async fn unproved(
    state: &AppState,
    presented: Option<&SessionKey>,
) -> AppResult<(ResetRecord, Option<SessionRecord>)> {
    let expired = || AppError::because(crate::error::Refusal::NotSignedIn, ErrorCode::ResetExpired);
    let digest = presented.ok_or_else(expired)?;
    let reset = state
        .store
        .reset(digest, state.now())
        .await?
        .ok_or_else(expired)?;
    let person = state
        .store
        .session(digest)
        .await?
        .filter(SessionRecord::is_reset);
    if !reset.unproved {
        return Err(AppError::not_found());
    }
    Ok((reset, person))
}

/// What the person typed, as the channel reaches it: a whole number with
/// its country code (no region is chosen, and none may be guessed from the
/// account), or an email address. Checked for its form only.
fn typed_destination(channel: Channel, typed: &str) -> AppResult<String> {
    if channel == Channel::Email {
        return EmailAddress::parse(typed)
            .and_then(|address| address.ascii())
            .map(|address| address.to_string().to_lowercase())
            .map_err(|code| AppError::invalid(code, Field::Email));
    }
    let trimmed = typed.trim();
    if trimmed.is_empty() {
        return Err(AppError::invalid(
            ErrorCode::PhoneNumberRequired,
            Field::PhoneNumber,
        ));
    }
    let international = match trimmed.strip_prefix("00") {
        Some(rest) => format!("+{rest}"),
        None => trimmed.to_owned(),
    };
    if !international.starts_with('+') {
        return Err(AppError::invalid(
            ErrorCode::PhoneNumberNeedsCountryCode,
            Field::PhoneNumber,
        ));
    }
    // With a + the number carries its country; the region only satisfies
    // the parser.
    PhoneNumber::parse("US", &international)
        .map(|number| number.e164)
        .map_err(|(code, field)| AppError::invalid(code, field))
}

/// The account's method a first code or call to `to` reaches, if any: one
/// the reset counts, by that channel, at that number or address.
fn reached<'m>(
    person: &SessionRecord,
    methods: &'m [MethodRecord],
    channel: Channel,
    to: &str,
) -> Option<&'m MethodRecord> {
    methods.iter().find(|m| {
        verification::counts_here(person, m, methods)
            && match (channel.phone_delivery(), &m.phone) {
                (Some(delivery), Some(phone)) => {
                    m.kind.deliveries().contains(&delivery) && phone.e164 == to
                }
                (None, None) => {
                    m.kind == MethodKind::Email
                        && EmailAddress::parse(&m.detail)
                            .and_then(|a| a.ascii())
                            .is_ok_and(|a| a.to_string().to_lowercase() == to)
                }
                _ => false,
            }
    })
}

/// Sends the reset's first code (or places its call) to what the person
/// typed, if it is one of the account's; answers the same either way.
pub async fn contact(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    channel: Channel,
    typed: &str,
) -> AppResult<Challenge> {
    let (reset, person) = unproved(state, presented).await?;
    let policy = &reset.policy;
    let way_allowed = first_ways(policy)
        .iter()
        .any(|w| w.channel() == Some(channel));
    if !way_allowed {
        return Err(AppError::not_found());
    }
    let to = typed_destination(channel, typed)?;
    let limits = &policy.limits;
    let cooldown = limits.resend_cooldown_seconds.max(1);
    let over = match channel {
        Channel::Text => ErrorCode::TextLimitReached,
        Channel::Call => ErrorCode::CallLimitReached,
        Channel::Email => ErrorCode::EmailLimitReached,
    };
    let digest = &reset.token_digest;
    // The same limits for every account name: none of them is the
    // person's, so none can say whether the account exists.
    throttle::take(
        state,
        &[
            Limit::new(
                format!("reset-contact:{digest}"),
                1,
                cooldown,
                ErrorCode::ResendTooSoon,
            ),
            Limit::new(
                format!("reset-contacts:{digest}"),
                CONTACTS_PER_RESET,
                HOUR,
                over,
            ),
            Limit::new(
                format!("reset-contact-from:{}", caller.address),
                limits.per_address,
                HOUR,
                over,
            ),
            Limit::new(
                format!("reset-contact-to:{to}"),
                limits.per_number,
                HOUR,
                over,
            ),
        ],
    )
    .await?;
    let now = state.now();
    let contact = ResetContact {
        id: secret::new_id()?,
        channel,
        to: to.clone(),
        sent_at: now,
        expires_at: now + policy.code_lifetime_secs(),
        tries: 0,
    };
    if !state.store.set_reset_contact(digest, &contact, now).await? {
        return Err(AppError::not_found());
    }
    // The methods are read for every name (an unknown one's are none), so
    // the answer's time does not tell them apart.
    let user_id = person
        .as_ref()
        .map(|p| p.user.id.clone())
        .unwrap_or_default();
    let methods = state.store.methods_of_user(&user_id).await?;
    if let Some(person) = person
        && let Some(method) = reached(&person, &methods, channel, &to)
    {
        send_later(state, caller, person.clone(), method, &contact);
    }
    let destination = match channel {
        Channel::Email => EmailAddress::unicode(&to),
        _ => display_e164(&to),
    };
    Ok(Challenge {
        challenge_id: models::ChallengeId::new(contact.id),
        destination,
        channel,
        extension_removed: false,
        also_registered_as: None,
        resend_after: u64::try_from(cooldown).unwrap_or(0),
    })
}

/// Sends to the method after the answer has gone: through the same
/// `verification::send_as` (and its limits) as every step-up. A send that
/// is refused or fails leaves a code nobody has.
fn send_later(
    state: &AppState,
    caller: &Caller,
    person: SessionRecord,
    method: &MethodRecord,
    contact: &ResetContact,
) {
    let purpose = Purpose::StepUp {
        method_id: method.id.clone(),
    };
    let to = match &method.phone {
        Some(phone) => Destination::Phone {
            e164: phone.e164.clone(),
            extension: phone.extension.clone(),
        },
        None => Destination::Email {
            address: contact.to.clone(),
        },
    };
    let state = state.clone();
    let caller = caller.clone();
    let (channel, id) = (contact.channel, contact.id.clone());
    tokio::spawn(async move {
        let who = caller.on_behalf_of(&person);
        let policy = &person.user.policy;
        if let Err(e) =
            verification::send_as(&state, &who, policy, &purpose, channel, &to, id).await
        {
            tracing::info!(error = ?e, "a reset's first code was not sent");
        }
    });
}

/// Sends the first code again (or calls again) to what was typed before.
pub async fn contact_again(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    contact_id: &ChallengeId,
) -> AppResult<Challenge> {
    let contact_id = contact_id.as_str();
    let (reset, _) = unproved(state, presented).await?;
    let contact = reset
        .contact
        .filter(|c| c.id == contact_id)
        .ok_or_else(AppError::not_found)?;
    self::contact(state, caller, presented, contact.channel, &contact.to).await
}

/// Checks the first code: counted against the reset's failures and the
/// code's tries whether or not a code was sent (S6); right, it records the
/// method on the reset, which is then its person's (`session::verified`).
pub async fn check_code(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    contact_id: &ChallengeId,
    typed: &str,
) -> AppResult<()> {
    let contact_id = contact_id.as_str();
    let (reset, person) = unproved(state, presented).await?;
    let contact = reset
        .contact
        .as_ref()
        .filter(|c| c.id == contact_id && c.channel.sends_code())
        .ok_or_else(AppError::not_found)?;
    let code = crate::codes::typed_code(typed)?;
    let failures = failures_of(&reset, caller);
    throttle::take(state, &failures).await?;
    let now = state.now();
    let policy = &reset.policy;
    if !state
        .store
        .take_reset_contact_try(&reset.token_digest, contact_id, policy.code_tries, now)
        .await?
    {
        let code = if now >= contact.expires_at {
            ErrorCode::CodeExpired
        } else {
            ErrorCode::TooManyTries
        };
        return Err(AppError::invalid(code, Field::Code));
    }
    let wrong = || AppError::invalid(ErrorCode::WrongCode, Field::Code);
    let Some(person) = person else {
        return Err(wrong());
    };
    let digest = code_digest(&state.code_key, contact_id, &code);
    // The reset's row counted the try; the challenge's own count is never
    // the smaller, so its limit is the row's.
    let checked = state
        .store
        .check_code(contact_id, &person.user.id, &digest, i64::MAX, now)
        .await?;
    if checked != CodeCheck::Accepted {
        return Err(wrong());
    }
    throttle::give_back_all(state, &failures).await?;
    let challenge = state
        .store
        .challenge(contact_id, &person.user.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    verification::step_up_method_still_counts(state, &person, &challenge).await?;
    let Purpose::StepUp { method_id } = &challenge.purpose else {
        return Err(AppError::not_found());
    };
    let who = caller.on_behalf_of(&person);
    finish(state, &who, challenge.channel.as_str(), method_id).await
}

/// Where the first call stands: a call to one of the account's phones as
/// any call; one to nobody rings until it is given up as unanswered.
pub async fn call_progress(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    contact_id: &ChallengeId,
) -> AppResult<CallProgress> {
    let contact_id = contact_id.as_str();
    let (reset, person) = unproved(state, presented).await?;
    let contact = reset
        .contact
        .as_ref()
        .filter(|c| c.id == contact_id && c.channel == Channel::Call)
        .ok_or_else(AppError::not_found)?;
    let challenge = match &person {
        Some(person) => state.store.challenge(contact_id, &person.user.id).await?,
        None => None,
    };
    let (Some(person), Some(challenge)) = (person, challenge) else {
        let given_up = state.now() - contact.sent_at > verification::RING_TIMEOUT_SECS;
        let status = match given_up {
            true => CallStatus::NoAnswer,
            false => CallStatus::Ringing,
        };
        return Ok(CallProgress {
            status,
            done: false,
        });
    };
    let (status, finishes) = verification::poll_call(state, &person.user.id, &challenge).await?;
    if !finishes {
        return Ok(CallProgress {
            status,
            done: false,
        });
    }
    verification::step_up_method_still_counts(state, &person, &challenge).await?;
    let Purpose::StepUp { method_id } = &challenge.purpose else {
        return Err(AppError::not_found());
    };
    let who = caller.on_behalf_of(&person);
    finish(state, &who, Channel::Call.as_str(), method_id).await?;
    Ok(CallProgress { status, done: true })
}

/// The first proof with a code from an authenticator app of the account's:
/// the same failures, and the same answer for a wrong code, whether or not
/// the account has an app.
pub async fn check_app_code(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    typed: &str,
) -> AppResult<()> {
    let (reset, person) = unproved(state, presented).await?;
    if !first_ways(&reset.policy).contains(&ResetWay::AuthenticatorApp) {
        return Err(AppError::not_found());
    }
    let code = crate::codes::typed_code(typed)?;
    let failures = failures_of(&reset, caller);
    throttle::take(state, &failures).await?;
    let wrong = || AppError::invalid(ErrorCode::WrongCode, Field::Code);
    // Read for every name, as in `contact`.
    let user_id = person
        .as_ref()
        .map(|p| p.user.id.clone())
        .unwrap_or_default();
    let methods = state.store.methods_of_user(&user_id).await?;
    let Some(person) = person else {
        return Err(wrong());
    };
    let now = state.now();
    for method in methods.iter().filter(|m| {
        m.kind == MethodKind::AuthenticatorApp && verification::counts_here(&person, m, &methods)
    }) {
        let Some(stored) = &method.authenticator else {
            continue;
        };
        let secret = authenticator::decrypt(&state.code_key, &stored.secret_enc)?;
        let Some(step) = authenticator::matching_step(&secret, &code, now) else {
            continue;
        };
        // A code is used once (S5), here as anywhere.
        if !state
            .store
            .accept_totp_step(
                &method.id,
                &person.user.id,
                i64::try_from(step).unwrap_or(i64::MAX),
            )
            .await?
        {
            return Err(AppError::invalid(ErrorCode::CodeUsed, Field::Code));
        }
        throttle::give_back_all(state, &failures).await?;
        let who = caller.on_behalf_of(&person);
        let how = MethodKind::AuthenticatorApp.as_str();
        return finish(state, &who, how, &method.id).await;
    }
    Err(wrong())
}

/// The failures a first proof counts: the reset's own limits (N1), by the
/// account name it was begun for.
fn failures_of(reset: &ResetRecord, caller: &Caller) -> Vec<Limit> {
    Limit::reset_failures(
        &reset.token_digest,
        &caller.address,
        &reset.account_name,
        reset.policy.limits.failures_per_account,
    )
}

/// Records the first method on the reset.
async fn finish(
    state: &AppState,
    who: &Requester<'_>,
    how: &str,
    method_id: &str,
) -> AppResult<()> {
    session::verified(state, who, how, Some(method_id)).await?;
    Ok(())
}
