-- Invitations (S41): an email with a single-use link, valid seven days,
-- where a person an administrator added chooses their password. Only the
-- link's digest is kept; a new invitation replaces the person's older one.
CREATE TABLE invitations (
    token_digest TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX invitations_by_user ON invitations (user_id);
