-- Authenticator apps (RFC 6238). The secret is kept only encrypted
-- (AES-256-GCM under a key derived from secret_key, S10).

-- The last time step a TOTP code was accepted for, so a code works once (S9).
ALTER TABLE methods ADD COLUMN totp_last_step BIGINT NOT NULL DEFAULT -1;

-- An authenticator app being set up: shown once, registered when its first
-- code is right.
CREATE TABLE pending_authenticators (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    secret_enc TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
