//! The signed-in person's own settings.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use models::SetLocaleRequest;
use models::endpoints::{Body, Endpoint, SetLocale};

use crate::directory;
use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::ApiJson;
use crate::session::ChoosingPassword;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().endpoint(SetLocale, set_locale)
}

/// Keeps the person's language choice for their next visit, on any device.
#[utoipa::path(put, path = SetLocale::FULL_PATH, request_body = SetLocaleRequest, responses(
    (status = 204), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn set_locale(
    State(state): State<AppState>,
    ChoosingPassword(session): ChoosingPassword,
    ApiJson(request): ApiJson<Body<SetLocale>>,
) -> AppResult<StatusCode> {
    directory::set_locale(&state, &session.user, request.locale).await?;
    Ok(StatusCode::NO_CONTENT)
}
