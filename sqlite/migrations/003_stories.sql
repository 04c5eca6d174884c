-- Stories: groups of articles about one event, and why each article is in its story.
CREATE TABLE stories (
    id      TEXT PRIMARY KEY,
    ord     INTEGER NOT NULL UNIQUE, -- creation order
    title   TEXT    NOT NULL,
    first   TEXT    NOT NULL,
    last    TEXT    NOT NULL,
    size    INTEGER NOT NULL
);

CREATE TABLE story_articles (
    article_id TEXT PRIMARY KEY,
    story_id   TEXT NOT NULL,
    score      REAL NOT NULL,
    rule       TEXT NOT NULL
) WITHOUT ROWID;

CREATE INDEX story_articles_story ON story_articles (story_id);

-- The grouping state (document frequencies, centroids, index) between runs.
CREATE TABLE group_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    state BLOB NOT NULL
);

CREATE INDEX articles_seq ON articles (seq);

-- Near-duplicates: an article that nearly copies an earlier one.
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    of_article TEXT NOT NULL,
    similarity REAL NOT NULL
) WITHOUT ROWID;
