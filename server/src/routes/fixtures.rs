//! Test seam: creates and removes users so that every Playwright test
//! brings its own. Mounted only in `test` mode (see `Config::test_seams`).

use crate::error::AppResult;
use crate::http::extract::{ApiJson, ApiPath};
use crate::state::AppState;
use crate::test_fixtures::{self, NewTestUser};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, post};
use axum::{Json, Router};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/test/users", post(create_user))
        .route("/test/users/{account_name}", delete(delete_user))
        .route(
            "/test/users/{account_name}/expire-challenges",
            post(expire_challenges),
        )
}

async fn create_user(
    State(state): State<AppState>,
    ApiJson(body): ApiJson<NewTestUser>,
) -> AppResult<(StatusCode, Json<serde_json::Value>)> {
    let account_name = body.account_name.clone();
    let status = match test_fixtures::create_user(&state, body).await? {
        true => StatusCode::CREATED,
        false => StatusCode::CONFLICT,
    };
    Ok((
        status,
        Json(serde_json::json!({ "account_name": account_name })),
    ))
}

async fn delete_user(
    State(state): State<AppState>,
    ApiPath(account_name): ApiPath<String>,
) -> AppResult<StatusCode> {
    test_fixtures::delete_user(&state, &account_name).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Lets a test see an expired code without waiting ten minutes: every open
/// challenge of the user expires now.
async fn expire_challenges(
    State(state): State<AppState>,
    ApiPath(account_name): ApiPath<String>,
) -> AppResult<StatusCode> {
    test_fixtures::expire_challenges(&state, &account_name).await?;
    Ok(StatusCode::NO_CONTENT)
}
