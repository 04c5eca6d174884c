package sqlite

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// lineCounter keeps the per-source line counts inside a Put transaction: it sums what the
// batch's articles add and take back, and writes each count once when the batch is stored
// (flush), in key order, instead of a row for each line of each article in the order the
// articles come, most of which is SQLite finding the row's page again.
type lineCounter struct {
	tx       *sql.Tx
	lines    map[lineKey]*lineCount
	articles map[string]int // the change of each source's article count
}

type lineKey struct {
	source string
	hash   int64
}

// lineCount is a line's change of count in the batch, and the sample a new row is stored with:
// the line as the first article of the batch that counted it had it, as when each article
// wrote its own rows.
type lineCount struct {
	delta  int
	sample string
}

func newLineCounter(tx *sql.Tx) *lineCounter {
	return &lineCounter{tx: tx, lines: map[lineKey]*lineCount{}, articles: map[string]int{}}
}

// add counts (delta +1) or uncounts (-1) one article's lines, given by hash, for its source;
// samples, where given, are the lines themselves.
func (c *lineCounter) add(source string, hashes []int64, samples []string, delta int) {
	if source == "" {
		return
	}
	c.articles[source] += delta
	for i, h := range hashes {
		k := lineKey{source, h}
		if n, ok := c.lines[k]; ok {
			n.delta += delta
			continue
		}
		sample := ""
		if i < len(samples) {
			sample = samples[i]
		}
		c.lines[k] = &lineCount{delta: delta, sample: sample}
	}
}

// flush writes the summed counts, each a statement of its own: one statement of many rows
// would need a statement journal, whose writes cost more than the statements saved.
func (c *lineCounter) flush(ctx context.Context) error {
	sources := slices.Sorted(maps.Keys(c.articles))
	rows := make([][]any, 0, len(sources))
	for _, source := range sources {
		rows = append(rows, []any{source, c.articles[source]})
	}
	if err := execEach(ctx, c.tx, `INSERT INTO sources (source, articles) VALUES (?, ?)
		ON CONFLICT (source) DO UPDATE SET articles = articles + excluded.articles`, rows); err != nil {
		return err
	}
	keys := slices.SortedFunc(maps.Keys(c.lines), func(a, b lineKey) int {
		return cmp.Or(strings.Compare(a.source, b.source), cmp.Compare(a.hash, b.hash))
	})
	rows = make([][]any, 0, len(keys))
	for _, k := range keys {
		n := c.lines[k]
		rows = append(rows, []any{k.source, k.hash, n.delta, n.sample})
	}
	return execEach(ctx, c.tx, `INSERT INTO source_lines (source, hash, articles, sample) VALUES (?, ?, ?, ?)
		ON CONFLICT (source, hash) DO UPDATE SET articles = articles + excluded.articles`, rows)
}

// execEach runs statement once with each of rows' values, prepared once.
func execEach(ctx context.Context, tx *sql.Tx, statement string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	st, err := tx.PrepareContext(ctx, statement)
	if err != nil {
		return err
	}
	defer st.Close()
	for _, row := range rows {
		if _, err := st.ExecContext(ctx, row...); err != nil {
			return err
		}
	}
	return nil
}

// Boilerplate returns the line hashes cleaning removes for a source.
func (s *Store) Boilerplate(ctx context.Context, source string) (map[int64]bool, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT hash FROM source_boilerplate WHERE source = ?`, source)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	set := map[int64]bool{}
	for rows.Next() {
		var h int64
		if err := rows.Scan(&h); err != nil {
			return nil, err
		}
		set[h] = true
	}
	return set, rows.Err()
}

// Relearn recomputes a source's boilerplate from its line counts and stores it.
func (s *Store) Relearn(ctx context.Context, source string) (map[int64]bool, bool, error) {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, false, err
	}
	defer done()
	var articles int
	if err := tx.QueryRowContext(ctx, `SELECT articles FROM sources WHERE source = ?`, source).Scan(&articles); err != nil && err != sql.ErrNoRows {
		return nil, false, err
	}
	threshold := max(crosscheck.MinRepeats, int(math.Ceil(crosscheck.RepeatShare*float64(articles))))
	rows, err := tx.QueryContext(ctx, `SELECT hash FROM source_lines WHERE source = ? AND articles >= ?`, source, threshold)
	if err != nil {
		return nil, false, err
	}
	next := map[int64]bool{}
	for rows.Next() {
		var h int64
		if err := rows.Scan(&h); err != nil {
			rows.Close()
			return nil, false, err
		}
		next[h] = true
	}
	rows.Close()
	prev, err := s.Boilerplate(ctx, source)
	if err != nil {
		return nil, false, err
	}
	if maps.Equal(prev, next) {
		return next, false, nil
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM source_boilerplate WHERE source = ?`, source); err != nil {
		return nil, false, err
	}
	for h := range next {
		if _, err := tx.ExecContext(ctx, `INSERT INTO source_boilerplate (source, hash) VALUES (?, ?)`, source, h); err != nil {
			return nil, false, err
		}
	}
	return next, true, tx.Commit()
}

