-- What fetching from the web remembers between runs: each page's validators (so the next
-- fetch is a conditional GET) and the article it became; the followed feeds with their
-- validators and the outcome of their last fetch; and the items of each feed already taken,
-- so that a feed polled again, or a follow killed and started again, takes each item once.
CREATE TABLE fetch_state (
	url           TEXT PRIMARY KEY, -- normalised
	article_id    TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	status        INTEGER NOT NULL DEFAULT 0, -- the HTTP status of the last fetch
	fetched       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feeds (
	url           TEXT PRIMARY KEY, -- normalised
	title         TEXT NOT NULL DEFAULT '',
	added         TEXT NOT NULL,
	allow_private INTEGER NOT NULL DEFAULT 0,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetch    TEXT NOT NULL DEFAULT '',
	status        TEXT NOT NULL DEFAULT '', -- "ok", "not modified", "error"
	error         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
	feed       TEXT NOT NULL,
	item       TEXT NOT NULL, -- the item's guid, else its link, and the date it was updated
	link       TEXT NOT NULL DEFAULT '',
	article_id TEXT NOT NULL DEFAULT '', -- empty while it has failed
	error      TEXT NOT NULL DEFAULT '',
	tries      INTEGER NOT NULL DEFAULT 0,
	seen       TEXT NOT NULL,
	PRIMARY KEY (feed, item)
);
