-- A session whose sign-in waits for its second step (S27): it can only
-- verify, and is over at `pending_until`. NULL: a complete session.
ALTER TABLE sessions ADD COLUMN pending_until BIGINT;
