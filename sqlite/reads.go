package sqlite

import (
	"context"
	"database/sql"
	"runtime"
	"sync"
)

// readers is how many connections the readers' pool keeps open at most: enough that the
// requests a busy server holds at once seldom wait for one (a page asks several queries, each
// taking a connection of its own), few enough that a burst does not open connections without
// end, each parsing the schema and keeping a page cache of its own.
func readers() int { return max(16, 8*runtime.GOMAXPROCS(0)) }

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
