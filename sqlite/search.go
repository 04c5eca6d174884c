package sqlite

import (
	"context"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// IndexSearch adds to the full-text index the revisions stored since it last ran. The writers
// call it when they are done (the pipeline after a run, the server at start); searching only
// reads.
func (s *Store) IndexSearch(ctx context.Context) error {
	return retryBusy(ctx, func() error {
		tx, done, err := s.beginWrite(ctx)
		if err != nil {
			return err
		}
		defer done()
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
// word or a word's beginning (a word of one or two letters as a whole word); FTS5 operators
// and punctuation are taken literally.
func MatchQuery(q string) string {
	var terms []string
	for _, w := range crosscheck.SearchTerms(q) {
		if crosscheck.WholeWordTerm(w) {
			terms = append(terms, `"`+w+`"`)
		} else {
			terms = append(terms, `"`+w+`"*`)
		}
	}
	return strings.Join(terms, " ")
}

// Search finds the latest revisions of articles that match q (see MatchQuery), best first.
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, int, error) {
	match := MatchQuery(q)
	if match == "" {
		return nil, 0, nil
	}
	var total int
	if err := s.readRow(ctx, `SELECT count(*) FROM article_search f JOIN articles a ON a.seq = f.rowid
		WHERE article_search MATCH ?`, match).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.readRows(ctx, `SELECT a.article_id, coalesce(sa.story_id, ''), r.title, r.source, r.published,
			substr(r.text, 1, ?)
		FROM article_search f JOIN articles a ON a.seq = f.rowid JOIN revisions r ON r.seq = a.seq
		LEFT JOIN story_articles sa ON sa.article_id = a.article_id
		WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?`, crosscheck.PassageWindow, match, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []crosscheck.SearchHit
	terms := crosscheck.SearchTerms(q)
	for rows.Next() {
		var h crosscheck.SearchHit
		var text string
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Date, &text); err != nil {
			return nil, 0, err
		}
		h.Snippet = crosscheck.Passage(text, terms)
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// StoryList returns the ids of a page of the stories q selects, the latest first and, among
// those of one day, the biggest, with how many there are in all. The query holds only the
// filters q gives, and a search starts from the stories whose articles match, not from every
// story.
func (s *Store) StoryList(ctx context.Context, q crosscheck.StoryQuery) ([]string, int, error) {
	from, where, args := `stories s`, []string{"1"}, []any{}
	if match := MatchQuery(q.Q); match != "" {
		from = `(SELECT DISTINCT sa.story_id AS id FROM article_search f JOIN articles a ON a.seq = f.rowid
			JOIN story_articles sa ON sa.article_id = a.article_id WHERE article_search MATCH ?) m JOIN stories s ON s.id = m.id`
		args = append(args, match)
	}
	for _, f := range []struct{ value, cond string }{
		{q.From, `s.last >= ?`},
		{q.To, `s.first <= ?`},
		{q.Outlet, `EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.article_id = sa.article_id
			JOIN revisions r ON r.seq = a.seq WHERE sa.story_id = s.id AND r.source = ?)`},
	} {
		if f.value != "" {
			where, args = append(where, f.cond), append(args, f.value)
		}
	}
	selected := from + ` WHERE ` + strings.Join(where, " AND ")
	var total int
	if err := s.readRow(ctx, `SELECT count(*) FROM `+selected, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.readRows(ctx, `SELECT s.id FROM `+selected+`
		ORDER BY s.last DESC, s.size DESC, s.ord DESC LIMIT ? OFFSET ?`, append(args, q.Limit, q.Offset)...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	return ids, total, rows.Err()
}

// Outlets returns the sources of the stored articles, with how many articles each has, the
// most first. The counts are the rows storing keeps per source (see lineCounter), not counted
// over the articles on every call.
func (s *Store) Outlets(ctx context.Context) ([]crosscheck.Outlet, error) {
	rows, err := s.readRows(ctx, `SELECT source, articles FROM sources WHERE source != '' AND articles > 0
		ORDER BY articles DESC, source LIMIT 200`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []crosscheck.Outlet
	for rows.Next() {
		var o crosscheck.Outlet
		if err := rows.Scan(&o.Name, &o.Articles); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}
