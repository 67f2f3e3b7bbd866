//! What an administrator or the help desk does for one person, from their
//! page: their name and language, signing them out everywhere, requiring
//! them to register their methods again, removing their password or
//! giving them a temporary one, disabling and enabling them, and (an administrator only) deleting them.
//! Each is recently verified (S11), reaches only the caller's organization,
//! is the help desk's for members only, and is recorded in the audit with
//! who did it, for the person (S40). None may leave the organization
//! without an administrator who can sign in (`store::person_actions`), and
//! none but the name and language is done to oneself here.

use models::{ErrorCode, Field, PersonId, PersonProfile, PersonStatus, TemporaryPassword};

use crate::audit::{Action, Requester};
use crate::error::{AppError, AppResult, Refusal};
use crate::people::{acted_for, display_name};
use crate::state::AppState;
use crate::store::Guarded;

/// Changes the person's name (and so what finds them) and language.
pub async fn update_profile(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    profile: &PersonProfile,
) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    let name = display_name(&profile.display_name)?;
    let organization = &who.session.user.organization_id;
    if !state
        .store
        .set_profile(
            organization,
            (&person.id, &person.account_name),
            name,
            profile.locale,
        )
        .await?
    {
        return Err(AppError::not_found());
    }
    who.record_for(state, Action::ProfileChanged, id, "").await
}

/// Signs the person out of every browser (S20, done for them).
pub async fn end_sessions(state: &AppState, who: &Requester<'_>, id: &PersonId) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let ended = state.store.delete_sessions_of_user(&person.id).await?;
    who.record_for(state, Action::SessionsEnded, id, &ended.to_string())
        .await
}

/// Removes the methods that verify a sign-in (phones, apps, keys and
/// passkeys, recovery codes) and ends the person's sessions, in one
/// change: at their next sign-in they are asked to register again. Their
/// email and security questions stay (as Entra's "Require re-register
/// MFA" keeps them), and so does a pass, which signs them in to do it.
pub async fn require_registration(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let mut change = state
        .store
        .begin_change(&person.id)
        .await?
        .ok_or_else(AppError::not_found)?;
    let removed: Vec<_> = change
        .methods()
        .await?
        .into_iter()
        .filter(|m| m.kind.mfa_capable())
        .collect();
    for method in &removed {
        change.delete_method(&method.id).await?;
    }
    let default_removed = removed
        .iter()
        .any(|m| change.user.default_method_id.as_deref() == Some(m.id.as_str()));
    if default_removed {
        change.set_default(None, None).await?;
    }
    change.end_sessions().await?;
    change.commit().await?;
    who.record_for(
        state,
        Action::RegistrationRequired,
        id,
        &removed.len().to_string(),
    )
    .await
}

/// Removes the person's password and signs them out: they choose a new
/// one by resetting it with their methods (or sign in with a passkey or a
/// pass, and set one from Change password).
pub async fn remove_password(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let organization = &who.session.user.organization_id;
    if !state
        .store
        .remove_password(organization, &person.id)
        .await?
    {
        return Err(AppError::not_found());
    }
    who.record_for(state, Action::PasswordRemoved, id, "").await
}

/// Gives the person a password shown this once to the one who gave it,
/// which the person must replace when they next sign in (Entra's "Reset
/// password"); their sessions end. As long as the policy asks for, and
/// never shorter than 16 characters of the pass alphabet (about 94 bits).
pub async fn set_temporary_password(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
) -> AppResult<TemporaryPassword> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let length = person.policy.password_min_length.max(16);
    let password = crate::secret::pass_text(length)?;
    let hash = crate::passwords::hash(password.clone()).await?;
    let organization = &who.session.user.organization_id;
    if !state
        .store
        .set_temporary_password(organization, &person.id, &hash)
        .await?
    {
        return Err(AppError::not_found());
    }
    who.record_for(state, Action::TemporaryPasswordSet, id, "")
        .await?;
    Ok(TemporaryPassword { password })
}

/// Sends a person without a password (never signed in, or whose password
/// was removed) a new invitation to choose one; an earlier link stops
/// working. One who has a password would be given a second way to set it:
/// their password is removed first.
pub async fn invite(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    email: &str,
) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    if !person.password_hash.is_empty() {
        return Err(AppError::refused(
            Refusal::Conflict,
            models::ApiError::new(ErrorCode::HasPassword),
        ));
    }
    let to = crate::invitation::address(email)?;
    crate::invitation::send(state, &person, &to, &who.session.user, who.locale).await?;
    who.record_for(state, Action::InvitationSent, id, &to).await
}

/// Disables the person (sign-in refused, sessions ended) or enables them
/// again; never oneself, never the last administrator (S40).
pub async fn set_status(
    state: &AppState,
    who: &Requester<'_>,
    id: &PersonId,
    status: PersonStatus,
) -> AppResult<()> {
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let disabled = status == PersonStatus::Disabled;
    let organization = &who.session.user.organization_id;
    guarded(
        state
            .store
            .set_disabled(organization, &person.id, disabled, state.now())
            .await?,
    )?;
    let action = match disabled {
        true => Action::Disabled,
        false => Action::Enabled,
    };
    who.record_for(state, action, id, "").await
}

/// Deletes the person, their methods and sessions; the audit keeps every
/// line about them (S35). An administrator's, never of oneself, never of
/// the last administrator (S40).
pub async fn delete(state: &AppState, who: &Requester<'_>, id: &PersonId) -> AppResult<()> {
    // An administrator's, as adding is (`acted_for` asks for the step-up).
    if who.session.user.role() != models::Role::Administrator {
        return Err(AppError::forbidden(ErrorCode::Forbidden));
    }
    let person = acted_for(state, who.session, id).await?;
    not_oneself(who, &person.id)?;
    let organization = &who.session.user.organization_id;
    guarded(state.store.delete_person(organization, &person.id).await?)?;
    let detail = person.account_name.to_string();
    who.record_for(state, Action::PersonDeleted, id, &detail)
        .await
}

/// What takes an account's sessions, methods, password or the account
/// itself is never done to oneself here: it would end the session doing
/// it, and may lock the organization out. One's own account is Security
/// info's and Change password's, or another administrator's.
fn not_oneself(who: &Requester<'_>, id: &PersonId) -> AppResult<()> {
    if &who.session.user.id == id {
        return Err(AppError::refused(
            Refusal::Conflict,
            models::ApiError::new(ErrorCode::OwnAccount),
        ));
    }
    Ok(())
}

/// A guarded change's refusal, if it was refused.
fn guarded(outcome: Guarded) -> AppResult<()> {
    match outcome {
        Guarded::Done => Ok(()),
        Guarded::NotFound => Err(AppError::not_found()),
        Guarded::LastAdministrator => Err(AppError::refused(
            Refusal::Conflict,
            models::ApiError::at(ErrorCode::LastAdministrator, Field::Role),
        )),
    }
}
