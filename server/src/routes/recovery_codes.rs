//! Recovery codes (S31): generating a set (shown once), and verifying a
//! sign-in or a step-up with one.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{MethodKind, RecoveryCodeRequest, RecoveryCodeSet, SecurityInfo};

use crate::error::AppResult;
use crate::extract::{ApiJson, Caller};
use crate::recovery_codes;
use crate::security_info::info_of;
use crate::session::{Verified, Verifying};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/recovery-codes", post(generate))
        .route("/me/step-up/recovery-code", post(step_up))
}

/// Generates ten new recovery codes; earlier ones stop working.
#[utoipa::path(post, path = "/api/me/recovery-codes", responses(
    (status = 201, body = RecoveryCodeSet), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn generate(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
    caller: Caller,
) -> AppResult<(StatusCode, Json<RecoveryCodeSet>)> {
    let who = caller.on_behalf_of(&session);
    let (codes, added) = recovery_codes::generate_set(&state, &who).await?;
    let security_info = info_of(&state, &added.token_digest).await?;
    Ok((
        StatusCode::CREATED,
        Json(RecoveryCodeSet {
            codes,
            security_info,
        }),
    ))
}

/// Verifies this session (a step-up, or the second step of a sign-in) with
/// a recovery code, which is used up.
#[utoipa::path(post, path = "/api/me/step-up/recovery-code", request_body = RecoveryCodeRequest, responses(
    (status = 200, body = SecurityInfo), (status = 400, body = models::ApiError), (status = 404, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn step_up(
    State(state): State<AppState>,
    Verifying(session): Verifying,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<RecoveryCodeRequest>,
) -> AppResult<(CookieJar, Json<SecurityInfo>)> {
    let who = caller.on_behalf_of(&session);
    recovery_codes::verify(&state, &who, &request.code).await?;
    let (jar, digest) =
        crate::session::verified(&state, &who, MethodKind::RecoveryCodes.as_str(), None, jar)
            .await?;
    Ok((jar, Json(info_of(&state, &digest).await?)))
}
