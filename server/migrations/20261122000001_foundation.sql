-- Portable between SQLite and PostgreSQL through sqlx's Any driver:
-- ids are TEXT (random, URL-safe), times are BIGINT unix seconds,
-- flags are INTEGER 0/1, structured data is TEXT (JSON).

CREATE TABLE organizations (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    -- Sign-in names end in @<account_domain>; e-mail methods may not use it.
    account_domain TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL REFERENCES organizations (id),
    account_name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    -- Argon2id PHC string.
    password_hash TEXT NOT NULL,
    -- The language the person chose (en, nl-NL, sv-SE), NULL until they choose.
    locale TEXT,
    is_admin INTEGER NOT NULL DEFAULT 0,
    default_method_id TEXT,
    created_at BIGINT NOT NULL
);

CREATE TABLE sessions (
    -- SHA-256 of the cookie's token: the table alone cannot be replayed.
    token_digest TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    client_address TEXT NOT NULL,
    user_agent TEXT NOT NULL
);
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Failure counters for throttling, shared by every server instance.
CREATE TABLE throttle (
    bucket TEXT PRIMARY KEY,
    window_start BIGINT NOT NULL,
    failures BIGINT NOT NULL
);

-- Registered security info; each kind keeps its own details as JSON.
CREATE TABLE methods (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    detail TEXT NOT NULL,
    data TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL
);
CREATE INDEX methods_by_user ON methods (user_id);
