-- The queue for many workers (crosscheck worker): what a done job left for the serial step
-- (result), a key that keeps a second waiting job of the same work off the queue, and the
-- ordered jobs the serial step (grouping) follows in id order up to the first not finished,
-- from the cursor it keeps. A held job is a mark in that order only the serial step takes.
ALTER TABLE jobs ADD COLUMN result  TEXT    NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN key     TEXT    NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN ordered BOOLEAN NOT NULL DEFAULT false;
CREATE UNIQUE INDEX jobs_waiting_key ON jobs (key) WHERE state = 'ready' AND key <> '';
CREATE INDEX jobs_ordered ON jobs (id) WHERE ordered;
CREATE INDEX jobs_dead ON jobs (id) WHERE state = 'dead';

CREATE TABLE queue_cursor (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    at BIGINT  NOT NULL -- every ordered job up to this id is finished by the serial step
);
INSERT INTO queue_cursor (id, at) VALUES (1, 0);

-- Every article whose seq is at most this is in a story, as SQLite's group_meta keeps it, so
-- that finding the ungrouped articles reads only the newest.
ALTER TABLE group_meta ADD COLUMN grouped BIGINT NOT NULL DEFAULT 0;
