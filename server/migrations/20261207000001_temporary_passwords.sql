-- A password an administrator or the help desk set for a person, shown to
-- them once: the person must choose their own before anything else.
ALTER TABLE users ADD COLUMN password_temporary INTEGER NOT NULL DEFAULT 0;
