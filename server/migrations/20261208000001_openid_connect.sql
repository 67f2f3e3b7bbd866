-- secinfo as an OpenID Connect provider: the applications that sign their
-- people in through it, the codes and tokens it gives them, and the keys
-- that sign its ID tokens.

-- An application (an OpenID Connect client) of one organization. Its id is
-- the client_id; a confidential one keeps the SHA-256 of its secret, a
-- public one (PKCE only) none.
CREATE TABLE oidc_clients (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    secret_digest TEXT,
    -- One address per line, each matched exactly (S37).
    redirect_uris TEXT NOT NULL,
    logout_uris TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);
CREATE INDEX oidc_clients_by_organization ON oidc_clients (organization_id);

-- Authorization codes by the SHA-256 of the code: single use, a minute
-- long, bound to their client, redirect address and PKCE challenge (S37).
CREATE TABLE oidc_codes (
    digest TEXT PRIMARY KEY,
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    redirect_uri TEXT NOT NULL,
    code_challenge TEXT,
    nonce TEXT,
    scope TEXT NOT NULL,
    auth_time BIGINT NOT NULL,
    amr TEXT NOT NULL,
    expires_at BIGINT NOT NULL,
    spent_at BIGINT,
    -- Shown again after it was spent: the tokens it gave are void.
    replayed_at BIGINT
);

-- What a redeemed code gave an application: its access tokens and its
-- refresh tokens (one family, S42) live as long as this row. Deleted when
-- a spent refresh token is shown again, and when the person signs out
-- everywhere, is disabled or has their password reset or removed.
CREATE TABLE oidc_grants (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL
);
CREATE INDEX oidc_grants_by_user ON oidc_grants (user_id);

-- Access tokens by digest, with the code they were issued for: a code
-- used twice voids them (S37), as it voids any issued for it later.
CREATE TABLE oidc_tokens (
    digest TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_digest TEXT NOT NULL,
    scope TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_tokens_by_grant ON oidc_tokens (grant_id);

-- Refresh tokens by digest (`offline_access`): each is spent by one
-- conditional statement and replaced by the next of its grant (S42).
CREATE TABLE oidc_refresh_tokens (
    digest TEXT PRIMARY KEY,
    grant_id TEXT NOT NULL REFERENCES oidc_grants (id) ON DELETE CASCADE,
    client_id TEXT NOT NULL REFERENCES oidc_clients (id) ON DELETE CASCADE,
    code_digest TEXT NOT NULL,
    scope TEXT NOT NULL,
    auth_time BIGINT NOT NULL,
    amr TEXT NOT NULL,
    nonce TEXT,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX oidc_refresh_tokens_by_grant ON oidc_refresh_tokens (grant_id);
CREATE INDEX oidc_tokens_by_code ON oidc_tokens (code_digest);
CREATE INDEX oidc_tokens_by_user ON oidc_tokens (user_id);

-- The ID tokens' signing keys: the private key sealed with the server's
-- secret key, the public one as the JWKS publishes it.
CREATE TABLE oidc_keys (
    kid TEXT PRIMARY KEY,
    algorithm TEXT NOT NULL,
    private_sealed TEXT NOT NULL,
    public_jwk TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- How the person proved themselves on this session, as RFC 8176 names it
-- ("pwd sms", "hwk"): what an application's ID token says.
ALTER TABLE sessions ADD COLUMN amr TEXT NOT NULL DEFAULT '';
