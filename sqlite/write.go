package sqlite

import (
	"context"
	"database/sql"
)

// beginWrite begins a write transaction once the one of this process in progress, if any,
// has ended, and returns with it the function that ends it: a rollback unless it committed,
// then the turn of the next writer. Writers of one process (the article writer, the grouping
// save, the search index, reports) queue here instead of in SQLite's busy handler, which
// sleeps up to 100 ms between looks at the lock: a writer woke up to that long after the lock
// came free, and the stages that feed it stalled meanwhile. Other processes' writers still
// wait in the busy handler.
func (s *Store) beginWrite(ctx context.Context) (*sql.Tx, func(), error) {
	if err := s.takeWrite(ctx); err != nil {
		return nil, nil, err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		<-s.writing
		return nil, nil, err
	}
	return tx, func() { tx.Rollback(); <-s.writing }, nil
}

// takeWrite waits for this process's turn to write, or for ctx's end.
func (s *Store) takeWrite(ctx context.Context) error {
	select {
	case s.writing <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// execWrite runs one writing statement in its turn (see beginWrite).
func (s *Store) execWrite(ctx context.Context, query string, args ...any) (sql.Result, error) {
	if err := s.takeWrite(ctx); err != nil {
		return nil, err
	}
	defer func() { <-s.writing }()
	return s.db.ExecContext(ctx, query, args...)
}
