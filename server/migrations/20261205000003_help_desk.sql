-- The help desk (S40): people actions only, on people who are neither
-- administrators nor help desk. An administrator is `is_admin`; nobody is
-- both.
ALTER TABLE users ADD COLUMN is_help_desk INTEGER NOT NULL DEFAULT 0;
