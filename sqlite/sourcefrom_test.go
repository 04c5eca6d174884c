package sqlite_test

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// Where an article's outlet was read from is stored with it and read back.
func TestSourceFromIsKept(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	e := entry("a", "one")
	e.Article.Source, e.Article.SourceFrom = "Valley Times", "title-suffix"
	if _, err := s.Put(ctx, []crosscheck.Entry{e}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, "a")
	if err != nil || a.Source != "Valley Times" || a.SourceFrom != "title-suffix" {
		t.Fatalf("article: %q from %q, %v", a.Source, a.SourceFrom, err)
	}
	for a, err := range s.Articles(ctx) {
		if err != nil || a.SourceFrom != "title-suffix" {
			t.Errorf("Articles: %q, %v", a.SourceFrom, err)
		}
	}
}
