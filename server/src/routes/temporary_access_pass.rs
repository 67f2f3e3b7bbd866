//! The person's own Temporary Access Pass: seeing it while it lasts, and
//! deleting it once they have their methods (S33). Part of their security
//! info: behind the same recent verification (S11).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use models::PassView;
use models::endpoints::{Answer, DeleteOwnPass, Endpoint, GetOwnPass};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::Caller;
use crate::session::Verified;
use crate::state::AppState;
use crate::temporary_access_pass;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetOwnPass, own_pass)
        .endpoint(DeleteOwnPass, delete_own_pass)
}

/// The person's pass, if they have one: when it expires, and whether this
/// session began with it.
#[utoipa::path(get, path = GetOwnPass::FULL_PATH, responses(
    (status = 200, body = Option<PassView>), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn own_pass(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
) -> AppResult<Json<Answer<GetOwnPass>>> {
    Ok(Json(temporary_access_pass::own(&state, &session).await?))
}

/// Deletes the person's pass; a session that began with it ends.
#[utoipa::path(delete, path = DeleteOwnPass::FULL_PATH, responses(
    (status = 204), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn delete_own_pass(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
    caller: Caller,
) -> AppResult<StatusCode> {
    temporary_access_pass::delete_own(&state, &caller.on_behalf_of(&session)).await?;
    Ok(StatusCode::NO_CONTENT)
}
