package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/internal/storetest"
)

// migrate makes a SQLite store and says so; run again, it has nothing to do and says the same.
func TestMigrateSQLite(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	for range 2 {
		if code, out, errs := run(t, "", "migrate", "--db", db); code != 0 || !strings.Contains(out, "up to date") {
			t.Fatalf("migrate: %d %q %q", code, out, errs)
		}
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
	if code, _, _ := run(t, "", "migrate", "--db", db, "extra"); code != exitUsage {
		t.Errorf("migrate with an argument: exit %d, want %d", code, exitUsage)
	}
}

// --db postgres://… picks the PostgreSQL store for every verb: migrate, ingest, stories.
func TestPostgresDSNPicksPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	if code, out, errs := run(t, "", "migrate", "--db", dsn); code != 0 || !strings.Contains(out, "up to date") {
		t.Fatalf("migrate: %d %q %q", code, out, errs)
	}
	seeds := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	if code, _, errs := run(t, "", "ingest", "--db", dsn, filepath.Join(seeds, "000_6f7de8062ea9ba3a.txt"), filepath.Join(seeds, "001_4ca82ed4cbe05626.txt")); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	code, out, errs := run(t, "", "articles", "--db", dsn)
	if code != 0 || !strings.Contains(out, "000_6f7de8062ea9ba3a") || !strings.Contains(out, "001_4ca82ed4cbe05626") {
		t.Errorf("articles: %d %q %q", code, out, errs)
	}
}
