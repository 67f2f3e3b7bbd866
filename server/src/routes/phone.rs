//! Setting up a phone: the region list, sending a code or placing a call,
//! and finishing with the code or the answered call. The same challenge
//! endpoints also finish a step-up.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    CallProgress, CallStatus, ErrorCode, Field, MethodKind, PhoneChallenge, PhoneDelivery, Region,
    SecurityInfo, StartPhoneRequest, VerifyCodeRequest,
};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::phone::{PhoneNumber, regions};
use crate::routes::methods::{guarded, info, rotate_session};
use crate::session::Authenticated;
use crate::state::AppState;
use crate::store::{ChallengeRecord, Purpose, SessionRecord};
use crate::verification::{self, Caller, Completed, Destination, RegisterPayload, Requester};

/// A call nobody answers is given up after this long.
const RING_TIMEOUT_SECS: i64 = 60;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/phone/regions", get(phone_regions))
        .route("/me/phone/challenges", post(start))
        .route("/me/challenges/{id}", get(progress))
        .route("/me/challenges/{id}/code", post(submit_code))
        .route("/me/challenges/{id}/resend", post(resend))
}

/// Every region with its calling code (names come from the browser, in the
/// person's language).
#[utoipa::path(get, path = "/api/phone/regions", responses((status = 200, body = Vec<Region>)))]
pub async fn phone_regions() -> Json<Vec<Region>> {
    Json(regions())
}

/// Validates the number and sends a code or places a call to it.
#[utoipa::path(post, path = "/api/me/phone/challenges", request_body = StartPhoneRequest, responses(
    (status = 201, body = PhoneChallenge), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(request): ApiJson<StartPhoneRequest>,
) -> AppResult<(StatusCode, Json<PhoneChallenge>)> {
    let (policy, methods) = guarded(&state, &session).await?;
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
    // Refused before any provider call (S17).
    if !policy.allows_country(&number.region) {
        return Err(AppError::invalid(
            ErrorCode::CountryNotAllowed,
            Field::Region,
        ));
    }
    let keeps_extension = kind == MethodKind::OfficePhone;
    let extension = number.extension.clone().filter(|_| keeps_extension);
    let payload = RegisterPayload {
        kind,
        region: number.region.clone(),
        extension: extension.clone(),
        replaces: request.replaces.clone(),
    };
    let payload = serde_json::to_string(&payload).map_err(|e| AppError::internal(e.to_string()))?;
    let who = caller.on_behalf_of(&session);
    let to = Destination {
        e164: &number.e164,
        extension: extension.as_deref(),
    };
    let mut challenge = verification::send(
        &state,
        &who,
        &policy,
        Purpose::Register,
        request.delivery,
        to,
        &payload,
    )
    .await?;
    challenge.extension_removed = number.extension.is_some() && !keeps_extension;
    Ok((StatusCode::CREATED, Json(challenge)))
}

async fn finish(
    state: &AppState,
    who: &Requester<'_>,
    challenge: &ChallengeRecord,
    jar: CookieJar,
) -> AppResult<(CookieJar, SecurityInfo)> {
    let session = who.session;
    let jar = match verification::complete(state, who, challenge).await? {
        Completed::Registered => jar,
        Completed::SteppedUp => rotate_session(state, session, jar).await?,
    };
    // Read the session again: the default or the token may have changed.
    let names = crate::session::CookieNames::for_config(&state.config);
    let digest = match jar.get(names.session) {
        Some(cookie) => crate::secret::token_digest(cookie.value()),
        None => session.token_digest.clone(),
    };
    let fresh: SessionRecord = state
        .store
        .session(&digest)
        .await?
        .ok_or_else(AppError::unauthorized)?;
    Ok((jar, info(state, &fresh).await?))
}

/// Finishes a texted challenge with its code.
#[utoipa::path(post, path = "/api/me/challenges/{id}/code", params(("id" = String, Path)), request_body = VerifyCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError)))]
pub async fn submit_code(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    Path(id): Path<String>,
    ApiJson(request): ApiJson<VerifyCodeRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let policy = &session.user.policy;
    let who = caller.on_behalf_of(&session);
    let challenge = verification::check_code(&state, &who, &policy, &id, &request.code).await?;
    let (jar, info) = finish(&state, &who, &challenge, jar).await?;
    Ok((jar, Json(info)))
}

/// Where a verification call stands; finishes the challenge once # was pressed.
#[utoipa::path(get, path = "/api/me/challenges/{id}", params(("id" = String, Path)), responses(
    (status = 200, body = CallProgress), (status = 404, body = models::ApiError)))]
pub async fn progress(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    jar: CookieJar,
    Path(id): Path<String>,
) -> AppResult<(CookieJar, Json<CallProgress>)> {
    let challenge = state
        .store
        .challenge(&id, &session.user.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    if challenge.delivery != PhoneDelivery::Call {
        return Err(AppError::not_found());
    }
    let now = state.now();
    let mut status = challenge.call_status.unwrap_or(CallStatus::Ringing);
    if status == CallStatus::Ringing && now - challenge.created_at > RING_TIMEOUT_SECS {
        state
            .store
            .set_call_status(&id, CallStatus::NoAnswer)
            .await?;
        status = CallStatus::NoAnswer;
    }
    if status == CallStatus::Confirmed && challenge.consumed_at.is_none() {
        if state
            .store
            .consume_confirmed_call(&id, &session.user.id, now)
            .await?
        {
            let who = caller.on_behalf_of(&session);
            let (jar, _) = finish(&state, &who, &challenge, jar).await?;
            return Ok((jar, Json(CallProgress { status, done: true })));
        }
    }
    let done = status == CallStatus::Confirmed && challenge.consumed_at.is_some();
    Ok((jar, Json(CallProgress { status, done })))
}

/// Sends a new code (or calls again) to the same number, after the cooldown.
#[utoipa::path(post, path = "/api/me/challenges/{id}/resend", params(("id" = String, Path)), responses(
    (status = 201, body = PhoneChallenge), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn resend(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    Path(id): Path<String>,
) -> AppResult<(StatusCode, Json<PhoneChallenge>)> {
    let old = state
        .store
        .challenge(&id, &session.user.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let policy = &session.user.policy;
    let who = caller.on_behalf_of(&session);
    let extension = serde_json::from_str::<RegisterPayload>(&old.payload)
        .ok()
        .and_then(|p| p.extension);
    let to = Destination {
        e164: &old.destination,
        extension: extension.as_deref(),
    };
    let mut challenge = verification::send(
        &state,
        &who,
        &policy,
        old.purpose,
        old.delivery,
        to,
        &old.payload,
    )
    .await?;
    if old.purpose == Purpose::StepUp {
        challenge.destination = verification::mask(&old.destination);
    }
    Ok((StatusCode::CREATED, Json(challenge)))
}
