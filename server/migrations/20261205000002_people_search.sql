-- Finding people (the People page): what a search matches, folded the way
-- the server folds what is typed — lower case, accents dropped — as
-- `<display name> <account name>`, kept by the server beside the name.
-- Rows that exist already take a plain lower case until they change.
ALTER TABLE users ADD COLUMN search_key TEXT NOT NULL DEFAULT '';
UPDATE users SET search_key = LOWER(display_name || ' ' || account_name);
CREATE INDEX users_by_organization ON users (organization_id, search_key);
