//! Verifying with a phone or an email address: sending a code or placing a
//! call within the limits (S17), checking codes (S2–S7), and what a
//! success does — registering a phone or email, or stepping up the
//! session (S11). Phone and email codes share every line of this.

use axum::http::StatusCode;
use i18n::Args;
use models::{Challenge, Channel, ErrorCode, Locale, MethodKind};
use serde::{Deserialize, Serialize};

use crate::clock::UnixTime;
use crate::codes::{code_digest, new_code};
use crate::error::{AppError, AppResult};
use crate::phone::display_e164;
use crate::policy::Policy;
use crate::secret;
use crate::state::AppState;
use crate::store::{
    AuditEntry, ChallengeRecord, EmailData, NewChallenge, NewMethod, PhoneData, Purpose,
    SessionRecord,
};

/// Where a request comes from: the client address, its browser and
/// languages. Extracted once per handler instead of three arguments.
pub struct Caller {
    pub address: String,
    pub user_agent: String,
    accept_language: Option<String>,
}

impl axum::extract::FromRequestParts<AppState> for Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let crate::security::ClientAddress(address) =
            crate::security::ClientAddress::from_request_parts(parts, state).await?;
        let accept_language = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Caller {
            address,
            user_agent: crate::security::user_agent(&parts.headers),
            accept_language,
        })
    }
}

impl Caller {
    /// Records a change of security info made by this request, and
    /// announces it to the person's email address (S12).
    pub async fn record(
        &self,
        state: &AppState,
        session: &SessionRecord,
        action: &str,
        method_id: Option<&str>,
        detail: &str,
    ) -> AppResult<()> {
        self.record_telling(state, session, action, method_id, detail, None)
            .await
    }

    /// `record`, also telling `previous_address`: an email address the
    /// change removed (it existed before the change).
    pub async fn record_telling(
        &self,
        state: &AppState,
        session: &SessionRecord,
        action: &str,
        method_id: Option<&str>,
        detail: &str,
        previous_address: Option<&str>,
    ) -> AppResult<()> {
        let user_id = &session.user.id;
        let entry = AuditEntry {
            user_id,
            action,
            method_id,
            detail,
            client_address: &self.address,
            user_agent: &self.user_agent,
        };
        let now = state.now();
        state.store.audit(entry, now).await?;
        crate::notify::security_info_changed(
            state,
            user_id,
            self.on_behalf_of(session).locale,
            action,
            method_id,
            previous_address,
            now,
        )
        .await;
        Ok(())
    }

    /// The signed-in person making this request. Texts and calls speak
    /// their chosen language, else their browser's.
    pub fn on_behalf_of<'a>(&'a self, session: &'a SessionRecord) -> Requester<'a> {
        let locale = session.user.locale.unwrap_or_else(|| {
            self.accept_language
                .as_deref()
                .map_or(Locale::En, i18n::negotiate_accept_language)
        });
        Requester {
            session,
            address: &self.address,
            user_agent: &self.user_agent,
            locale,
        }
    }
}

/// Who asks, from where: for limits and the audit record.
pub struct Requester<'a> {
    pub session: &'a SessionRecord,
    pub address: &'a str,
    pub user_agent: &'a str,
    /// The language texts and calls speak.
    pub locale: Locale,
}

/// What a register challenge registers once verified.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RegisterPayload {
    pub kind: MethodKind,
    /// For phones.
    #[serde(default)]
    pub region: String,
    pub extension: Option<String>,
    pub replaces: Option<String>,
}

/// Where a code or call goes.
pub struct Destination<'a> {
    /// E.164 for a phone, the address for an email.
    pub address: &'a str,
    /// Dialled after the call connects (office phones only).
    pub extension: Option<&'a str>,
}

const HOUR: i64 = 3600;

