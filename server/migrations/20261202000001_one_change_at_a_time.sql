-- A security key's credential id, unique across every account: a
-- credential registered to one person cannot be registered to another
-- (WebAuthn §7.1 step 22), even when both finish at the same moment.
ALTER TABLE methods ADD COLUMN credential_id TEXT;
CREATE UNIQUE INDEX methods_by_credential ON methods (credential_id);
