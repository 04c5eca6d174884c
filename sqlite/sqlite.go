// Package sqlite is the default crosscheck store: one SQLite file through the pure-Go
// modernc.org/sqlite driver, in WAL mode, with its schema migrations embedded in the binary.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"maps"
	"net/url"
	"os"
	"slices"
	"strings"
	"time"
	"unsafe"

	_ "modernc.org/sqlite" // the driver

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/migration"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a crosscheck.Store in one SQLite file.
type Store struct {
	db   *sql.DB
	now  func() time.Time
	seen *sql.Stmt // prepared once: every ingested document asks it
	// reads is the readers' pool with the read paths' statements (see openReaders)
	reads statements
	// group is the grouping state's reads, on the writer's pool (see queryIn)
	group statements
	// writing is held by the write transaction of this process in progress (see beginWrite)
	writing chan struct{}
	// readOnly: opened by OpenReadOnly; the reports made over it are held in memory
	readOnly bool
	held     heldReports
}

var _ crosscheck.Backend = (*Store)(nil)

// Open opens (creating if need be) the store at path and brings its schema up to date.
func Open(ctx context.Context, path string) (*Store, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, fmt.Errorf("open store %s: is a directory", path)
	}
	q := url.Values{}
	for _, p := range []string{"busy_timeout(60000)", "journal_mode(WAL)", "synchronous(NORMAL)", "foreign_keys(1)"} { // the timeout first: switching to WAL may wait for another opener
		q.Add("_pragma", p)
	}
	// Transactions begin IMMEDIATE: a writer takes the write lock when it begins, waiting for
	// another process's writer (the busy timeout) instead of failing when it first writes.
	q.Set("_txlock", "immediate")
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	dsn := "file:" + escaped + "?" + q.Encode()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	s := &Store{db: db, now: time.Now, group: statements{db: db}, writing: make(chan struct{}, 1)}
	if err := retryBusy(ctx, func() error { return s.migrate(ctx) }); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, hint(err))
	}
	if s.seen, err = db.PrepareContext(ctx, `SELECT hash FROM articles WHERE article_id = ?`); err == nil {
		s.reads.db, err = openReaders(dsn)
	}
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	return s, nil
}

// OpenReadOnly opens the store at path for reading only: for a store on read-only media, or
// whose file or folder the user may not write. It makes no change to the file, not even the
// schema's; a store that needs its schema brought up to date must first be opened by a writer.
// Every write returns an error that says the store is read-only.
func OpenReadOnly(ctx context.Context, path string) (*Store, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	var last error
	// Read-only first; then, when SQLite cannot make the shared-memory file a WAL store needs
	// beside it (a folder nobody may write), as immutable: nothing else may be writing then.
	for _, mode := range []string{"mode=ro", "mode=ro&immutable=1"} {
		if strings.Contains(mode, "immutable") {
			if info, err := os.Stat(path + "-wal"); err == nil && info.Size() > 0 {
				// read as immutable, the store would leave out what its write-ahead log holds
				last = fmt.Errorf("its latest writes are still in %s-wal, which cannot be read without writing beside it: %w", path, last)
				break
			}
		}
		db, err := sql.Open("sqlite", "file:"+escaped+"?"+mode+"&_pragma=busy_timeout(60000)&_pragma=query_only(1)")
		if err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		db.SetMaxOpenConns(readers())
		db.SetMaxIdleConns(readers())
		s := &Store{db: db, now: time.Now, readOnly: true, reads: statements{db: db}, group: statements{db: db}, writing: make(chan struct{}, 1)}
		if last = s.current(ctx); last == nil {
			if s.seen, last = db.PrepareContext(ctx, `SELECT hash FROM articles WHERE article_id = ?`); last == nil {
				return s, nil
			}
		}
		db.Close()
		if errors.Is(last, errOutOfDate) {
			break
		}
	}
	return nil, fmt.Errorf("open store %s read-only: %w", path, hint(last))
}

var errOutOfDate = errors.New("the store's schema is older than this crosscheck's; open it once with write access (any writing verb) to bring it up to date")

// current checks that every migration this binary has is applied, without applying any: each
// by its version, since a store written by another version may record migrations this one
// lacks.
func (s *Store) current(ctx context.Context) error {
	list, err := migration.List(migrations)
	if err != nil {
		return err
	}
	for _, m := range list {
		var have int
		if err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&have); err != nil {
			return err
		}
		if have == 0 {
			return errOutOfDate
		}
	}
	return nil
}

