-- What an administrator or the help desk does for a person (S40).

-- A disabled person cannot sign in, and has no session; NULL while active.
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
-- When the person last signed in (any way), for the People pages.
ALTER TABLE users ADD COLUMN last_sign_in_at BIGINT;

-- Whom an administrator's or help desk's action was for: the actor is
-- `user_id`, the person acted for `subject_id`, so a person's activity
-- shows what was done to them too. The rows outlive the person.
ALTER TABLE audit ADD COLUMN subject_id TEXT;
CREATE INDEX audit_by_subject ON audit (subject_id);
