-- The grouping state's version: a writer saves only over the version it read, so that two
-- processes grouping at once do not overwrite each other's stories.
ALTER TABLE group_state ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
