package postgres

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
)

// queueLines queues the statements that count (delta +1) or uncount (-1) one article's lines,
// given by hash, for its source; samples, where given, are the lines themselves. The lines go
// in one statement.
func queueLines(b *pgx.Batch, source string, hashes []int64, samples []string, delta int) {
	if source == "" {
		return
	}
	b.Queue(`INSERT INTO sources (source, articles) VALUES ($1, $2)
		ON CONFLICT (source) DO UPDATE SET articles = sources.articles + excluded.articles`, source, delta)
	if len(hashes) == 0 {
		return
	}
	// one count per hash: an article that repeats a line counts it once per repeat, as the
	// SQLite store does, so the rows are summed before they meet the table
	sample := make([]string, len(hashes))
	copy(sample, samples)
	b.Queue(`INSERT INTO source_lines (source, hash, articles, sample)
		SELECT $1, h, count(*) * $4, (array_agg(s ORDER BY i))[1]
		FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS l(h, s, i) GROUP BY h
		ON CONFLICT (source, hash) DO UPDATE SET articles = source_lines.articles + excluded.articles`,
		source, hashes, sample, delta)
}

// Boilerplate returns the line hashes cleaning removes for a source.
func (s *Store) Boilerplate(ctx context.Context, source string) (map[int64]bool, error) {
	return hashSet(ctx, s.db, `SELECT hash FROM source_boilerplate WHERE source = $1`, source)
}

func hashSet(ctx context.Context, q querier, query string, args ...any) (map[int64]bool, error) {
	hs, err := collect(ctx, q, func(r pgx.Rows) (int64, error) {
		var h int64
		return h, r.Scan(&h)
	}, query, args...)
	set := map[int64]bool{}
	for _, h := range hs {
		set[h] = true
	}
	return set, err
}

// Relearn recomputes a source's boilerplate from its line counts and stores it, in one
// transaction.
func (s *Store) Relearn(ctx context.Context, source string) (map[int64]bool, bool, error) {
	var next map[int64]bool
	changed := false
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var articles int
		if err := tx.QueryRow(ctx, `SELECT articles FROM sources WHERE source = $1`, source).Scan(&articles); err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		threshold := max(crosscheck.MinRepeats, int(math.Ceil(crosscheck.RepeatShare*float64(articles))))
		var err error
		if next, err = hashSet(ctx, tx, `SELECT hash FROM source_lines WHERE source = $1 AND articles >= $2`, source, threshold); err != nil {
			return err
		}
		prev, err := hashSet(ctx, tx, `SELECT hash FROM source_boilerplate WHERE source = $1`, source)
		if err != nil || maps.Equal(prev, next) {
			return err
		}
		changed = true
		if _, err := tx.Exec(ctx, `DELETE FROM source_boilerplate WHERE source = $1`, source); err != nil {
			return err
		}
		hashes := make([]int64, 0, len(next))
		for h := range next {
			hashes = append(hashes, h)
		}
		_, err = tx.Exec(ctx, `INSERT INTO source_boilerplate (source, hash) SELECT $1, unnest($2::bigint[])`, source, hashes)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return next, changed, nil
}

// SourceDocuments streams the documents of a source's latest revisions that carry any of the
// given line hashes.
func (s *Store) SourceDocuments(ctx context.Context, source string, lines map[int64]bool) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		type row struct {
			id    string
			lines []int64
		}
		all, err := collect(ctx, s.db, func(r pgx.Rows) (row, error) {
			var x row
			var js string
			err := r.Scan(&x.id, &js)
			json.Unmarshal([]byte(js), &x.lines)
			return x, err
		}, `SELECT a.article_id, r.lines FROM articles a JOIN revisions r ON r.seq = a.seq WHERE r.source = $1 ORDER BY a.article_id`, source)
		if err != nil {
			yield(nil, err)
			return
		}
		for _, x := range all {
			if !carriesAny(x.lines, lines) {
				continue
			}
			d, err := s.document(ctx, x.id)
			if !yield(d, err) || err != nil {
				return
			}
		}
	}
}

func carriesAny(hashes []int64, lines map[int64]bool) bool {
	for _, h := range hashes {
		if lines[h] {
			return true
		}
	}
	return false
}

// document returns the document of an article's latest revision.
func (s *Store) document(ctx context.Context, id string) (*crosscheck.Document, error) {
	d := &crosscheck.Document{ID: id}
	var format, fetched, meta string
	err := s.db.QueryRow(ctx, `SELECT r.input, r.format, r.raw, r.fetched, r.meta FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE a.article_id = $1`, id).Scan(&d.Input, &format, &d.Raw, &fetched, &meta)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	return d, crosscheck.ReadDocumentColumns(d, format, fetched, meta)
}

// Documents streams the documents of the latest revisions of the given articles, or of every
// article when ids is empty, ordered by id, a page at a time.
func (s *Store) Documents(ctx context.Context, ids []string) iter.Seq2[*crosscheck.Document, error] {
	return crosscheck.StreamDocuments(ids, page, func(after string) ([]string, error) {
		return collect(ctx, s.db, scanString, `SELECT article_id FROM articles WHERE article_id > $1 ORDER BY article_id LIMIT $2`, after, page)
	}, func(id string) (*crosscheck.Document, error) { return s.document(ctx, id) })
}

func scanString(r pgx.Rows) (string, error) {
	var v string
	return v, r.Scan(&v)
}

// Reclean replaces the clean fields of an article's latest revision, its search words with
// them, and drops the stored report of its story, in one transaction.
func (s *Store) Reclean(ctx context.Context, a *crosscheck.Article) error {
	set := make([]string, len(cleanColumns))
	for i, c := range cleanColumns {
		set[i] = fmt.Sprintf("%s = $%d", c, i+1)
	}
	set[len(set)-1] = fmt.Sprintf("search = to_tsvector('simple', $%d)", len(set))
	n := len(cleanColumns)
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		res, err := tx.Exec(ctx, `UPDATE revisions SET `+strings.Join(set, ", ")+fmt.Sprintf(`
			WHERE seq = (SELECT seq FROM articles WHERE article_id = $%d) AND hash = $%d`, n+1, n+2), append(cleanValues(a), a.ID, a.Hash)...)
		if err != nil {
			return err
		}
		if res.RowsAffected() != 1 {
			return fmt.Errorf("reclean %s: the stored revision changed meanwhile", a.ID)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM reports WHERE story_id = (SELECT story_id FROM story_articles WHERE article_id = $1)`, a.ID); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, bumpGeneration)
		return err
	})
}
