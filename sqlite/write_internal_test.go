package sqlite

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// A writer of the process waits for the write in progress to end, in its turn rather than in
// SQLite's busy handler, gives up when its context ends, and writes once the turn is free.
func TestWritersTakeTurns(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	tx, done, err := s.beginWrite(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, bumpGeneration); err != nil {
		t.Fatal(err)
	}

	short, cancel := context.WithTimeout(ctx, 50*time.Millisecond)
	defer cancel()
	if err := s.SaveReport(short, "story-1", "k", []byte("{}"), []byte("[]")); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a write while another is in progress: %v, want the context's end", err)
	}

	wrote := make(chan error, 1)
	go func() { wrote <- s.SaveReport(ctx, "story-1", "k", []byte("{}"), []byte("[]")) }()
	select {
	case err := <-wrote:
		t.Fatalf("a write went ahead of the one in progress: %v", err)
	case <-time.After(20 * time.Millisecond):
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	done()
	if err := <-wrote; err != nil {
		t.Fatalf("the waiting write, once the turn was free: %v", err)
	}
	var n int
	if err := s.readRow(ctx, `SELECT count(*) FROM reports`).Scan(&n); err != nil || n != 1 {
		t.Errorf("reports stored: %d, %v", n, err)
	}
}
