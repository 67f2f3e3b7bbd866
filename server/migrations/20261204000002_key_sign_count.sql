-- A security key's sign count in a column of its own, so that a use is
-- checked against it and stored in one conditional statement: of parallel
-- answers with one count, one passes (S22, S32). A key registered before
-- starts at 0 and takes its count at its next use.
ALTER TABLE methods ADD COLUMN sign_count BIGINT NOT NULL DEFAULT 0;
