//! Administering an organization: its policy, for its administrators. A
//! change applies to the next request of every person: the policy is read
//! with each session.

use models::ErrorCode;

use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult};
use crate::policy::Policy;
use crate::security_info::guarded;
use crate::state::AppState;
use crate::store::SessionRecord;

/// Administrators only, with the same recent verification as for one's
/// own security info (S11).
pub async fn admin_only(state: &AppState, session: &SessionRecord) -> AppResult<()> {
    if !session.user.is_admin {
        return Err(AppError::forbidden(ErrorCode::Forbidden));
    }
    guarded(state, session).await?;
    Ok(())
}

/// The policy of the administrator's organization, every field filled in.
pub async fn policy(state: &AppState, session: &SessionRecord) -> AppResult<Policy> {
    admin_only(state, session).await?;
    Ok(session.user.policy.clone())
}

/// Replaces the policy once it holds together; recorded.
pub async fn set_policy(
    state: &AppState,
    who: &Requester<'_>,
    policy: Policy,
) -> AppResult<Policy> {
    let session = who.session;
    admin_only(state, session).await?;
    policy.check().map_err(|problem| {
        AppError::refused(crate::error::Refusal::Invalid, problem.api_error())
    })?;
    let organization = &session.user.organization_id;
    state.store.set_policy(organization, &policy).await?;
    who.record(
        state,
        Action::PolicyChanged,
        None,
        organization.as_str(),
        None,
    )
    .await?;
    Ok(policy)
}
