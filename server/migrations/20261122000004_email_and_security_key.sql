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

-- A WebAuthn registration under way: webauthn-rs's ceremony state as JSON,
-- kept here so that any instance can finish it, used once (S22).
CREATE TABLE pending_security_keys (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    state TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX pending_security_keys_by_user ON pending_security_keys (user_id);
