//! The Security info page: the list, the default sign-in method, deleting,
//! and the step-up that guards them (S11, S13, S14).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use models::endpoints::{
    Answer, Body, DeleteMethod, Endpoint, GetSecurityInfo, IdOf, SetDefault, StartStepUpCode,
    StepUpOptions,
};
use models::{SecurityInfo, SetDefaultRequest, StartStepUp, StepUpOption};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, ApiPath, Caller};
use crate::security_info::{self, info_from};
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetSecurityInfo, security_info)
        .endpoint(DeleteMethod, delete_method)
        .endpoint(SetDefault, set_default)
        .endpoint(StepUpOptions, step_up_options)
        .endpoint(StartStepUpCode, start_step_up)
}

/// The Security info page.
#[utoipa::path(get, path = GetSecurityInfo::FULL_PATH, responses(
    (status = 200, body = SecurityInfo), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn security_info(
    Verified { session, methods }: Verified,
) -> AppResult<Json<Answer<GetSecurityInfo>>> {
    let with_pass = session.pass_expires_at.is_some();
    Ok(Json(info_from(&session.user, &methods, with_pass)))
}

/// Deletes one of the user's methods. Someone else's is "not found" (S13);
/// the last one the policy requires stays (S14); the default moves.
#[utoipa::path(delete, path = DeleteMethod::FULL_PATH, params(("id" = String, Path)), responses(
    (status = 200, body = SecurityInfo), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn delete_method(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<IdOf<DeleteMethod>>,
) -> AppResult<Json<Answer<DeleteMethod>>> {
    let info = security_info::delete(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(Json(info))
}

/// Changes the default sign-in method to one of the user's MFA methods.
#[utoipa::path(put, path = SetDefault::FULL_PATH, request_body = SetDefaultRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn set_default(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<Body<SetDefault>>,
) -> AppResult<Json<Answer<SetDefault>>> {
    let who = caller.on_behalf_of(&session);
    let (method_id, delivery) = (&request.method_id, request.delivery);
    let info = security_info::set_default(&state, &who, method_id, delivery).await?;
    Ok(Json(info))
}

/// The ways this user can verify: before viewing or changing security
/// info, at sign-in, or on a password reset.
#[utoipa::path(get, path = StepUpOptions::FULL_PATH, responses((status = 200, body = Vec<StepUpOption>)))]
pub async fn step_up_options(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<Json<Answer<StepUpOptions>>> {
    Ok(Json(verification::options_of(&state, &session).await?))
}

/// Texts or calls one of the user's phones, or (on a password reset)
/// emails their address, to verify this session.
#[utoipa::path(post, path = StartStepUpCode::FULL_PATH, request_body = StartStepUp, responses(
    (status = 201, body = models::Challenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    ApiJson(request): ApiJson<Body<StartStepUpCode>>,
) -> AppResult<(StatusCode, Json<Answer<StartStepUpCode>>)> {
    let who = caller.on_behalf_of(&session);
    let (method_id, delivery) = (&request.method_id, request.delivery);
    let challenge = verification::start_step_up(&state, &who, method_id, delivery).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
