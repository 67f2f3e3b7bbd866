//! The signed-in person's own things: language and security info.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, put};
use axum::{Json, Router};
use models::{MethodView, SecurityInfo, SetLocaleRequest};

use crate::error::AppResult;
use crate::extract::ApiJson;
use crate::session::Authenticated;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/locale", put(set_locale))
        .route("/me/security-info", get(security_info))
}

/// Keeps the person's language choice for their next visit, on any device.
#[utoipa::path(put, path = "/api/me/locale", request_body = SetLocaleRequest, responses(
    (status = 204), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn set_locale(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    ApiJson(request): ApiJson<SetLocaleRequest>,
) -> AppResult<StatusCode> {
    state
        .store
        .set_user_locale(&session.user.id, request.locale)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The Security info page: the default sign-in method and every method.
#[utoipa::path(get, path = "/api/me/security-info", responses(
    (status = 200, body = SecurityInfo), (status = 401, body = models::ApiError)))]
pub async fn security_info(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<SecurityInfo>> {
    let user_id = &session.user.id;
    let methods: Vec<MethodView> = state
        .store
        .methods_of_user(user_id)
        .await?
        .into_iter()
        .map(|m| MethodView {
            id: m.id,
            kind: m.kind,
            detail: m.detail,
        })
        .collect();
    // The session query already brought the user's default.
    let default_id = session.user.default_method_id.as_deref();
    let default_method = default_id.and_then(|id| methods.iter().find(|m| m.id == id).cloned());
    Ok(Json(SecurityInfo {
        default_method,
        methods,
    }))
}
