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
            action: action.as_str(),
            method_id,
            detail,
            client_address: self.address,
            user_agent: self.user_agent,
        };
        let now = state.now();
        state.store.audit(entry, now).await?;
        if let Some(what) = action.announcement() {
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

/// What the audit record says happened (S12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    MethodAdded,
    MethodChanged,
    MethodDeleted,
    DefaultChanged,
    SignedOutEverywhere,
    TotpReuseRefused,
    SecurityKeyRefused,
    PolicyChanged,
    /// A sign-in finished its second step; the detail says how.
    SignedIn,
    /// A recovery code verified a sign-in or a step-up (S31).
    RecoveryCodeUsed,
    /// The person changed their password (S30).
    PasswordChanged,
    /// The person reset their forgotten password; the detail says with
    /// which kinds of method (S29, S30).
    PasswordReset,
    /// A sign-in of a known account failed; the detail says how it was tried.
    SignInFailed,
    /// A Temporary Access Pass was issued to the person (S33); the detail
    /// says by whom and for how long.
    PassIssued,
    /// The person's Temporary Access Pass was taken away (S33).
    PassRevoked,
    /// The person became the first administrator of a new organization.
    OrganizationCreated,
    /// An administrator added a person; the detail says whom.
    PersonAdded,
    /// An administrator gave a person a role; the detail says whom, which.
    RoleChanged,
}

impl Action {
    pub fn as_str(self) -> &'static str {
        match self {
            Action::MethodAdded => "method-added",
            Action::MethodChanged => "method-changed",
            Action::MethodDeleted => "method-deleted",
            Action::DefaultChanged => "default-changed",
            Action::SignedOutEverywhere => "signed-out-everywhere",
            Action::TotpReuseRefused => "totp-reuse-refused",
            Action::SecurityKeyRefused => "security-key-refused",
            Action::PolicyChanged => "policy-changed",
            Action::SignedIn => "signed-in",
            Action::RecoveryCodeUsed => "recovery-code-used",
            Action::PasswordChanged => "password-changed",
            Action::PasswordReset => "password-reset",
            Action::SignInFailed => "sign-in-failed",
            Action::PassIssued => "pass-issued",
            Action::PassRevoked => "pass-revoked",
            Action::OrganizationCreated => "organization-created",
            Action::PersonAdded => "person-added",
            Action::RoleChanged => "role-changed",
        }
    }
}

impl Action {
    /// The message that tells the person of this change (S12), for the
    /// changes they are told of.
    fn announcement(self) -> Option<&'static str> {
        Some(match self {
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
            | Action::RoleChanged => {
                return None;
            }
        })
    }
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
