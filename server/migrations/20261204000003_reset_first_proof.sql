-- A reset's first proof (N2, S28): the code or call sent to the number or
-- address the person typed in full. Kept on the reset itself, whether or
-- not it reached one of the account's methods, so that what follows (the
-- tries, the expiry, the call's progress) is the same either way; the
-- code itself lives in `challenges` only when something was sent.
ALTER TABLE password_resets ADD COLUMN contact_id TEXT;
ALTER TABLE password_resets ADD COLUMN contact_channel TEXT;
ALTER TABLE password_resets ADD COLUMN contact_to TEXT;
ALTER TABLE password_resets ADD COLUMN contact_sent_at BIGINT;
ALTER TABLE password_resets ADD COLUMN contact_expires_at BIGINT;
ALTER TABLE password_resets ADD COLUMN contact_tries BIGINT NOT NULL DEFAULT 0;
