// Package postgres is the crosscheck store in a PostgreSQL database, for when several processes
// or machines share one store: the same interfaces as the SQLite store, with the same results,
// through jackc/pgx. Its schema migrations are embedded in the binary and applied, each in a
// transaction, when the store is opened.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/migration"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a crosscheck.Backend in a PostgreSQL database.
type Store struct {
	db  *pgxpool.Pool
	now func() time.Time
}

var _ crosscheck.Backend = (*Store)(nil)

// IsDSN reports whether a --db value names a PostgreSQL database rather than a SQLite file.
func IsDSN(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open connects to the database dsn names (postgres://user@host:port/db) and brings its
// schema up to date.
func Open(ctx context.Context, dsn string) (*Store, error) {
	db, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	s := &Store{db: db, now: time.Now}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", redact(dsn), err)
	}
	return s, nil
}

// OpenExisting opens the store in an existing database for a verb that only reads: a database
// without crosscheck's schema is no store, said with an error wrapping ErrNotFound, and is not
// migrated into one.
func OpenExisting(ctx context.Context, dsn string) (*Store, error) {
	db, err := pgxpool.New(ctx, dsn)
	if err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	var have bool
	if err := db.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&have); err != nil || !have {
		db.Close()
		if err == nil {
			err = fmt.Errorf("no store at %s (crosscheck ingest --db %s FILE… or crosscheck migrate makes one): %w",
				redact(dsn), redact(dsn), crosscheck.ErrNotFound)
		}
		return nil, err
	}
	db.Close()
	return Open(ctx, dsn)
}

// redact drops the password from a DSN for a message.
func redact(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return "(the DSN given)"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// lockKey is the key of one of the store's advisory locks, whose number is given as $1: the
// number mixed with the schema's name, so that stores in two schemas of one database (the
// tests' stores, or two newsrooms' on one server) never hold each other's locks.
const lockKey = `$1::bigint # hashtextextended(current_schema(), 0)`

// migrationLock is the advisory lock that keeps two processes from migrating one database at
// once.
const migrationLock = 0x63726f7373 // "cross"

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		// two processes creating the table at once: one of them loses, and finds it made
		var have bool
		if s.db.QueryRow(ctx, `SELECT to_regclass('schema_migrations') IS NOT NULL`).Scan(&have); !have {
			return err
		}
	}
	list, err := migration.List(migrations)
	if err != nil {
		return err
	}
	for _, m := range list {
		if err := s.migrateOne(ctx, m); err != nil {
			return err
		}
	}
	return nil
}

