//! The Security info page: the list, the default sign-in method, deleting,
//! and the step-up that guards them (S11, S13, S14).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, put};
use axum::{Json, Router};
use models::{
    Channel, ErrorCode, MethodKind, SecurityInfo, SetDefaultRequest, StartStepUp, StepUpOption,
};

use crate::error::{AppError, AppResult};
use crate::extract::Caller;
use crate::extract::{ApiJson, ApiPath};
use crate::security_info::{self, info_from, info_of};
use crate::session::{Authenticated, Verified, Verifying};
use crate::state::AppState;
use crate::store::{Destination, Purpose};
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/security-info", get(security_info))
        .route("/me/methods/{id}", delete(delete_method))
        .route("/me/default-method", put(set_default))
        .route("/me/step-up", get(step_up_options).post(start_step_up))
}

/// The Security info page.
#[utoipa::path(get, path = "/api/me/security-info", responses(
    (status = 200, body = SecurityInfo), (status = 401, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn security_info(
    Verified { session, methods }: Verified,
) -> AppResult<Json<SecurityInfo>> {
    Ok(Json(info_from(&session.user, &methods)))
}

/// Deletes one of the user's methods. Someone else's is "not found" (S13);
/// the last one the policy requires stays (S14); the default moves.
#[utoipa::path(delete, path = "/api/me/methods/{id}", params(("id" = String, Path)), responses(
    (status = 200, body = SecurityInfo), (status = 403, body = models::ApiError),
    (status = 404, body = models::ApiError), (status = 409, body = models::ApiError)))]
pub async fn delete_method(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiPath(id): ApiPath<String>,
) -> AppResult<Json<SecurityInfo>> {
    security_info::delete(&state, &caller.on_behalf_of(&session), &id).await?;
    Ok(Json(info_of(&state, &session.token_digest).await?))
}

/// Changes the default sign-in method to one of the user's MFA methods.
#[utoipa::path(put, path = "/api/me/default-method", request_body = SetDefaultRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn set_default(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<SetDefaultRequest>,
) -> AppResult<Json<SecurityInfo>> {
    let who = caller.on_behalf_of(&session);
    security_info::set_default(&state, &who, &request.method_id, request.delivery).await?;
    Ok(Json(info_of(&state, &session.token_digest).await?))
}

/// The ways this user can verify: before viewing or changing security
/// info, at sign-in, or on a password reset.
#[utoipa::path(get, path = "/api/me/step-up", responses((status = 200, body = Vec<StepUpOption>)))]
pub async fn step_up_options(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<Json<Vec<StepUpOption>>> {
    let methods = state.store.methods_of_user(&session.user.id).await?;
    Ok(Json(verification::options(&session, &methods)))
}

/// Texts or calls one of the user's phones, or (on a password reset)
/// emails their address, to verify this session.
#[utoipa::path(post, path = "/api/me/step-up", request_body = StartStepUp, responses(
    (status = 201, body = models::Challenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start_step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    ApiJson(request): ApiJson<StartStepUp>,
) -> AppResult<(StatusCode, Json<models::Challenge>)> {
    let policy = &session.user.policy;
    let methods = state.store.methods_of_user(&session.user.id).await?;
    // Only a method that still counts here verifies (F15, S29).
    let method = methods
        .iter()
        .find(|m| m.id == request.method_id && verification::counts_here(&session, m, &methods))
        .ok_or_else(AppError::not_found)?;
    let (channel, to) = match (&method.phone, request.delivery) {
        (Some(phone), Some(delivery)) if method.kind.deliveries().contains(&delivery) => (
            Channel::from(delivery),
            Destination::Phone {
                e164: phone.e164.clone(),
                extension: phone
                    .extension
                    .clone()
                    .filter(|_| method.kind == MethodKind::OfficePhone),
            },
        ),
        (None, None) if method.kind == MethodKind::Email => (
            Channel::Email,
            Destination::Email {
                address: method.detail.clone(),
            },
        ),
        _ => {
            return Err(AppError::invalid(
                ErrorCode::DeliveryUnavailable,
                models::Field::Kind,
            ));
        }
    };
    let who = caller.on_behalf_of(&session);
    let purpose = Purpose::StepUp {
        method_id: method.id.clone(),
    };
    let challenge = verification::send(&state, &who, policy, &purpose, channel, &to).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
