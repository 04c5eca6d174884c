-- The grouping state as rows, read for what one article needs and written where it changed
-- (see package group), as SQLite keeps them (its migration 013): they replace the one blob of
-- group_state, which goes. A store whose stories were grouped before has no group_meta row:
-- crosscheck regroup groups its articles again.
CREATE TABLE group_meta (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    format     INTEGER NOT NULL, -- the layout of the rows (group.StateFormat)
    version    BIGINT  NOT NULL, -- raised by every save: a writer saves only over the one it read
    documents  BIGINT  NOT NULL, -- articles counted in the document frequencies
    words      BIGINT  NOT NULL, -- the next feature id
    stories    BIGINT  NOT NULL, -- the next story number
    signatures BIGINT  NOT NULL, -- the next signature id
    postings   BIGINT  NOT NULL  -- the next posting sequence number
);

-- Features: "w:stem", "e:name", "n:12", their ids and document frequencies.
CREATE TABLE group_words (
    word TEXT PRIMARY KEY,
    id   INTEGER NOT NULL,
    df   INTEGER NOT NULL
);

-- Stories: summed feature weights (blob of id, weight pairs), the features they are listed
-- under (blob of ids), dates (RFC 3339, '' when unknown) and counts.
CREATE TABLE group_stories (
    id      BIGINT PRIMARY KEY,
    key     TEXT   NOT NULL,
    first   TEXT   NOT NULL,
    last    TEXT   NOT NULL,
    summed  BIGINT NOT NULL,
    size    BIGINT NOT NULL,
    members BIGINT NOT NULL,
    sum     BYTEA  NOT NULL,
    indexed BYTEA  NOT NULL
);

-- The articles a story keeps for splitting, with their vectors and, for an undated article,
-- the weekday it names most (1 Sunday to 7, 0 none) and the set it names (bit d: weekday d).
CREATE TABLE group_members (
    story     BIGINT   NOT NULL,
    idx       BIGINT   NOT NULL,
    article   TEXT     NOT NULL,
    published TEXT     NOT NULL,
    vector    BYTEA    NOT NULL,
    day       SMALLINT NOT NULL,
    days      SMALLINT NOT NULL,
    PRIMARY KEY (story, idx)
);

-- The inverted index: the stories listed under a feature, in the order seq gives.
CREATE TABLE group_postings (
    feature INTEGER NOT NULL,
    story   BIGINT  NOT NULL,
    seq     BIGINT  NOT NULL,
    PRIMARY KEY (feature, story)
);

-- Near-duplicate signatures and their band buckets.
CREATE TABLE group_signatures (
    id        BIGINT PRIMARY KEY,
    article   TEXT   NOT NULL,
    signature BYTEA  NOT NULL
);

CREATE TABLE group_bands (
    band      BIGINT NOT NULL,
    signature BIGINT NOT NULL,
    PRIMARY KEY (band, signature)
);

-- The blob is of no use now.
DROP TABLE group_state;