// migrateOne applies one migration, in a transaction, unless the database has it: the version
// is read under the migration lock, so that two processes do not both apply it.
func (s *Store) migrateOne(ctx context.Context, m migration.Migration) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, migrationLock); err != nil {
			return err
		}
		var have int
		if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = $1`, m.Version).Scan(&have); err != nil || have > 0 {
			return err
		}
		if _, err := tx.Exec(ctx, m.SQL); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, m.Version)
		return err
	})
}

// Close closes the connections.
func (s *Store) Close() error {
	s.db.Close()
	return nil
}

// ReadOnly is false: a database the user may not write answers its writes with an error.
func (s *Store) ReadOnly() bool { return false }

// Put stores a batch of entries in one transaction. Each article's id is locked for the
// transaction, so that two writers storing one article at once store two revisions in turn.
// The statements go in two round trips, not one each (see putRun): the locks and the reads of
// the articles' latest revisions, then the writes and the commit. An article given twice in a
// batch starts another pair for the entries from its second time on, which read what the
// first wrote.
func (s *Store) Put(ctx context.Context, entries []crosscheck.Entry) ([]crosscheck.PutResult, error) {
	if len(entries) == 0 {
		return []crosscheck.PutResult{}, nil
	}
	conn, err := s.db.Acquire(ctx)
	if err != nil {
		return nil, err
	}
	defer conn.Release() // a connection left in the transaction is closed, not reused
	results := make([]crosscheck.PutResult, len(entries))
	for start := 0; start < len(entries); {
		end := distinctRun(entries, start)
		if err := s.putRun(ctx, conn.Conn(), entries[start:end], results[start:end], start == 0, end == len(entries)); err != nil {
			conn.Exec(context.WithoutCancel(ctx), `ROLLBACK`)
			return nil, err
		}
		start = end
	}
	return results, nil
}

// distinctRun returns the end of the run of entries from start in which no article comes twice.
func distinctRun(entries []crosscheck.Entry, start int) int {
	seen := map[string]bool{}
	for i := start; i < len(entries); i++ {
		if a := entries[i].Article; entries[i].Err == nil && a != nil {
			if seen[a.ID] {
				return i
			}
			seen[a.ID] = true
		}
	}
	return len(entries)
}

// latest is what Put reads of an article's latest revision.
type latest struct {
	found         bool
	hash          string
	revision      int
	source, lines string
}

// putRun stores a run of entries with distinct articles in two batches: the transaction's
// beginning (when first) with the lock shared with other writers, each article's lock and its
// latest revision; then each entry's writes and (when last) the commit.
func (s *Store) putRun(ctx context.Context, conn *pgx.Conn, entries []crosscheck.Entry, results []crosscheck.PutResult, first, last bool) error {
	reads := &pgx.Batch{}
	if first {
		reads.Queue(`BEGIN`)
		// shared with other writers, not with a grouping save, which moves the grouped mark
		reads.Queue(`SELECT pg_advisory_xact_lock_shared(`+lockKey+`)`, groupLock)
	}
	prev := make([]latest, len(entries))
	for i, e := range entries {
		if e.Err != nil || e.Article == nil {
			continue
		}
		p := &prev[i]
		reads.Queue(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, e.Article.ID)
		reads.Queue(`SELECT a.hash, r.revision, r.source, r.lines FROM articles a JOIN revisions r ON r.seq = a.seq
			WHERE a.article_id = $1`, e.Article.ID).QueryRow(func(row pgx.Row) error {
			err := row.Scan(&p.hash, &p.revision, &p.source, &p.lines)
			if errors.Is(err, pgx.ErrNoRows) {
				return nil
			}
			p.found = err == nil
			return err
		})
	}
	if reads.Len() > 0 {
		if err := conn.SendBatch(ctx, reads).Close(); err != nil {
			return err
		}
	}
	writes := &pgx.Batch{}
	for i, e := range entries {
		r, err := s.queuePut(writes, e, prev[i])
		if err != nil {
			return err
		}
		results[i] = r
	}
	if last {
		writes.Queue(`COMMIT`)
	}
	return conn.SendBatch(ctx, writes).Close()
}

// queuePut queues the writes of one entry, given its article's latest revision, and returns
// what they store.
func (s *Store) queuePut(b *pgx.Batch, e crosscheck.Entry, prev latest) (crosscheck.PutResult, error) {
	if e.Err != nil || e.Article == nil {
		msg := "no article"
		if e.Err != nil {
			msg = e.Err.Error()
		}
		b.Queue(`INSERT INTO failures (input, error, at) VALUES ($1, $2, $3)`, e.Input, msg, s.now().UTC().Format(time.RFC3339))
		return crosscheck.PutResult{Status: crosscheck.StatusError}, nil
	}
	a := e.Article
	if f := e.Doc.Fetch; f != nil {
		f := *f
		f.Article = a.ID
		queueFetchState(b, f)
	}
	if prev.found && prev.hash == a.Hash {
		return crosscheck.PutResult{Status: crosscheck.StatusUnchanged, Revision: prev.revision}, nil
	}
	a.Revision = prev.revision + 1
	if err := queueRevision(b, e.Doc, a); err != nil {
		return crosscheck.PutResult{}, fmt.Errorf("store %s: %w", a.ID, err)
	}
	if a.Revision > 1 {
		var old []int64
		json.Unmarshal([]byte(prev.lines), &old)
		queueLines(b, prev.source, old, nil, -1)
		b.Queue(bumpGeneration) // what its page and its story show changed
	}
	queueLines(b, a.Source, crosscheck.LineHashes(a.Lines), a.Lines, 1)
	return crosscheck.PutResult{Status: crosscheck.StatusAdded, Revision: a.Revision}, nil
}

// cleanColumns are the revision columns extraction derives from the raw document, written by
// Put and rewritten by Reclean (cleanValues gives their values); search is their words.
var cleanColumns = []string{"title", "author", "published", "modified", "site", "language", "credits",
	"text", "offsets", "removed", "repairs", "quotes", "numbers", "sentences", "tokens", "entities", "dates", "syntax", "search"}

func cleanValues(a *crosscheck.Article) []any {
	return []any{a.Title, a.Author, a.Published, a.Modified, a.Site, a.Language, js(orNone(a.Credits)),
		a.Text, js(a.Offsets), js(a.Removed), js(a.Repairs), js(orNone(a.Quotes)), js(orNone(a.Numbers)),
		js(orNone(a.Sentences)), crosscheck.EncodeSpans(a.Tokens), js(orNone(a.Entities)), js(orNone(a.Dates)),
		crosscheck.EncodeSyntax(a.Syntax), searchWords(a.Title + "\n" + a.Text)}
}

// placeholders returns "$from, …, $(from+n-1)", wrapping the last in to_tsvector when the
// last column is the search vector.
func placeholders(from, n int) string {
	p := make([]string, n)
	for i := range p {
		p[i] = "$" + strconv.Itoa(from+i)
	}
	p[n-1] = "to_tsvector('simple', " + p[n-1] + ")"
	return strings.Join(p, ", ")
}

// queueRevision queues the statement that stores a revision and points its article at it.
func queueRevision(b *pgx.Batch, d *crosscheck.Document, a *crosscheck.Article) error {
	meta, err := json.Marshal(d.Meta)
	if err != nil {
		return err
	}
	args := append([]any{a.ID, a.Revision, a.Hash, a.Input, string(a.Format), a.Fetched.UTC().Format(time.RFC3339Nano),
		string(meta), d.Raw, a.Source, a.SourceFrom, a.URL, js(crosscheck.LineHashes(a.Lines))}, cleanValues(a)...)
	b.Queue(`WITH r AS (INSERT INTO revisions
		(article_id, revision, hash, input, format, fetched, meta, raw, source, source_from, url, lines, `+strings.Join(cleanColumns, ", ")+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, `+placeholders(13, len(cleanColumns))+`) RETURNING seq)
		INSERT INTO articles (article_id, seq, hash) SELECT $1, seq, $3 FROM r
		ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`, args...)
	return nil
}

