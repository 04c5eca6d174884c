-- The numbers an article states, with what they count.
ALTER TABLE revisions ADD COLUMN numbers TEXT NOT NULL DEFAULT '[]';
