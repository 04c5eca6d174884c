-- The report of each story, as JSON, with the key of the articles it was made from: a report
-- whose key no longer matches the story's articles is made again.
CREATE TABLE reports (
	story_id TEXT PRIMARY KEY,
	key      TEXT NOT NULL,
	report   TEXT NOT NULL
);
