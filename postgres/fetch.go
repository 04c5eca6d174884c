package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/crosscheck/crosscheck"
)

// FetchState returns what the last fetch of a normalised URL left, and false when it was
// never fetched.
func (s *Store) FetchState(ctx context.Context, url string) (crosscheck.FetchState, bool, error) {
	f := crosscheck.FetchState{URL: url}
	err := s.db.QueryRow(ctx, `SELECT article_id, etag, last_modified, status, fetched FROM fetch_state WHERE url = $1`, url).
		Scan(&f.Article, &f.ETag, &f.LastModified, &f.Status, &f.Fetched)
	if errors.Is(err, pgx.ErrNoRows) {
		return f, false, nil
	}
	return f, err == nil, err
}

// SaveFetchState records a page's fetch.
func (s *Store) SaveFetchState(ctx context.Context, f crosscheck.FetchState) error {
	return saveFetchState(ctx, s.db, f)
}

// saveFetchState records a page's fetch in db (Put queues the fetches of a batch's pages with
// their articles instead).
func saveFetchState(ctx context.Context, db interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, f crosscheck.FetchState) error {
	_, err := db.Exec(ctx, upsertFetchState, f.URL, f.Article, f.ETag, f.LastModified, f.Status, f.Fetched)
	return err
}

// queueFetchState queues the save of a fetch's state with the writes of a batch.
func queueFetchState(b *pgx.Batch, f crosscheck.FetchState) {
	b.Queue(upsertFetchState, f.URL, f.Article, f.ETag, f.LastModified, f.Status, f.Fetched)
}

const upsertFetchState = `INSERT INTO fetch_state (url, article_id, etag, last_modified, status, fetched) VALUES ($1, $2, $3, $4, $5, $6)
	ON CONFLICT (url) DO UPDATE SET article_id = excluded.article_id, etag = excluded.etag,
	last_modified = excluded.last_modified, status = excluded.status, fetched = excluded.fetched`

// AddFeed follows a feed; a feed followed already keeps its state, and reports false.
func (s *Store) AddFeed(ctx context.Context, url, title string, allowPrivate bool) (bool, error) {
	res, err := s.db.Exec(ctx, `INSERT INTO feeds (url, title, added, allow_private) VALUES ($1, $2, $3, $4) ON CONFLICT (url) DO NOTHING`,
		url, title, s.now().UTC().Format(time.RFC3339), allowPrivate)
	if err != nil {
		return false, err
	}
	return res.RowsAffected() > 0, nil
}

// Feeds lists the followed feeds in the order they were added, with their item counts.
func (s *Store) Feeds(ctx context.Context) ([]crosscheck.Feed, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.Feed, error) {
		var f crosscheck.Feed
		err := r.Scan(&f.URL, &f.Title, &f.Added, &f.AllowPrivate, &f.ETag, &f.LastModified, &f.LastFetch, &f.Status, &f.Error, &f.Articles, &f.Items)
		f.ID = crosscheck.FeedID(f.URL)
		return f, err
	}, `SELECT f.url, f.title, f.added, f.allow_private, f.etag, f.last_modified, f.last_fetch, f.status, f.error,
		(SELECT COUNT(DISTINCT i.article_id) FROM feed_items i WHERE i.feed = f.url AND i.article_id != ''),
		(SELECT COUNT(*) FROM feed_items i WHERE i.feed = f.url)
		FROM feeds f ORDER BY f.ord`)
}

// FeedFetched records the outcome of a feed's fetch; validators are saved only with "ok".
func (s *Store) FeedFetched(ctx context.Context, f crosscheck.Feed) error {
	_, err := s.db.Exec(ctx, `UPDATE feeds SET title = CASE WHEN $1 != '' THEN $1 ELSE title END,
		etag = CASE WHEN $2 = 'ok' THEN $3 ELSE etag END, last_modified = CASE WHEN $2 = 'ok' THEN $4 ELSE last_modified END,
		last_fetch = $5, status = $2, error = $6 WHERE url = $7`,
		f.Title, f.Status, f.ETag, f.LastModified, f.LastFetch, f.Error, f.URL)
	return err
}

// SeenItems returns which of a feed's items are done: taken as articles, or failed in
// ItemTries rounds.
func (s *Store) SeenItems(ctx context.Context, feed string, items []string) (map[string]bool, error) {
	done, err := collect(ctx, s.db, scanString, `SELECT item FROM feed_items WHERE feed = $1 AND item = ANY($2)
		AND (article_id != '' OR tries >= $3)`, feed, items, crosscheck.ItemTries)
	seen := map[string]bool{}
	for _, it := range done {
		seen[it] = true
	}
	return seen, err
}

// SaveItems records what became of items, in one transaction.
func (s *Store) SaveItems(ctx context.Context, items []crosscheck.FeedItem) error {
	if len(items) == 0 {
		return nil
	}
	at := s.now().UTC().Format(time.RFC3339)
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		for _, it := range items {
			if _, err := tx.Exec(ctx, `INSERT INTO feed_items (feed, item, link, article_id, error, tries, seen) VALUES ($1, $2, $3, $4, $5, 1, $6)
				ON CONFLICT (feed, item) DO UPDATE SET article_id = excluded.article_id, error = excluded.error, tries = feed_items.tries + 1`,
				it.Feed, it.Item, it.Link, it.Article, it.Error, at); err != nil {
				return fmt.Errorf("feed item %s: %w", it.Item, err)
			}
		}
		return nil
	})
}

// RemoveFeed stops following the feed whose URL or FeedID is key, and forgets which of its
// items were taken, in one transaction; the articles they became stay in the store.
func (s *Store) RemoveFeed(ctx context.Context, key string) (crosscheck.Feed, error) {
	feeds, err := s.Feeds(ctx)
	if err != nil {
		return crosscheck.Feed{}, err
	}
	for _, f := range feeds {
		if f.URL != key && f.ID != key {
			continue
		}
		return f, pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `DELETE FROM feed_items WHERE feed = $1`, f.URL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `DELETE FROM feeds WHERE url = $1`, f.URL)
			return err
		})
	}
	return crosscheck.Feed{}, fmt.Errorf("feed %q: %w", key, crosscheck.ErrNotFound)
}
