package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/sqlite"
)

// The outlets are counted by the latest revision of each article: a revision that changes an
// article's source moves it from one outlet to the other, and one with no source leaves it out.
func TestOutletsFollowRevisions(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	from := func(id, text, source string) crosscheck.Entry {
		e := entry(id, text)
		e.Article.Source = source
		return e
	}
	if _, err := s.Put(ctx, []crosscheck.Entry{from("a", "one", "Wire"), from("b", "two", "Wire"), from("c", "three", "Daily")}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Put(ctx, []crosscheck.Entry{from("b", "two, edited", "Daily"), from("c", "three, edited", ""), from("d", "four", "Daily")}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Outlets(ctx)
	if want := "[{Daily 2} {Wire 1}]"; err != nil || fmt.Sprint(got) != want {
		t.Errorf("outlets: %v, %v; want %s", got, err, want)
	}
}

// A store's reads see at once what another process wrote, although their statements and
// connections are kept from one read to the next.
func TestReadsSeeAnotherWriter(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	other, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	for i := range 3 {
		text := fmt.Sprintf("revision %d", i+1)
		if _, err := other.Put(ctx, []crosscheck.Entry{entry("a", text)}); err != nil {
			t.Fatal(err)
		}
		a, err := s.Article(ctx, "a")
		if err != nil || a.Text != text || a.Revision != i+1 {
			t.Fatalf("after the other store wrote %q: %+v, %v", text, a, err)
		}
		if n, err := s.Count(ctx); err != nil || n != 1 {
			t.Fatalf("count: %d, %v", n, err)
		}
	}
}

// The articles as their pages show them are the articles less their tokens, parse, entities
// and map to the source, in the order asked for; one not stored is not found.
func TestArticlesShown(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	b := entry("b", "two")
	b.Article.Quotes = []crosscheck.Quote{{Start: 0, End: 3, Speaker: "Ann"}}
	b.Article.Tokens = []crosscheck.Span{{0, 3}}
	b.Article.Entities = []crosscheck.Entity{{Name: "Ann"}}
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "one"), b}); err != nil {
		t.Fatal(err)
	}
	shown, err := s.ArticlesShown(ctx, []string{"b", "a", "b"})
	if err != nil || len(shown) != 3 {
		t.Fatalf("%v, %v", shown, err)
	}
	for i, id := range []string{"b", "a", "b"} {
		whole, _ := s.Article(ctx, id)
		whole.Tokens, whole.Syntax, whole.Entities, whole.Offsets, whole.Meta = nil, nil, nil, nil, crosscheck.Meta{}
		if fmt.Sprintf("%+v", *shown[i]) != fmt.Sprintf("%+v", *whole) {
			t.Errorf("%s shown:\n%+v\nwhole, less what pages do not show:\n%+v", id, *shown[i], *whole)
		}
	}
	if _, err := s.ArticlesShown(ctx, []string{"a", "zzz", "b"}); !errors.Is(err, crosscheck.ErrNotFound) || !strings.Contains(err.Error(), "zzz") {
		t.Errorf("an article not stored: %v", err)
	}
}
