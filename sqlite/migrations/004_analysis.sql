-- What analysis found in an article's clean text: its quotes with their speakers.
ALTER TABLE revisions ADD COLUMN quotes TEXT NOT NULL DEFAULT '[]';
