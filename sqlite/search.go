package sqlite

import (
	"context"
	"strings"
	"unicode"
)

// IndexSearch adds to the full-text index the revisions stored since it last ran. Ingest
// does not index, so that it stays fast; whatever searches calls this first.
func (s *Store) IndexSearch(ctx context.Context) error {
	return retryBusy(ctx, func() error {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		defer tx.Rollback()
		if _, err := tx.ExecContext(ctx, `INSERT INTO article_search (rowid, title, text)
			SELECT seq, title, text FROM revisions WHERE seq > (SELECT indexed FROM search_state)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE search_state SET indexed = (SELECT coalesce(max(seq), 0) FROM revisions)`); err != nil {
			return err
		}
		return tx.Commit()
	})
}

// MatchQuery turns what a person types into an FTS5 query: every word must occur, as a
// word or a word's beginning; FTS5 operators and punctuation are taken literally.
func MatchQuery(q string) string {
	var terms []string
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		terms = append(terms, `"`+w+`"*`)
	}
	return strings.Join(terms, " ")
}

// SearchHit is an article that matches a search, with a passage around the match: the
// matched words are between \x02 and \x03.
type SearchHit struct {
	Article string `json:"article"`
	Story   string `json:"story,omitempty"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Date    string `json:"published"`
	Snippet string `json:"snippet"`
}

// Search finds the latest revisions of articles that match q (see MatchQuery), best first.
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]SearchHit, int, error) {
	match := MatchQuery(q)
	if match == "" {
		return nil, 0, nil
	}
	if err := s.IndexSearch(ctx); err != nil {
		return nil, 0, err
	}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_search f JOIN articles a ON a.seq = f.rowid
		WHERE article_search MATCH ?`, match).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.article_id, coalesce(sa.story_id, ''), r.title, r.source, r.published,
			snippet(article_search, 1, char(2), char(3), '…', 16)
		FROM article_search f JOIN articles a ON a.seq = f.rowid JOIN revisions r ON r.seq = a.seq
		LEFT JOIN story_articles sa ON sa.article_id = a.article_id
		WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?`, match, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []SearchHit
	for rows.Next() {
		var h SearchHit
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Date, &h.Snippet); err != nil {
			return nil, 0, err
		}
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// StoryQuery selects stories for the story list: those with an article that matches Q, from
// Outlet, published between From and To (dates as YYYY-MM-DD; empty: any).
type StoryQuery struct {
	Q, Outlet, From, To string
	Limit, Offset       int
}

// StoryList returns the ids of a page of the stories q selects, the latest first and, among
// those of one day, the biggest, with how many there are in all.
func (s *Store) StoryList(ctx context.Context, q StoryQuery) ([]string, int, error) {
	match := MatchQuery(q.Q)
	if match != "" {
		if err := s.IndexSearch(ctx); err != nil {
			return nil, 0, err
		}
	}
	where := `WHERE (?1 = '' OR s.last >= ?1) AND (?2 = '' OR s.first <= ?2)
		AND (?3 = '' OR EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.article_id = sa.article_id
			JOIN revisions r ON r.seq = a.seq WHERE sa.story_id = s.id AND r.source = ?3))
		AND (?4 = '' OR s.id IN (SELECT sa.story_id FROM article_search f JOIN articles a ON a.seq = f.rowid
			JOIN story_articles sa ON sa.article_id = a.article_id WHERE article_search MATCH ?4))`
	args := []any{q.From, q.To, q.Outlet, match}
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM stories s `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT s.id FROM stories s `+where+`
		ORDER BY s.last DESC, s.size DESC, s.ord DESC LIMIT ?5 OFFSET ?6`, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	return ids, total, rows.Err()
}

// Outlets returns the sources of the stored articles, with how many articles each has, the
// most first.
func (s *Store) Outlets(ctx context.Context) ([]Outlet, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.source, count(*) FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE r.source != '' GROUP BY r.source ORDER BY count(*) DESC, r.source LIMIT 200`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Outlet
	for rows.Next() {
		var o Outlet
		if err := rows.Scan(&o.Name, &o.Articles); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// Outlet is a source and how many articles it has in the store.
type Outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}
