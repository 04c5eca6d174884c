package sqlite_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// The store keeps the contract every crosscheck store keeps.
func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) crosscheck.Backend {
		s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "contract.db"))
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
