-- A Temporary Access Pass (S33): one per person at most (a new one replaces
-- the old), kept only as a keyed digest. `used_at`: when a one-time pass
-- was spent; a multi-use pass signs in until it expires.
CREATE TABLE temporary_access_passes (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    id TEXT NOT NULL UNIQUE,
    digest TEXT NOT NULL,
    one_time INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    -- Who issued it: an administrator's id, or NULL for the command line.
    issued_by TEXT
);

-- A session a pass started ends with it: when the pass expires
-- (`pass_expires_at`), and when it is revoked or replaced (its sessions,
-- found by `pass_id`, are deleted with it).
ALTER TABLE sessions ADD COLUMN pass_id TEXT;
ALTER TABLE sessions ADD COLUMN pass_expires_at BIGINT;
CREATE INDEX sessions_by_pass ON sessions (pass_id);

-- A person without a password (created with a pass) has an empty
-- `password_hash`: no password signs them in until they set one.
