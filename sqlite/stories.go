package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"sync"

	"github.com/crosscheck/crosscheck"
)

// Generation returns a value that changes whenever articles are stored, stories change or
// the search index takes what was stored, so that what is worked out from them can be kept
// until it does.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var groups, seq, indexed int64
	err := s.readRow(ctx, `SELECT (SELECT n FROM generation), coalesce((SELECT max(seq) FROM revisions), 0),
		(SELECT indexed FROM search_state)`).Scan(&groups, &seq, &indexed)
	return fmt.Sprintf("%d.%d.%d", groups, seq, indexed), err
}

// ShownGeneration returns a value that changes whenever what a story, a search or the page of
// a stored article shows may change: when stories change, an article is revised or recleaned,
// or the search index takes new revisions. Storing new articles alone leaves it as it was:
// no story and no search shows them until they are grouped or indexed.
func (s *Store) ShownGeneration(ctx context.Context) (string, error) {
	var groups, indexed int64
	err := s.readRow(ctx, `SELECT (SELECT n FROM generation), (SELECT indexed FROM search_state)`).Scan(&groups, &indexed)
	return fmt.Sprintf("%d.%d", groups, indexed), err
}

// bumpGeneration marks a change to stories or to stored analysis (a new revision of a stored
// article among them).
const bumpGeneration = `UPDATE generation SET n = n + 1`

// SaveGroups stores the grouping state's changed rows, the changed stories, the moves and the
// new links at once, over the version of the state they were worked out from.
func (s *Store) SaveGroups(ctx context.Context, save crosscheck.GroupSave) (err error) {
	defer ended(ctx, &err)
	tx, done, err := s.beginWrite(ctx) // BEGIN IMMEDIATE: the version read below stays true until commit
	if err != nil {
		return err
	}
	defer done()
	ctx = rowContext(ctx)
	current, err := groupMeta(ctx, tx)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if current.Version != save.Version {
		return fmt.Errorf("grouping state version %d, read at %d: %w", current.Version, save.Version, crosscheck.ErrConflict)
	}
	save.Changes.Meta.Version = save.Version
	if err := saveGroupRows(ctx, tx, &save.Changes); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		return err
	}
	for _, mv := range save.Moves {
		var err error
		if mv.Article == "" {
			_, err = tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ?, score = 0, rule = ? WHERE story_id = ?`, mv.To, movedRule, mv.From)
		} else {
			_, err = tx.ExecContext(ctx, `UPDATE story_articles SET story_id = ?, score = 0, rule = ? WHERE article_id = ?`, mv.To, movedRule, mv.Article)
		}
		if err != nil {
			return err
		}
	}
	// the rows many at a statement (see execRows)
	if err := execRows(ctx, tx, `INSERT INTO story_articles (article_id, story_id, score, rule) VALUES %s
		ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, rule = excluded.rule`, 4, len(save.Links),
		func(i int) []any { l := save.Links[i]; return []any{l.Article, l.Story, l.Score, l.Rule} }); err != nil {
		return err
	}
	if err := execRows(ctx, tx, `INSERT INTO duplicates (article_id, of_article, similarity) VALUES %s
		ON CONFLICT (article_id) DO UPDATE SET of_article = excluded.of_article, similarity = excluded.similarity`, 3, len(save.Dups),
		func(i int) []any { d := save.Dups[i]; return []any{d.Article, d.Of, d.Similarity} }); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, advanceGrouped); err != nil {
		return err
	}
	// each story's size counted from its links; "(?, ?, ?, ?, ?, ?)" a row, the last its id again
	if err := execRows(ctx, tx, `INSERT INTO stories (id, ord, title, first, last, size)
		SELECT column1, column2, column3, column4, column5, (SELECT COUNT(*) FROM story_articles WHERE story_id = column6)
		FROM (VALUES %s) WHERE true
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size`, 6, len(save.Stories),
		func(i int) []any {
			st := save.Stories[i]
			return []any{st.ID, st.Order, st.Title, st.First, st.Last, st.ID}
		}); err != nil {
		return err
	}
	// a story a merge emptied is gone
	if err := execRows(ctx, tx, `DELETE FROM stories WHERE size = 0 AND id IN (%s)`, 1, len(save.Stories),
		func(i int) []any { return []any{save.Stories[i].ID} }); err != nil {
		return err
	}
	return tx.Commit()
}

// advanceGrouped moves the mark below which every article is in a story up to the first one
// that is not, reading only the articles stored since the mark: so that finding the ungrouped
// articles of a large store reads only the newest.
const advanceGrouped = `UPDATE group_meta SET grouped = coalesce(
	(SELECT min(a.seq) - 1 FROM articles a LEFT JOIN story_articles sa ON sa.article_id = a.article_id
		WHERE sa.article_id IS NULL AND a.seq > group_meta.grouped),
	(SELECT max(seq) FROM articles), 0)`

// movedRule is the link of an article of an earlier run that a split or a merge moved.
const movedRule = "moved: its story split or merged"

// Ungrouped streams the articles not yet in a story in the order their latest revisions were
// stored, a page at a time.
func (s *Store) Ungrouped(ctx context.Context) iter.Seq2[*crosscheck.Article, error] {
	var from int64 // the articles up to the mark are in stories
	if err := s.db.QueryRowContext(ctx, `SELECT grouped FROM group_meta WHERE id = 1`).Scan(&from); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return func(yield func(*crosscheck.Article, error) bool) { yield(nil, err) }
	}
	return paged(from, func(after int64) ([]*crosscheck.Article, int64, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT a.seq, `+articleColumns+`
			FROM articles a JOIN revisions r ON r.seq = a.seq
			LEFT JOIN story_articles sa ON sa.article_id = a.article_id
			WHERE sa.article_id IS NULL AND a.seq > ? ORDER BY a.seq LIMIT ?`, after, articlePage)
		if err != nil {
			return nil, after, err
		}
		defer rows.Close()
		var page []*crosscheck.Article
		for rows.Next() {
			a, err := scanArticle(seqScanner{rows, &after})
			if err != nil {
				return nil, after, err
			}
			page = append(page, a)
		}
		return page, after, rows.Err()
	})
}

