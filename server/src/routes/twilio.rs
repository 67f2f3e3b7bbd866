//! Twilio's webhooks: what happened on a verification call. Mounted only
//! when Twilio is the carrier; they carry no cookie and no CSRF token, the
//! signature is their authentication.

use std::collections::BTreeMap;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Form, Router};

use models::endpoints::API_ROOT;

use crate::error::{AppError, AppResult};
use crate::providers::telephony::CallEvent;
use crate::providers::twilio::signature;
use crate::secret::constant_time_eq;
use crate::state::AppState;
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/twilio/calls/{challenge_id}/gather", post(gathered))
        .route("/twilio/calls/{challenge_id}/status", post(status))
}

fn verify(
    state: &AppState,
    headers: &HeaderMap,
    path: &str,
    params: &BTreeMap<String, String>,
) -> AppResult<()> {
    let crate::config::TelephonyConfig::Twilio(config) = &state.config.telephony else {
        return Err(AppError::not_found());
    };
    let url = format!("{}{path}", state.config.public_origin.trim_end_matches('/'));
    let expected = signature(&config.auth_token, &url, params);
    let given = headers
        .get("x-twilio-signature")
        .map(axum::http::HeaderValue::as_bytes)
        .unwrap_or_default();
    if expected.is_empty() || !constant_time_eq(expected.as_bytes(), given) {
        return Err(AppError::forbidden(models::ErrorCode::Forbidden));
    }
    Ok(())
}

fn twiml(body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, "text/xml")], body).into_response()
}

async fn gathered(
    State(state): State<AppState>,
    Path(challenge_id): Path<String>,
    headers: HeaderMap,
    Form(params): Form<BTreeMap<String, String>>,
) -> AppResult<Response> {
    verify(
        &state,
        &headers,
        &format!("{API_ROOT}/twilio/calls/{challenge_id}/gather"),
        &params,
    )?;
    let key = params.get("Digits").and_then(|d| d.chars().next());
    let answered = [Some(CallEvent::Answered), key.map(CallEvent::Key)];
    verification::on_call(&state, &challenge_id, answered.into_iter().flatten()).await?;
    Ok(twiml("<Response><Hangup/></Response>"))
}

async fn status(
    State(state): State<AppState>,
    Path(challenge_id): Path<String>,
    headers: HeaderMap,
    Form(params): Form<BTreeMap<String, String>>,
) -> AppResult<StatusCode> {
    verify(
        &state,
        &headers,
        &format!("{API_ROOT}/twilio/calls/{challenge_id}/status"),
        &params,
    )?;
    let event = match params.get("CallStatus").map(String::as_str) {
        Some("in-progress") => Some(CallEvent::Answered),
        Some("completed") => Some(CallEvent::HungUp),
        Some("busy" | "no-answer" | "failed" | "canceled") => Some(CallEvent::NoAnswer),
        _ => None,
    };
    verification::on_call(&state, &challenge_id, event).await?;
    Ok(StatusCode::NO_CONTENT)
}