/// Sends a code or places a call, unless a limit says no. Nothing reaches
/// the carrier or the mail server when any limit is exceeded.
pub async fn send(
    state: &AppState,
    who: &Requester<'_>,
    policy: &Policy,
    purpose: Purpose,
    channel: Channel,
    to: Destination<'_>,
    payload: &str,
) -> AppResult<Challenge> {
    let now = state.now();
    let limits = &policy.limits;
    let cooldown = limits.resend_cooldown_seconds.max(0);
    if let Some(last) = state.store.last_challenge_at(to.address).await? {
        if now - last < cooldown {
            let mut error = models::ApiError::new(ErrorCode::ResendTooSoon);
            error.retry_after = Some((last + cooldown - now).max(1) as u64);
            return Err(AppError::Refused {
                status: StatusCode::TOO_MANY_REQUESTS,
                error,
            });
        }
    }
    let over_code = match channel {
        Channel::Text => ErrorCode::TextLimitReached,
        Channel::Call => ErrorCode::CallLimitReached,
        Channel::Email => ErrorCode::EmailLimitReached,
    };
    let channel_name = channel.as_str();
    let buckets = [
        (
            format!("send:{channel_name}:user:{}", who.session.user.id),
            limits.per_user,
        ),
        (
            format!("send:{channel_name}:to:{}", to.address),
            limits.per_number,
        ),
        (
            format!("send:{channel_name}:from:{}", who.address),
            limits.per_address,
        ),
        (format!("send:{channel_name}:global"), limits.global),
    ];
    for (bucket, limit) in &buckets {
        let counter = state.store.counter(bucket, now - HOUR).await?;
        if counter.count >= *limit {
            let mut error = models::ApiError::new(over_code);
            error.retry_after = Some((counter.window_start + HOUR - now).max(1) as u64);
            return Err(AppError::Refused {
                status: StatusCode::TOO_MANY_REQUESTS,
                error,
            });
        }
    }
    for (bucket, _) in &buckets {
        state.store.bump_counter(bucket, now, now - HOUR).await?;
    }

    let id = secret::new_id()?;
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
                destination: to.address,
                code_digest: digest.as_deref(),
                payload,
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
            let body = state
                .l10n
                .format(who.locale, "email-code-body", Some(&args));
            let email = crate::mail::Email {
                to: to.address,
                subject: &subject,
                body: &body,
            };
            state.mailer.send(&state.store, &email, now).await?;
        }
        (Some(code), _) => {
            let mut args = Args::new();
            args.set("code", code.as_str());
            let body = state.l10n.format(who.locale, "sms-code-body", Some(&args));
            state
                .telephony
                .send_text(&state.store, to.address, &body, now)
                .await?;
        }
        (None, _) => {
            let script = state.l10n.format(who.locale, "voice-call-script", None);
            state
                .telephony
                .place_call(&state.store, to.address, to.extension, &script, &id, now)
                .await?;
        }
    }
    let destination = match channel {
        Channel::Email => to.address.to_owned(),
        _ => display_e164(to.address),
    };
    Ok(Challenge {
        challenge_id: id,
        destination,
        channel,
        extension_removed: false,
        resend_after: cooldown as u64,
    })
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
    let failures_bucket = format!("verify:user:{user_id}");
    let failures = state.store.counter(&failures_bucket, now - HOUR).await?;
    if failures.count >= policy.limits.failures_per_account {
        return Err(AppError::throttled(
            (failures.window_start + HOUR - now).max(1) as u64,
        ));
    }
    let code = crate::codes::normalize_code(typed).ok_or_else(|| {
        let code = if typed.trim().is_empty() {
            ErrorCode::CodeRequired
        } else {
            ErrorCode::WrongCode
        };
        AppError::invalid(code, models::Field::Code)
    })?;
    let digest = code_digest(&state.code_key, challenge_id, &code);
    let outcome = state
        .store
        .check_code(challenge_id, user_id, &digest, policy.code_tries, now)
        .await?;
    use crate::store::CodeCheck;
    match outcome {
        CodeCheck::Accepted => state
            .store
            .challenge(challenge_id, user_id)
            .await?
            .ok_or_else(AppError::not_found),
        CodeCheck::NotFound => Err(AppError::not_found()),
        other => {
            state
                .store
                .bump_counter(&failures_bucket, now, now - HOUR)
                .await?;
            let code = match other {
                CodeCheck::Wrong => ErrorCode::WrongCode,
                CodeCheck::TooManyTries => ErrorCode::TooManyTries,
                _ => ErrorCode::CodeExpired,
            };
            Err(AppError::invalid(code, models::Field::Code))
        }
    }
}

