//! Self-service password reset (SPEC §8; S28–S30). A reset is a session
//! that can only verify (`SessionRecord::is_reset`): begun for any account
//! name at the same cost (S28), it records each method verified on it
//! (`session::verified`, through the same verification as a sign-in), and
//! takes a new password once the policy's number of distinct methods were
//! verified; then it is gone with every other session of the person, who is
//! told on every channel that can receive it (S30).
//!
//! Architecture Invariant (S28–S30): beginning a reset costs the same for any
//! account name — the limits, then one `password_resets` row naming the
//! account — and answers 204 alike. Until a first method is verified on it,
//! nothing a reset answers depends on the account (N2, `reset_first_proof`):
//! where it stands is the policy's ways and numbers (`Store::reset`: the
//! person's organization, else the one whose account domain the name ends in,
//! else the defaults); the first code or call, its limits, tries, expiry and
//! call progress are the reset row's, whether or not anything was sent. An
//! unproved reset is no session (`session::current`), so no method id,
//! question or option is given before the first proof, and `Resetting` routes
//! answer 403 `reset-not-verified` alike. A proved reset is read as a
//! `SessionRecord` (`is_reset`) through the same session query, so it
//! verifies through the sign-in's own routes and is refused everywhere else;
//! `verification::counts_here` decides which methods count for it (those that
//! bring it closer to done by `Policy::reset_missing`, reaching a destination
//! not yet verified on it), and `session::verified` records a method by one
//! conditional `UPDATE`. Its responses never carry the person's security info.
//! The new password is accepted only when `Policy::reset_complete` holds; the
//! reset is deleted (used up) before the password is set.

use i18n::Args;
use models::ChallengeId;
use models::{
    AccountName, ErrorCode, Field, MethodKind, PasswordResetState, PhoneDelivery, QuestionAnswer,
    ResetQuestion, ResetQuestions,
};

use crate::audit::{Action, Caller, Requester};
use crate::codes::code_digest;
use crate::error::{AppError, AppResult};
use crate::session::{self, SessionToken};
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::{MethodRecord, NewPasswordReset, SessionRecord};
use crate::throttle::{self, Limit};
use crate::{directory, password_rules, passwords, questions, reset_first_proof, verification};

/// A reset lapses this long after it began (S29).
pub const RESET_SECS: i64 = 15 * 60;

/// Begins a reset of `account` and returns its token. Known
/// or not, the work is the same (S28): the limits, then one row that names
/// the account; whether it exists is first asked when the reset is read.
pub async fn start(
    state: &AppState,
    account: &AccountName,
    address: &str,
    user_agent: &str,
) -> AppResult<SessionToken> {
    let limits = &state.config.signin;
    let window = limits.window_minutes * 60;
    // Counted per account and address, and per address: no count of the
    // account alone, which a stranger could use up to keep its owner from
    // beginning their own reset (N9). Guesses are bounded by the failures
    // a reset counts (`Limit::verify_failures`).
    throttle::take(
        state,
        &[
            Limit::new(
                format!("reset:account:{account}:from:{address}"),
                limits.account_failures,
                window,
                ErrorCode::TooManyAttempts,
            ),
            Limit::new(
                format!("reset:address:{address}"),
                limits.address_failures,
                window,
                ErrorCode::TooManyAttempts,
            ),
        ],
    )
    .await?;
    let token = SessionToken::new()?;
    let now = state.now();
    state
        .store
        .start_password_reset(
            NewPasswordReset {
                token_digest: &token.digest(),
                account_name: account.as_str(),
                client_address: address,
                user_agent,
                expires_at: now + RESET_SECS,
            },
            now,
        )
        .await?;
    Ok(token)
}

/// The same refusal for an unknown account, one with too few methods, and
/// a reset that is gone (S28).
fn not_possible() -> AppError {
    AppError::forbidden(ErrorCode::ResetNotPossible)
}

