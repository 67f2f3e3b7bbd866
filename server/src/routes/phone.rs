//! Setting up a phone: the region list, and sending a code or placing a
//! call to the number (finished through `routes/challenges.rs`).

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use models::endpoints::{Answer, Body, Endpoint, PhoneRegions, StartPhone};
use models::{Challenge, Region, StartPhoneRequest};

use crate::error::AppResult;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::phone::regions;
use crate::registration;
use crate::session::Verified;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(PhoneRegions, phone_regions)
        .endpoint(StartPhone, start)
}

/// Every region with its calling code (names come from the browser, in the
/// person's language).
#[utoipa::path(get, path = PhoneRegions::FULL_PATH, responses((status = 200, body = Vec<Region>)))]
pub async fn phone_regions() -> Json<Answer<PhoneRegions>> {
    Json(regions())
}

/// Validates the number and sends a code or places a call to it.
#[utoipa::path(post, path = StartPhone::FULL_PATH, request_body = StartPhoneRequest, responses(
    (status = 201, body = Challenge), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<Body<StartPhone>>,
) -> AppResult<(StatusCode, Json<Answer<StartPhone>>)> {
    let who = caller.on_behalf_of(&session);
    let challenge = registration::start_phone(&state, &who, &methods, &request).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