/// What a verified challenge does.
pub async fn complete(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
) -> AppResult<Completed> {
    match challenge.purpose {
        Purpose::Register => {
            register(state, who, challenge).await?;
            Ok(Completed::Registered)
        }
        Purpose::StepUp => Ok(Completed::SteppedUp),
    }
}

pub enum Completed {
    Registered,
    /// The caller rotates the session (it owns the cookies).
    SteppedUp,
}

/// Registers (or changes) the phone or email address the challenge proved.
async fn register(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
) -> AppResult<()> {
    let now = state.now();
    let user_id = &who.session.user.id;
    let payload: RegisterPayload = serde_json::from_str(&challenge.payload)
        .map_err(|e| AppError::internal(format!("challenge payload: {e}")))?;
    let delivery = challenge.channel.phone_delivery();
    let (detail, data_json) = if payload.kind == MethodKind::Email {
        let data = EmailData {
            address: challenge.destination.clone(),
        };
        (challenge.destination.clone(), to_json(&data)?)
    } else {
        let data = PhoneData {
            e164: challenge.destination.clone(),
            region: payload.region.clone(),
            extension: payload.extension.clone(),
            delivery,
        };
        let detail = match &payload.extension {
            Some(ext) => format!("{} x{ext}", display_e164(&challenge.destination)),
            None => display_e164(&challenge.destination),
        };
        (detail, to_json(&data)?)
    };
    // An address being replaced existed before the change: it is told.
    let previous_address = match (&payload.replaces, payload.kind) {
        (Some(old), MethodKind::Email) => state
            .store
            .methods_of_user(user_id)
            .await?
            .into_iter()
            .find(|m| &m.id == old)
            .map(|m| m.detail),
        _ => None,
    };
    let replaced = match &payload.replaces {
        Some(old) => state
            .store
            .update_method(user_id, old, &detail, &data_json)
            .await?
            .then(|| old.clone()),
        None => None,
    };
    let (method_id, action) = match replaced {
        Some(id) => (id, "method-changed"),
        None => {
            let id = secret::new_id()?;
            state
                .store
                .insert_method(
                    NewMethod {
                        id: &id,
                        user_id,
                        kind: payload.kind,
                        detail: &detail,
                        data: &data_json,
                    },
                    now,
                )
                .await?;
            (id, "method-added")
        }
    };
    if who.session.user.default_method_id.is_none() && payload.kind.mfa_capable() {
        // The first MFA-capable method becomes the default (SPEC §7).
        state
            .store
            .set_default_method(user_id, Some(&method_id), delivery)
            .await?;
    }
    if payload.kind.mfa_capable() {
        // Registering proved possession of a phone: a fresh verification.
        state
            .store
            .mark_session_verified(&who.session.token_digest, now)
            .await?;
    }
    state
        .store
        .audit(
            AuditEntry {
                user_id,
                action,
                method_id: Some(&method_id),
                detail: payload.kind.as_str(),
                client_address: who.address,
                user_agent: who.user_agent,
            },
            now,
        )
        .await?;
    // The new or changed method itself is not told; an address it replaced is.
    crate::notify::security_info_changed(
        state,
        user_id,
        who.locale,
        action,
        Some(&method_id),
        previous_address.as_deref(),
        now,
    )
    .await;
    Ok(())
}

fn to_json<T: Serialize>(value: &T) -> AppResult<String> {
    serde_json::to_string(value).map_err(|e| AppError::internal(e.to_string()))
}

/// Refuses a view or change of security info without a recent verification
/// once the user has an MFA-capable method (S11).
pub fn require_recent_verification(
    now: UnixTime,
    session: &SessionRecord,
    has_mfa_method: bool,
    policy: &Policy,
) -> AppResult<()> {
    if has_mfa_method && now - session.verified_at > policy.step_up_minutes * 60 {
        return Err(AppError::status(
            StatusCode::FORBIDDEN,
            ErrorCode::StepUpRequired,
        ));
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_keep_country_code_head_and_tail() {
        assert_eq!(mask("+14255551234"), "+1 425•••••34");
        assert_eq!(mask("+31612345678"), "+31 612••••78");
    }
}
