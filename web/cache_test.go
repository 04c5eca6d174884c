package web_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
	"github.com/crosscheck/crosscheck/web"
)

// countingStore counts the reports and articles the server reads.
type countingStore struct {
	*sqlite.Store
	reports, articles atomic.Int32
}

func (c *countingStore) Report(ctx context.Context, story, key string) ([]byte, error) {
	c.reports.Add(1)
	return c.Store.Report(ctx, story, key)
}

func (c *countingStore) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	c.articles.Add(1)
	return c.Store.Article(ctx, id)
}

// ingestInto runs the pipeline over inputs into store, grouping and making reports.
func ingestInto(t *testing.T, store crosscheck.Store, inputs ...string) {
	t.Helper()
	ctx := context.Background()
	opts := group.DefaultOptions
	if _, err := pipeline.Run(ctx, ingest.Read(ctx, inputs, ingest.Options{Now: time.Now}), store,
		pipeline.Options{Group: &opts, Reports: true}); err != nil {
		t.Fatal(err)
	}
}

// Pages asked for again are answered without reading the store again, also while another
// process stores new articles; once it changes what a page shows (a revision, grouping, the
// search index), the next request shows the change.
func TestCachedPagesFollowAnotherWriter(t *testing.T) {
	ctx := context.Background()
	dir, path := t.TempDir(), filepath.Join(t.TempDir(), "web.db")
	if err := demo.WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	ingestInto(t, store, dir)
	counted := &countingStore{Store: store}
	h := web.New(counted, web.Config{})
	srv := httptest.NewServer(h)
	defer func() { srv.Close(); h.Close() }()
	other, err := sqlite.Open(ctx, path) // the other process
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()

	var list struct{ Stories []struct{ ID string } }
	_, _, body := get(t, srv.URL+"/api/stories")
	if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Stories) == 0 {
		t.Fatalf("%v: %s", err, body)
	}
	story := "/stories/" + url.PathEscape(list.Stories[0].ID)
	var rep struct{ Articles []struct{ ID string } }
	_, _, report := get(t, srv.URL+"/api"+story)
	if err := json.Unmarshal([]byte(report), &rep); err != nil || len(rep.Articles) == 0 {
		t.Fatalf("%v: %s", err, report)
	}
	article := rep.Articles[0].ID
	_, _, storyPage := get(t, srv.URL+story)
	_, _, articlePage := get(t, srv.URL+"/articles/"+url.PathEscape(article))
	if code, _, _ := get(t, srv.URL+"/articles/newcomer"); code != 404 {
		t.Fatalf("an article not stored: %d", code)
	}
	if _, _, found := get(t, srv.URL+"/api/search?q=zebrafinch"); !strings.Contains(found, `"total": 0`) {
		t.Fatalf("a word no article has: %s", found)
	}

	reports, articles := counted.reports.Load(), counted.articles.Load()
	again := func(when string) {
		t.Helper()
		for path, want := range map[string]string{"/api" + story: report, story: storyPage, "/articles/" + url.PathEscape(article): articlePage} {
			if code, _, page := get(t, srv.URL+path); code != 200 || page != want {
				t.Errorf("%s, %s again: %d, not the page it was", when, path, code)
			}
		}
		if n, m := counted.reports.Load(), counted.articles.Load(); n != reports || m != articles {
			t.Errorf("%s, the pages asked for again read %d reports and %d articles", when, n-reports, m-articles)
		}
	}
	again("with no write")
	if _, err := other.Put(ctx, []crosscheck.Entry{newcomer()}); err != nil {
		t.Fatal(err)
	}
	again("after another process stored a new article")
	if code, _, page := get(t, srv.URL+"/articles/newcomer"); code != 200 || !strings.Contains(page, "zebrafinch") {
		t.Errorf("the new article's page: %d", code)
	}

	// the other process revises the article, groups and indexes it, and makes the reports
	rec, _ := json.Marshal(map[string]string{"id": article, "title": "Revised", "text": "A zebrafinch was seen at the dam on Tuesday.", "date": "2025-12-03"})
	jsonl := filepath.Join(t.TempDir(), "revised.jsonl")
	if err := os.WriteFile(jsonl, append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	ingestInto(t, other, jsonl)
	if code, _, page := get(t, srv.URL+"/articles/"+url.PathEscape(article)); code != 200 || !strings.Contains(page, "zebrafinch") {
		t.Errorf("the revised article's page: %d, still the old text: %t", code, page == articlePage)
	}
	if code, _, page := get(t, srv.URL+"/api"+story); page == report {
		t.Errorf("the story's report after one of its articles was revised: %d, the report it was", code)
	}
	if code, _, page := get(t, srv.URL+story); page == storyPage {
		t.Errorf("the story's page after one of its articles was revised: %d, the page it was", code)
	}
	if _, _, found := get(t, srv.URL+"/api/search?q=zebrafinch"); !strings.Contains(found, article) {
		t.Errorf("the search after the revision was indexed does not find it: %s", found)
	}
}

func newcomer() crosscheck.Entry {
	text := "A zebrafinch nested in the newsroom."
	doc := &crosscheck.Document{ID: "newcomer", Input: "newcomer.txt", Format: crosscheck.FormatText, Raw: []byte(text), Fetched: time.Unix(0, 0)}
	a := &crosscheck.Article{ID: "newcomer", Title: "Newcomer", Text: text, Hash: doc.Hash(), Format: doc.Format, Input: doc.Input}
	return crosscheck.Entry{Doc: doc, Article: a, Input: doc.Input}
}
