-- The parse analysis makes of each sentence, token by token, in a compact blob (see
-- encodeSyntax). An article analysed before it has none until it is reanalysed.
ALTER TABLE revisions ADD COLUMN syntax BLOB NOT NULL DEFAULT x'';
