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
	"github.com/crosscheck/crosscheck/internal/storedparse"
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

// Analysis stores no parse (reports parse what they read); a store made before, whose
// articles carry one, reads it back as it was stored, and its articles reconcile to the report
// of the same articles analysed now, as they do once reanalysis has dropped their parse.
func TestStoredParseRoundTripsAndReanalysisDropsIt(t *testing.T) {
	ctx := context.Background()
	entries := seedEntries(t)
	var analysed []*crosscheck.Article
	for _, e := range entries {
		if e.Article.Syntax != nil {
			t.Fatalf("%s: analysis parsed %d tokens", e.Article.ID, len(e.Article.Syntax))
		}
		analysed = append(analysed, e.Article)
	}
	want := reportOf(t, analysed)
	made := map[string][]crosscheck.TokenSyntax{}
	var old []crosscheck.Entry
	for _, e := range entries {
		a := *e.Article
		storedparse.Add(&a)
		made[a.ID] = a.Syntax
		e.Article = &a
		old = append(old, e)
	}
	s, path := MustOpen(t)
	if _, err := s.Put(ctx, old); err != nil {
		t.Fatal(err)
	}
	stored := storedArticles(t, s)
	for _, a := range stored {
		if len(a.Syntax) == 0 || !reflect.DeepEqual(a.Syntax, made[a.ID]) {
			t.Fatalf("%s: the parse read back differs from the one stored", a.ID)
		}
	}
	if got := reportOf(t, stored); got != want {
		t.Fatal("the articles read back with their parse reconcile to another report than the ones analysed")
	}

	sum, err := pipeline.Reanalyze(ctx, s, nil, pipeline.ReanalyzeOptions{Workers: 1})
	if err != nil || sum.Articles != len(entries) {
		t.Fatalf("reanalyze: %+v, %v", sum, err)
	}
	conn, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	var parsed int
	if err := conn.QueryRow(`SELECT count(*) FROM revisions WHERE length(syntax) > 0`).Scan(&parsed); err != nil {
		t.Fatal(err)
	}
	if parsed != 0 {
		t.Errorf("%d revisions keep a parse after reanalysis", parsed)
	}
	again := storedArticles(t, s)
	for _, a := range again {
		if a.Syntax != nil {
			t.Fatalf("%s: a parse read back from an empty column", a.ID)
		}
	}
	if got := reportOf(t, again); got != want {
		t.Error("the articles reanalysed reconcile to another report")
	}
}
