-- What an application may ask for and what it requires: the scopes it may
-- be given (space-separated), and the least sign-in it accepts (an `acr`
-- of ours; none: whatever the request asks for).
ALTER TABLE oidc_clients ADD COLUMN scopes TEXT NOT NULL DEFAULT 'openid profile email offline_access';
ALTER TABLE oidc_clients ADD COLUMN required_acr TEXT;
