package sqlite

import (
	"context"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// IndexSearch adds to the full-text index the revisions stored since it last ran. The writers
// call it when they are done (the pipeline after a run, the server at start); searching only
// reads.
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

// A search's work is bounded: at most MaxSearchWords distinct words of at most
// MaxSearchWordLen bytes each are looked up, a word shorter than three letters only as a whole
// word (as a prefix it would match most of the index), and a passage is cut from the first
// passageWindow bytes of an article only.
const (
	MaxSearchWords   = 8
	MaxSearchWordLen = 64
	passageWindow    = 64 << 10
)

// searchTerms are the words of what a person types that a search looks up, folded, once each.
func searchTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = strings.ToLower(w)
		if len(w) > MaxSearchWordLen || seen[w] {
			continue
		}
		seen[w] = true
		if out = append(out, w); len(out) == MaxSearchWords {
			break
		}
	}
	return out
}

// MatchQuery turns what a person types into an FTS5 query: every word must occur, as a
// word or a word's beginning (a word of one or two letters as a whole word); FTS5 operators
// and punctuation are taken literally.
func MatchQuery(q string) string {
	var terms []string
	for _, w := range searchTerms(q) {
		if len([]rune(w)) < 3 {
			terms = append(terms, `"`+w+`"`)
		} else {
			terms = append(terms, `"`+w+`"*`)
		}
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
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM article_search f JOIN articles a ON a.seq = f.rowid
		WHERE article_search MATCH ?`, match).Scan(&total); err != nil {
		return nil, 0, err
	}
	rows, err := s.db.QueryContext(ctx, `SELECT a.article_id, coalesce(sa.story_id, ''), r.title, r.source, r.published,
			substr(r.text, 1, ?)
		FROM article_search f JOIN articles a ON a.seq = f.rowid JOIN revisions r ON r.seq = a.seq
		LEFT JOIN story_articles sa ON sa.article_id = a.article_id
		WHERE article_search MATCH ? ORDER BY rank LIMIT ? OFFSET ?`, passageWindow, match, limit, offset)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []SearchHit
	terms := searchTerms(q)
	for rows.Next() {
		var h SearchHit
		var text string
		if err := rows.Scan(&h.Article, &h.Story, &h.Title, &h.Source, &h.Date, &text); err != nil {
			return nil, 0, err
		}
		h.Snippet = passage(text, terms)
		out = append(out, h)
	}
	return out, total, rows.Err()
}

// passage is the words around the first of the terms in text, about sixteen of them, with each
// matched word between \x02 and \x03: a word matches a term it starts with (a term of one or
// two letters, a word it equals), case and diacritics aside.
func passage(text string, terms []string) string {
	words := strings.Fields(text)
	matches := func(w string) bool {
		f := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		f = foldDiacritics(f)
		for _, t := range terms {
			t = foldDiacritics(t)
			if len([]rune(t)) < 3 && f == t || len([]rune(t)) >= 3 && strings.HasPrefix(f, t) {
				return true
			}
		}
		return false
	}
	first := 0
	for i, w := range words {
		if matches(w) {
			first = i
			break
		}
	}
	from, to := max(0, first-6), min(len(words), first+10)
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte(' ')
		}
		if matches(words[i]) {
			b.WriteString("\x02" + words[i] + "\x03")
		} else {
			b.WriteString(words[i])
		}
	}
	if to < len(words) {
		b.WriteString("…")
	}
	return b.String()
}

// foldDiacritics drops the marks on letters ("é" → "e"), as the index's tokenizer does.
func foldDiacritics(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
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
