package pipeline_test

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// Regrouping a store gives the stories its ingest gave, and the progress reaches every article.
func TestRegroupGivesTheStoriesOfTheIngest(t *testing.T) {
	raw, err := os.ReadFile(corpus.Path(t, "ecbplus/docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")[:300]
	p := filepath.Join(t.TempDir(), "part.jsonl")
	os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	ctx := context.Background()
	db := filepath.Join(t.TempDir(), "s.db")
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	o := group.DefaultOptions
	if _, err := pipeline.Run(ctx, ingest.Read(ctx, []string{p}, ingest.Options{}), store, pipeline.Options{Group: &o}); err != nil {
		t.Fatal(err)
	}
	store.Close()
	before := storiesOf(t, db)
	store, err = sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	last := 0
	sum, err := pipeline.Regroup(ctx, store, o, func(n int) { last = n })
	store.Close()
	if err != nil || sum.Grouped != len(lines) || last != len(lines) {
		t.Fatalf("regrouped %+v, progress %d: %v", sum, last, err)
	}
	if after := storiesOf(t, db); len(before) < 20 || !slices.Equal(before, after) {
		t.Fatalf("before %d stories, after %d; first difference at %v", len(before), len(after), firstDiff(before, after))
	}
}

// A store grouped by a version that kept no rows asks for a regroup before grouping anything.
func TestAnOldStoreAsksForRegroup(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	doc := &crosscheck.Document{ID: "a", Input: "a.txt", Format: crosscheck.FormatText, Raw: []byte("A\n\nb")}
	store.Put(ctx, []crosscheck.Entry{{Doc: doc, Article: &crosscheck.Article{ID: "a", Title: "A", Text: "b", Hash: doc.Hash()}}})
	// stories without rows: what migration 013 leaves of an older store
	if err := store.SaveGroups(ctx, crosscheck.GroupSave{Links: []crosscheck.StoryLink{{Article: "a", Story: "story-a"}}}); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `DELETE FROM group_meta`); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Group(ctx, store, group.DefaultOptions); !errors.Is(err, crosscheck.ErrRegroup) {
		t.Fatalf("%v, want ErrRegroup", err)
	}
}
