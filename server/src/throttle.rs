//! Every limit on attempts and sends goes through `take` (S6, S17): one
//! conditional statement per bucket, so that N parallel requests against a
//! limit of M < N let exactly M through, on SQLite and PostgreSQL alike.

use models::ErrorCode;

use crate::error::{AppError, AppResult};
use crate::policy::Policy;
use crate::state::AppState;

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

    /// Failed verifications of one account per hour, across every path
    /// (registration, step-up, and later sign-in and reset; S6).
    pub fn verify_failures(user_id: &str, policy: &Policy) -> Limit {
        Limit::new(
            format!("verify:user:{user_id}"),
            policy.limits.failures_per_account,
            HOUR,
            ErrorCode::TooManyAttempts,
        )
    }
}

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
        Some((index, window_ends)) => Err(AppError::too_many(
            limits[index].refusal,
            (window_ends - now).max(1) as u64,
        )),
    }
}

/// An attempt that was counted before it was checked turned out right:
/// it does not count as a failure.
pub async fn give_back(state: &AppState, limit: &Limit) -> AppResult<()> {
    state.store.give_back(&limit.bucket).await
}
