//! Setting up security questions (SPEC §5). Delete works as for any
//! method; there is no Change.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use models::{QuestionAnswers, QuestionChoices, SecurityInfo};

use crate::error::AppResult;
use crate::http::extract::{ApiJson, Caller};
use crate::questions;
use crate::session::{Authenticated, Verified};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/me/security-questions", get(choices).post(save))
}

/// The questions the person can choose from, and how many to answer.
#[utoipa::path(get, path = "/api/me/security-questions", responses((status = 200, body = QuestionChoices)))]
pub async fn choices(Authenticated(session): Authenticated) -> Json<QuestionChoices> {
    Json(questions::choices(&session.user.policy))
}

/// Saves the answers as hashes.
#[utoipa::path(post, path = "/api/me/security-questions", request_body = QuestionAnswers, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn save(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<QuestionAnswers>,
) -> AppResult<Json<SecurityInfo>> {
    let who = caller.on_behalf_of(&session);
    let info = questions::register(&state, &who, &methods, &request.answers).await?;
    Ok(Json(info))
}
