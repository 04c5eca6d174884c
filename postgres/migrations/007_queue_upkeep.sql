-- The queue's upkeep and what the web server's caches follow.
--
-- Done jobs are deleted once nothing reads them again (see PruneJobs): jobs_done finds the done
-- jobs of a kind (the finished marks, the reports) without reading the dead and waiting ones,
-- jobs_held the marks still to be reached.
CREATE INDEX jobs_done ON jobs (kind, id) WHERE state = 'done';
CREATE INDEX jobs_held ON jobs (id) WHERE state = 'held';

-- A job's row is updated three times or more (taken, its lease renewed, done): room left in
-- each page lets a renewal, which changes no indexed column, stay on the row's page (a HOT
-- update, no new index entries), and the table is vacuumed after 1% of it changed rather than
-- the default 20%, so that the versions the updates and deletes leave are reused soon. Both
-- apply to pages written from now on; VACUUM FULL rewrites the old ones.
ALTER TABLE jobs SET (fillfactor = 70, autovacuum_vacuum_scale_factor = 0.01, autovacuum_vacuum_threshold = 500,
    autovacuum_analyze_scale_factor = 0.02);

-- The grouping rows a save rewrites in place (a feature's document count and posting list, a
-- story's sums): none of the changed columns is indexed, so with room in the page the new
-- version is a HOT update beside the old one, and the primary key takes no new entry.
ALTER TABLE group_words SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE group_lists SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE group_stories SET (fillfactor = 80, autovacuum_vacuum_scale_factor = 0.02);
ALTER TABLE source_lines SET (fillfactor = 85, autovacuum_vacuum_scale_factor = 0.05);

-- The last revision the search answers from, as SQLite's search_state keeps it: a revision
-- stored after it is found once IndexSearch moves it, so that storing new articles changes no
-- search (see ShownGeneration). A store that had searched every revision goes on doing so.
CREATE TABLE search_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    indexed BIGINT  NOT NULL
);
INSERT INTO search_state (id, indexed) SELECT 1, coalesce(max(seq), 0) FROM revisions;
