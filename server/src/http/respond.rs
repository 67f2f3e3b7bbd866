//! The one place a domain error becomes an HTTP answer: each kind of
//! refusal gets its status, the code goes in a JSON body (with
//! `Retry-After` when there is a time to wait), and an internal error is
//! logged here, once, with its whole chain of causes, and leaves as an
//! opaque 500.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use models::{ApiError, ErrorCode};

use crate::error::{AppError, Refusal};

/// The status of each kind of refusal.
pub fn status_of(refusal: Refusal) -> StatusCode {
    match refusal {
        Refusal::Invalid => StatusCode::BAD_REQUEST,
        Refusal::NotSignedIn => StatusCode::UNAUTHORIZED,
        Refusal::Forbidden => StatusCode::FORBIDDEN,
        Refusal::NotFound => StatusCode::NOT_FOUND,
        Refusal::Conflict => StatusCode::CONFLICT,
        Refusal::Throttled => StatusCode::TOO_MANY_REQUESTS,
        Refusal::Busy => StatusCode::SERVICE_UNAVAILABLE,
        Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        Refusal::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        Refusal::Unprocessable => StatusCode::UNPROCESSABLE_ENTITY,
        Refusal::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        match self {
            AppError::Refused { refusal, error } => {
                let retry_after = error.retry_after;
                let mut response = (status_of(refusal), Json(error)).into_response();
                if let Some(secs) = retry_after {
                    response
                        .headers_mut()
                        .insert(header::RETRY_AFTER, HeaderValue::from(secs));
                }
                response
            }
            AppError::Internal(cause) => {
                tracing::error!(cause = %Chain(cause.as_ref()), "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(ApiError::new(ErrorCode::Internal)),
                )
                    .into_response()
            }
        }
    }
}

/// An error and its sources, "outer: inner: innermost", for one log line.
struct Chain<'a>(&'a (dyn std::error::Error + 'static));

impl std::fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)?;
        let mut source = self.0.source();
        while let Some(cause) = source {
            write!(f, ": {cause}")?;
            source = cause.source();
        }
        Ok(())
    }
}
