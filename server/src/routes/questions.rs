//! Setting up security questions (SPEC §5). Delete works as for any
//! method; there is no Change.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use models::questions::PREDEFINED;
use models::{CustomQuestion, MethodKind, QuestionAnswers, QuestionChoices, SecurityInfo};

use crate::error::AppResult;
use crate::extract::ApiJson;
use crate::extract::Caller;
use crate::passwords;
use crate::questions::{check, custom_id};
use crate::security_info::{self, Adding, info_of};
use crate::session::{Authenticated, Verified};
use crate::state::AppState;
use crate::store::{MethodData, QuestionsData};

pub fn router() -> Router<AppState> {
    Router::new().route("/me/security-questions", get(choices).post(save))
}

/// The questions the person can choose from, and how many to answer.
#[utoipa::path(get, path = "/api/me/security-questions", responses((status = 200, body = QuestionChoices)))]
pub async fn choices(Authenticated(session): Authenticated) -> Json<QuestionChoices> {
    let q = &session.user.policy.security_questions;
    Json(QuestionChoices {
        required: q.register,
        predefined: PREDEFINED.iter().map(|s| (*s).to_owned()).collect(),
        custom: q
            .custom
            .iter()
            .enumerate()
            .map(|(n, written)| CustomQuestion {
                id: custom_id(n),
                written: written.clone(),
            })
            .collect(),
    })
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
    let policy = session.user.policy.clone();
    let kind = MethodKind::SecurityQuestions;
    security_info::check_addable(&policy, &methods, session.user.is_admin, kind)?;
    let normalized = check(&policy, &request.answers)?;
    let mut hashes = Vec::with_capacity(normalized.len());
    for answer in normalized {
        hashes.push(passwords::hash(answer).await?);
    }
    let data = MethodData::Questions(QuestionsData {
        questions: request.answers.iter().map(|a| a.question.clone()).collect(),
        hashes,
    });
    // One set of questions: checked again as it is stored (F5).
    let added = security_info::add(
        &state,
        &caller.on_behalf_of(&session),
        Adding {
            kind,
            detail: "",
            data,
            delivery: None,
            replaces: None,
            totp_last_step: None,
        },
    )
    .await?;
    Ok(Json(info_of(&state, &added.token_digest).await?))
}
