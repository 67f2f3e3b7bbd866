//! Changing one's password while signed in: the current one, then the new
//! one (S30's rules), behind the recent verification; every other session
//! is signed out and the change is announced. A person who has no password
//! yet (created with a Temporary Access Pass) sets one the same way,
//! without a current one.

use models::{ChangePasswordRequest, ErrorCode, Field};

use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult};
use crate::session::{self, SessionToken};
use crate::state::AppState;
use crate::store::UserRecord;
use crate::throttle::{self, Limit};
use crate::{directory, password_rules, passwords};

/// Changes the password. The current one must be right, counted with the
/// sign-in's wrong passwords (S6); the new one must follow the rules. The
/// other sessions are gone; this one carries on under a new token, as
/// recently verified as it was: a password is no second factor (S11).
pub async fn change(
    state: &AppState,
    who: &Requester<'_>,
    request: ChangePasswordRequest,
) -> AppResult<SessionToken> {
    let session = who.session;
    let user = &session.user;
    // As any change of what signs in: a recent verification (S11). Also
    // for a temporary password, which the sign-in just verified.
    crate::security_info::guarded(state, session).await?;
    // A person without a password (signed in with a Temporary Access
    // Pass, recently verified) sets their first one without a current one.
    let has_password = !user.password_hash.is_empty();
    if has_password && request.current_password.is_empty() {
        return Err(AppError::invalid(
            ErrorCode::PasswordRequired,
            Field::CurrentPassword,
        ));
    }
    // The rules first: a refused new password costs no guess.
    password_rules::check(user, &request.new_password)?;
    if has_password {
        check_current(state, user, &request).await?;
    }
    directory::set_password(
        state,
        user,
        request.new_password,
        Some(&session.token_digest),
    )
    .await?;
    who.record(state, Action::PasswordChanged, None, "", None)
        .await?;
    session::renew_token(state, session).await
}

/// The current password must be right, counted with the sign-in's wrong
/// passwords (S6), and the new one another.
async fn check_current(
    state: &AppState,
    user: &UserRecord,
    request: &ChangePasswordRequest,
) -> AppResult<()> {
    if request.new_password == request.current_password {
        return Err(AppError::invalid(
            ErrorCode::PasswordUnchanged,
            Field::NewPassword,
        ));
    }
    let failures = Limit::password_failures(&state.config, &user.account_name);
    throttle::take(state, std::slice::from_ref(&failures)).await?;
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
    throttle::give_back(state, &failures).await?;
    Ok(())
}
