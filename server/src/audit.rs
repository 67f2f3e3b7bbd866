//! The record of every change of security info (S12): who made it, from
//! where, what it was — and its announcement to the person's email address.

use models::Locale;
use models::PersonId;

use crate::error::AppResult;
use crate::state::AppState;
use crate::store::{AuditEntry, SessionRecord};

/// Who asks, from where: for limits and the audit record.
pub struct Requester<'a> {
    pub session: &'a SessionRecord,
    pub address: &'a str,
    pub user_agent: &'a str,
    /// The language texts and calls speak.
    pub locale: Locale,
}

impl Requester<'_> {
    /// Records a change of security info made by this request, and
    /// announces it to the person's email address (S12); also to
    /// `previous_address`, an address the change removed or replaced.
    pub async fn record(
        &self,
        state: &AppState,
        action: Action,
        method_id: Option<&str>,
        detail: &str,
        previous_address: Option<&str>,
    ) -> AppResult<()> {
        let user_id = &self.session.user.id;
        let entry = AuditEntry {
            user_id,
            subject_id: None,
            action: action.as_str(),
            method_id,
            detail,
            client_address: self.address,
            user_agent: self.user_agent,
        };
        let now = state.now();
        state.store.audit(entry, now).await?;
        if let Some(what) = announcement(action) {
            crate::notify::security_info_changed(
                state,
                user_id,
                self.locale,
                what,
                method_id,
                previous_address,
                now,
            )
            .await;
        }
        Ok(())
    }
}

/// What the audit record says happened (S12): one list, in `models`,
/// which the client names too (a person's activity).
pub use models::Activity as Action;

impl Requester<'_> {
    /// Records what an administrator or the help desk did for `subject`
    /// (S40): the actor's line, which the person's activity shows too.
    pub async fn record_for(
        &self,
        state: &AppState,
        action: Action,
        subject: &PersonId,
        detail: &str,
    ) -> AppResult<()> {
        let entry = AuditEntry {
            user_id: &self.session.user.id,
            subject_id: Some(subject),
            action: action.as_str(),
            method_id: None,
            detail,
            client_address: self.address,
            user_agent: self.user_agent,
        };
        Ok(state.store.audit(entry, state.now()).await?)
    }
}

/// The message that tells the person of this change (S12), for the
/// changes they are told of.
fn announcement(action: Action) -> Option<&'static str> {
    Some(match action {
            Action::MethodAdded => "notify-method-added",
            Action::MethodChanged => "notify-method-changed",
            Action::MethodDeleted => "notify-method-deleted",
            Action::DefaultChanged => "notify-default-changed",
            Action::SignedOutEverywhere => "notify-signed-out-everywhere",
            Action::RecoveryCodeUsed => "notify-recovery-code-used",
            Action::PasswordChanged => "notify-password-changed",
            Action::TotpReuseRefused
            | Action::SecurityKeyRefused
            | Action::PolicyChanged
            | Action::SignedIn
            // Told on every channel by the reset itself (S30).
            | Action::PasswordReset
            | Action::SignInFailed
            | Action::PassIssued
            | Action::PassRevoked
            | Action::OrganizationCreated
            | Action::PersonAdded
            | Action::RoleChanged
            // Done by the help desk, who tells the person themselves; the
            // person's page shows it.
            | Action::ProfileChanged
            | Action::SessionsEnded
            | Action::RegistrationRequired
            | Action::PasswordRemoved
            | Action::TemporaryPasswordSet
            | Action::Disabled
            | Action::Enabled
            | Action::PersonDeleted
            | Action::InvitationSent
            | Action::InvitationAccepted
            | Action::ApplicationRegistered
            | Action::SignedInToApplication
            | Action::ApplicationSecretReplaced
            | Action::ApplicationDisabled
            | Action::ApplicationEnabled => {
                return None;
            }
        })
}

/// Records a failed sign-in of a known account (`how`: "password"); nobody
/// is signed in, so it is not a `Requester`'s, and nothing is announced.
pub async fn record_failed_sign_in(
    state: &AppState,
    user_id: &PersonId,
    how: &str,
    address: &str,
    user_agent: &str,
) -> AppResult<()> {
    record_unannounced(
        state,
        user_id,
        Action::SignInFailed,
        how,
        address,
        user_agent,
    )
    .await
}

/// Records what happened to a person outside any session of theirs (a
/// failed sign-in, the command line's bootstrap); nothing is announced.
pub async fn record_unannounced(
    state: &AppState,
    user_id: &PersonId,
    action: Action,
    detail: &str,
    address: &str,
    user_agent: &str,
) -> AppResult<()> {
    let entry = AuditEntry {
        user_id,
        subject_id: None,
        action: action.as_str(),
        method_id: None,
        detail,
        client_address: address,
        user_agent,
    };
    Ok(state.store.audit(entry, state.now()).await?)
}

/// Where a request comes from: the client address, its browser and
/// languages. Extracted once per handler (`http/extract.rs`) instead of three
/// arguments.
#[derive(Clone)]
pub struct Caller {
    pub address: String,
    pub user_agent: String,
    pub accept_language: Option<String>,
}

impl Caller {
    /// The signed-in person making this request. Texts and calls speak
    /// their chosen language, else their browser's.
    pub fn on_behalf_of<'a>(&'a self, session: &'a SessionRecord) -> Requester<'a> {
        let locale = session.user.locale.unwrap_or_else(|| {
            self.accept_language
                .as_deref()
                .map_or(Locale::En, i18n::negotiate_accept_language)
        });
        Requester {
            session,
            address: &self.address,
            user_agent: &self.user_agent,
            locale,
        }
    }
}