// ReadOnly reports whether the store was opened for reading only.
func (s *Store) ReadOnly() bool { return s.readOnly }

// IsReadOnly reports whether err comes from a store that may not be written: a file or
// folder the user may not write, or a store opened read-only.
func IsReadOnly(err error) bool {
	if err == nil {
		return false
	}
	msg := err.Error()
	return strings.Contains(msg, "readonly database") || strings.Contains(msg, "SQLITE_READONLY") ||
		strings.Contains(msg, "read-only") || strings.Contains(msg, "unable to open database file")
}

// retryBusy runs f again while the store is busy, for up to ten seconds: SQLite reports some
// lock conflicts of a store being created by another process at once, without waiting.
func retryBusy(ctx context.Context, f func() error) error {
	deadline := time.Now().Add(10 * time.Second)
	for wait := 5 * time.Millisecond; ; wait = min(2*wait, 200*time.Millisecond) {
		err := f()
		if err == nil || !strings.Contains(err.Error(), "SQLITE_BUSY") || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(wait):
		}
	}
}

// hint rewrites driver errors a user can act on.
func hint(err error) error {
	msg := err.Error()
	if strings.Contains(msg, "file is not a database") || strings.Contains(msg, "malformed") {
		return fmt.Errorf("not a crosscheck database, or it is damaged (%v); move it aside or name another with --db", err)
	}
	if strings.Contains(msg, "readonly database") || strings.Contains(msg, "SQLITE_READONLY") {
		return fmt.Errorf("the store is read-only (%v): reading verbs work; writing needs write access to the file and its folder", err)
	}
	return err
}

func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY)`); err != nil {
		return err
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

// migrateOne applies one migration unless the store has it. The version is read inside the
// write transaction (BEGIN IMMEDIATE), so that two processes opening a new store at once do not
// both apply it.
func (s *Store) migrateOne(ctx context.Context, m migration.Migration) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `BEGIN IMMEDIATE`); err != nil {
		return err
	}
	done := false
	defer func() {
		if !done {
			conn.ExecContext(context.Background(), `ROLLBACK`)
		}
	}()
	var have int
	if err := conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&have); err != nil {
		return err
	}
	if have == 0 {
		if _, err := conn.ExecContext(ctx, m.SQL); err != nil {
			return fmt.Errorf("migration %s: %w", m.Name, err)
		}
		if _, err := conn.ExecContext(ctx, `INSERT INTO schema_migrations (version) VALUES (?)`, m.Version); err != nil {
			return err
		}
	}
	if _, err := conn.ExecContext(ctx, `COMMIT`); err != nil {
		return err
	}
	done = true
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.seen.Close()
	s.reads.close()
	s.group.close()
	if s.reads.db != s.db {
		s.reads.db.Close()
	}
	return s.db.Close()
}

// rowContext is the context the short statements of a transaction run in: ctx without its
// end. The transaction still ends with ctx (database/sql rolls it back, and its later
// statements fail), while a statement that watches ctx itself costs the driver a goroutine
// and a progress handler each time, which on a batch of thousands of rows is most of a row's
// cost outside SQLite.
func rowContext(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// ended returns ctx's error in place of err when ctx ended: a statement of a transaction
// that ctx's end rolled back fails with the driver's "transaction done" instead.
func ended(ctx context.Context, err *error) {
	if *err != nil && ctx.Err() != nil {
		*err = ctx.Err()
	}
}

// Put stores a batch of entries in one transaction.
func (s *Store) Put(ctx context.Context, entries []crosscheck.Entry) (_ []crosscheck.PutResult, err error) {
	defer ended(ctx, &err)
	// the rows' columns are encoded before the write lock is taken, so that another writer
	// (a grouping save, the search index) holds it meanwhile
	encoded := encodeRevisions(entries)
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	ctx = rowContext(ctx)
	latest, err := latestOf(ctx, tx, entries)
	if err != nil {
		return nil, err
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO revisions
		(article_id, revision, hash, input, format, fetched, meta, raw, source, source_from, url, lines, `+strings.Join(cleanColumns, ", ")+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?`+strings.Repeat(", ?", len(cleanColumns))+`)`)
	if err != nil {
		return nil, err
	}
	defer insert.Close()

	counts := newLineCounter(tx)
	points := map[string][]any{} // the latest revision of each article stored: article_id, seq, hash
	revised := false             // a stored article has a new revision: what its pages show changes
	var args []any
	results := make([]crosscheck.PutResult, len(entries))
	for i, e := range entries {
		if e.Err != nil || e.Article == nil {
			msg := "no article"
			if e.Err != nil {
				msg = e.Err.Error()
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO failures (input, error, at) VALUES (?, ?, ?)`,
				e.Input, msg, s.now().UTC().Format(time.RFC3339)); err != nil {
				return nil, err
			}
			results[i] = crosscheck.PutResult{Status: crosscheck.StatusError}
			continue
		}
		a := e.Article
		if f := e.Doc.Fetch; f != nil {
			f := *f
			f.Article = a.ID
			if err := saveFetchState(ctx, tx, f); err != nil {
				return nil, fmt.Errorf("record the fetch of %s: %w", f.URL, err)
			}
		}
		old, stored := latest[a.ID]
		if stored && old.hash == a.Hash {
			results[i] = crosscheck.PutResult{Status: crosscheck.StatusUnchanged, Revision: old.revision}
			continue
		}
		a.Revision = old.revision + 1
		lines := encoded[i].lines
		args = append(append(args[:0], a.ID, a.Revision), encoded[i].values...)
		seq, err := insertRevision(ctx, insert, args)
		if err != nil {
			return nil, fmt.Errorf("store %s: %w", a.ID, err)
		}
		points[a.ID] = []any{a.ID, seq, a.Hash}
		if stored {
			revised = true
			counts.add(old.source, old.lines, nil, -1)
		}
		counts.add(a.Source, lines, a.Lines, 1)
		latest[a.ID] = latestRevision{hash: a.Hash, revision: a.Revision, source: a.Source, lines: lines}
		results[i] = crosscheck.PutResult{Status: crosscheck.StatusAdded, Revision: a.Revision}
	}
	rows := make([][]any, 0, len(points))
	for _, id := range slices.Sorted(maps.Keys(points)) {
		rows = append(rows, points[id])
	}
	if err := execEach(ctx, tx, `INSERT INTO articles (article_id, seq, hash) VALUES (?, ?, ?)
		ON CONFLICT (article_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash`, rows); err != nil {
		return nil, err
	}
	if err := counts.flush(ctx); err != nil {
		return nil, err
	}
	if revised {
		if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
			return nil, err
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return results, nil
}

