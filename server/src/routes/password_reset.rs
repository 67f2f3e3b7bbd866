//! "Forgot my password?": beginning a reset for an account name, where it
//! stands, answering security questions, and the new password. Texts,
//! calls, emails, apps and keys verify a reset through the same step-up
//! routes as a sign-in (`/api/me/step-up…`, `/api/me/challenges…`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post, put};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::Cookie;
use models::{
    AccountName, Field, NewPasswordRequest, PasswordCandidate, PasswordResetState,
    PasswordStrength, QuestionAnswers, ResetQuestion, ResetQuestions, StartPasswordReset,
};

use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Caller};
use crate::password_reset;
use crate::password_rules;
use crate::questions::custom_id;
use crate::session::{self, CookieNames, Resetting};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/password-reset", get(progress).post(start))
        .route(
            "/password-reset/questions",
            get(questions).post(answer_questions),
        )
        .route("/password-reset/strength", post(strength))
        .route("/password-reset/password", put(new_password))
}

/// Begins a reset: the same answer whether or not the account exists, is
/// locked or has methods (S28).
#[utoipa::path(post, path = "/api/password-reset", request_body = StartPasswordReset, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<StartPasswordReset>,
) -> AppResult<(StatusCode, CookieJar)> {
    let account = AccountName::parse(&request.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    let token =
        password_reset::start(&state, &account, &caller.address, &caller.user_agent).await?;
    Ok((
        StatusCode::NO_CONTENT,
        session::with_token(&state, jar, token),
    ))
}

/// Where the reset stands; 403 `reset-not-possible` alike for an unknown
/// account and one without enough methods.
#[utoipa::path(get, path = "/api/password-reset", responses(
    (status = 200, body = PasswordResetState), (status = 403, body = models::ApiError)))]
pub async fn progress(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<Json<PasswordResetState>> {
    let current = session::current(&state, &jar).await?;
    Ok(Json(
        password_reset::progress(&state, current.as_ref()).await?,
    ))
}

/// The security questions this reset asks.
#[utoipa::path(get, path = "/api/password-reset/questions", responses(
    (status = 200, body = ResetQuestions), (status = 401, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn questions(
    State(state): State<AppState>,
    Resetting(session): Resetting,
) -> AppResult<Json<ResetQuestions>> {
    let (_, asked) = password_reset::questions_asked(&state, &session).await?;
    let custom = &session.user.policy.security_questions.custom;
    let questions = asked
        .into_iter()
        .map(|id| ResetQuestion {
            text: (0..custom.len())
                .find(|n| custom_id(*n) == id)
                .map(|n| custom[n].clone()),
            id,
        })
        .collect();
    Ok(Json(ResetQuestions { questions }))
}

/// Verifies the reset with the answers to its questions.
#[utoipa::path(post, path = "/api/password-reset/questions", request_body = QuestionAnswers, responses(
    (status = 200, body = PasswordResetState), (status = 400, body = models::ApiError),
    (status = 401, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn answer_questions(
    State(state): State<AppState>,
    Resetting(session): Resetting,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<QuestionAnswers>,
) -> AppResult<(CookieJar, Json<PasswordResetState>)> {
    let who = caller.on_behalf_of(&session);
    let method = password_reset::check_answers(&state, &who, &request.answers).await?;
    let how = models::MethodKind::SecurityQuestions.as_str();
    let (jar, digest) = session::verified(&state, &who, how, Some(&method.id), jar).await?;
    let session = state.store.session(&digest).await?;
    Ok((
        jar,
        Json(password_reset::progress(&state, session.as_ref()).await?),
    ))
}

/// How hard a candidate password is to guess, for the meter.
#[utoipa::path(post, path = "/api/password-reset/strength", request_body = PasswordCandidate, responses(
    (status = 200, body = PasswordStrength), (status = 401, body = models::ApiError)))]
pub async fn strength(
    Resetting(session): Resetting,
    ApiJson(candidate): ApiJson<PasswordCandidate>,
) -> Json<PasswordStrength> {
    Json(password_rules::strength(&session.user, &candidate.password))
}

/// Sets the new password once enough methods were verified; every session
/// of the person ends, this reset with them.
#[utoipa::path(put, path = "/api/password-reset/password", request_body = NewPasswordRequest, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError)))]
pub async fn new_password(
    State(state): State<AppState>,
    Resetting(session): Resetting,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<NewPasswordRequest>,
) -> AppResult<(StatusCode, CookieJar)> {
    let who = caller.on_behalf_of(&session);
    password_reset::set_new_password(&state, &who, request.new_password).await?;
    let names = CookieNames::for_config(&state.config);
    Ok((
        StatusCode::NO_CONTENT,
        jar.remove(Cookie::build(names.session).path("/")),
    ))
}
