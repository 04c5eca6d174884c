package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// A store whose stories were grouped before the state was kept as rows asks for a regroup.
func TestStoriesWithoutRowsAskForRegroup(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	s.Put(ctx, []crosscheck.Entry{entry("a", "one")})
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Links: []crosscheck.StoryLink{{Article: "a", Story: "story-a"}}}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DELETE FROM group_meta`); err != nil { // as migration 013 leaves an older store
		t.Fatal(err)
	}
	if _, err := s.GroupMeta(ctx); !errors.Is(err, crosscheck.ErrRegroup) {
		t.Fatalf("%v, want ErrRegroup", err)
	}
}

// A store grouped with a row per posting (state format 1) keeps its state: migration 016 turns
// each feature's postings into its list, in their order, and the state is of format 2.
func TestPostingRowsBecomeLists(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{Changes: crosscheck.GroupChanges{Meta: crosscheck.GroupMeta{Format: 1, Stories: 259}}}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{ // as migration 013 left a store
		`DROP TABLE group_lists`,
		`CREATE TABLE group_postings (feature INTEGER NOT NULL, story INTEGER NOT NULL, seq INTEGER NOT NULL, PRIMARY KEY (feature, story)) WITHOUT ROWID`,
		`INSERT INTO group_postings VALUES (0, 1, 2), (0, 258, 0), (1, 0, 1)`,
		`DELETE FROM schema_migrations WHERE version = 16`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(q, err)
		}
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	storetest.PostingsBecameLists(t, ctx, s)
}