// SourceDocuments streams the documents of a source's latest revisions that carry any of the
// given line hashes.
func (s *Store) SourceDocuments(ctx context.Context, source string, lines map[int64]bool) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		var ids []string
		rows, err := s.db.QueryContext(ctx, `SELECT a.article_id, r.lines FROM articles a JOIN revisions r ON r.seq = a.seq
			WHERE r.source = ? ORDER BY a.article_id`, source)
		if err != nil {
			yield(nil, err)
			return
		}
		for rows.Next() {
			var id, js string
			if err := rows.Scan(&id, &js); err != nil {
				rows.Close()
				yield(nil, err)
				return
			}
			var hs []int64
			json.Unmarshal([]byte(js), &hs)
			for _, h := range hs {
				if lines[h] {
					ids = append(ids, id)
					break
				}
			}
		}
		rows.Close()
		for _, id := range ids {
			d, err := s.document(ctx, id)
			if !yield(d, err) || err != nil {
				return
			}
		}
	}
}

// document returns the document of an article's latest revision.
func (s *Store) document(ctx context.Context, id string) (*crosscheck.Document, error) {
	d := &crosscheck.Document{ID: id}
	var format, fetched, meta string
	err := s.db.QueryRowContext(ctx, `SELECT r.input, r.format, r.raw, r.fetched, r.meta FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE a.article_id = ?`, id).Scan(&d.Input, &format, &d.Raw, &fetched, &meta)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	return d, crosscheck.ReadDocumentColumns(d, format, fetched, meta)
}

// Documents streams the documents of the latest revisions of the given articles, or of every
// article when ids is empty, ordered by id; no read stays open between pages.
func (s *Store) Documents(ctx context.Context, ids []string) iter.Seq2[*crosscheck.Document, error] {
	return crosscheck.StreamDocuments(ids, articlePage, func(after string) ([]string, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT article_id FROM articles WHERE article_id > ? ORDER BY article_id LIMIT ?`, after, articlePage)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return nil, err
			}
			ids = append(ids, id)
		}
		return ids, rows.Err()
	}, func(id string) (*crosscheck.Document, error) { return s.document(ctx, id) })
}

// Reclean replaces the clean fields of an article's latest revision, and drops the stored
// report of its story, in one transaction.
func (s *Store) Reclean(ctx context.Context, a *crosscheck.Article) error {
	set := make([]string, len(cleanColumns))
	for i, c := range cleanColumns {
		set[i] = c + " = ?"
	}
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	args := append(cleanValues(a), a.ID, a.Hash)
	// the search index holds the old text of an indexed revision: out with it, in with the new
	const indexed = `FROM revisions WHERE seq = (SELECT seq FROM articles WHERE article_id = ?) AND seq <= (SELECT indexed FROM search_state)`
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_search (article_search, rowid, title, text) SELECT 'delete', seq, title, text `+indexed, a.ID); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `UPDATE revisions SET `+strings.Join(set, ", ")+`
		WHERE seq = (SELECT seq FROM articles WHERE article_id = ?) AND hash = ?`, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return fmt.Errorf("reclean %s: the stored revision changed meanwhile", a.ID)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO article_search (rowid, title, text) SELECT seq, title, text `+indexed, a.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM reports WHERE story_id = (SELECT story_id FROM story_articles WHERE article_id = ?)`, a.ID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return err
	}
	return tx.Commit()
}
