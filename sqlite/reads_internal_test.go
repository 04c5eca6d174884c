package sqlite

import (
	"context"
	"path/filepath"
	"testing"
)

// The readers' pool may not write: a read path that wrote would fail at once, not wait for the
// write lock of another process.
func TestReadersMayNotWrite(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.reads.db.ExecContext(ctx, bumpGeneration); err == nil {
		t.Error("a write through the readers' pool was taken")
	}
	if _, err := s.db.ExecContext(ctx, bumpGeneration); err != nil {
		t.Errorf("a write through the writers' pool: %v", err)
	}
	var n int
	if err := s.readRow(ctx, `SELECT n FROM generation`).Scan(&n); err != nil || n != 1 {
		t.Errorf("generation read back: %d, %v", n, err)
	}
}
