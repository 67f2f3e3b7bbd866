//! Setting up an email address (SPEC §4): sending a code to it (finished
//! through `routes/challenges.rs`, exactly like a texted code).

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use models::{Challenge, Channel, EmailAddress, ErrorCode, Field, MethodKind, StartEmailRequest};

use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::extract::Caller;
use crate::session::Verified;
use crate::state::AppState;
use crate::store::{Destination, Purpose, Registering};
use crate::verification;

pub fn router() -> Router<AppState> {
    Router::new().route("/me/email/challenges", post(start))
}

/// Validates the address and sends a 6-digit code to it.
#[utoipa::path(post, path = "/api/me/email/challenges", request_body = StartEmailRequest, responses(
    (status = 201, body = Challenge), (status = 400, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn start(
    State(state): State<AppState>,
    Verified { session, methods }: Verified,
    caller: Caller,
    ApiJson(request): ApiJson<StartEmailRequest>,
) -> AppResult<(StatusCode, Json<Challenge>)> {
    let policy = session.user.policy.clone();
    if !policy.allows(MethodKind::Email) {
        return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
    }
    // One email address; a second one is a change of the first.
    match &request.replaces {
        Some(old)
            if !methods
                .iter()
                .any(|m| &m.id == old && m.kind == MethodKind::Email) =>
        {
            return Err(AppError::not_found());
        }
        None if methods.iter().any(|m| m.kind == MethodKind::Email) => {
            return Err(AppError::invalid(ErrorCode::MethodUnavailable, Field::Kind));
        }
        _ => {}
    }
    // Internationalized domains go on the wire in their ASCII form.
    let address = EmailAddress::parse(&request.address)
        .and_then(|address| address.ascii())
        .map_err(|code| AppError::invalid(code, Field::Email))?;
    let account_domain = session
        .user
        .account_name
        .as_str()
        .rsplit_once('@')
        .map(|(_, domain)| domain)
        .unwrap_or_default();
    if address.is_in_domain(account_domain) {
        return Err(AppError::invalid(
            ErrorCode::EmailInAccountDomain,
            Field::Email,
        ));
    }
    let purpose = Purpose::Register(Registering {
        kind: MethodKind::Email,
        region: String::new(),
        replaces: request.replaces.clone(),
    });
    let to = Destination::Email {
        address: address.to_string(),
    };
    let who = caller.on_behalf_of(&session);
    let challenge =
        verification::send(&state, &who, &policy, &purpose, Channel::Email, &to).await?;
    Ok((StatusCode::CREATED, Json(challenge)))
}
