package sqlite_test

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/sqlite"
)

// An article cleaned again is found by its new words and no longer by the ones it lost.
func TestSearchFollowsRecleanedText(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "the zebra crossed the harbour"), entry("b", "a ferry left the harbour")}); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	found := func(q string) []string {
		t.Helper()
		hits, _, err := s.Search(ctx, q, 10, 0)
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range hits {
			ids = append(ids, h.Article)
		}
		return ids
	}
	if got := found("zebra"); len(got) != 1 || got[0] != "a" {
		t.Fatalf("zebra before: %v", got)
	}
	a, err := s.Article(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	a.Text = "the giraffe crossed the harbour"
	if err := s.Reclean(ctx, a); err != nil {
		t.Fatal(err)
	}
	if got := found("zebra"); len(got) != 0 {
		t.Errorf("zebra after the reclean: %v, want none", got)
	}
	if got := found("giraffe"); len(got) != 1 || got[0] != "a" {
		t.Errorf("giraffe after the reclean: %v, want a", got)
	}
}

// A query's work is bounded: hundreds of words are at most MaxSearchWords, a word of one or two
// letters is no prefix, and a passage is cut from the start of a big article only.
func TestSearchIsBounded(t *testing.T) {
	q := sqlite.MatchQuery(strings.Repeat("a b c d e f g h i j k l m n o p ", 30) + strings.Repeat("said ", 100))
	if n := strings.Count(q, `"`) / 2; n > crosscheck.MaxSearchWords {
		t.Errorf("%d terms looked up, want at most %d: %s", n, crosscheck.MaxSearchWords, q)
	}
	if strings.Contains(q, `"a"*`) {
		t.Errorf("a one-letter word looked up as a prefix: %s", q)
	}
	if q := sqlite.MatchQuery("harbour said said Harbour"); q != `"harbour"* "said"*` {
		t.Errorf("repeated words: %s", q)
	}
	ctx := context.Background()
	s, _ := MustOpen(t)
	big := "ferry " + strings.Repeat("lorem ipsum dolor ", 400_000) + "zebra at the end"
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("big", big)}); err != nil {
		t.Fatal(err)
	}
	if err := s.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	hits, total, err := s.Search(ctx, "zebra", 10, 0)
	if err != nil || total != 1 || len(hits) != 1 {
		t.Fatalf("zebra in a 7 MB article: %v %d %v", hits, total, err)
	}
	if len(hits[0].Snippet) > 400 || strings.Contains(hits[0].Snippet, "\x02") {
		t.Errorf("the passage of a match past the window: %q", hits[0].Snippet)
	}
	hits, _, _ = s.Search(ctx, "ferry", 10, 0)
	if len(hits) != 1 || !strings.Contains(hits[0].Snippet, "\x02ferry\x03") {
		t.Errorf("the passage of a match in the window: %+v", hits)
	}
}

// Whatever a person types, the query built from it is one FTS5 accepts, within the bounds.
func FuzzMatchQuery(f *testing.F) {
	for _, q := range []string{"zebra", `"quoted" AND NOT x*`, "a b c", "NEAR(x y)", "-minus +plus ^caret", "ünïcödé 東京", strings.Repeat("w ", 600)} {
		f.Add(q)
	}
	ctx := context.Background()
	s, _ := MustOpen(f)
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "the zebra crossed the harbour")}); err != nil {
		f.Fatal(err)
	}
	if err := s.IndexSearch(ctx); err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if n := strings.Count(sqlite.MatchQuery(q), `"`) / 2; n > crosscheck.MaxSearchWords {
			t.Fatalf("%d terms for %q", n, q)
		}
		if _, _, err := s.Search(ctx, q, 5, 0); err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
	})
}

// The full-text index gathers 4 MiB of terms before it writes a segment (migration 017).
func TestSearchIndexHashSize(t *testing.T) {
	_, path := MustOpen(t)
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=query_only(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var size int
	if err := db.QueryRow(`SELECT v FROM article_search_config WHERE k = 'hashsize'`).Scan(&size); err != nil || size != 4<<20 {
		t.Fatalf("hashsize %d, %v; want %d", size, err, 4<<20)
	}
}