// js encodes a value for a JSON column.
func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// orNone stores a nil list as an empty one.
func orNone[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// Seen reports whether the latest revision of id has hash.
func (s *Store) Seen(ctx context.Context, id, hash string) (bool, error) {
	var h string
	err := s.db.QueryRow(ctx, `SELECT hash FROM articles WHERE article_id = $1`, id).Scan(&h)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, nil
	}
	return h == hash, err
}

// LatestHashes returns the hash of the latest revision of each of ids that is stored, in one
// query: the pipeline asks it for the documents waiting to be extracted, instead of Seen for
// each.
func (s *Store) LatestHashes(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return map[string]string{}, nil
	}
	rows, err := s.db.Query(ctx, `SELECT article_id, hash FROM articles WHERE article_id = ANY($1)`, ids)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return crosscheck.ReadPairs(rows, len(ids))
}

const articleColumns = `r.article_id, r.revision, r.hash, r.input, r.format, r.fetched, r.meta, r.title,
	r.author, r.published, r.modified, r.source, r.source_from, r.site, r.url, r.language, r.credits, r.text,
	r.offsets, r.removed, r.repairs, r.quotes, r.numbers, r.sentences, r.tokens, r.entities, r.dates, r.syntax`

// scanArticle reads the articleColumns of a row, after any leading columns given in lead.
func scanArticle(row pgx.Row, lead ...any) (*crosscheck.Article, error) {
	var a crosscheck.Article
	var format, fetched string
	var tokens, parse []byte
	json := make([]string, 10) // meta, credits, offsets, removed, repairs, quotes, numbers, sentences, entities, dates
	dest := append(lead, &a.ID, &a.Revision, &a.Hash, &a.Input, &format, &fetched, &json[0], &a.Title,
		&a.Author, &a.Published, &a.Modified, &a.Source, &a.SourceFrom, &a.Site, &a.URL, &a.Language, &json[1],
		&a.Text, &json[2], &json[3], &json[4], &json[5], &json[6], &json[7], &tokens, &json[8], &json[9], &parse)
	if err := row.Scan(dest...); err != nil {
		return nil, err
	}
	var err error
	if a.Tokens, err = crosscheck.DecodeSpans(tokens); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	if a.Syntax, err = crosscheck.DecodeSyntax(parse); err != nil {
		return nil, fmt.Errorf("article %s: %w", a.ID, err)
	}
	a.Format = crosscheck.Format(format)
	a.Fetched, _ = time.Parse(time.RFC3339Nano, fetched)
	fields := []any{&a.Meta, &a.Credits, &a.Offsets, &a.Removed, &a.Repairs, &a.Quotes, &a.Numbers, &a.Sentences, &a.Entities, &a.Dates}
	for i, f := range fields {
		if err := unmarshal(json[i], f); err != nil {
			return nil, fmt.Errorf("article %s: damaged column: %w", a.ID, err)
		}
	}
	return &a, nil
}

func unmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }

// Article returns the latest revision of an article.
func (s *Store) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	a, err := scanArticle(s.db.QueryRow(ctx, `SELECT `+articleColumns+` FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	return a, err
}

// ArticlesByID returns the latest revisions of the given articles, in the order given, in one
// query; an article not stored is left out.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) ([]*crosscheck.Article, error) {
	return collect(ctx, s.db, func(r pgx.Rows) (*crosscheck.Article, error) { return scanArticle(r) },
		`SELECT `+articleColumns+` FROM unnest($1::text[]) WITH ORDINALITY AS g(id, i)
		JOIN articles a ON a.article_id = g.id JOIN revisions r ON r.seq = a.seq ORDER BY g.i`, ids)
}

// Raw returns the raw bytes of an article's latest revision.
func (s *Store) Raw(ctx context.Context, id string) ([]byte, error) {
	var raw []byte
	err := s.db.QueryRow(ctx, `SELECT r.raw FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = $1`, id).Scan(&raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	return raw, err
}

// page is how many rows a stream reads per query.
const page = 500

// Articles streams the latest revision of every article, ordered by id, a page at a time.
func (s *Store) Articles(ctx context.Context) iter.Seq2[*crosscheck.Article, error] {
	return crosscheck.Pages("", page, func(after string) ([]*crosscheck.Article, string, error) {
		out, err := collect(ctx, s.db, func(r pgx.Rows) (*crosscheck.Article, error) { return scanArticle(r) },
			`SELECT `+articleColumns+` FROM articles a JOIN revisions r ON r.seq = a.seq
			WHERE a.article_id > $1 ORDER BY a.article_id LIMIT $2`, after, page)
		if err != nil || len(out) == 0 {
			return out, after, err
		}
		return out, out[len(out)-1].ID, nil
	})
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

// collect runs a query and reads each of its rows with scan.
func collect[T any](ctx context.Context, q querier, scan func(pgx.Rows) (T, error), query string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// Count returns how many articles are stored.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, err
}

// Failures streams the inputs that could not be ingested, oldest first, a page at a time.
func (s *Store) Failures(ctx context.Context) iter.Seq2[crosscheck.Failure, error] {
	return crosscheck.Pages(int64(0), page, func(after int64) ([]crosscheck.Failure, int64, error) {
		out, err := collect(ctx, s.db, func(r pgx.Rows) (crosscheck.Failure, error) {
			var f crosscheck.Failure
			return f, r.Scan(&after, &f.Input, &f.Error, &f.At)
		}, `SELECT seq, input, error, at FROM failures WHERE seq > $1 ORDER BY seq LIMIT $2`, after, page)
		return out, after, err
	})
}

// QuickCheck checks that the database answers.
func (s *Store) QuickCheck(ctx context.Context) error {
	return s.db.Ping(ctx)
}

// Check verifies that every article points at a stored revision of itself with the same hash;
// the database keeps its own pages whole.
func (s *Store) Check(ctx context.Context) error {
	var dangling int
	err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM articles a LEFT JOIN revisions r ON r.seq = a.seq
		WHERE r.seq IS NULL OR r.article_id != a.article_id OR r.hash != a.hash`).Scan(&dangling)
	if err != nil {
		return err
	}
	if dangling > 0 {
		return fmt.Errorf("%d article(s) point at a missing or foreign revision", dangling)
	}
	return nil
}
