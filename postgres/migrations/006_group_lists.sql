-- A feature's posting list as one row (group.StateFormat 2), as SQLite keeps it (its
-- migration 015): the stories listed under it, oldest first, as a blob of big-endian
-- four-byte story numbers. The rows of group_postings become these lists in their seq order,
-- and the state is kept.
CREATE TABLE group_lists (
    feature INTEGER PRIMARY KEY,
    stories BYTEA   NOT NULL
);

INSERT INTO group_lists (feature, stories)
    SELECT feature, string_agg(int4send(story::integer), ''::bytea ORDER BY seq)
    FROM group_postings GROUP BY feature;

DROP TABLE group_postings;

UPDATE group_meta SET format = 2 WHERE format = 1;