// seqScanner reads a leading sequence column into *seq before the article's columns.
type seqScanner struct {
	rows *sql.Rows
	seq  *int64
}

func (s seqScanner) Scan(dest ...any) error {
	return s.rows.Scan(append([]any{s.seq}, dest...)...)
}

// Stories streams the stories in creation order with their articles in ingest order.
func (s *Store) Stories(ctx context.Context) iter.Seq2[*crosscheck.Story, error] {
	return func(yield func(*crosscheck.Story, error) bool) {
		rows, err := s.db.QueryContext(ctx, `SELECT s.id, s.ord, s.title, s.first, s.last, sa.article_id
			FROM stories s JOIN story_articles sa ON sa.story_id = s.id JOIN articles a ON a.article_id = sa.article_id
			ORDER BY s.ord, a.seq`)
		if err != nil {
			yield(nil, err)
			return
		}
		defer rows.Close()
		crosscheck.GatherStories(rows, yield)
	}
}

// Duplicates returns the near-duplicate links of the given articles, in the order given.
func (s *Store) Duplicates(ctx context.Context, articles []string) ([]crosscheck.DuplicateLink, error) {
	return lookupAll(ctx, s, `SELECT article_id, of_article, similarity FROM duplicates WHERE article_id IN (SELECT value FROM json_each(?))`, articles,
		func(rows *sql.Rows) (string, crosscheck.DuplicateLink, error) {
			var d crosscheck.DuplicateLink
			return d.Article, d, rows.Scan(&d.Article, &d.Of, &d.Similarity)
		})
}

// StoryLinks returns why each of the given articles is in its story, in the order given.
func (s *Store) StoryLinks(ctx context.Context, articles []string) ([]crosscheck.StoryLink, error) {
	return lookupAll(ctx, s, `SELECT article_id, story_id, score, rule FROM story_articles WHERE article_id IN (SELECT value FROM json_each(?))`, articles,
		func(rows *sql.Rows) (string, crosscheck.StoryLink, error) {
			var l crosscheck.StoryLink
			return l.Article, l, rows.Scan(&l.Article, &l.Story, &l.Score, &l.Rule)
		})
}

