-- A feature's posting list as one row (group.StateFormat 2): the stories listed under it,
-- oldest first, as a blob of big-endian four-byte story numbers, so that reading the stories
-- of an article's features costs a row per feature however many stories each lists. The rows
-- of group_postings become these lists in their seq order, and the state is kept.
CREATE TABLE group_lists (
    feature INTEGER PRIMARY KEY,
    stories BLOB    NOT NULL
);

INSERT INTO group_lists (feature, stories)
    SELECT feature, unhex(group_concat(printf('%08x', story), '' ORDER BY seq))
    FROM group_postings GROUP BY feature;

DROP TABLE group_postings;

UPDATE group_meta SET format = 2 WHERE format = 1;
