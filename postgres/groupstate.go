package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
)

// The grouping state's rows (migrations 004 and 006), as SQLite keeps them: a clusterer reads the ones
// an article needs and SaveGroups writes the ones that changed.

// GroupMeta returns the grouping state's counters, or crosscheck.ErrRegroup when the store has
// stories but no state in rows (they were grouped by an older version).
func (s *Store) GroupMeta(ctx context.Context) (crosscheck.GroupMeta, error) {
	m, err := groupMeta(ctx, s.db)
	if errors.Is(err, pgx.ErrNoRows) {
		var stories bool
		if err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM story_articles)`).Scan(&stories); err != nil {
			return m, err
		}
		if stories {
			return m, crosscheck.ErrRegroup
		}
		return crosscheck.GroupMeta{}, nil
	}
	return m, err
}

type rowQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

func groupMeta(ctx context.Context, q rowQuerier) (crosscheck.GroupMeta, error) {
	var m crosscheck.GroupMeta
	err := q.QueryRow(ctx, `SELECT format, version, documents, words, stories, signatures, postings FROM group_meta WHERE id = 1`).
		Scan(&m.Format, &m.Version, &m.Documents, &m.Words, &m.Stories, &m.Signatures, &m.Postings)
	return m, err
}

// GroupWords returns the known ones of the given features.
func (s *Store) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupWord, error) {
		var w crosscheck.GroupWord
		return w, r.Scan(&w.Word, &w.ID, &w.DF)
	}, `SELECT word, id, df FROM group_words WHERE word = ANY($1)`, words)
}

// GroupLists returns the posting lists of the given features, by feature.
func (s *Store) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupList, error) {
		var l crosscheck.GroupList
		return l, r.Scan(&l.Feature, &l.Stories)
	}, `SELECT feature, stories FROM group_lists WHERE feature = ANY($1) ORDER BY feature`, features)
}

// GroupStories returns the given stories.
func (s *Store) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupStory, error) {
		var st crosscheck.GroupStory
		var first, last string
		if err := r.Scan(&st.ID, &st.Key, &first, &last, &st.Summed, &st.Size, &st.Members, &st.Sum, &st.Indexed); err != nil {
			return st, err
		}
		st.Sum, st.Indexed = orNil(st.Sum), orNil(st.Indexed)
		var err error
		if st.First, err = crosscheck.ParseStoredTime(first); err != nil {
			return st, err
		}
		st.Last, err = crosscheck.ParseStoredTime(last)
		return st, err
	}, `SELECT id, key, first, last, summed, size, members, sum, indexed FROM group_stories WHERE id = ANY($1)`, ids)
}

// GroupMembers returns a story's members in order.
func (s *Store) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupMember, error) {
		var m crosscheck.GroupMember
		var published string
		var days int16
		if err := r.Scan(&m.Story, &m.Index, &m.Article, &published, &m.Vector, &m.Day, &days); err != nil {
			return m, err
		}
		m.Days, m.Vector = uint8(days), orNil(m.Vector)
		var err error
		m.Published, err = crosscheck.ParseStoredTime(published)
		return m, err
	}, `SELECT story, idx, article, published, vector, day, days FROM group_members WHERE story = $1 ORDER BY idx`, story)
}

// GroupBands returns the signatures in the given band buckets, by key and signature.
func (s *Store) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupBand, error) {
		var b crosscheck.GroupBand
		return b, r.Scan(&b.Key, &b.Signature)
	}, `SELECT band, signature FROM group_bands WHERE band = ANY($1) ORDER BY band, signature`, keys)
}

// GroupSignatures returns the given signatures.
func (s *Store) GroupSignatures(ctx context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (crosscheck.GroupSignature, error) {
		var g crosscheck.GroupSignature
		err := r.Scan(&g.ID, &g.Article, &g.Signature)
		g.Signature = orNil(g.Signature)
		return g, err
	}, `SELECT id, article, signature FROM group_signatures WHERE id = ANY($1)`, ids)
}

// orNil reads an empty blob as none, as SQLite does, so that both stores give the same rows.
func orNil(b []byte) []byte {
	if len(b) == 0 {
		return nil
	}
	return b
}

// Times are kept as RFC 3339 text with nanoseconds, so that a state read back is the one saved.
// queueGroupRows queues a clusterer's changed rows in the batch of SaveGroups: each table's
// rows as one statement over arrays (unnest), not a statement a row, since a save writes tens
// of thousands of them. A row given twice is written as it was given the second time, as
// statements run in turn would leave it.
func queueGroupRows(batch *pgx.Batch, ch *crosscheck.GroupChanges) {
	m := ch.Meta
	batch.Queue(`INSERT INTO group_meta (id, format, version, documents, words, stories, signatures, postings)
		VALUES (1, $1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET format = excluded.format, version = excluded.version,
		documents = excluded.documents, words = excluded.words, stories = excluded.stories, signatures = excluded.signatures,
		postings = excluded.postings`, m.Format, m.Version+1, m.Documents, m.Words, m.Stories, m.Signatures, m.Postings)
	if words := lastByKey(ch.Words, func(w crosscheck.GroupWord) string { return w.Word }); len(words) > 0 {
		batch.Queue(`INSERT INTO group_words (word, id, df) SELECT * FROM unnest($1::text[], $2::integer[], $3::integer[])
			ON CONFLICT (word) DO UPDATE SET df = excluded.df`,
			column(words, func(w crosscheck.GroupWord) string { return w.Word }),
			column(words, func(w crosscheck.GroupWord) int32 { return w.ID }),
			column(words, func(w crosscheck.GroupWord) int32 { return w.DF }))
	}
	var dropped []int32
	var lists []crosscheck.GroupList
	for _, l := range lastByKey(ch.Lists, func(l crosscheck.GroupList) int32 { return l.Feature }) {
		if len(l.Stories) == 0 { // no story is listed under the feature any more
			dropped = append(dropped, l.Feature)
		} else {
			lists = append(lists, l)
		}
	}
	if len(dropped) > 0 {
		batch.Queue(`DELETE FROM group_lists WHERE feature = ANY($1::integer[])`, dropped)
	}
	if len(lists) > 0 {
		batch.Queue(`INSERT INTO group_lists (feature, stories) SELECT * FROM unnest($1::integer[], $2::bytea[])
			ON CONFLICT (feature) DO UPDATE SET stories = excluded.stories`,
			column(lists, func(l crosscheck.GroupList) int32 { return l.Feature }),
			column(lists, func(l crosscheck.GroupList) []byte { return blob(l.Stories) }))
	}
	if stories := lastByKey(ch.Stories, func(st crosscheck.GroupStory) int { return st.ID }); len(stories) > 0 {
		batch.Queue(`INSERT INTO group_stories (id, key, first, last, summed, size, members, sum, indexed)
			SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bytea[], $9::bytea[])
			ON CONFLICT (id) DO UPDATE SET first = excluded.first, last = excluded.last, summed = excluded.summed, size = excluded.size,
			members = excluded.members, sum = excluded.sum, indexed = excluded.indexed`,
			column(stories, func(st crosscheck.GroupStory) int { return st.ID }),
			column(stories, func(st crosscheck.GroupStory) string { return st.Key }),
			column(stories, func(st crosscheck.GroupStory) string { return crosscheck.FormatStoredTime(st.First) }),
			column(stories, func(st crosscheck.GroupStory) string { return crosscheck.FormatStoredTime(st.Last) }),
			column(stories, func(st crosscheck.GroupStory) int { return st.Summed }),
			column(stories, func(st crosscheck.GroupStory) int { return st.Size }),
			column(stories, func(st crosscheck.GroupStory) int { return st.Members }),
			column(stories, func(st crosscheck.GroupStory) []byte { return blob(st.Sum) }),
			column(stories, func(st crosscheck.GroupStory) []byte { return blob(st.Indexed) }))
	}
	if len(ch.Rebuilt) > 0 {
		batch.Queue(`DELETE FROM group_members WHERE story = ANY($1::bigint[])`, ch.Rebuilt)
	}
	type memberKey struct{ story, idx int }
	if members := lastByKey(ch.Members, func(x crosscheck.GroupMember) memberKey { return memberKey{x.Story, x.Index} }); len(members) > 0 {
		batch.Queue(`INSERT INTO group_members (story, idx, article, published, vector, day, days)
			SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::bytea[], $6::smallint[], $7::smallint[])
			ON CONFLICT (story, idx) DO UPDATE SET article = excluded.article, published = excluded.published, vector = excluded.vector,
			day = excluded.day, days = excluded.days`,
			column(members, func(x crosscheck.GroupMember) int { return x.Story }),
			column(members, func(x crosscheck.GroupMember) int { return x.Index }),
			column(members, func(x crosscheck.GroupMember) string { return x.Article }),
			column(members, func(x crosscheck.GroupMember) string { return crosscheck.FormatStoredTime(x.Published) }),
			column(members, func(x crosscheck.GroupMember) []byte { return blob(x.Vector) }),
			column(members, func(x crosscheck.GroupMember) int16 { return int16(x.Day) }),
			column(members, func(x crosscheck.GroupMember) int16 { return int16(x.Days) }))
	}
	if len(ch.Signatures) > 0 {
		batch.Queue(`INSERT INTO group_signatures (id, article, signature) SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])`,
			column(ch.Signatures, func(g crosscheck.GroupSignature) int64 { return g.ID }),
			column(ch.Signatures, func(g crosscheck.GroupSignature) string { return g.Article }),
			column(ch.Signatures, func(g crosscheck.GroupSignature) []byte { return blob(g.Signature) }))
	}
	if len(ch.Bands) > 0 {
		batch.Queue(`INSERT INTO group_bands (band, signature) SELECT * FROM unnest($1::bigint[], $2::bigint[]) ON CONFLICT DO NOTHING`,
			column(ch.Bands, func(b crosscheck.GroupBand) int64 { return b.Key }),
			column(ch.Bands, func(b crosscheck.GroupBand) int64 { return b.Signature }))
	}
	if len(ch.Left) > 0 {
		batch.Queue(`DELETE FROM group_bands WHERE (band, signature) IN (SELECT * FROM unnest($1::bigint[], $2::bigint[]))`,
			column(ch.Left, func(b crosscheck.GroupBand) int64 { return b.Key }),
			column(ch.Left, func(b crosscheck.GroupBand) int64 { return b.Signature }))
	}
	if ch.Retired > 0 {
		batch.Queue(`DELETE FROM group_signatures WHERE id < $1`, ch.Retired)
	}
}

// lastByKey returns rows less those whose key comes again later: the last of each key, in
// the order of those.
func lastByKey[T any, K comparable](rows []T, key func(T) K) []T {
	last := make(map[K]int, len(rows))
	for i, r := range rows {
		last[key(r)] = i
	}
	if len(last) == len(rows) {
		return rows
	}
	out := make([]T, 0, len(last))
	for i, r := range rows {
		if last[key(r)] == i {
			out = append(out, r)
		}
	}
	return out
}

// column returns one column of rows, as an array parameter.
func column[T, V any](rows []T, f func(T) V) []V {
	out := make([]V, len(rows))
	for i, r := range rows {
		out[i] = f(r)
	}
	return out
}

// blob is b, or an empty blob for none: an array's nil element would be NULL.
func blob(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// ResetGroups forgets every story, link, near-duplicate, story report and the grouping state.
func (s *Store) ResetGroups(ctx context.Context) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, groupLock); err != nil {
			return err
		}
		var version int64
		if m, err := groupMeta(ctx, tx); err == nil {
			version = m.Version
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		batch := &pgx.Batch{}
		for _, table := range []string{"stories", "story_articles", "duplicates", "reports", "group_words",
			"group_stories", "group_members", "group_lists", "group_signatures", "group_bands"} {
			batch.Queue(`DELETE FROM ` + table)
		}
		// the version goes on rising, so that a writer that read the old state cannot save over this one
		batch.Queue(`INSERT INTO group_meta (id, format, version, documents, words, stories, signatures, postings)
			VALUES (1, 0, $1, 0, 0, 0, 0, 0) ON CONFLICT (id) DO UPDATE SET format = 0, version = excluded.version, documents = 0,
			words = 0, stories = 0, signatures = 0, postings = 0, grouped = 0`, version+1)
		batch.Queue(bumpGeneration)
		return tx.SendBatch(ctx, batch).Close()
	})
}

// SaveGroups stores the grouping state's changed rows, the changed stories, the moves and the
// new links at once, over the version of the state they were worked out from.
func (s *Store) SaveGroups(ctx context.Context, save crosscheck.GroupSave) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, groupLock); err != nil {
			return err
		}
		current, err := groupMeta(ctx, tx)
		if err != nil && !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		if current.Version != save.Version {
			return fmt.Errorf("grouping state version %d, read at %d: %w", current.Version, save.Version, crosscheck.ErrConflict)
		}
		save.Changes.Meta.Version = save.Version
		batch := &pgx.Batch{}
		queueGroupRows(batch, &save.Changes)
		batch.Queue(bumpGeneration)
		for _, mv := range save.Moves {
			if mv.Article == "" {
				batch.Queue(`UPDATE story_articles SET story_id = $1, score = 0, rule = $2 WHERE story_id = $3`, mv.To, movedRule, mv.From)
			} else {
				batch.Queue(`UPDATE story_articles SET story_id = $1, score = 0, rule = $2 WHERE article_id = $3`, mv.To, movedRule, mv.Article)
			}
		}
		if links := lastByKey(save.Links, func(l crosscheck.StoryLink) string { return l.Article }); len(links) > 0 {
			batch.Queue(`INSERT INTO story_articles (article_id, story_id, score, rule)
				SELECT * FROM unnest($1::text[], $2::text[], $3::double precision[], $4::text[])
				ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score, rule = excluded.rule`,
				column(links, func(l crosscheck.StoryLink) string { return l.Article }),
				column(links, func(l crosscheck.StoryLink) string { return l.Story }),
				column(links, func(l crosscheck.StoryLink) float64 { return l.Score }),
				column(links, func(l crosscheck.StoryLink) string { return l.Rule }))
		}
		batch.Queue(advanceGrouped)
		if dups := lastByKey(save.Dups, func(d crosscheck.DuplicateLink) string { return d.Article }); len(dups) > 0 {
			batch.Queue(`INSERT INTO duplicates (article_id, of_article, similarity)
				SELECT * FROM unnest($1::text[], $2::text[], $3::double precision[])
				ON CONFLICT (article_id) DO UPDATE SET of_article = excluded.of_article, similarity = excluded.similarity`,
				column(dups, func(d crosscheck.DuplicateLink) string { return d.Article }),
				column(dups, func(d crosscheck.DuplicateLink) string { return d.Of }),
				column(dups, func(d crosscheck.DuplicateLink) float64 { return d.Similarity }))
		}
		if stories := lastByKey(save.Stories, func(st crosscheck.Story) string { return st.ID }); len(stories) > 0 {
			ids := column(stories, func(st crosscheck.Story) string { return st.ID })
			batch.Queue(`INSERT INTO stories (id, ord, title, first, last, size)
				SELECT u.id, u.ord, u.title, u.first, u.last, (SELECT COUNT(*) FROM story_articles WHERE story_id = u.id)
				FROM unnest($1::text[], $2::integer[], $3::text[], $4::text[], $5::text[]) AS u(id, ord, title, first, last)
				ON CONFLICT (id) DO UPDATE SET title = excluded.title, first = excluded.first, last = excluded.last, size = excluded.size`,
				ids, column(stories, func(st crosscheck.Story) int { return st.Order }),
				column(stories, func(st crosscheck.Story) string { return st.Title }),
				column(stories, func(st crosscheck.Story) string { return st.First }),
				column(stories, func(st crosscheck.Story) string { return st.Last }))
			// a story a merge emptied is gone
			batch.Queue(`DELETE FROM stories WHERE id = ANY($1::text[]) AND size = 0`, ids)
		}
		return tx.SendBatch(ctx, batch).Close()
	})
}

// advanceGrouped moves the mark below which every article is in a story up to the first one
// that is not, reading only the articles stored since the mark, as SQLite's store does. It runs
// under groupLock, which Put holds shared, so that no article with a lower seq is still being
// stored when the mark passes it.
// The first ungrouped article is found walking the articles up from the mark, each looked up in
// story_articles, and the walk stops at it (ORDER BY … LIMIT 1). The lookup is a scalar subquery,
// not NOT EXISTS: the planner cannot know how few articles are past the mark, and turns an
// anti-join into a hash of every grouped article.
const advanceGrouped = `UPDATE group_meta SET grouped = coalesce(
	(SELECT a.seq - 1 FROM articles a WHERE a.seq > group_meta.grouped
		AND (SELECT true FROM story_articles sa WHERE sa.article_id = a.article_id) IS NULL ORDER BY a.seq LIMIT 1),
	(SELECT max(seq) FROM articles), 0) WHERE id = 1`

// movedRule is the link of an article of an earlier run that a split or a merge moved.
const movedRule = "moved: its story split or merged"
