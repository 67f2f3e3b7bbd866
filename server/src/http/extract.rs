//! A JSON body extractor whose rejections speak our error codes (S24):
//! a malformed, mistyped or oversized body is a 4xx with a code, never
//! axum's plain-text message.

use axum::Json;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use models::ErrorCode;
use serde::de::DeserializeOwned;

pub use crate::audit::Caller;
use crate::error::{AppError, Refusal};
use crate::http::cookies::presented;
use crate::session::{self, Authenticated, ChoosingPassword, Resetting, Verified, Verifying};
use crate::state::AppState;

pub struct ApiJson<T>(pub T);

impl<T, S> FromRequest<S> for ApiJson<T>
where
    T: DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(request, state).await {
            Ok(Json(value)) => Ok(ApiJson(value)),
            Err(rejection) => {
                let status = rejection.status();
                let code = match status {
                    StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
                    _ => ErrorCode::MalformedRequest,
                };
                let refusal = match status {
                    StatusCode::PAYLOAD_TOO_LARGE => Refusal::TooLarge,
                    StatusCode::UNSUPPORTED_MEDIA_TYPE => Refusal::UnsupportedMediaType,
                    StatusCode::UNPROCESSABLE_ENTITY => Refusal::Unprocessable,
                    _ => Refusal::Invalid,
                };
                Err(AppError::because(refusal, code))
            }
        }
    }
}

/// A path parameter whose rejection (say `%ff` in an id, which is not
/// UTF-8) is a 400 with our code, never axum's plain text (S24, F14).
pub struct ApiPath<T>(pub T);

impl<T, S> axum::extract::FromRequestParts<S> for ApiPath<T>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, AppError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(ApiPath(value)),
            Err(_) => Err(AppError::because(
                Refusal::Invalid,
                ErrorCode::MalformedRequest,
            )),
        }
    }
}

impl axum::extract::FromRequestParts<AppState> for Caller {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let crate::http::security::ClientAddress(address) =
            crate::http::security::ClientAddress::from_request_parts(parts, state).await?;
        let accept_language = parts
            .headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        Ok(Caller {
            address,
            user_agent: crate::http::security::user_agent(&parts.headers),
            accept_language,
        })
    }
}

/// Each kind of session a handler may ask for, from the request's
/// session cookie; the refusals are the domain's (`session.rs`).
macro_rules! session_extractor {
    ($kind:ty, $find:path) => {
        impl axum::extract::FromRequestParts<AppState> for $kind {
            type Rejection = AppError;

            async fn from_request_parts(
                parts: &mut axum::http::request::Parts,
                state: &AppState,
            ) -> Result<Self, AppError> {
                let jar = axum_extra::extract::CookieJar::from_headers(&parts.headers);
                $find(state, presented(state, &jar).as_ref()).await
            }
        }
    };
}

session_extractor!(Authenticated, session::authenticated);
session_extractor!(ChoosingPassword, session::choosing_password);
session_extractor!(Verifying, session::verifying);
session_extractor!(Resetting, session::resetting);
session_extractor!(Verified, crate::security_info::verified_session);
