-- "Sign in with a passkey" under way (S32): webauthn-rs's state for a
-- discoverable credential, before anyone is known; single use, 5 minutes.
CREATE TABLE passkey_sign_ins (
    id TEXT PRIMARY KEY,
    state TEXT NOT NULL,
    expires_at BIGINT NOT NULL
);
