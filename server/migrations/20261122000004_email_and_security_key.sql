-- Email methods (codes ride the phone's challenges table with delivery
-- 'email') and security keys (WebAuthn).

-- What the dev mailbox received (development and tests; `Config::dev_mailbox`).
CREATE TABLE dev_mailbox (
    id TEXT PRIMARY KEY,
    to_address TEXT NOT NULL,
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX dev_mailbox_by_address ON dev_mailbox (to_address);

-- A WebAuthn ceremony under way (registering a key, or stepping up with
-- one): webauthn-rs's state as JSON, kept here so that any instance can
-- finish it, used once (S22).
CREATE TABLE webauthn_ceremonies (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'register' or 'step-up'.
    purpose TEXT NOT NULL,
    -- The name of the key being registered; empty for a step-up.
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX webauthn_ceremonies_by_user ON webauthn_ceremonies (user_id);
