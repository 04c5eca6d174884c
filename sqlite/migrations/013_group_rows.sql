-- The grouping state as rows, read for what one article needs and written where it changed
-- (see package group): it replaces the one blob of group_state, which goes. A
-- store whose stories were grouped before has no group_meta row: crosscheck regroup groups
-- its articles again.
CREATE TABLE group_meta (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    format     INTEGER NOT NULL, -- the layout of the rows (group.StateFormat)
    version    INTEGER NOT NULL, -- raised by every save: a writer saves only over the one it read
    documents  INTEGER NOT NULL, -- articles counted in the document frequencies
    words      INTEGER NOT NULL, -- the next feature id
    stories    INTEGER NOT NULL, -- the next story number
    signatures INTEGER NOT NULL, -- the next signature id
    postings   INTEGER NOT NULL, -- the next posting sequence number
    grouped    INTEGER NOT NULL DEFAULT 0 -- every article whose seq is at most this is in a story
);

-- Features: "w:stem", "e:name", "n:12", their ids and document frequencies.
CREATE TABLE group_words (
    word TEXT PRIMARY KEY,
    id   INTEGER NOT NULL,
    df   INTEGER NOT NULL
) WITHOUT ROWID;

-- Stories: summed feature weights (blob of id, weight pairs), the features they are listed
-- under (blob of ids), dates (RFC 3339, '' when unknown) and counts.
CREATE TABLE group_stories (
    id      INTEGER PRIMARY KEY,
    key     TEXT    NOT NULL,
    first   TEXT    NOT NULL,
    last    TEXT    NOT NULL,
    summed  INTEGER NOT NULL,
    size    INTEGER NOT NULL,
    members INTEGER NOT NULL,
    sum     BLOB    NOT NULL,
    indexed BLOB    NOT NULL
);

-- The articles a story keeps for splitting, with their vectors and, for an undated article,
-- the weekday it names most (1 Sunday to 7, 0 none) and the set it names (bit d: weekday d).
CREATE TABLE group_members (
    story     INTEGER NOT NULL,
    idx       INTEGER NOT NULL,
    article   TEXT    NOT NULL,
    published TEXT    NOT NULL,
    vector    BLOB    NOT NULL,
    day       INTEGER NOT NULL,
    days      INTEGER NOT NULL,
    PRIMARY KEY (story, idx)
) WITHOUT ROWID;

-- The inverted index: the stories listed under a feature, in the order seq gives.
CREATE TABLE group_postings (
    feature INTEGER NOT NULL,
    story   INTEGER NOT NULL,
    seq     INTEGER NOT NULL,
    PRIMARY KEY (feature, story)
) WITHOUT ROWID;

-- Near-duplicate signatures and their band buckets.
CREATE TABLE group_signatures (
    id        INTEGER PRIMARY KEY,
    article   TEXT NOT NULL,
    signature BLOB NOT NULL
);

CREATE TABLE group_bands (
    band      INTEGER NOT NULL,
    signature INTEGER NOT NULL,
    PRIMARY KEY (band, signature)
) WITHOUT ROWID;

-- The blob is of no use now.
DROP TABLE group_state;
