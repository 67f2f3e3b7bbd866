-- Finding people at scale (the People page): each word of a person's
-- search key (its runs of letters and digits), written in upper-case
-- hexadecimal of its UTF-8. Hex digits sort alike in every collation,
-- so the words beginning with what is typed are one range of the index
-- on PostgreSQL whatever its locale, as on SQLite. The server files the
-- words of every person it adds or renames, and at start those of the
-- people it finds without any (the people from before this table).
CREATE TABLE person_words (
    organization_id TEXT NOT NULL,
    word TEXT NOT NULL,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (organization_id, word, user_id)
);
CREATE INDEX person_words_of_user ON person_words (user_id);
