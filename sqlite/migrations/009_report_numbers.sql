-- A report's numbers (articles, outlets, independent reports, conflicts, dates) beside it, so
-- that a list of stories reads them without reading whole reports.
ALTER TABLE reports ADD COLUMN numbers TEXT NOT NULL DEFAULT '';

-- Counts the changes to stories and to stored analysis: with the newest revision, it tells
-- readers that what they worked out from the stories may be out of date.
CREATE TABLE generation (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL
);
INSERT INTO generation (id, n) VALUES (1, 0);
