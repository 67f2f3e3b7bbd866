//! The domain's error: what a use case answers when it does not succeed.
//!
//! It knows nothing of HTTP. A refusal says what kind of refusal it is
//! ([`Refusal`]) and carries the wire code for the client; the one place
//! that turns it into a status and a body is `routes/respond.rs`. An
//! internal error keeps its source for the log, where it is written once,
//! at the edge, and never sent.

use models::{ApiError, ErrorCode, Field};

use crate::store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request was understood and refused; the code says why.
    #[error("refused ({refusal:?}): {}", .error.code)]
    Refused { refusal: Refusal, error: ApiError },
    /// Something failed on our side; the cause is logged, never sent.
    #[error("internal error")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The kinds of refusal, as a use case sees them. The edge gives each its
/// status; nothing below it chooses one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The input is wrong (a field, a code, an answer).
    Invalid,
    /// Nobody is signed in, or what was shown does not sign anyone in.
    NotSignedIn,
    /// Signed in, and still not allowed.
    Forbidden,
    /// No such thing, or not this person's.
    NotFound,
    /// The request contradicts the person's other methods.
    Conflict,
    /// A limit was reached; the error says when to try again.
    Throttled,
    /// The server is too busy to answer now; try again.
    Busy,
    /// The request's shape: too large a body.
    TooLarge,
    /// The request's shape: not JSON.
    UnsupportedMediaType,
    /// The request's shape: JSON, but not of the expected form.
    Unprocessable,
    /// The request's shape: no such method on this path.
    MethodNotAllowed,
}

/// An internal failure with what we were doing when it happened.
#[derive(Debug, thiserror::Error)]
#[error("{what}")]
struct Context {
    what: &'static str,
    #[source]
    source: Box<dyn std::error::Error + Send + Sync>,
}

/// An invariant that does not hold: nothing failed below us, and yet.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct Broken(&'static str);

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<getrandom::Error> for AppError {
    fn from(e: getrandom::Error) -> Self {
        AppError::internal("the operating system gave no random bytes", e)
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl AppError {
    /// An internal failure caused by `source`, while doing `what`.
    pub fn internal(
        what: &'static str,
        source: impl Into<Box<dyn std::error::Error + Send + Sync>>,
    ) -> AppError {
        AppError::Internal(Box::new(Context {
            what,
            source: source.into(),
        }))
    }

    /// An invariant of ours that does not hold (no lower error caused it).
    pub fn broken(what: &'static str) -> AppError {
        AppError::Internal(Box::new(Broken(what)))
    }

    pub fn refused(refusal: Refusal, error: ApiError) -> AppError {
        AppError::Refused { refusal, error }
    }

    /// The input is wrong; `field` says which one.
    pub fn invalid(code: ErrorCode, field: Field) -> AppError {
        AppError::refused(Refusal::Invalid, ApiError::at(code, field))
    }

    /// A refusal of `refusal`'s kind that names no field.
    pub fn because(refusal: Refusal, code: ErrorCode) -> AppError {
        AppError::refused(refusal, ApiError::new(code))
    }

    pub fn forbidden(code: ErrorCode) -> AppError {
        AppError::because(Refusal::Forbidden, code)
    }

    pub fn conflict(code: ErrorCode) -> AppError {
        AppError::because(Refusal::Conflict, code)
    }

    pub fn unauthorized() -> AppError {
        AppError::because(Refusal::NotSignedIn, ErrorCode::NotSignedIn)
    }

    /// A session whose sign-in waits for its second step asked for more
    /// than verifying (S27).
    pub fn sign_in_not_finished() -> AppError {
        AppError::because(Refusal::NotSignedIn, ErrorCode::SignInNotFinished)
    }

    pub fn not_found() -> AppError {
        AppError::because(Refusal::NotFound, ErrorCode::NotFound)
    }

    /// Too many attempts, with when to try again.
    pub fn throttled(retry_after_secs: u64) -> AppError {
        AppError::too_many(ErrorCode::TooManyAttempts, retry_after_secs)
    }

    /// One limit or another (`code` says which), with when to try again.
    pub fn too_many(code: ErrorCode, retry_after_secs: u64) -> AppError {
        let mut error = ApiError::new(code);
        error.retry_after = Some(retry_after_secs.max(1));
        AppError::refused(Refusal::Throttled, error)
    }
}

pub type AppResult<T> = Result<T, AppError>;
