-- A password reset under way (S28, S29): begun for any account name, known
-- or not, with the same one row, so that the account step costs the same
-- either way. No foreign key: the account may not exist. `verified` holds
-- the ids of the methods verified on it, separated by spaces.
CREATE TABLE password_resets (
    token_digest TEXT PRIMARY KEY,
    account_name TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    client_address TEXT NOT NULL,
    user_agent TEXT NOT NULL,
    verified TEXT NOT NULL DEFAULT ''
);
