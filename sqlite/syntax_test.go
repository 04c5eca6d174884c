package sqlite_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/sqlite"
)

// seedEntries are the seed articles extracted as ingest extracts them.
func seedEntries(t *testing.T) []crosscheck.Entry {
	t.Helper()
	dir := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) < 2 {
		t.Skipf("the seed articles are not in %s", dir)
	}
	var out []crosscheck.Entry
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		id := filepath.Base(f)
		doc := &crosscheck.Document{ID: id, Input: f, Format: crosscheck.FormatText, Raw: raw, Fetched: time.Unix(0, 0)}
		a, err := extract.Article(doc, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, crosscheck.Entry{Doc: doc, Article: a, Input: f})
	}
	return out
}

func storedArticles(t *testing.T, s *sqlite.Store) []*crosscheck.Article {
	t.Helper()
	var out []*crosscheck.Article
	for a, err := range s.Articles(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

func reportOf(t *testing.T, list []*crosscheck.Article) string {
	t.Helper()
	b, err := json.Marshal(reconcile.Reconcile(crosscheck.Story{ID: "s"}, list, nil))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// The parse analysis makes is stored and read back as it was made; an article stored before
// parses were (its parse column empty) reads back without one and reconciles to the same
// report, and reanalysis gives it its parse again.
func TestParseRoundTripsAndComesBackByReanalysis(t *testing.T) {
	ctx := context.Background()
	entries := seedEntries(t)
	s, path := MustOpen(t)
	if _, err := s.Put(ctx, entries); err != nil {
		t.Fatal(err)
	}
	made := map[string][]crosscheck.TokenSyntax{}
	var analysed []*crosscheck.Article
	for _, e := range entries {
		if len(e.Article.Syntax) == 0 || len(e.Article.Syntax) != len(e.Article.Tokens) {
			t.Fatalf("%s: %d parsed tokens of %d", e.Article.ID, len(e.Article.Syntax), len(e.Article.Tokens))
		}
		made[e.Article.ID] = e.Article.Syntax
		analysed = append(analysed, e.Article)
	}
	stored := storedArticles(t, s)
	for _, a := range stored {
		if !reflect.DeepEqual(a.Syntax, made[a.ID]) {
			t.Fatalf("%s: the parse read back differs from the one stored", a.ID)
		}
	}
	want := reportOf(t, stored)
	if got := reportOf(t, analysed); got != want {
		t.Fatal("the articles read back reconcile to another report than the ones analysed")
	}

	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.Exec(`UPDATE revisions SET syntax = x''`); err != nil {
		t.Fatal(err)
	}
	old := storedArticles(t, s)
	for _, a := range old {
		if a.Syntax != nil {
			t.Fatalf("%s: a parse read back from an empty column", a.ID)
		}
	}
	if got := reportOf(t, old); got != want {
		t.Error("articles without a stored parse reconcile to another report")
	}

	sum, err := pipeline.Reanalyze(ctx, s, nil, pipeline.ReanalyzeOptions{Workers: 1})
	if err != nil || sum.Articles != len(entries) {
		t.Fatalf("reanalyze: %+v, %v", sum, err)
	}
	for _, a := range storedArticles(t, s) {
		if !reflect.DeepEqual(a.Syntax, made[a.ID]) {
			t.Errorf("%s: reanalysis did not store the parse again", a.ID)
		}
	}
}
