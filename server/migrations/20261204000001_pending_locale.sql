-- The language chosen on the sign-in page, kept on a sign-in that waits for
-- its second step and given to the person only once it is finished: a
-- password alone changes nothing about them (S27).
ALTER TABLE sessions ADD COLUMN pending_locale TEXT;
