//! "Forgot my password?": beginning a reset for an account name, where it
//! stands, answering security questions, and the new password. Texts,
//! calls, emails, apps and keys verify a reset through the same step-up
//! routes as a sign-in (`/api/me/step-up…`, `/api/me/challenges…`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{
    Answer, AnswerResetQuestions, Body, Endpoint, GetResetQuestions, IdOf, RateResetPassword,
    ResetContact, ResetContactAgain, ResetContactCode, ResetContactProgress, ResetProgress,
    ResetWithAppCode, SetResetPassword, StartReset,
};
use models::{
    AccountName, CallProgress, Challenge, Field, NewPasswordRequest, PasswordCandidate,
    PasswordResetState, PasswordStrength, QuestionAnswers, ResetAppCode, ResetContactRequest,
    ResetQuestions, StartPasswordReset, VerifyCodeRequest,
};

use crate::error::{AppError, AppResult};
use crate::http::cookies::{presented, with_session, without_session};
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::password_reset;
use crate::password_rules;
use crate::reset_first_proof;
use crate::session::Resetting;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(ResetProgress, progress)
        .endpoint(StartReset, start)
        .endpoint(GetResetQuestions, questions)
        .endpoint(AnswerResetQuestions, answer_questions)
        .endpoint(ResetContact, contact)
        .endpoint(ResetContactProgress, contact_progress)
        .endpoint(ResetContactCode, contact_code)
        .endpoint(ResetContactAgain, contact_again)
        .endpoint(ResetWithAppCode, app_code)
        .endpoint(RateResetPassword, strength)
        .endpoint(SetResetPassword, new_password)
}

/// Begins a reset: the same answer whether or not the account exists, is
/// locked or has methods (S28).
#[utoipa::path(post, path = StartReset::FULL_PATH, request_body = StartPasswordReset, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<StartReset>>,
) -> AppResult<(StatusCode, CookieJar)> {
    let account = AccountName::parse(&request.account_name)
        .map_err(|code| AppError::invalid(code, Field::AccountName))?;
    let token =
        password_reset::start(&state, &account, &caller.address, &caller.user_agent).await?;
    Ok((
        StatusCode::NO_CONTENT,
        with_session(&state, jar, Some(token)),
    ))
}

/// Where the reset stands: before its first proof the policy's ways, alike
/// for every account name (S28); 403 `reset-not-possible` once it is gone,
/// or when the person verified has too few methods.
#[utoipa::path(get, path = ResetProgress::FULL_PATH, responses(
    (status = 200, body = PasswordResetState), (status = 403, body = models::ApiError)))]
pub async fn progress(
    State(state): State<AppState>,
    jar: CookieJar,
) -> AppResult<Json<Answer<ResetProgress>>> {
    let presented = presented(&state, &jar);
    Ok(Json(
        password_reset::progress(&state, presented.as_ref()).await?,
    ))
}

/// The first proof: a code or call to the whole number or address typed,
/// sent only if it is the account's, answered the same either way (S28).
#[utoipa::path(post, path = ResetContact::FULL_PATH, request_body = ResetContactRequest, responses(
    (status = 201, body = Challenge), (status = 400, body = models::ApiError),
    (status = 401, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn contact(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<ResetContact>>,
) -> AppResult<(StatusCode, Json<Answer<ResetContact>>)> {
    let presented = presented(&state, &jar);
    let (channel, to) = (request.channel, &request.to);
    let sent = reset_first_proof::contact(&state, &caller, presented.as_ref(), channel, to).await?;
    Ok((StatusCode::CREATED, Json(sent)))
}

/// Where the first call stands; records the phone once # was pressed.
#[utoipa::path(get, path = ResetContactProgress::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = CallProgress), (status = 401, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn contact_progress(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<ResetContactProgress>>,
) -> AppResult<Json<Answer<ResetContactProgress>>> {
    let presented = presented(&state, &jar);
    let progress =
        reset_first_proof::call_progress(&state, &caller, presented.as_ref(), &id).await?;
    Ok(Json(progress))
}

