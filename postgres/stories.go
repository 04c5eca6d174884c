package postgres

import (
	"context"
	"errors"
	"fmt"
	"iter"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
)

// Generation returns a value that changes whenever articles are stored, stories change or
// the search takes what was stored.
func (s *Store) Generation(ctx context.Context) (string, error) {
	var groups, seq, indexed int64
	err := s.db.QueryRow(ctx, `SELECT (SELECT n FROM generation), coalesce((SELECT max(seq) FROM revisions), 0),
		(SELECT indexed FROM search_state)`).Scan(&groups, &seq, &indexed)
	return fmt.Sprintf("%d.%d.%d", groups, seq, indexed), err
}

// ShownGeneration returns a value that changes whenever what a story, a search or the page of
// a stored article shows may change: when stories change, an article is revised or recleaned,
// or the search takes new revisions (IndexSearch). Storing new articles alone leaves it as it
// was, so that servers over one database keep their caches while articles stream in.
func (s *Store) ShownGeneration(ctx context.Context) (string, error) {
	var groups, indexed int64
	err := s.db.QueryRow(ctx, `SELECT (SELECT n FROM generation), (SELECT indexed FROM search_state)`).Scan(&groups, &indexed)
	return fmt.Sprintf("%d.%d", groups, indexed), err
}

// bumpGeneration marks a change to stories or to stored analysis (a new revision of a stored
// article among them).
const bumpGeneration = `UPDATE generation SET n = n + 1`

// groupLock is the advisory lock a SaveGroups holds: the version it reads stays true until it
// commits.
const groupLock = 0x67726f7570 // "group"

// Ungrouped streams the articles not yet in a story in the order their latest revisions were
// stored, a page at a time.
func (s *Store) Ungrouped(ctx context.Context) iter.Seq2[*crosscheck.Article, error] {
	var from int64 // the articles up to the mark are in stories
	if err := s.db.QueryRow(ctx, `SELECT grouped FROM group_meta WHERE id = 1`).Scan(&from); err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return func(yield func(*crosscheck.Article, error) bool) { yield(nil, err) }
	}
	return crosscheck.Pages(from, page, func(after int64) ([]*crosscheck.Article, int64, error) {
		out, err := collect(ctx, s.db, func(r pgx.Rows) (*crosscheck.Article, error) { return scanArticle(r, &after) },
			`SELECT a.seq, `+articleColumns+`
			FROM articles a JOIN revisions r ON r.seq = a.seq
			LEFT JOIN story_articles sa ON sa.article_id = a.article_id
			WHERE sa.article_id IS NULL AND a.seq > $1 ORDER BY a.seq LIMIT $2`, after, page)
		return out, after, err
	})
}

// Stories streams the stories in creation order with their articles in ingest order.
func (s *Store) Stories(ctx context.Context) iter.Seq2[*crosscheck.Story, error] {
	return func(yield func(*crosscheck.Story, error) bool) {
		rows, err := s.db.Query(ctx, `SELECT s.id, s.ord, s.title, s.first, s.last, sa.article_id
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
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.DuplicateLink, error) {
		var d crosscheck.DuplicateLink
		return d, r.Scan(&d.Article, &d.Of, &d.Similarity)
	}, `SELECT d.article_id, d.of_article, d.similarity FROM unnest($1::text[]) WITH ORDINALITY AS g(id, i)
		JOIN duplicates d ON d.article_id = g.id ORDER BY g.i`, articles)
}

// StoryLinks returns why each of the given articles is in its story, in the order given.
func (s *Store) StoryLinks(ctx context.Context, articles []string) ([]crosscheck.StoryLink, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.StoryLink, error) {
		var l crosscheck.StoryLink
		return l, r.Scan(&l.Article, &l.Story, &l.Score, &l.Rule)
	}, `SELECT sa.article_id, sa.story_id, sa.score, sa.rule FROM unnest($1::text[]) WITH ORDINALITY AS g(id, i)
		JOIN story_articles sa ON sa.article_id = g.id ORDER BY g.i`, articles)
}

// Story returns the story with the given id, or the story the article with that id is in.
func (s *Store) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	st := crosscheck.Story{ID: id}
	err := s.db.QueryRow(ctx, `SELECT s.id, s.ord, s.title, s.first, s.last FROM stories s
		WHERE s.id = coalesce((SELECT story_id FROM story_articles WHERE article_id = $1), $1)`, id).
		Scan(&st.ID, &st.Order, &st.Title, &st.First, &st.Last)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("story %q: %w", id, crosscheck.ErrNotFound)
	}
	if err != nil {
		return nil, err
	}
	rows, err := s.db.Query(ctx, `SELECT sa.article_id, a.hash FROM story_articles sa JOIN articles a ON a.article_id = sa.article_id
		WHERE sa.story_id = $1 ORDER BY a.seq`, st.ID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a, hash string
		if err := rows.Scan(&a, &hash); err != nil {
			return nil, err
		}
		st.Articles, st.Hashes = append(st.Articles, a), append(st.Hashes, hash)
	}
	return &st, rows.Err()
}

// Report returns the stored report of a story when it was made under key, else nil.
func (s *Store) Report(ctx context.Context, story, key string) ([]byte, error) {
	return s.reportColumn(ctx, "report", story, key)
}

// ReportNumbers returns the numbers of a story's stored report when it was made under key,
// else nil.
func (s *Store) ReportNumbers(ctx context.Context, story, key string) ([]byte, error) {
	return s.reportColumn(ctx, "numbers", story, key)
}

// reportColumn reads one column of a story's stored report made under key; nil when there is
// none or it is empty.
func (s *Store) reportColumn(ctx context.Context, column, story, key string) ([]byte, error) {
	var v string
	err := s.db.QueryRow(ctx, `SELECT `+column+` FROM reports WHERE story_id = $1 AND key = $2`, story, key).Scan(&v)
	if errors.Is(err, pgx.ErrNoRows) || err == nil && v == "" && column == "numbers" {
		return nil, nil
	}
	return []byte(v), err
}

// SaveReport stores a story's report and its numbers, made under key, in place of the ones
// before.
func (s *Store) SaveReport(ctx context.Context, story, key string, report, numbers []byte) error {
	_, err := s.db.Exec(ctx, `INSERT INTO reports (story_id, key, report, numbers) VALUES ($1, $2, $3, $4)
		ON CONFLICT (story_id) DO UPDATE SET key = excluded.key, report = excluded.report, numbers = excluded.numbers`,
		story, key, string(report), string(numbers))
	return err
}