/// Where the reset stands: the ways still open to verify with, and whether
/// enough were verified for the new password.
///
/// Until its first proof a reset says only what its organization's policy
/// allows, the same for every account name (`reset_first_proof`, N2).
pub async fn progress(
    state: &AppState,
    token_digest: Option<&SessionKey>,
) -> AppResult<PasswordResetState> {
    let digest = token_digest.ok_or_else(not_possible)?;
    let reset = state
        .store
        .reset(digest, state.now())
        .await?
        .ok_or_else(not_possible)?;
    if reset.unproved {
        return Ok(reset_first_proof::state_of(&reset));
    }
    let session = state
        .store
        .session(digest)
        .await?
        .filter(SessionRecord::is_reset)
        .ok_or_else(not_possible)?;
    let user = &session.user;
    let methods = state.store.methods_of_user(&user.id).await?;
    let kinds: Vec<MethodKind> = methods.iter().map(|m| m.kind).collect();
    if !user.policy.reset_complete(&kinds, user.is_admin) {
        return Err(not_possible());
    }
    let verified = verification::reset_kinds_verified(&session, &methods);
    Ok(PasswordResetState {
        first_ways: Vec::new(),
        options: verification::options(&session, &methods),
        required: user.policy.reset_required(user.is_admin),
        verified: verified.len(),
        ready: user.policy.reset_complete(&verified, user.is_admin),
        min_length: user.policy.password_min_length,
    })
}

/// The person's security questions, if they may verify this reset, and
/// the ones it asks: the policy's number, chosen at random once per reset
/// (ordered by a digest keyed with the reset's own id), so that asking
/// again gives the same questions and never an easier choice.
pub async fn questions_asked(
    state: &AppState,
    session: &SessionRecord,
) -> AppResult<(MethodRecord, Vec<String>)> {
    let methods = state.store.methods_of_user(&session.user.id).await?;
    let method = methods
        .iter()
        .find(|m| {
            m.kind == MethodKind::SecurityQuestions
                && verification::counts_here(session, m, &methods)
        })
        .filter(|_| session.is_reset())
        .cloned()
        .ok_or_else(AppError::not_found)?;
    let mut asked: Vec<String> = method
        .questions
        .as_ref()
        .map(|q| q.questions.clone())
        .unwrap_or_default();
    asked.sort_by_cached_key(|id| code_digest(&state.code_key, session.token_digest.as_str(), id));
    asked.truncate(session.user.policy.security_questions.at_reset.max(1));
    Ok((method, asked))
}

/// The questions this reset asks, with the organization's own questions
/// written out in each language it gave them in.
pub async fn questions(state: &AppState, session: &SessionRecord) -> AppResult<ResetQuestions> {
    let (_, asked) = questions_asked(state, session).await?;
    let custom = &session.user.policy.security_questions.custom;
    let questions = asked
        .into_iter()
        .map(|id| ResetQuestion {
            written: (0..custom.len())
                .find(|n| questions::custom_id(*n) == id)
                .map(|n| custom[n].clone()),
            id,
        })
        .collect();
    Ok(ResetQuestions { questions })
}

/// Verifies the reset with the answers to its questions, and says where
/// it stands then.
pub async fn answer_questions(
    state: &AppState,
    who: &Requester<'_>,
    answers: &[QuestionAnswer],
) -> AppResult<PasswordResetState> {
    let method = check_answers(state, who, answers).await?;
    let how = MethodKind::SecurityQuestions.as_str();
    let proved = session::verified(state, who, how, Some(&method.id)).await?;
    progress(state, Some(&proved.digest)).await
}

/// The reset's first proof with the code sent to the number or address
/// typed (`reset_first_proof`), and where the reset stands then.
pub async fn first_code(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    contact_id: &ChallengeId,
    typed: &str,
) -> AppResult<PasswordResetState> {
    reset_first_proof::check_code(state, caller, presented, contact_id, typed).await?;
    progress(state, presented).await
}

/// The reset's first proof with a code from the person's app, and where
/// the reset stands then.
pub async fn first_app_code(
    state: &AppState,
    caller: &Caller,
    presented: Option<&SessionKey>,
    typed: &str,
) -> AppResult<PasswordResetState> {
    reset_first_proof::check_app_code(state, caller, presented, typed).await?;
    progress(state, presented).await
}

