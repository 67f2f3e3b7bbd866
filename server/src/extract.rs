//! A JSON body extractor whose rejections speak our error codes (S24):
//! a malformed, mistyped or oversized body is a 4xx with a code, never
//! axum's plain-text message.

use axum::Json;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use models::{ErrorCode, Locale};
use serde::de::DeserializeOwned;

use crate::audit::Requester;
use crate::error::{AppError, Refusal};
use crate::state::AppState;
use crate::store::SessionRecord;

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

/// Where a request comes from: the client address, its browser and
/// languages. Extracted once per handler instead of three arguments.
#[derive(Clone)]
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
