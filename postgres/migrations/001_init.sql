-- The schema of the SQLite store's migrations 001 to 011 and 014, in PostgreSQL's types: text and JSON
-- stay text, so that both stores give back the same bytes.

-- Every version of every document, with the raw bytes as they arrived, and the clean article.
CREATE TABLE revisions (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    article_id TEXT    NOT NULL,
    revision   INTEGER NOT NULL,
    hash       TEXT    NOT NULL,
    input      TEXT    NOT NULL,
    format     TEXT    NOT NULL,
    fetched    TEXT    NOT NULL,
    meta       TEXT    NOT NULL, -- JSON: the metadata the input carried
    raw        BYTEA   NOT NULL,
    source     TEXT    NOT NULL,
    source_from TEXT   NOT NULL, -- where the outlet was read from (Article.SourceFrom)
    url        TEXT    NOT NULL,
    lines      TEXT    NOT NULL, -- JSON: the line hashes the revision was counted with
    title      TEXT    NOT NULL,
    author     TEXT    NOT NULL,
    published  TEXT    NOT NULL,
    modified   TEXT    NOT NULL,
    site       TEXT    NOT NULL,
    language   TEXT    NOT NULL,
    credits    TEXT    NOT NULL,
    text       TEXT    NOT NULL,
    offsets    TEXT    NOT NULL,
    removed    TEXT    NOT NULL,
    repairs    TEXT    NOT NULL,
    quotes     TEXT    NOT NULL,
    numbers    TEXT    NOT NULL,
    sentences  TEXT    NOT NULL,
    tokens     BYTEA   NOT NULL, -- varint pairs (crosscheck.EncodeSpans)
    entities   TEXT    NOT NULL,
    dates      TEXT    NOT NULL,
    search     TSVECTOR NOT NULL, -- the folded words of title and text
    UNIQUE (article_id, revision)
);
CREATE INDEX revisions_source ON revisions (source, article_id);
CREATE INDEX revisions_search ON revisions USING GIN (search);

-- The latest revision of each article.
CREATE TABLE articles (
    article_id TEXT PRIMARY KEY,
    seq        BIGINT NOT NULL UNIQUE REFERENCES revisions (seq),
    hash       TEXT   NOT NULL
);

-- Inputs that could not be read or extracted, newest last.
CREATE TABLE failures (
    seq   BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input TEXT NOT NULL,
    error TEXT NOT NULL,
    at    TEXT NOT NULL
);

-- What a source prints on every page: how many of its articles carry each line, and the lines
-- cleaning removes for it.
CREATE TABLE sources (
    source   TEXT PRIMARY KEY,
    articles INTEGER NOT NULL
);
CREATE TABLE source_lines (
    source   TEXT    NOT NULL,
    hash     BIGINT  NOT NULL,
    articles INTEGER NOT NULL,
    sample   TEXT    NOT NULL,
    PRIMARY KEY (source, hash)
);
CREATE TABLE source_boilerplate (
    source TEXT   NOT NULL,
    hash   BIGINT NOT NULL,
    PRIMARY KEY (source, hash)
);

-- Stories, why each article is in its story, and near-duplicates.
CREATE TABLE stories (
    id    TEXT PRIMARY KEY,
    ord   INTEGER NOT NULL UNIQUE, -- creation order
    title TEXT    NOT NULL,
    first TEXT    NOT NULL,
    last  TEXT    NOT NULL,
    size  INTEGER NOT NULL
);
CREATE INDEX stories_recent ON stories (last DESC, size DESC);
CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL,
    score      DOUBLE PRECISION NOT NULL,
    rule       TEXT NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    of_article TEXT NOT NULL,
    similarity DOUBLE PRECISION NOT NULL
);

-- The grouping state between runs, with the version a writer saves over.
CREATE TABLE group_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    state   BYTEA  NOT NULL,
    version BIGINT NOT NULL
);

-- Each story's report and its numbers, with the key of the articles it was made from.
CREATE TABLE reports (
    story_id TEXT PRIMARY KEY,
    key      TEXT NOT NULL,
    report   TEXT NOT NULL,
    numbers  TEXT NOT NULL
);

-- Counts the changes to stories and to stored analysis (see Generation).
CREATE TABLE generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  BIGINT NOT NULL
);
INSERT INTO generation (id, n) VALUES (1, 0);

-- What fetching from the web remembers between runs.
CREATE TABLE fetch_state (
    url           TEXT PRIMARY KEY,
    article_id    TEXT    NOT NULL DEFAULT '',
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    status        INTEGER NOT NULL DEFAULT 0,
    fetched       TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE feeds (
    ord           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE, -- the order they were added in
    url           TEXT PRIMARY KEY,
    title         TEXT    NOT NULL DEFAULT '',
    added         TEXT    NOT NULL,
    allow_private BOOLEAN NOT NULL DEFAULT false,
    etag          TEXT    NOT NULL DEFAULT '',
    last_modified TEXT    NOT NULL DEFAULT '',
    last_fetch    TEXT    NOT NULL DEFAULT '',
    status        TEXT    NOT NULL DEFAULT '',
    error         TEXT    NOT NULL DEFAULT ''
);
CREATE TABLE feed_items (
    feed       TEXT    NOT NULL,
    item       TEXT    NOT NULL,
    link       TEXT    NOT NULL DEFAULT '',
    article_id TEXT    NOT NULL DEFAULT '',
    error      TEXT    NOT NULL DEFAULT '',
    tries      INTEGER NOT NULL DEFAULT 0,
    seen       TEXT    NOT NULL,
    PRIMARY KEY (feed, item)
);
