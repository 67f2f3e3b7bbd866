-- Back-channel logout (OpenID Connect Back-Channel Logout 1.0): an
-- application that registers an address is told when a session it signed
-- in through ends.

-- A session's id for applications (`sid`): the token digest changes at
-- every verification (S18), this does not. Sessions of before have none.
ALTER TABLE sessions ADD COLUMN sid TEXT;

ALTER TABLE oidc_clients ADD COLUMN backchannel_logout_uri TEXT;

-- The session a code was given in, for its ID token's `sid`.
ALTER TABLE oidc_codes ADD COLUMN sid TEXT;

-- Which applications each session signed in to.
CREATE TABLE oidc_session_clients (
    sid TEXT NOT NULL,
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (sid, client_id)
);
CREATE INDEX oidc_session_clients_by_user ON oidc_session_clients (user_id);

-- Logout tokens owed to applications, written in the transaction that ends
-- the sessions and sent after it (`backchannel_logout.rs`), again later if
-- the application did not answer. `sid` is empty when every session of the
-- person ended (sign out everywhere, disabled, a new password): the token
-- then names the person alone.
CREATE TABLE oidc_logout_outbox (
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL,
    sid TEXT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- When it is due: at once (0), then later after each failed attempt.
    next_at BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (client_id, user_id, sid)
);
CREATE INDEX oidc_logout_outbox_by_next ON oidc_logout_outbox (next_at);
