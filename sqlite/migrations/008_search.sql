-- Full-text search over the clean title and text of every revision (kept in step on demand:
-- see IndexSearch), and the order the story list is read in.
CREATE VIRTUAL TABLE article_search USING fts5(
    title, text,
    content = 'revisions', content_rowid = 'seq',
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    indexed INTEGER NOT NULL -- the last revision seq in article_search
);
INSERT INTO search_state (id, indexed) VALUES (1, 0);

CREATE INDEX stories_recent ON stories (last DESC, size DESC);
