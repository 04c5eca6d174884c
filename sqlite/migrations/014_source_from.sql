-- Where each revision's outlet was read from (crosscheck.Article.SourceFrom: "given",
-- "og:site_name", "site-name", "self-named", "title-suffix", "url-host"); empty for the
-- revisions stored before it was kept, and when no outlet is known.
ALTER TABLE revisions ADD COLUMN source_from TEXT NOT NULL DEFAULT '';
