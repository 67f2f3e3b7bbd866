//! Setting up a phone: the region list, and sending a code or placing a
//! call to the number (finished through `routes/challenges.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use models::{Challenge, ErrorCode, Field, MethodKind, Region, StartPhoneRequest};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::extract::Caller;
use crate::phone::{PhoneNumber, regions};
use crate::session::Verified;
use crate::state::AppState;
use crate::store::{Destination, Purpose, Registering};
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/phone/regions", get(phone_regions))
        .route("/me/phone/challenges", post(start))
}

/// Every region with its calling code (names come from the browser, in the
/// person's language).
#[utoipa::path(get, path = "/api/phone/regions", responses((status = 200, body = Vec<Region>)))]
pub async fn phone_regions() -> Json<Vec<Region>> {
    Json(regions())
}

/// Validates the number and sends a code or places a call to it.
#[utoipa::path(post, path = "/api/me/phone/challenges", request_body = StartPhoneRequest, responses(
    (status = 201, body = Challenge), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<StartPhoneRequest>,
) -> AppResult<(StatusCode, Json<Challenge>)> {
    let policy = session.user.policy.clone();
    let kind = request.kind;
    if !kind.is_phone() || !policy.allows(kind) {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    if kind == MethodKind::AlternatePhone && !methods.iter().any(|m| m.kind == MethodKind::Phone) {
        return Err(AppError::invalid(
            ErrorCode::PhoneRequiredFirst,
            Field::Kind,
        ));
    }
    if !kind.deliveries().contains(&request.delivery) {
        return Err(AppError::invalid(
            ErrorCode::DeliveryUnavailable,
            Field::Kind,
        ));
    }
    match &request.replaces {
        Some(old) if !methods.iter().any(|m| &m.id == old && m.kind == kind) => {
            return Err(AppError::not_found());
        }
        None if methods.iter().any(|m| m.kind == kind) => {
            return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
        }
        _ => {}
    }
    let number = PhoneNumber::parse(&request.region, &request.number)
        .map_err(|(code, field)| AppError::invalid(code, field))?;
    // Refused before any provider call (S17): by the number's own region,
    // never the typed one, and by its type (toll fraud, F8).
    if !policy.allows_country(number.own_region.as_deref()) {
        return Err(AppError::invalid(
            ErrorCode::CountryNotAllowed,
            Field::Region,
        ));
    }
    if !policy.allows_number_type(number.number_type) {
        return Err(AppError::invalid(
            ErrorCode::NumberTypeNotAllowed,
            Field::PhoneNumber,
        ));
    }
    let keeps_extension = kind == MethodKind::OfficePhone;
    let extension = number.extension.clone().filter(|_| keeps_extension);
    let purpose = Purpose::Register(Registering {
        kind,
        region: number.region.clone(),
        replaces: request.replaces.clone(),
    });
    let to = Destination::Phone {
        e164: number.e164.clone(),
        extension,
    };
    let who = caller.on_behalf_of(&session);
    let mut challenge = verification::send(
        &state,
        &who,
        &policy,
        &purpose,
        request.delivery.into(),
        &to,
    )
    .await?;
    challenge.extension_removed = number.extension.is_some() && !keeps_extension;
    // One number as two methods counts once for a reset (N8): say so now.
    challenge.also_registered_as = methods
        .iter()
        .find(|m| {
            Some(&m.id) != request.replaces.as_ref()
                && m.phone.as_ref().is_some_and(|p| p.e164 == number.e164)
        })
        .map(|m| m.kind);
    Ok((StatusCode::CREATED, Json(challenge)))
}