// latestRevision is what Put needs of an article's latest stored revision.
type latestRevision struct {
	hash     string
	revision int
	source   string
	lines    []int64 // the hashes of the lines it was counted with
}

// latestOf reads the latest revision of each article of entries that is stored, in one query.
func latestOf(ctx context.Context, tx *sql.Tx, entries []crosscheck.Entry) (map[string]latestRevision, error) {
	ids := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.Err == nil && e.Article != nil {
			ids = append(ids, e.Article.ID)
		}
	}
	out := make(map[string]latestRevision, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT a.article_id, a.hash, r.revision, r.source, r.lines FROM articles a
		JOIN revisions r ON r.seq = a.seq WHERE a.article_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id, lines string
		var l latestRevision
		if err := rows.Scan(&id, &l.hash, &l.revision, &l.source, &lines); err != nil {
			return nil, err
		}
		json.Unmarshal([]byte(lines), &l.lines)
		out[id] = l
	}
	return out, rows.Err()
}

// An encodedRevision is what an entry's revision row holds but its id and revision number,
// encoded, and the hashes of its lines.
type encodedRevision struct {
	values []any
	lines  []int64
}

// encodeRevisions encodes the revision rows of the entries that hold an article. The columns
// are strings over one buffer that only grows, so that they stay as they are until the rows
// are written.
func encodeRevisions(entries []crosscheck.Entry) []encodedRevision {
	var enc columnEncoder
	out := make([]encodedRevision, len(entries))
	for i, e := range entries {
		if e.Err != nil || e.Article == nil {
			continue
		}
		a := e.Article
		lines := crosscheck.LineHashes(a.Lines)
		values := []any{a.Hash, a.Input, string(a.Format), a.Fetched.UTC().Format(time.RFC3339Nano),
			enc.json(e.Doc.Meta), e.Doc.Raw, a.Source, a.SourceFrom, a.URL, enc.json(lines)}
		out[i] = encodedRevision{values: enc.cleanValues(values, a), lines: lines}
	}
	return out
}