// lookupAll runs one query for the rows of all the given ids (a JSON array, its one
// parameter) and keeps the rows found in the order of the ids: one query, not one per id, so
// that a page waits for a connection once.
func lookupAll[T any](ctx context.Context, s *Store, query string, ids []string, scan func(*sql.Rows) (string, T, error)) ([]T, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.readRows(ctx, query, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	found := map[string]T{}
	for rows.Next() {
		id, v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		found[id] = v
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	var out []T
	for _, id := range ids {
		if v, ok := found[id]; ok {
			out = append(out, v)
		}
	}
	return out, nil
}

// Story returns the story with the given id, or the story the article with that id is in, in
// one query.
func (s *Store) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	rows, err := s.readRows(ctx, `SELECT s.id, s.ord, s.title, s.first, s.last, sa.article_id, a.hash
		FROM stories s LEFT JOIN story_articles sa ON sa.story_id = s.id LEFT JOIN articles a ON a.article_id = sa.article_id
		WHERE s.id = coalesce((SELECT story_id FROM story_articles WHERE article_id = ?1), ?1) ORDER BY a.seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var st *crosscheck.Story
	for rows.Next() {
		var one crosscheck.Story
		var article, hash sql.NullString
		if err := rows.Scan(&one.ID, &one.Order, &one.Title, &one.First, &one.Last, &article, &hash); err != nil {
			return nil, err
		}
		if st == nil {
			st = &one
		}
		if article.Valid && hash.Valid { // a link to an article that is not stored is no member
			st.Articles, st.Hashes = append(st.Articles, article.String), append(st.Hashes, hash.String)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if st == nil {
		return nil, fmt.Errorf("story %q: %w", id, crosscheck.ErrNotFound)
	}
	return st, nil
}

// Report returns the stored report of a story when it was made under key, else nil.
func (s *Store) Report(ctx context.Context, story, key string) ([]byte, error) {
	if m, ok := s.held.get(story, key); ok {
		return m.report, nil
	}
	var k, r string
	err := s.readRow(ctx, `SELECT key, report FROM reports WHERE story_id = ?`, story).Scan(&k, &r)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && k != key) {
		return nil, nil
	}
	return []byte(r), err
}

// ReportNumbers returns the numbers of a story's stored report when it was made under key,
// else nil.
func (s *Store) ReportNumbers(ctx context.Context, story, key string) ([]byte, error) {
	if m, ok := s.held.get(story, key); ok {
		return m.numbers, nil
	}
	var k, n string
	err := s.readRow(ctx, `SELECT key, numbers FROM reports WHERE story_id = ?`, story).Scan(&k, &n)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && (k != key || n == "")) {
		return nil, nil
	}
	return []byte(n), err
}

// SaveReport stores a story's report and its numbers, made under key, in place of the ones
// before. A store opened read-only holds the report in memory instead (see heldReports), so
// that a server over it still shows every story.
func (s *Store) SaveReport(ctx context.Context, story, key string, report, numbers []byte) error {
	if s.readOnly {
		s.held.put(story, heldReport{key: key, report: report, numbers: numbers})
		return nil
	}
	_, err := s.execWrite(ctx, `INSERT INTO reports (story_id, key, report, numbers) VALUES (?, ?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET key = excluded.key, report = excluded.report, numbers = excluded.numbers`,
		story, key, string(report), string(numbers))
	return err
}

// heldReports keeps the reports made over a read-only store, which cannot write them: the
// latest heldLimit, the oldest let go first.
type heldReports struct {
	mu    sync.Mutex
	by    map[string]heldReport
	order []string
}

type heldReport struct {
	key             string
	report, numbers []byte
}

const heldLimit = 256

func (h *heldReports) get(story, key string) (heldReport, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	m, ok := h.by[story]
	return m, ok && m.key == key
}

func (h *heldReports) put(story string, m heldReport) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.by == nil {
		h.by = map[string]heldReport{}
	}
	if _, ok := h.by[story]; !ok {
		h.order = append(h.order, story)
	}
	h.by[story] = m
	for len(h.order) > heldLimit {
		delete(h.by, h.order[0])
		h.order = h.order[1:]
	}
}
