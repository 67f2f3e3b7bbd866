-- Recovery codes (S31): only HMAC digests, each used at most once by one
-- conditional UPDATE. The method's row lists none of them.
CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL,
    method_id TEXT NOT NULL,
    digest TEXT NOT NULL,
    used_at BIGINT,
    PRIMARY KEY (user_id, digest)
);
CREATE INDEX recovery_codes_by_method ON recovery_codes (method_id);
