-- Learning what a source prints on every page: how many of a source's articles carry each
-- short line, and the set of lines cleaning currently removes for that source.
CREATE TABLE sources (
    source   TEXT PRIMARY KEY,
    articles INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE source_lines (
    source   TEXT    NOT NULL,
    hash     INTEGER NOT NULL,
    articles INTEGER NOT NULL,
    sample   TEXT    NOT NULL,
    PRIMARY KEY (source, hash)
) WITHOUT ROWID;

CREATE TABLE source_boilerplate (
    source TEXT    NOT NULL,
    hash   INTEGER NOT NULL,
    PRIMARY KEY (source, hash)
) WITHOUT ROWID;

-- The line hashes a revision was counted with, so a newer revision can take them back.
ALTER TABLE revisions ADD COLUMN lines TEXT NOT NULL DEFAULT '[]';

CREATE INDEX revisions_source ON revisions (source, article_id);