/// The first code; right, the reset goes on with the person's methods.
#[utoipa::path(post, path = ResetContactCode::FULL_PATH, params(("id" = String, Path)), request_body = VerifyCodeRequest, responses(
    (status = 200, body = PasswordResetState), (status = 400, body = models::ApiError),
    (status = 401, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn contact_code(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<ResetContactCode>>,
    ApiJson(request): ApiJson<Body<ResetContactCode>>,
) -> AppResult<Json<Answer<ResetContactCode>>> {
    let presented = presented(&state, &jar);
    let (id, code) = (&id, &request.code);
    Ok(Json(
        password_reset::first_code(&state, &caller, presented.as_ref(), id, code).await?,
    ))
}

/// The first code again (or the call again), after the cooldown.
#[utoipa::path(post, path = ResetContactAgain::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 201, body = Challenge), (status = 401, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn contact_again(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiPath(id): ApiPath<IdOf<ResetContactAgain>>,
) -> AppResult<(StatusCode, Json<Answer<ResetContactAgain>>)> {
    let presented = presented(&state, &jar);
    let sent = reset_first_proof::contact_again(&state, &caller, presented.as_ref(), &id).await?;
    Ok((StatusCode::CREATED, Json(sent)))
}

/// The first proof with a code from the person's authenticator app.
#[utoipa::path(post, path = ResetWithAppCode::FULL_PATH, request_body = ResetAppCode, responses(
    (status = 200, body = PasswordResetState), (status = 400, body = models::ApiError),
    (status = 401, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn app_code(
    State(state): State<AppState>,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<ResetWithAppCode>>,
) -> AppResult<Json<Answer<ResetWithAppCode>>> {
    let presented = presented(&state, &jar);
    let code = &request.code;
    Ok(Json(
        password_reset::first_app_code(&state, &caller, presented.as_ref(), code).await?,
    ))
}

/// The security questions this reset asks.
#[utoipa::path(get, path = GetResetQuestions::FULL_PATH, responses(
    (status = 200, body = ResetQuestions), (status = 401, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn questions(
    State(state): State<AppState>,
    Resetting(session): Resetting,
) -> AppResult<Json<Answer<GetResetQuestions>>> {
    Ok(Json(password_reset::questions(&state, &session).await?))
}

/// Verifies the reset with the answers to its questions.
#[utoipa::path(post, path = AnswerResetQuestions::FULL_PATH, request_body = QuestionAnswers, responses(
    (status = 200, body = PasswordResetState), (status = 400, body = models::ApiError),
    (status = 401, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn answer_questions(
    State(state): State<AppState>,
    Resetting(session): Resetting,
    caller: Caller,
    ApiJson(request): ApiJson<Body<AnswerResetQuestions>>,
) -> AppResult<Json<Answer<AnswerResetQuestions>>> {
    let who = caller.on_behalf_of(&session);
    let answers = &request.answers;
    Ok(Json(
        password_reset::answer_questions(&state, &who, answers).await?,
    ))
}

/// How hard a candidate password is to guess, for the meter.
#[utoipa::path(post, path = RateResetPassword::FULL_PATH, request_body = PasswordCandidate, responses(
    (status = 200, body = PasswordStrength), (status = 401, body = models::ApiError)))]
pub async fn strength(
    Resetting(session): Resetting,
    ApiJson(candidate): ApiJson<Body<RateResetPassword>>,
) -> Json<Answer<RateResetPassword>> {
    Json(password_rules::strength(&session.user, &candidate.password))
}

/// Sets the new password once enough methods were verified; every session
/// of the person ends, this reset with them.
#[utoipa::path(put, path = SetResetPassword::FULL_PATH, request_body = NewPasswordRequest, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError)))]
pub async fn new_password(
    State(state): State<AppState>,
    Resetting(session): Resetting,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<SetResetPassword>>,
) -> AppResult<(StatusCode, CookieJar)> {
    let who = caller.on_behalf_of(&session);
    password_reset::set_new_password(&state, &who, request.new_password).await?;
    Ok((StatusCode::NO_CONTENT, without_session(&state, jar)))
}
