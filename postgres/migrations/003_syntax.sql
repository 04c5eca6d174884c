-- Each token's part of speech, relation and head, as analysis parsed it (crosscheck.EncodeSyntax);
-- empty for a revision stored before parses were, which reconcile then parses when it needs to.
ALTER TABLE revisions ADD COLUMN syntax BYTEA NOT NULL DEFAULT ''::bytea;
