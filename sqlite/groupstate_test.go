package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"testing"

	"github.com/crosscheck/crosscheck"
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
