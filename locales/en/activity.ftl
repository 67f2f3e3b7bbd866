## A person's recent activity (the audit record, S12), one line each

activity-method-added = Added a method
activity-method-changed = Changed a method
activity-method-deleted = Deleted a method
activity-default-changed = Changed the default sign-in method
activity-signed-out-everywhere = Signed out everywhere
activity-totp-reuse-refused = An authenticator app code was used twice and refused
activity-security-key-refused = A security key was refused
activity-policy-changed = Changed the organization's policy
activity-signed-in = Signed in
activity-recovery-code-used = Used a recovery code
activity-password-changed = Changed the password
activity-password-reset = Reset a forgotten password
activity-sign-in-failed = A sign-in failed
activity-pass-issued = Temporary Access Pass issued
activity-pass-revoked = Temporary Access Pass revoked
activity-organization-created = Organization created
activity-person-added = Added to the organization
activity-role-changed = Role changed
activity-profile-changed = Name or language changed
activity-sessions-ended = Signed out everywhere by the help desk
activity-registration-required = Methods removed, to be registered again
activity-password-removed = Password removed
activity-disabled = Account disabled
activity-enabled = Account enabled
activity-person-deleted = Account deleted
