//! Changing one's password while signed in: the current one, then the new
//! one (S30's rules), behind the recent verification; every other session
//! is signed out and the change is announced.

use axum::extract::State;
use axum::http::StatusCode;
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::endpoints::{Answer, Body, ChangePassword, Endpoint, GetPasswordRules, RatePassword};
use models::{ChangePasswordRequest, PasswordCandidate, PasswordRules, PasswordStrength};

use crate::error::AppResult;
use crate::http::cookies::with_session;
use crate::http::endpoint::ApiRouter;
use crate::http::extract::{ApiJson, Caller};
use crate::session::ChoosingPassword;
use crate::state::AppState;
use crate::{password_change, password_rules};

pub fn router() -> Router<AppState> {
    Router::new()
        .endpoint(GetPasswordRules, rules)
        .endpoint(ChangePassword, change)
        .endpoint(RatePassword, strength)
}

/// What a new password must be.
#[utoipa::path(get, path = GetPasswordRules::FULL_PATH, responses((status = 200, body = PasswordRules)))]
pub async fn rules(ChoosingPassword(session): ChoosingPassword) -> Json<Answer<GetPasswordRules>> {
    Json(PasswordRules {
        min_length: session.user.policy.password_min_length,
    })
}

/// How hard a candidate password is to guess, for the meter under the
/// field; the same rating `change` requires.
#[utoipa::path(post, path = RatePassword::FULL_PATH, request_body = PasswordCandidate, responses(
    (status = 200, body = PasswordStrength)))]
pub async fn strength(
    ChoosingPassword(session): ChoosingPassword,
    ApiJson(candidate): ApiJson<Body<RatePassword>>,
) -> Json<Answer<RatePassword>> {
    Json(password_rules::strength(&session.user, &candidate.password))
}

/// Changes the password: the current one must be right (counted with the
/// sign-in's wrong passwords), the new one must follow the rules.
#[utoipa::path(put, path = ChangePassword::FULL_PATH, request_body = ChangePasswordRequest, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn change(
    State(state): State<AppState>,
    ChoosingPassword(session): ChoosingPassword,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<Body<ChangePassword>>,
) -> AppResult<(StatusCode, CookieJar)> {
    let who = caller.on_behalf_of(&session);
    let token = password_change::change(&state, &who, request).await?;
    Ok((
        StatusCode::NO_CONTENT,
        with_session(&state, jar, Some(token)),
    ))
}
