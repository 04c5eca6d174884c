package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck"
)

// FetchState returns what the last fetch of a normalised URL left, and false when it was
// never fetched.
func (s *Store) FetchState(ctx context.Context, url string) (crosscheck.FetchState, bool, error) {
	f := crosscheck.FetchState{URL: url}
	err := s.readRow(ctx, `SELECT article_id, etag, last_modified, status, fetched FROM fetch_state WHERE url = ?`, url).
		Scan(&f.Article, &f.ETag, &f.LastModified, &f.Status, &f.Fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return f, false, nil
	}
	return f, err == nil, err
}

// SaveFetchState records a page's fetch.
func (s *Store) SaveFetchState(ctx context.Context, f crosscheck.FetchState) error {
	return saveFetchState(ctx, s.db, f)
}

// saveFetchState records a page's fetch in db or a transaction (Put records the fetches of a
// batch's pages with their articles).
func saveFetchState(ctx context.Context, db interface {
	ExecContext(context.Context, string, ...any) (sql.Result, error)
}, f crosscheck.FetchState) error {
	_, err := db.ExecContext(ctx, `INSERT INTO fetch_state (url, article_id, etag, last_modified, status, fetched) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id, etag = excluded.etag,
		last_modified = excluded.last_modified, status = excluded.status, fetched = excluded.fetched`,
		f.URL, f.Article, f.ETag, f.LastModified, f.Status, f.Fetched)
	return err
}

// AddFeed follows a feed; a feed followed already keeps its state, and reports false.
func (s *Store) AddFeed(ctx context.Context, url, title string, allowPrivate bool) (bool, error) {
	res, err := s.execWrite(ctx, `INSERT INTO feeds (url, title, added, allow_private) VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
		url, title, s.now().UTC().Format(time.RFC3339), allowPrivate)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Feeds lists the followed feeds in the order they were added, with their item counts.
func (s *Store) Feeds(ctx context.Context) ([]crosscheck.Feed, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT f.url, f.title, f.added, f.allow_private, f.etag, f.last_modified, f.last_fetch, f.status, f.error,
		(SELECT COUNT(DISTINCT i.article_id) FROM feed_items i WHERE i.feed = f.url AND i.article_id != ''),
		(SELECT COUNT(*) FROM feed_items i WHERE i.feed = f.url)
		FROM feeds f ORDER BY f.rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crosscheck.Feed
	for rows.Next() {
		var f crosscheck.Feed
		if err := rows.Scan(&f.URL, &f.Title, &f.Added, &f.AllowPrivate, &f.ETag, &f.LastModified, &f.LastFetch, &f.Status, &f.Error, &f.Articles, &f.Items); err != nil {
			return nil, err
		}
		f.ID = crosscheck.FeedID(f.URL)
		out = append(out, f)
	}
	return out, rows.Err()
}

// RemoveFeed stops following the feed whose URL or FeedID is key, and forgets which of its
// items were taken; the articles they became stay in the store. It returns the feed as it was,
// and an error wrapping crosscheck.ErrNotFound when no followed feed is key.
func (s *Store) RemoveFeed(ctx context.Context, key string) (crosscheck.Feed, error) {
	feeds, err := s.Feeds(ctx)
	if err != nil {
		return crosscheck.Feed{}, err
	}
	for _, f := range feeds {
		if f.URL != key && f.ID != key {
			continue
		}
		tx, done, err := s.beginWrite(ctx)
		if err != nil {
			return f, err
		}
		defer done()
		if _, err := tx.ExecContext(ctx, `DELETE FROM feed_items WHERE feed = ?`, f.URL); err != nil {
			return f, err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE url = ?`, f.URL); err != nil {
			return f, err
		}
		return f, tx.Commit()
	}
	return crosscheck.Feed{}, fmt.Errorf("feed %q: %w", key, crosscheck.ErrNotFound)
}

// FeedFetched records the outcome of a feed's fetch. Validators are saved only with "ok", after
// the round has taken the feed's items, so that a round cut short asks for the whole feed again.
func (s *Store) FeedFetched(ctx context.Context, f crosscheck.Feed) error {
	_, err := s.execWrite(ctx, `UPDATE feeds SET title = CASE WHEN ? != '' THEN ? ELSE title END,
		etag = CASE WHEN ? = 'ok' THEN ? ELSE etag END, last_modified = CASE WHEN ? = 'ok' THEN ? ELSE last_modified END,
		last_fetch = ?, status = ?, error = ? WHERE url = ?`,
		f.Title, f.Title, f.Status, f.ETag, f.Status, f.LastModified, f.LastFetch, f.Status, f.Error, f.URL)
	return err
}

// SeenItems returns which of a feed's items are done: taken as articles, or failed in
// ItemTries rounds.
func (s *Store) SeenItems(ctx context.Context, feed string, items []string) (map[string]bool, error) {
	seen := map[string]bool{}
	for _, it := range items {
		var one int
		err := s.db.QueryRowContext(ctx, `SELECT 1 FROM feed_items WHERE feed = ? AND item = ? AND (article_id != '' OR tries >= ?)`, feed, it, crosscheck.ItemTries).Scan(&one)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return nil, err
		default:
			seen[it] = true
		}
	}
	return seen, nil
}

// SaveItems records what became of items, in one transaction.
func (s *Store) SaveItems(ctx context.Context, items []crosscheck.FeedItem) error {
	if len(items) == 0 {
		return nil
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	at := s.now().UTC().Format(time.RFC3339)
	for _, it := range items {
		if _, err := tx.ExecContext(ctx, `INSERT INTO feed_items (feed, item, link, article_id, error, tries, seen) VALUES (?, ?, ?, ?, ?, 1, ?)
			ON CONFLICT (feed, item) DO UPDATE SET article_id = excluded.article_id, error = excluded.error, tries = tries + 1`,
			it.Feed, it.Item, it.Link, it.Article, it.Error, at); err != nil {
			return fmt.Errorf("feed item %s: %w", it.Item, err)
		}
	}
	return tx.Commit()
}
