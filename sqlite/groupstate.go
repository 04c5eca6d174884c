package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The grouping state's rows (migrations 013 and 015): a clusterer reads the ones an article needs and
// SaveGroups writes the ones that changed.

// GroupMeta returns the grouping state's counters, or crosscheck.ErrRegroup when the store has
// stories but no state in rows (they were grouped by an older version).
func (s *Store) GroupMeta(ctx context.Context) (crosscheck.GroupMeta, error) {
	m, err := groupMeta(ctx, s.db)
	if errors.Is(err, sql.ErrNoRows) {
		var stories int
		if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM story_articles)`).Scan(&stories); err != nil {
			return m, err
		}
		if stories != 0 {
			return m, crosscheck.ErrRegroup
		}
		return crosscheck.GroupMeta{}, nil
	}
	return m, err
}

type queryRower interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

func groupMeta(ctx context.Context, db queryRower) (crosscheck.GroupMeta, error) {
	var m crosscheck.GroupMeta
	err := db.QueryRowContext(ctx, `SELECT format, version, documents, words, stories, signatures, postings FROM group_meta WHERE id = 1`).
		Scan(&m.Format, &m.Version, &m.Documents, &m.Words, &m.Stories, &m.Signatures, &m.Postings)
	return m, err
}

// inChunk bounds the values of one IN list.
const inChunk = 512

// queryIn runs a query whose one "IN (%s)" takes the keys, a chunk at a time, and scans each row.
// A chunk's list is padded to a power of two with its last key, so that a few statements,
// prepared once, serve every length; and the statements do not watch ctx (see rowContext),
// each reading a few rows of an index.
func queryIn[K any](ctx context.Context, stmts *statements, query string, keys []K, scan func(*sql.Rows) error) error {
	ctx = rowContext(ctx)
	for len(keys) > 0 {
		n := min(len(keys), inChunk)
		size := 1
		for size < n {
			size *= 2
		}
		args := make([]any, size)
		for i := range args {
			args[i] = keys[min(i, n-1)]
		}
		keys = keys[n:]
		stmt, err := stmts.get(ctx, fmt.Sprintf(query, strings.TrimSuffix(strings.Repeat("?,", size), ",")))
		if err != nil {
			return err
		}
		rows, err := stmt.QueryContext(ctx, args...)
		if err != nil {
			return err
		}
		for rows.Next() {
			if err := scan(rows); err != nil {
				rows.Close()
				return err
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}
	return nil
}

// GroupWords returns the known ones of the given features.
func (s *Store) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	var out []crosscheck.GroupWord
	err := queryIn(ctx, &s.group, `SELECT word, id, df FROM group_words WHERE word IN (%s)`, words, func(r *sql.Rows) error {
		var w crosscheck.GroupWord
		err := r.Scan(&w.Word, &w.ID, &w.DF)
		out = append(out, w)
		return err
	})
	return out, err
}

// GroupLists returns the posting lists of the given features, by feature.
func (s *Store) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	var out []crosscheck.GroupList
	err := queryIn(ctx, &s.group, `SELECT feature, stories FROM group_lists WHERE feature IN (%s) ORDER BY feature`, features, func(r *sql.Rows) error {
		var l crosscheck.GroupList
		err := r.Scan(&l.Feature, &l.Stories)
		out = append(out, l)
		return err
	})
	return out, err
}

// GroupStories returns the given stories.
func (s *Store) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	var out []crosscheck.GroupStory
	err := queryIn(ctx, &s.group, `SELECT id, key, first, last, summed, size, members, sum, indexed FROM group_stories WHERE id IN (%s)`, ids, func(r *sql.Rows) error {
		var st crosscheck.GroupStory
		var first, last string
		if err := r.Scan(&st.ID, &st.Key, &first, &last, &st.Summed, &st.Size, &st.Members, &st.Sum, &st.Indexed); err != nil {
			return err
		}
		var err error
		if st.First, err = crosscheck.ParseStoredTime(first); err != nil {
			return err
		}
		if st.Last, err = crosscheck.ParseStoredTime(last); err != nil {
			return err
		}
		out = append(out, st)
		return nil
	})
	return out, err
}

// GroupMembers returns a story's members in order.
func (s *Store) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	var out []crosscheck.GroupMember
	err := queryIn(ctx, &s.group, `SELECT story, idx, article, published, vector, day, days FROM group_members WHERE story IN (%s) ORDER BY idx`, []int{story}, func(r *sql.Rows) error {
		var m crosscheck.GroupMember
		var published string
		if err := r.Scan(&m.Story, &m.Index, &m.Article, &published, &m.Vector, &m.Day, &m.Days); err != nil {
			return err
		}
		var err error
		m.Published, err = crosscheck.ParseStoredTime(published)
		out = append(out, m)
		return err
	})
	return out, err
}

// GroupBands returns the signatures in the given band buckets, by key and signature.
func (s *Store) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	var out []crosscheck.GroupBand
	err := queryIn(ctx, &s.group, `SELECT band, signature FROM group_bands WHERE band IN (%s) ORDER BY band, signature`, keys, func(r *sql.Rows) error {
		var b crosscheck.GroupBand
		err := r.Scan(&b.Key, &b.Signature)
		out = append(out, b)
		return err
	})
	return out, err
}

// GroupSignatures returns the given signatures.
func (s *Store) GroupSignatures(ctx context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	var out []crosscheck.GroupSignature
	err := queryIn(ctx, &s.group, `SELECT id, article, signature FROM group_signatures WHERE id IN (%s)`, ids, func(r *sql.Rows) error {
		var g crosscheck.GroupSignature
		err := r.Scan(&g.ID, &g.Article, &g.Signature)
		out = append(out, g)
		return err
	})
	return out, err
}

// saveGroupRows writes a clusterer's changed rows in the transaction of SaveGroups.
func saveGroupRows(ctx context.Context, tx *sql.Tx, ch *crosscheck.GroupChanges) error {
	m := ch.Meta
	if _, err := tx.ExecContext(ctx, `INSERT INTO group_meta (id, format, version, documents, words, stories, signatures, postings)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET format = excluded.format, version = excluded.version,
		documents = excluded.documents, words = excluded.words, stories = excluded.stories, signatures = excluded.signatures,
		postings = excluded.postings`, m.Format, m.Version+1, m.Documents, m.Words, m.Stories, m.Signatures, m.Postings); err != nil {
		return err
	}
	var lists []crosscheck.GroupList
	var dropped []int32 // features no story is listed under any more
	for _, l := range ch.Lists {
		if len(l.Stories) == 0 {
			dropped = append(dropped, l.Feature)
		} else {
			lists = append(lists, l)
		}
	}
	type batch struct {
		query string // with %s where the rows' values go, each of cols columns
		cols  int
		n     int
		args  func(i int) []any
	}
	batches := []batch{
		{`INSERT INTO group_words (word, id, df) VALUES %s ON CONFLICT (word) DO UPDATE SET df = excluded.df`, 3, len(ch.Words),
			func(i int) []any { w := ch.Words[i]; return []any{w.Word, w.ID, w.DF} }},
		{`DELETE FROM group_lists WHERE feature IN (%s)`, 1, len(dropped), func(i int) []any { return []any{dropped[i]} }},
		{`INSERT INTO group_lists (feature, stories) VALUES %s ON CONFLICT (feature) DO UPDATE SET stories = excluded.stories`, 2, len(lists),
			func(i int) []any { l := lists[i]; return []any{l.Feature, l.Stories} }},
		{`INSERT INTO group_stories (id, key, first, last, summed, size, members, sum, indexed) VALUES %s
			ON CONFLICT (id) DO UPDATE SET first = excluded.first, last = excluded.last, summed = excluded.summed, size = excluded.size,
			members = excluded.members, sum = excluded.sum, indexed = excluded.indexed`, 9, len(ch.Stories),
			func(i int) []any {
				st := ch.Stories[i]
				return []any{st.ID, st.Key, crosscheck.FormatStoredTime(st.First), crosscheck.FormatStoredTime(st.Last), st.Summed, st.Size, st.Members, st.Sum, st.Indexed}
			}},
		{`DELETE FROM group_members WHERE story IN (%s)`, 1, len(ch.Rebuilt), func(i int) []any { return []any{ch.Rebuilt[i]} }},
		{`INSERT INTO group_members (story, idx, article, published, vector, day, days) VALUES %s
			ON CONFLICT (story, idx) DO UPDATE SET article = excluded.article, published = excluded.published, vector = excluded.vector,
			day = excluded.day, days = excluded.days`, 7, len(ch.Members),
			func(i int) []any {
				x := ch.Members[i]
				return []any{x.Story, x.Index, x.Article, crosscheck.FormatStoredTime(x.Published), x.Vector, x.Day, x.Days}
			}},
		{`INSERT INTO group_signatures (id, article, signature) VALUES %s`, 3, len(ch.Signatures),
			func(i int) []any { g := ch.Signatures[i]; return []any{g.ID, g.Article, g.Signature} }},
		{`INSERT INTO group_bands (band, signature) VALUES %s ON CONFLICT DO NOTHING`, 2, len(ch.Bands),
			func(i int) []any { b := ch.Bands[i]; return []any{b.Key, b.Signature} }},
		{`DELETE FROM group_bands WHERE (band, signature) IN (VALUES %s)`, 2, len(ch.Left),
			func(i int) []any { b := ch.Left[i]; return []any{b.Key, b.Signature} }},
	}
	if ch.Retired > 0 {
		if _, err := tx.ExecContext(ctx, `DELETE FROM group_signatures WHERE id < ?`, ch.Retired); err != nil {
			return err
		}
	}
	for _, b := range batches {
		if err := execRows(ctx, tx, b.query, b.cols, b.n, b.args); err != nil {
			return err
		}
	}
	return nil
}

// rowsPerStatement is how many rows one statement of a save writes: a statement a row costs
// as much again outside SQLite as in it.
const rowsPerStatement = 64

// execRows runs a statement over n rows, rowsPerStatement at a time, its %s replaced by as
// many parenthesised lists of cols placeholders: the rows are written in order, as one
// statement a row would.
func execRows(ctx context.Context, tx *sql.Tx, query string, cols, n int, row func(i int) []any) error {
	values := func(rows int) string {
		one := "(" + strings.TrimSuffix(strings.Repeat("?, ", cols), ", ") + ")"
		return strings.TrimSuffix(strings.Repeat(one+", ", rows), ", ")
	}
	var full *sql.Stmt // the statement of rowsPerStatement rows, prepared once
	defer func() {
		if full != nil {
			full.Close()
		}
	}()
	args := make([]any, 0, cols*min(n, rowsPerStatement))
	for i := 0; i < n; i += rowsPerStatement {
		k := min(rowsPerStatement, n-i)
		args = args[:0]
		for j := i; j < i+k; j++ {
			args = append(args, row(j)...)
		}
		var err error
		if k == rowsPerStatement {
			if full == nil {
				if full, err = tx.PrepareContext(ctx, fmt.Sprintf(query, values(k))); err != nil {
					return err
				}
			}
			_, err = full.ExecContext(ctx, args...)
		} else {
			_, err = tx.ExecContext(ctx, fmt.Sprintf(query, values(k)), args...)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// ResetGroups forgets every story, link, near-duplicate, story report and the grouping state.
func (s *Store) ResetGroups(ctx context.Context) error {
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return err
	}
	defer done()
	var version int64
	if m, err := groupMeta(ctx, tx); err == nil {
		version = m.Version
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	for _, table := range []string{"stories", "story_articles", "duplicates", "reports", "group_words",
		"group_stories", "group_members", "group_lists", "group_signatures", "group_bands"} {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil {
			return err
		}
	}
	// the version goes on rising, so that a writer that read the old state cannot save over this one
	if _, err := tx.ExecContext(ctx, `INSERT INTO group_meta (id, format, version, documents, words, stories, signatures, postings)
		VALUES (1, 0, ?, 0, 0, 0, 0, 0) ON CONFLICT (id) DO UPDATE SET format = 0, version = excluded.version, documents = 0,
		words = 0, stories = 0, signatures = 0, postings = 0, grouped = 0`, version+1); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return err
	}
	return tx.Commit()
}
