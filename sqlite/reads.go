package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
)

// readers is how many connections the readers' pool keeps open at most, and keeps when idle:
// enough that the requests a busy server holds at once seldom wait for one (a wait puts the
// one-row read of a cached page behind the searches before it), few enough that a burst does
// not open connections without end, each parsing the schema and keeping a page cache.
func readers() int { return max(64, 32*runtime.GOMAXPROCS(0)) }

// openReaders opens the pool the read paths use, apart from the writers' pool: its connections
// may not write (query_only), are kept open between requests with their page caches, and are
// never held by a writer waiting for another process's write lock.
func openReaders(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn+"&_pragma=query_only(1)")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(readers())
	db.SetMaxIdleConns(readers())
	db.SetConnMaxIdleTime(time.Minute) // a burst's connections are let go once it is over
	return db, nil
}

// ReaderStats tells how the readers' pool is used: the connections open and in use, and how
// often and how long reads waited for one.
func (s *Store) ReaderStats() sql.DBStats { return s.reads.db.Stats() }

// statements are the read paths' queries, each prepared once on the readers' pool: a query
// parsed anew every time it runs costs more than the lookup most of them do.
type statements struct {
	db *sql.DB
	mu sync.Mutex
	by map[string]*sql.Stmt
}

func (p *statements) get(ctx context.Context, query string) (*sql.Stmt, error) {
	p.mu.Lock()
	st, ok := p.by[query]
	p.mu.Unlock()
	if ok {
		return st, nil
	}
	st, err := p.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if had, ok := p.by[query]; ok { // prepared meanwhile by another request
		st.Close()
		return had, nil
	}
	if p.by == nil {
		p.by = map[string]*sql.Stmt{}
	}
	p.by[query] = st
	return st, nil
}

func (p *statements) close() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, st := range p.by {
		st.Close()
	}
	p.by = nil
}

// errRow is a row whose query could not run: scanning it returns the error.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// readRow runs a read query that returns at most one row, prepared, on the readers' pool.
func (s *Store) readRow(ctx context.Context, query string, args ...any) scanner {
	st, err := s.reads.get(ctx, query)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// readRows runs a read query, prepared, on the readers' pool.
func (s *Store) readRows(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := s.reads.get(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// shownColumns are the columns of an article its pages show: all but its tokens, its parse,
// its entities and its map back to the source, the largest to read and decode.
const shownColumns = `r.article_id, r.revision, r.hash, r.input, r.format, r.fetched, r.title, r.author, r.published,
	r.modified, r.source, r.source_from, r.site, r.url, r.language, r.credits, r.text, r.removed, r.repairs,
	r.quotes, r.numbers, r.sentences, r.dates`

// ArticlesShown returns the latest revisions of the given articles, in the order given, as
// their pages show them (see shownColumns), in one query. An article not stored is an error
// that wraps crosscheck.ErrNotFound.
func (s *Store) ArticlesShown(ctx context.Context, ids []string) ([]*crosscheck.Article, error) {
	found, err := lookupAll(ctx, s, `SELECT `+shownColumns+` FROM articles a JOIN revisions r ON r.seq = a.seq
		WHERE a.article_id IN (SELECT value FROM json_each(?))`, ids, func(rows *sql.Rows) (string, *crosscheck.Article, error) {
		a, err := scanShown(rows)
		if err != nil {
			return "", nil, err
		}
		return a.ID, a, nil
	})
	if err == nil && len(found) < len(ids) {
		for i, id := range ids {
			if i >= len(found) || found[i].ID != id {
				return nil, fmt.Errorf("article %q: %w", id, crosscheck.ErrNotFound)
			}
		}
	}
	return found, err
}

func scanShown(row scanner) (*crosscheck.Article, error) {
	var a crosscheck.Article
	var format, fetched, credits, removed, repairs, quotes, numbers, sentences, dates string
	if err := row.Scan(&a.ID, &a.Revision, &a.Hash, &a.Input, &format, &fetched, &a.Title, &a.Author, &a.Published,
		&a.Modified, &a.Source, &a.SourceFrom, &a.Site, &a.URL, &a.Language, &credits, &a.Text, &removed, &repairs,
		&quotes, &numbers, &sentences, &dates); err != nil {
		return nil, err
	}
	a.Format = crosscheck.Format(format)
	a.Fetched, _ = time.Parse(time.RFC3339Nano, fetched)
	return &a, decodeColumns(a.ID, []jsonColumn{{credits, &a.Credits}, {removed, &a.Removed}, {repairs, &a.Repairs},
		{quotes, &a.Quotes}, {numbers, &a.Numbers}, {sentences, &a.Sentences}, {dates, &a.Dates}})
}
