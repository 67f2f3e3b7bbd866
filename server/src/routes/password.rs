//! Changing one's password while signed in: the current one, then the new
//! one (S30's rules), behind the recent verification; every other session
//! is signed out and the change is announced.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::{get, post};
use axum::{Json, Router};
use axum_extra::extract::CookieJar;
use models::{
    ChangePasswordRequest, ErrorCode, Field, PasswordCandidate, PasswordRules, PasswordStrength,
};

use crate::audit::Action;
use crate::error::{AppError, AppResult};
use crate::extract::{ApiJson, Caller};
use crate::session::{Authenticated, Verified};
use crate::state::AppState;
use crate::throttle::{self, Limit};
use crate::{directory, password_rules, passwords};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/me/password", get(rules).put(change))
        .route("/me/password/strength", post(strength))
}

/// What a new password must be.
#[utoipa::path(get, path = "/api/me/password", responses((status = 200, body = PasswordRules)))]
pub async fn rules(Authenticated(session): Authenticated) -> Json<PasswordRules> {
    Json(PasswordRules {
        min_length: session.user.policy.password_min_length,
    })
}

/// How hard a candidate password is to guess, for the meter under the
/// field; the same rating `change` requires.
#[utoipa::path(post, path = "/api/me/password/strength", request_body = PasswordCandidate, responses(
    (status = 200, body = PasswordStrength)))]
pub async fn strength(
    Authenticated(session): Authenticated,
    ApiJson(candidate): ApiJson<PasswordCandidate>,
) -> Json<PasswordStrength> {
    Json(password_rules::strength(&session.user, &candidate.password))
}

/// Changes the password: the current one must be right (counted with the
/// sign-in's wrong passwords), the new one must follow the rules.
#[utoipa::path(put, path = "/api/me/password", request_body = ChangePasswordRequest, responses(
    (status = 204), (status = 400, body = models::ApiError), (status = 401, body = models::ApiError),
    (status = 403, body = models::ApiError), (status = 429, body = models::ApiError)))]
pub async fn change(
    State(state): State<AppState>,
    Verified { session, .. }: Verified,
    caller: Caller,
    jar: CookieJar,
    ApiJson(request): ApiJson<ChangePasswordRequest>,
) -> AppResult<(StatusCode, CookieJar)> {
    let user = &session.user;
    if request.current_password.is_empty() {
        return Err(AppError::invalid(
            ErrorCode::PasswordRequired,
            Field::CurrentPassword,
        ));
    }
    // The rules first: a refused new password costs no guess.
    password_rules::check(user, &request.new_password)?;
    if request.new_password == request.current_password {
        return Err(AppError::invalid(
            ErrorCode::PasswordUnchanged,
            Field::NewPassword,
        ));
    }
    let failures = Limit::password_failures(&state.config, &user.account_name);
    throttle::take(&state, std::slice::from_ref(&failures)).await?;
    let right = passwords::verify(
        request.current_password.clone(),
        Some(user.password_hash.clone()),
    )
    .await?;
    if !right {
        return Err(AppError::invalid(
            ErrorCode::InvalidCredentials,
            Field::CurrentPassword,
        ));
    }
    throttle::give_back(&state, &failures).await?;
    directory::set_password(
        &state,
        user,
        request.new_password,
        Some(&session.token_digest),
    )
    .await?;
    let who = caller.on_behalf_of(&session);
    who.record(&state, Action::PasswordChanged, None, "", None)
        .await?;
    // The other sessions are gone; this one carries on under a new id, as
    // recently verified as it was: a password is no second factor (S11).
    let jar = crate::session::renew_token(&state, &session, jar).await?;
    Ok((StatusCode::NO_CONTENT, jar))
}
