//! One error type for every handler. Each variant maps to a status and a
//! wire code; internal errors are logged here and leave as an opaque 500.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use models::{ApiError, ErrorCode, Field};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The request was understood and refused; the code says why.
    #[error("{status}: {}", .error.code)]
    Refused { status: StatusCode, error: ApiError },
    /// Something failed on our side; the cause is logged, never sent.
    #[error("internal: {0}")]
    Internal(Box<dyn std::error::Error + Send + Sync>),
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl From<tokio::task::JoinError> for AppError {
    fn from(e: tokio::task::JoinError) -> Self {
        AppError::Internal(Box::new(e))
    }
}

impl AppError {
    pub fn internal(message: impl Into<String>) -> AppError {
        let message: String = message.into();
        AppError::Internal(message.into())
    }

    /// 400: the input is wrong; `field` says which one.
    pub fn invalid(code: ErrorCode, field: Field) -> AppError {
        AppError::Refused {
            status: StatusCode::BAD_REQUEST,
            error: ApiError::at(code, field),
        }
    }

    pub fn status(status: StatusCode, code: ErrorCode) -> AppError {
        AppError::Refused {
            status,
            error: ApiError::new(code),
        }
    }

    pub fn unauthorized() -> AppError {
        AppError::status(StatusCode::UNAUTHORIZED, ErrorCode::NotSignedIn)
    }

    /// A session whose sign-in waits for its second step asked for more
    /// than verifying (S27).
    pub fn sign_in_not_finished() -> AppError {
        AppError::status(StatusCode::UNAUTHORIZED, ErrorCode::SignInNotFinished)
    }

    pub fn not_found() -> AppError {
        AppError::status(StatusCode::NOT_FOUND, ErrorCode::NotFound)
    }

    /// 429 with `Retry-After`, in the header and in the body for the client.
    pub fn throttled(retry_after_secs: u64) -> AppError {
        AppError::too_many(ErrorCode::TooManyAttempts, retry_after_secs)
    }

    /// 429 for one limit or another (`code` says which), with `Retry-After`.
    pub fn too_many(code: ErrorCode, retry_after_secs: u64) -> AppError {
        let mut error = ApiError::new(code);
        error.retry_after = Some(retry_after_secs.max(1));
        AppError::Refused {
            status: StatusCode::TOO_MANY_REQUESTS,
            error,
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Refused { status, error } => {
                let retry_after = error.retry_after;
                let mut response = (status, Json(error)).into_response();
                if let Some(secs) = retry_after {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(secs));
                }
                response
            }
            AppError::Internal(cause) => {
                tracing::error!(%cause, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(ApiError::new(ErrorCode::Internal)),
                )
                    .into_response()
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
