//! The organization's policy, for its admins. A change applies to the next
//! request of every user: the policy is read with each session.

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use models::ErrorCode;

use crate::audit::Action;
use crate::error::{AppError, AppResult};
use crate::extract::ApiJson;
use crate::extract::Caller;
use crate::policy::Policy;
use crate::security_info::guarded;
use crate::session::Authenticated;
use crate::state::AppState;
use crate::store::SessionRecord;

pub fn router() -> Router<AppState> {
    Router::new().route("/admin/policy", get(get_policy).put(put_policy))
}

fn admin_only(session: &SessionRecord) -> AppResult<()> {
    if session.user.is_admin {
        Ok(())
    } else {
        Err(AppError::forbidden(ErrorCode::Forbidden))
    }
}

/// The policy of the admin's organization, every field filled in.
#[utoipa::path(get, path = "/api/admin/policy", responses((status = 200, body = Policy), (status = 403, body = models::ApiError)))]
pub async fn get_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
) -> AppResult<Json<Policy>> {
    admin_only(&session)?;
    // The same recent verification as for one's own security info (S11).
    guarded(&state, &session).await?;
    Ok(Json(session.user.policy))
}

/// Replaces the policy; fields left out take their defaults.
#[utoipa::path(put, path = "/api/admin/policy", request_body = Policy, responses(
    (status = 200, body = Policy), (status = 400, body = models::ApiError), (status = 403, body = models::ApiError)))]
pub async fn put_policy(
    State(state): State<AppState>,
    Authenticated(session): Authenticated,
    caller: Caller,
    ApiJson(policy): ApiJson<Policy>,
) -> AppResult<Json<Policy>> {
    admin_only(&session)?;
    guarded(&state, &session).await?;
    policy.check().map_err(|problem| AppError::Refused {
        refusal: crate::error::Refusal::Invalid,
        error: problem.api_error(),
    })?;
    state
        .store
        .set_policy(&session.user.organization_id, &policy)
        .await?;
    caller
        .on_behalf_of(&session)
        .record(
            &state,
            Action::PolicyChanged,
            None,
            &session.user.organization_id,
            None,
        )
        .await?;
    Ok(Json(policy))
}
