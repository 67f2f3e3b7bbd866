//! Setting up security questions (SPEC §5). Delete works as for any
//! method; there is no Change.

use axum::extract::State;
use axum::{Json, Router};
use models::endpoints::{Answer, Body, Endpoint, GetQuestionChoices, SaveQuestions};
use models::{QuestionAnswers, QuestionChoices, SecurityInfo};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::questions;
use crate::session::{Authenticated, Verified};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetQuestionChoices, choices)
        .endpoint(SaveQuestions, save)
}

/// The questions the person can choose from, and how many to answer.
#[utoipa::path(get, path = GetQuestionChoices::FULL_PATH, responses((status = 200, body = QuestionChoices)))]
pub async fn choices(Authenticated(session): Authenticated) -> Json<Answer<GetQuestionChoices>> {
    Json(questions::choices(&session.user.policy))
}

/// Saves the answers as hashes.
#[utoipa::path(post, path = SaveQuestions::FULL_PATH, request_body = QuestionAnswers, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn save(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<Body<SaveQuestions>>,
) -> AppResult<Json<Answer<SaveQuestions>>> {
    let who = caller.on_behalf_of(&session);
    let info = questions::register(&state, &who, &methods, &request.answers).await?;
    Ok(Json(info))
}
