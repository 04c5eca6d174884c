package postgres_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/postgres"
)

// mustOpen opens a store in a fresh schema of the test server (see storetest.PostgresEnv).
func mustOpen(t *testing.T) *postgres.Store {
	s, err := postgres.Open(context.Background(), storetest.PostgresDSN(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// The store keeps the contract every crosscheck store keeps.
func TestContract(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	storetest.Run(t, func(t *testing.T) crosscheck.Backend { return mustOpen(t) })
}
