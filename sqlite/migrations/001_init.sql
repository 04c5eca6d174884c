-- Every version of every document, with the raw bytes as they arrived.
CREATE TABLE revisions (
    seq        INTEGER PRIMARY KEY,
    article_id TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    hash       TEXT    NOT NULL,
    input      TEXT    NOT NULL,
    format     TEXT    NOT NULL,
    fetched    TEXT    NOT NULL,
    meta       TEXT    NOT NULL, -- JSON: the metadata the input carried
    raw        BLOB    NOT NULL,
    -- the clean article
    title      TEXT    NOT NULL,
    author     TEXT    NOT NULL,
    published  TEXT    NOT NULL,
    modified   TEXT    NOT NULL,
    source     TEXT    NOT NULL,
    site       TEXT    NOT NULL,
    url        TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    credits    TEXT    NOT NULL, -- JSON array
    text       TEXT    NOT NULL,
    offsets    TEXT    NOT NULL, -- JSON: clean-to-source segments
    removed    TEXT    NOT NULL, -- JSON: what cleaning removed and why
    repairs    TEXT    NOT NULL, -- JSON: what cleaning rewrote
    UNIQUE (article_id, revision)
);

-- The latest revision of each article.
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL REFERENCES revisions (seq),
    hash       TEXT    NOT NULL
) WITHOUT ROWID;

-- Inputs that could not be read or extracted, newest last.
CREATE TABLE failures (
    seq   INTEGER PRIMARY KEY,
    input TEXT NOT NULL,
    error TEXT NOT NULL,
    at    TEXT NOT NULL
);
