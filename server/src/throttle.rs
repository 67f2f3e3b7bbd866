//! Every limit on attempts and sends goes through `take` (S6, S17): one
//! conditional statement per bucket, so that N parallel requests against a
//! limit of M < N let exactly M through, on SQLite and PostgreSQL alike.
//!
//! Architecture Invariant (limits): a request's several buckets are taken in
//! one transaction that begins with a write and is rolled back when any bucket
//! is full (a single bucket needs none: its statement is the whole change). An
//! attempt is counted before it is checked (a password, a code) and given back
//! when it was right. The resend cooldown is a bucket of one per person and
//! number.
//!
//! S6 as the project reads it: at most 5 wrong tries per code.
//! `Limit::verify_failures` decides what a wrong code, app code, recovery code
//! or answer counts against, by who makes it. After a password (a sign-in's
//! second step, a step-up, a registration): the person's failures of the hour
//! (the policy's `failures_per_account`, 100), across those paths. On a
//! password reset, which anyone can begin with an account name: that reset
//! (10, then it ends with `reset-expired`), its address (20 an hour) and the
//! person's resets of the hour (100) — never the count that guards the
//! sign-in, so a stranger cannot keep the owner from signing in, and one
//! address cannot keep them from their own reset. Reset starts count per
//! account and address and per address, never per account alone. Restarting a
//! flow keeps every count.

use models::ErrorCode;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::store::SessionKey;
use crate::store::SessionRecord;

pub const HOUR: i64 = 3600;

/// At most `max` units in `bucket` per `window_secs`; past it, 429 `refusal`.
pub struct Limit {
    pub bucket: String,
    pub max: i64,
    pub window_secs: i64,
    pub refusal: ErrorCode,
}

impl Limit {
    pub fn new(bucket: String, max: i64, window_secs: i64, refusal: ErrorCode) -> Limit {
        Limit {
            bucket,
            max,
            window_secs: window_secs.max(0),
            refusal,
        }
    }

    /// Wrong passwords for one account: at sign-in and when changing it
    /// (one count, so that neither way guesses past the other).
    pub fn password_failures(
        config: &crate::config::Config,
        account: &models::AccountName,
    ) -> Limit {
        Limit::new(
            format!("signin:account:{account}"),
            config.signin.account_failures,
            config.signin.window_minutes * 60,
            ErrorCode::TooManyAttempts,
        )
    }

    /// The failed verifications an attempt by `session` from `address`
    /// counts against (S6). Only a person who knew the password feeds the
    /// count that guards their sign-in and step-up: an hour's failures per
    /// account, across those paths. A password reset, which anyone can
    /// begin with an account name, counts against itself (a small budget,
    /// then it ends), against the address it comes from, and against the
    /// person's resets of the hour — never against their sign-in (N1).
    pub fn verify_failures(session: &SessionRecord, address: &str) -> Vec<Limit> {
        let user = &session.user;
        let hourly =
            |bucket: String, max: i64| Limit::new(bucket, max, HOUR, ErrorCode::TooManyAttempts);
        if !session.is_reset() {
            return vec![hourly(
                format!("verify:user:{}", user.id),
                user.policy.limits.failures_per_account,
            )];
        }
        Limit::reset_failures(
            &session.token_digest,
            address,
            user.account_name.as_str(),
            user.policy.limits.failures_per_account,
        )
    }

    /// The failures a password reset counts (N1): its own, its address's,
    /// and those of every reset of the account, which is named — known or
    /// not, the same limits (S28).
    pub fn reset_failures(
        token_digest: &SessionKey,
        address: &str,
        account_name: &str,
        per_account: i64,
    ) -> Vec<Limit> {
        let hourly =
            |bucket: String, max: i64| Limit::new(bucket, max, HOUR, ErrorCode::TooManyAttempts);
        vec![
            // Its token is its own: the window outlasts the reset itself.
            Limit::new(
                format!("verify:reset:{token_digest}"),
                RESET_FAILURES,
                HOUR,
                ErrorCode::ResetExpired,
            ),
            hourly(
                format!("verify:reset-from:{address}"),
                RESET_FAILURES_PER_ADDRESS,
            ),
            hourly(format!("verify:reset-of:{account_name}"), per_account),
        ]
    }
}

/// Wrong codes or answers one password reset may take before it ends: a
/// person who mistypes begins another; a guesser gains little from one.
pub const RESET_FAILURES: i64 = 10;

/// Wrong codes or answers per hour in the resets begun from one address:
/// fewer than a person's hourly count, so that one address alone cannot
/// use up the owner's resets.
pub const RESET_FAILURES_PER_ADDRESS: i64 = 20;

/// Takes one unit from each limit, or from none and refuses with the
/// first limit that is full.
pub async fn take(state: &AppState, limits: &[Limit]) -> AppResult<()> {
    let now = state.now();
    let rows: Vec<(&str, i64, i64)> = limits
        .iter()
        .map(|l| (l.bucket.as_str(), l.max, l.window_secs))
        .collect();
    match state.store.take(&rows, now).await? {
        None => Ok(()),
        Some((index, window_ends)) => {
            crate::metrics::throttled(limits[index].refusal.as_str());
            Err(AppError::too_many(
                limits[index].refusal,
                u64::try_from((window_ends - now).max(1)).unwrap_or(1),
            ))
        }
    }
}

/// An attempt that was counted before it was checked turned out right:
/// it does not count as a failure.
pub async fn give_back(state: &AppState, limit: &Limit) -> AppResult<()> {
    Ok(state.store.give_back(&limit.bucket).await?)
}

/// `give_back` for each of `limits`.
pub async fn give_back_all(state: &AppState, limits: &[Limit]) -> AppResult<()> {
    for limit in limits {
        give_back(state, limit).await?;
    }
    Ok(())
}