/// Checks the answers to the questions this reset asks; all must be right
/// (which one was wrong is not said). Counted against the person's failed
/// verifications first (S6). Returns the questions' method.
async fn check_answers(
    state: &AppState,
    who: &Requester<'_>,
    answers: &[QuestionAnswer],
) -> AppResult<MethodRecord> {
    let session = who.session;
    let (method, asked) = questions_asked(state, session).await?;
    let mut given = Vec::with_capacity(asked.len());
    for (index, question) in asked.iter().enumerate() {
        let answer = answers
            .iter()
            .find(|a| &a.question == question)
            .map(|a| questions::normalize(&a.answer))
            .filter(|a| !a.is_empty());
        let Some(answer) = answer else {
            let mut error = models::ApiError::at(ErrorCode::AnswerRequired, Field::Answer);
            error.index = Some(index);
            return Err(AppError::Refused {
                refusal: crate::error::Refusal::Invalid,
                error,
            });
        };
        given.push(answer);
    }
    let failures = Limit::verify_failures(session, who.address);
    throttle::take(state, &failures).await?;
    let stored = method.questions.as_ref().ok_or_else(AppError::not_found)?;
    let mut all_right = true;
    for (question, answer) in asked.iter().zip(given) {
        let hash = stored
            .questions
            .iter()
            .position(|q| q == question)
            .and_then(|i| stored.hashes.get(i))
            .cloned();
        // Every answer is checked, right or wrong, so the time says nothing.
        all_right &= passwords::verify(answer, hash).await?;
    }
    if !all_right {
        return Err(AppError::invalid(ErrorCode::WrongAnswers, Field::Answer));
    }
    throttle::give_back_all(state, &failures).await?;
    Ok(method)
}

/// Sets the new password once enough methods were verified on this reset
/// (S29) and it follows the rules (S30). The reset is used up first, so two
/// requests cannot both set one; every session of the person ends, and they
/// are told on every channel that can receive it.
pub async fn set_new_password(
    state: &AppState,
    who: &Requester<'_>,
    new_password: String,
) -> AppResult<()> {
    let session = who.session;
    let user = &session.user;
    let methods = state.store.methods_of_user(&user.id).await?;
    let verified = verification::reset_kinds_verified(session, &methods);
    if !user.policy.reset_complete(&verified, user.is_admin) {
        return Err(AppError::forbidden(ErrorCode::ResetNotVerified));
    }
    // The rules first: a refused password does not use up the reset.
    password_rules::check(user, &new_password)?;
    if !state
        .store
        .take_password_reset(&session.token_digest)
        .await?
    {
        return Err(AppError::because(
            crate::error::Refusal::NotSignedIn,
            ErrorCode::ResetExpired,
        ));
    }
    directory::set_password(state, user, new_password, None).await?;
    let how: Vec<&str> = verified.iter().map(|k| k.as_str()).collect();
    who.record(state, Action::PasswordReset, None, &how.join(" "), None)
        .await?;
    tell_every_channel(state, who, &methods).await;
    Ok(())
}

/// "Your password was reset": an email to each registered address and a
/// text to each phone that takes texts, in the person's language. Best
/// effort: a provider that is down does not undo the reset.
async fn tell_every_channel(state: &AppState, who: &Requester<'_>, methods: &[MethodRecord]) {
    let now = state.now();
    let locale = who.locale;
    let mut args = Args::new();
    args.set("account", who.session.user.account_name.as_str().to_owned());
    for method in methods {
        let sent = if method.kind == MethodKind::Email {
            let subject = state
                .l10n
                .format(locale, "email-password-reset-subject", None);
            let body = state
                .l10n
                .format(locale, "email-password-reset-body", Some(&args));
            let email = crate::providers::mail::Email {
                to: &method.detail,
                subject: &subject,
                body: &body,
            };
            state.mailer.send(&email, now).await
        } else if let Some(phone) = method
            .phone
            .as_ref()
            .filter(|_| method.kind.deliveries().contains(&PhoneDelivery::Text))
        {
            let body = state
                .l10n
                .format(locale, "sms-password-reset-body", Some(&args));
            state.telephony.send_text(&phone.e164, &body, now).await
        } else {
            continue;
        };
        if let Err(e) = sent {
            tracing::warn!(error = ?e, "password reset notice not sent");
        }
    }
}