// insertRevision inserts a revision row: its id and revision number, then its encoded values.
func insertRevision(ctx context.Context, insert *sql.Stmt, args []any) (int64, error) {
	res, err := insert.ExecContext(ctx, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// cleanColumns are the revision columns extraction derives from the raw document; a revision
// is inserted with them and re-cleaned by rewriting them (cleanValues gives their values).
var cleanColumns = []string{"title", "author", "published", "modified", "site", "language", "credits",
	"text", "offsets", "removed", "repairs", "quotes", "numbers", "sentences", "tokens", "entities", "dates", "syntax"}

func cleanValues(a *crosscheck.Article) []any {
	var enc columnEncoder
	return enc.cleanValues(nil, a)
}

// cleanValues appends the values of a's cleanColumns to args.
func (enc *columnEncoder) cleanValues(args []any, a *crosscheck.Article) []any {
	return append(args, a.Title, a.Author, a.Published, a.Modified, a.Site, a.Language, enc.json(orNone(a.Credits)),
		a.Text, enc.json(a.Offsets), enc.json(a.Removed), enc.json(a.Repairs), enc.json(orNone(a.Quotes)), enc.json(orNone(a.Numbers)),
		enc.json(orNone(a.Sentences)), crosscheck.EncodeSpans(a.Tokens), enc.json(orNone(a.Entities)), enc.json(orNone(a.Dates)),
		crosscheck.EncodeSyntax(a.Syntax))
}

// columnEncoder encodes rows' JSON columns into one buffer, each column a string over its
// part of the buffer, instead of a new slice and a copy of it for each column. The buffer is
// only appended to, so a column's string stays as it was.
type columnEncoder struct {
	buf []byte
	enc *json.Encoder
}

// Write appends p to the buffer, for enc.
func (c *columnEncoder) Write(p []byte) (int, error) {
	c.buf = append(c.buf, p...)
	return len(p), nil
}

// json encodes v for a JSON column as json.Marshal does ("" for a value that does not encode).
func (c *columnEncoder) json(v any) string {
	if c.enc == nil {
		c.enc = json.NewEncoder(c)
	}
	start := len(c.buf)
	if err := c.enc.Encode(v); err != nil {
		return ""
	}
	b := c.buf[start : len(c.buf)-1] // without the newline Encode ends with
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// Seen reports whether the latest revision of id has hash.
func (s *Store) Seen(ctx context.Context, id, hash string) (bool, error) {
	if err := ctx.Err(); err != nil {
		return false, err
	}
	var h string
	err := s.seen.QueryRowContext(rowContext(ctx), id).Scan(&h) // one row of an index: not worth a watcher
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	return h == hash, err
}

// LatestHashes returns the hash of the latest revision of each of ids that is stored, in one
// read: the pipeline asks it for the documents waiting to be extracted, instead of Seen for
// each.
func (s *Store) LatestHashes(ctx context.Context, ids []string) (map[string]string, error) {
	if len(ids) == 0 {
		return map[string]string{}, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	rows, err := s.readRows(rowContext(ctx), `SELECT article_id, hash FROM articles WHERE article_id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return crosscheck.ReadPairs(rows, len(ids))
}

const articleColumns = `r.article_id, r.revision, r.hash, r.input, r.format, r.fetched, r.meta, r.title,
	r.author, r.published, r.modified, r.source, r.source_from, r.site, r.url, r.language, r.credits, r.text,
	r.offsets, r.removed, r.repairs, r.quotes, r.numbers, r.sentences, r.tokens, r.entities, r.dates, r.syntax`

type scanner interface{ Scan(...any) error }

func scanArticle(row scanner) (*crosscheck.Article, error) {
	var a crosscheck.Article
	var format, fetched, meta, credits, offsets, removed, repairs, quotes, numbers, sentences, entities, dates string
	var tokens, parse []byte
	if err := row.Scan(&a.ID, &a.Revision, &a.Hash, &a.Input, &format, &fetched, &meta, &a.Title,
		&a.Author, &a.Published, &a.Modified, &a.Source, &a.SourceFrom, &a.Site, &a.URL, &a.Language, &credits,
		&a.Text, &offsets, &removed, &repairs, &quotes, &numbers, &sentences, &tokens, &entities, &dates, &parse); err != nil {
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
	return &a, decodeColumns(a.ID, []jsonColumn{{meta, &a.Meta}, {credits, &a.Credits}, {offsets, &a.Offsets}, {removed, &a.Removed},
		{repairs, &a.Repairs}, {quotes, &a.Quotes}, {numbers, &a.Numbers}, {sentences, &a.Sentences}, {entities, &a.Entities}, {dates, &a.Dates}})
}

// jsonColumn is a JSON column's text and where it is decoded to.
type jsonColumn struct {
	src string
	dst any
}

func decodeColumns(article string, cols []jsonColumn) error {
	for _, c := range cols {
		if err := json.Unmarshal([]byte(c.src), c.dst); err != nil {
			return fmt.Errorf("article %s: damaged column: %w", article, err)
		}
	}
	return nil
}

// Article returns the latest revision of an article.
func (s *Store) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	row := s.readRow(ctx, `SELECT `+articleColumns+` FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = ?`, id)
	a, err := scanArticle(row)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	return a, err
}

// Raw returns the raw bytes of an article's latest revision.
func (s *Store) Raw(ctx context.Context, id string) ([]byte, error) {
	var raw []byte
	err := s.readRow(ctx, `SELECT r.raw FROM articles a JOIN revisions r ON r.seq = a.seq WHERE a.article_id = ?`, id).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
	}
	return raw, err
}

// articlePage is how many articles Articles reads per query, so that a listing of the whole
// store holds one page in memory and no read transaction stays open between pages.
const articlePage = 500

// Articles streams the latest revision of every article, ordered by id.
func (s *Store) Articles(ctx context.Context) iter.Seq2[*crosscheck.Article, error] {
	return paged("", func(after string) ([]*crosscheck.Article, string, error) {
		page, err := s.articlePage(ctx, after)
		if err != nil || len(page) == 0 {
			return page, after, err
		}
		return page, page[len(page)-1].ID, nil
	})
}

// paged streams items articlePage at a time (crosscheck.Pages).
func paged[C, T any](start C, fetch func(after C) ([]T, C, error)) iter.Seq2[T, error] {
	return crosscheck.Pages(start, articlePage, fetch)
}

func (s *Store) articlePage(ctx context.Context, after string) ([]*crosscheck.Article, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+articleColumns+` FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE a.article_id > ? ORDER BY a.article_id LIMIT ?`, after, articlePage)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*crosscheck.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// Count returns how many articles are stored.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	err := s.readRow(ctx, `SELECT COUNT(*) FROM articles`).Scan(&n)
	return n, err
}

// Failures streams the inputs that could not be ingested, oldest first, a page at a time, so
// that a store with millions of failures is listed in bounded memory.
func (s *Store) Failures(ctx context.Context) iter.Seq2[crosscheck.Failure, error] {
	return paged(int64(0), func(after int64) ([]crosscheck.Failure, int64, error) {
		rows, err := s.db.QueryContext(ctx, `SELECT seq, input, error, at FROM failures WHERE seq > ? ORDER BY seq LIMIT ?`, after, articlePage)
		if err != nil {
			return nil, after, err
		}
		defer rows.Close()
		var out []crosscheck.Failure
		for rows.Next() {
			var f crosscheck.Failure
			if err := rows.Scan(&after, &f.Input, &f.Error, &f.At); err != nil {
				return nil, after, err
			}
			out = append(out, f)
		}
		return out, after, rows.Err()
	})
}

// QuickCheck checks the store's pages (SQLite's quick_check): cheaper than Check, it finds the
// damage that would make a write spread it.
func (s *Store) QuickCheck(ctx context.Context) error {
	var result string
	if err := s.db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&result); err != nil {
		return hint(err)
	}
	if result != "ok" {
		return fmt.Errorf("quick check: %s", result)
	}
	return nil
}

// Check verifies the store: SQLite's own integrity check, and that every article points at a
// stored revision of itself with the same hash.
func (s *Store) Check(ctx context.Context) error {
	var result string
	if err := s.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&result); err != nil {
		return err
	}
	if result != "ok" {
		return fmt.Errorf("integrity check: %s", result)
	}
	var dangling int
	err := s.db.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles a LEFT JOIN revisions r ON r.seq = a.seq
		WHERE r.seq IS NULL OR r.article_id != a.article_id OR r.hash != a.hash`).Scan(&dangling)
	if err != nil {
		return err
	}
	if dangling > 0 {
		return fmt.Errorf("%d article(s) point at a missing or foreign revision", dangling)
	}
	return nil
}

// orNone stores a nil list as an empty one.
func orNone[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
