-- How an application's ID tokens and logout tokens are signed: ES256, or
-- RS256 for one that cannot check ES256 (a JOSE `alg`).
ALTER TABLE oidc_clients ADD COLUMN id_token_alg TEXT NOT NULL DEFAULT 'ES256';
