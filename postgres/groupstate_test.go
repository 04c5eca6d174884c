package postgres_test

import (
	"context"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/postgres"
)

// A store grouped with a row per posting (state format 1) keeps its state: migration 006 turns
// each feature's postings into its list, in their order, as SQLite's 016 does.
func TestPostingRowsBecomeLists(t *testing.T) {
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: crosscheck.GroupChanges{Meta: crosscheck.GroupMeta{Format: 1, Stories: 259}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ // as migration 004 left a store
		`DROP TABLE group_lists`,
		`CREATE TABLE group_postings (feature INTEGER NOT NULL, story BIGINT NOT NULL, seq BIGINT NOT NULL, PRIMARY KEY (feature, story))`,
		`INSERT INTO group_postings VALUES (0, 1, 2), (0, 258, 0), (1, 0, 1)`,
		`DELETE FROM schema_migrations WHERE version = 6`,
	} {
		if _, err := conn.Exec(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	conn.Close(ctx)
	if s, err = postgres.Open(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.PostingsBecameLists(t, ctx, s)
}
