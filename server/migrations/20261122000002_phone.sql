-- Phone methods, one-time codes and calls, the audit record, step-up,
-- and the organization's policy.

-- The organization's policy as JSON; missing fields take the defaults in policy.rs.
ALTER TABLE organizations ADD COLUMN policy TEXT NOT NULL DEFAULT '{}';

-- For a phone default: 'text' or 'call'.
ALTER TABLE users ADD COLUMN default_delivery TEXT;

-- When this session last verified with an MFA method (step-up, S11).
ALTER TABLE sessions ADD COLUMN verified_at BIGINT NOT NULL DEFAULT 0;

-- A verification under way: a texted code (only its keyed digest) or a call.
CREATE TABLE challenges (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    -- 'register' (a new or changed phone) or 'step-up'.
    purpose TEXT NOT NULL,
    -- 'text' or 'call'.
    delivery TEXT NOT NULL,
    -- E.164, without extension.
    destination TEXT NOT NULL,
    -- HMAC-SHA256 of the code under the server's key; NULL for calls.
    code_digest TEXT,
    -- What to register when verified (JSON).
    payload TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts BIGINT NOT NULL DEFAULT 0,
    -- Set once, atomically, by the successful verification (or a newer code).
    consumed_at BIGINT,
    -- For calls: ringing, answered, confirmed, no-answer, hung-up, wrong-key.
    call_status TEXT
);
CREATE INDEX challenges_by_user ON challenges (user_id);
CREATE INDEX challenges_by_destination ON challenges (destination);

-- Every change of security info: who, what, when, from where (S12).
CREATE TABLE audit (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    action TEXT NOT NULL,
    method_id TEXT,
    detail TEXT NOT NULL DEFAULT '',
    at BIGINT NOT NULL,
    client_address TEXT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX audit_by_user ON audit (user_id);

-- The simulated carrier's record of texts and calls (development and tests).
CREATE TABLE sim_carrier (
    id TEXT PRIMARY KEY,
    to_number TEXT NOT NULL,
    kind TEXT NOT NULL,
    body TEXT NOT NULL,
    challenge_id TEXT,
    extension TEXT,
    status TEXT NOT NULL,
    keys_pressed TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX sim_carrier_by_number ON sim_carrier (to_number);
