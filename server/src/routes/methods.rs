//! The Security info page: the list, the default sign-in method, deleting,
//! and the step-up that guards them (S11, S13, S14).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{delete, get, put};
use axum::{Json, Router};
use models::{ErrorCode, MethodKind, SecurityInfo, SetDefaultRequest, StartStepUp, StepUpOption};

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

/// The ways this user can verify before viewing or changing security info.
#[utoipa::path(get, path = "/api/me/step-up", responses((status = 200, body = Vec<StepUpOption>)))]
pub async fn step_up_options(
    State(state): State<AppState>,
    Verifying(session): Verifying,
) -> AppResult<Json<Vec<StepUpOption>>> {
    let policy = &session.user.policy;
    // Only methods the policy still counts for sign-in can verify.
    let methods: Vec<_> = state
        .store
        .methods_of_user(&session.user.id)
        .await?
        .into_iter()
        .filter(|m| policy.counts_for_mfa(m.kind))
        .collect();
    let default_delivery = session.user.default_delivery;
    let mut options = Vec::new();
    for m in methods
        .iter()
        .filter(|m| m.kind == MethodKind::AuthenticatorApp)
    {
        options.push(StepUpOption {
            method_id: m.id.clone(),
            kind: m.kind,
            delivery: None,
            masked: String::new(),
            is_default: session.user.default_method_id.as_deref() == Some(m.id.as_str()),
        });
    }
    // One option for all keys: the browser asks for whichever is at hand.
    if let Some(key) = methods.iter().find(|m| m.kind == MethodKind::SecurityKey) {
        let default = session.user.default_method_id.as_deref();
        options.push(StepUpOption {
            method_id: key.id.clone(),
            kind: key.kind,
            delivery: None,
            masked: String::new(),
            is_default: methods
                .iter()
                .any(|m| m.kind == MethodKind::SecurityKey && default == Some(m.id.as_str())),
        });
    }
    for m in methods.iter().filter(|m| m.kind.is_phone()) {
        let Some(phone) = &m.phone else { continue };
        for delivery in m.kind.deliveries() {
            let is_default = session.user.default_method_id.as_deref() == Some(m.id.as_str())
                && default_delivery == Some(*delivery);
            options.push(StepUpOption {
                method_id: m.id.clone(),
                kind: m.kind,
                delivery: Some(*delivery),
                masked: verification::mask(&phone.e164),
                is_default,
            });
        }
    }
    options.sort_by_key(|o| !o.is_default);
    // Recovery codes last, while any are left: the last resort (S31).
    if let Some(codes) = methods
        .iter()
        .find(|m| m.kind == MethodKind::RecoveryCodes && m.remaining.unwrap_or(0) > 0)
    {
        options.push(StepUpOption {
            method_id: codes.id.clone(),
            kind: codes.kind,
            delivery: None,
            masked: String::new(),
            is_default: false,
        });
    }
    Ok(Json(options))
}

/// Texts or calls one of the user's phones to verify this session.
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
    // Only a method the policy still counts for sign-in verifies (F15).
    let method = methods
        .iter()
        .find(|m| m.id == request.method_id && policy.counts_for_mfa(m.kind))
        .ok_or_else(AppError::not_found)?;
    let phone = method.phone.as_ref().ok_or_else(AppError::not_found)?;
    if !method.kind.deliveries().contains(&request.delivery) {
        return Err(AppError::invalid(
            ErrorCode::DeliveryUnavailable,
            models::Field::Kind,
        ));
    }
    let who = caller.on_behalf_of(&session);
    let purpose = Purpose::StepUp {
        method_id: method.id.clone(),
    };
    let to = Destination::Phone {
        e164: phone.e164.clone(),
        extension: phone
            .extension
            .clone()
            .filter(|_| method.kind == MethodKind::OfficePhone),
    };
    let challenge =
        verification::send(&state, &who, policy, &purpose, request.delivery.into(), &to).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
