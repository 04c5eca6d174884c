-- A report's numbers (articles, outlets, independent reports, conflicts, dates) beside it, so
-- that a list of stories reads them without reading whole reports.
ALTER TABLE reports ADD COLUMN numbers TEXT NOT NULL DEFAULT '';

-- Counts the saves of the grouping state: with the newest revision, it tells readers that
-- stories may have changed.
ALTER TABLE group_state ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
