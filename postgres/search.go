package postgres

import (
	"context"
	"strings"
	"unicode"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
)

// searchWords is the text a revision's search vector is made of: its words as SQLite's
// unicode61 tokenizer sees them (runs of letters and digits), lower-cased and without
// diacritics, one space apart, so that PostgreSQL's simple parser reads the same words.
func searchWords(text string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(crosscheck.FoldDiacritics(strings.ToLower(w)))
	}
	return b.String()
}

// tsQuery turns what a person types into a tsquery: every term must occur, as a word's
// beginning, or as a whole word for a term of one or two letters. Terms are letters and digits
// only, so nothing in them is taken as an operator.
func tsQuery(q string) string {
	var terms []string
	for _, t := range crosscheck.SearchTerms(q) {
		t = crosscheck.FoldDiacritics(t)
		if crosscheck.WholeWordTerm(t) {
			terms = append(terms, t)
		} else {
			terms = append(terms, t+":*")
		}
	}
	return strings.Join(terms, " & ")
}

// IndexSearch lets the search answer from the revisions stored since it last ran: their search
// vectors are written with them, and the search reads the revisions up to the mark this moves
// (searched), as SQLite's reads its index, so that storing articles changes no search until
// the writer that stored them is done (see ShownGeneration).
func (s *Store) IndexSearch(ctx context.Context) error {
	_, err := s.db.Exec(ctx, `UPDATE search_state SET indexed = (SELECT coalesce(max(seq), 0) FROM revisions)
		WHERE indexed IS DISTINCT FROM (SELECT coalesce(max(seq), 0) FROM revisions)`)
	return err
}

// searched is the condition that the search answers from revision r. Nearly every revision
// passes it, so it is kept off the index on seq (r.seq + 0): the planner, which cannot know the
// mark, would otherwise scan a third of that index beside the search index's few rows.
const searched = `r.seq + 0 <= (SELECT indexed FROM search_state)`

// Search finds the latest revisions of articles that match q (see tsQuery), best first: by
// ts_rank, then in the order they were stored.
func (s *Store) Search(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, int, error) {
	match := tsQuery(q)
	if match == "" {
		return nil, 0, nil
	}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE r.search @@ to_tsquery('simple', $1) AND `+searched, match).Scan(&total); err != nil {
		return nil, 0, err
	}
	terms := crosscheck.SearchTerms(q)
	hits, err := collect(ctx, s.db, func(r pgx.Rows) (crosscheck.SearchHit, error) {
		var h crosscheck.SearchHit
		var text string
		err := r.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Date, &text)
		h.Snippet = crosscheck.Passage(text, terms)
		return h, err
	}, `SELECT a.article_id, coalesce(sa.story_id, ''), r.title, r.source, r.published, left(r.text, $2)
		FROM articles a JOIN revisions r ON r.seq = a.seq
		LEFT JOIN story_articles sa ON sa.article_id = a.article_id
		WHERE r.search @@ to_tsquery('simple', $1) AND `+searched+`
		ORDER BY ts_rank(r.search, to_tsquery('simple', $1)) DESC, a.seq LIMIT $3 OFFSET $4`,
		match, crosscheck.PassageWindow, limit, offset)
	return hits, total, err
}

// StoryList returns the ids of a page of the stories q selects, the latest first and, among
// those of one day, the biggest, with how many there are in all.
func (s *Store) StoryList(ctx context.Context, q crosscheck.StoryQuery) ([]string, int, error) {
	where := `WHERE ($1 = '' OR s.last >= $1) AND ($2 = '' OR s.first <= $2)
		AND ($3 = '' OR EXISTS (SELECT 1 FROM story_articles sa JOIN articles a ON a.article_id = sa.article_id
			JOIN revisions r ON r.seq = a.seq WHERE sa.story_id = s.id AND r.source = $3))
		AND ($4 = '' OR s.id IN (SELECT sa.story_id FROM revisions r JOIN articles a ON a.seq = r.seq
			JOIN story_articles sa ON sa.article_id = a.article_id WHERE r.search @@ to_tsquery('simple', $4) AND ` + searched + `))`
	args := []any{q.From, q.To, q.Outlet, tsQuery(q.Q)}
	var total int
	if err := s.db.QueryRow(ctx, `SELECT count(*) FROM stories s `+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := any(q.Limit)
	if q.Limit < 0 {
		limit = nil // as SQLite reads LIMIT -1: no limit
	}
	ids, err := collect(ctx, s.db, scanString, `SELECT s.id FROM stories s `+where+`
		ORDER BY s.last DESC, s.size DESC, s.ord DESC LIMIT $5 OFFSET $6`, append(args, limit, q.Offset)...)
	return ids, total, err
}

// Outlets returns the sources of the stored articles, with how many articles each has, the
// most first.
func (s *Store) Outlets(ctx context.Context) ([]crosscheck.Outlet, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.Outlet, error) {
		var o crosscheck.Outlet
		return o, r.Scan(&o.Name, &o.Articles)
	}, `SELECT r.source, count(*) FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE r.source != '' GROUP BY r.source ORDER BY count(*) DESC, r.source COLLATE "C" LIMIT 200`)
}
