-- What analysis finds beside quotes and numbers: sentences, tokens (a compact blob of varint
-- pairs), entities and dates.
ALTER TABLE revisions ADD COLUMN sentences TEXT NOT NULL DEFAULT '[]';
ALTER TABLE revisions ADD COLUMN tokens BLOB NOT NULL DEFAULT x'';
ALTER TABLE revisions ADD COLUMN entities TEXT NOT NULL DEFAULT '[]';
ALTER TABLE revisions ADD COLUMN dates TEXT NOT NULL DEFAULT '[]';
