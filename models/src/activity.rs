//! What the audit record says happened (S12), by name: the server writes
//! these names, and the client says each in the reader's language (a
//! person's page lists their recent activity).

use serde::{Deserialize, Serialize};

/// Declares `Activity` from one list, each variant with its stored name,
/// so that the enum, `ALL` and `as_str` cannot disagree.
macro_rules! activities {
    ($($(#[doc = $doc:literal])* $variant:ident => $name:literal,)*) => {
        /// One kind of line of the audit record.
        ///
        /// Architecture Invariant: every variant has an `activity-<name>`
        /// message in every locale (checked by the i18n crate's tests).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        pub enum Activity {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Activity {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Activity] = &[$(Activity::$variant,)*];

            /// The name the audit record stores.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Activity::$variant => $name,)*
                }
            }
        }
    };
}

activities! {
    MethodAdded => "method-added",
    MethodChanged => "method-changed",
    MethodDeleted => "method-deleted",
    DefaultChanged => "default-changed",
    SignedOutEverywhere => "signed-out-everywhere",
    TotpReuseRefused => "totp-reuse-refused",
    SecurityKeyRefused => "security-key-refused",
    PolicyChanged => "policy-changed",
    /// A sign-in finished its second step; the detail says how.
    SignedIn => "signed-in",
    /// A recovery code verified a sign-in or a step-up (S31).
    RecoveryCodeUsed => "recovery-code-used",
    /// The person changed their password (S30).
    PasswordChanged => "password-changed",
    /// The person reset their forgotten password; the detail says with
    /// which kinds of method (S29, S30).
    PasswordReset => "password-reset",
    /// A sign-in of a known account failed; the detail says how it was tried.
    SignInFailed => "sign-in-failed",
    /// A Temporary Access Pass was issued to the person (S33).
    PassIssued => "pass-issued",
    /// The person's Temporary Access Pass was taken away (S33).
    PassRevoked => "pass-revoked",
    /// The person became the first administrator of a new organization.
    OrganizationCreated => "organization-created",
    /// An administrator added the person.
    PersonAdded => "person-added",
    /// An administrator gave the person a role; the detail says which.
    RoleChanged => "role-changed",
    /// An administrator changed the person's name or language.
    ProfileChanged => "profile-changed",
    /// The help desk ended every session of the person.
    SessionsEnded => "sessions-ended",
    /// The help desk removed the person's methods for two-step
    /// verification, to be registered again.
    RegistrationRequired => "registration-required",
    /// The help desk removed the person's password: they reset it
    /// themselves, or sign in without one.
    PasswordRemoved => "password-removed",
    /// A temporary password given by an administrator or the help desk.
    TemporaryPasswordSet => "temporary-password-set",
    /// The person may not sign in until enabled again.
    Disabled => "disabled",
    Enabled => "enabled",
    /// The person was deleted; their audit record stays.
    PersonDeleted => "person-deleted",
    /// An invitation went to the person's address; the detail says which.
    InvitationSent => "invitation-sent",
    /// The person chose their first password from an invitation (S41).
    InvitationAccepted => "invitation-accepted",
    /// An administrator registered an application (OpenID Connect); the
    /// detail names it.
    ApplicationRegistered => "application-registered",
    /// The person signed in to an application through secinfo; the detail
    /// names it.
    SignedInToApplication => "signed-in-to-application",
    /// An administrator gave an application a new secret; the detail
    /// names it.
    ApplicationSecretReplaced => "application-secret-replaced",
    /// An administrator disabled an application: its people cannot sign in
    /// through it and what it was given ends; the detail names it.
    ApplicationDisabled => "application-disabled",
    ApplicationEnabled => "application-enabled",
}

impl Activity {
    pub fn parse(name: &str) -> Option<Activity> {
        Activity::ALL.iter().copied().find(|a| a.as_str() == name)
    }

    /// The Fluent message that names it.
    pub fn message_id(self) -> String {
        format!("activity-{}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_activity_reads_back_from_its_stored_name() {
        for activity in Activity::ALL {
            assert_eq!(Activity::parse(activity.as_str()), Some(*activity));
            let json = serde_json::to_string(activity).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", activity.as_str()));
        }
    }
}
