package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/postgres"
	"github.com/crosscheck/crosscheck/web"
)

// serveDSN serves the store dsn names, as one of several crosscheck serve processes does.
func serveDSN(t *testing.T, dsn string) *httptest.Server {
	t.Helper()
	store, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	h := web.New(store, web.Config{Token: "s3cret"})
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.Close(); h.Close(); store.Close() })
	return srv
}

// storyArticles lists a server's stories with their article counts.
func storyArticles(t *testing.T, srv *httptest.Server) map[string]int {
	t.Helper()
	resp, err := http.Get(srv.URL + "/api/stories")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list struct {
		Stories []struct {
			ID       string
			Articles int
		}
	}
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || json.Unmarshal(b, &list) != nil {
		t.Fatalf("GET /api/stories: %d %s", resp.StatusCode, b)
	}
	out := map[string]int{}
	for _, s := range list.Stories {
		out[s.ID] = s.Articles
	}
	return out
}

func postArticle(t *testing.T, srv *httptest.Server, record string) {
	t.Helper()
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles", strings.NewReader(record))
	req.Header.Set("Content-Type", "application/x-ndjson")
	req.Header.Set("Authorization", "Bearer s3cret")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 {
		t.Fatalf("POST /api/articles: %d %s", resp.StatusCode, b)
	}
}

// Two servers over one PostgreSQL database, as behind a load balancer, each see what the other
// wrote at once: the story list each caches is dropped when the store's generation, read per
// request, moved.
func TestTwoServersSeeEachOthersWrites(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	a, b := serveDSN(t, dsn), serveDSN(t, dsn)
	if got := storyArticles(t, b); len(got) != 0 {
		t.Fatalf("stories before any write: %v", got)
	}
	postArticle(t, a, `{"id":"dam-1","title":"Dam talks resume in Geneva","source":"Wire","date":"2026-11-30","text":"Talks on the river dam resumed in Geneva on Monday, the ministry said. Negotiators from both countries met for six hours."}`)
	first := storyArticles(t, b)
	if first["story-dam-1"] != 1 {
		t.Fatalf("the second server does not list the first one's story: %v", first)
	}
	storyArticles(t, a) // the first server's list, cached
	postArticle(t, b, `{"id":"dam-2","title":"Dam talks resume in Geneva after a year","source":"Daily","date":"2026-11-30","text":"Talks on the river dam resumed in Geneva on Monday, the ministry said. Negotiators met for six hours, officials said."}`)
	if got := storyArticles(t, a); got["story-dam-1"] != 2 {
		t.Fatalf("the first server does not see the article the second stored in its story: %v", got)
	}
}

// searchCounting is a PostgreSQL store that counts the searches asked of it.
type searchCounting struct {
	*postgres.Store
	searches atomic.Int32
}

func (s *searchCounting) Search(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, int, error) {
	s.searches.Add(1)
	return s.Store.Search(ctx, q, limit, offset)
}

// searchTotal asks a server's search API and returns how many articles it found.
func searchTotal(t *testing.T, srv *httptest.Server, q string) int {
	t.Helper()
	resp, err := http.Get(srv.URL + "/api/search?q=" + q)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var res struct{ Total int }
	if b, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || json.Unmarshal(b, &res) != nil {
		t.Fatalf("GET /api/search: %d %s", resp.StatusCode, b)
	}
	return res.Total
}

// A server over PostgreSQL keeps what it worked out while another process only stores new
// articles (as workers do before the serial step groups and indexes them), and works it out
// again once the search takes them: it reads the store's shown generation, not its generation.
func TestServerKeepsItsCachesWhileArticlesArrive(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	pg, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	store := &searchCounting{Store: pg}
	h := web.New(store, web.Config{Token: "s3cret"})
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.Close(); h.Close(); pg.Close() })
	postArticle(t, srv, `{"id":"dam-1","title":"Dam talks resume in Geneva","source":"Wire","date":"2026-11-30","text":"Talks on the river dam resumed in Geneva on Monday, the ministry said."}`)
	if n := searchTotal(t, srv, "dam"); n != 1 {
		t.Fatalf("%d found before the second article", n)
	}
	other, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ctx := context.Background()
	if _, err := other.Put(ctx, []crosscheck.Entry{storetest.Entry("dam-2", "Daily", "The dam talks went on into the night.")}); err != nil {
		t.Fatal(err)
	}
	if n := searchTotal(t, srv, "dam"); n != 1 || store.searches.Load() != 1 {
		t.Errorf("after an article was stored: %d found, %d searches asked of the store; want 1 from the cache", n, store.searches.Load())
	}
	if err := other.IndexSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if n := searchTotal(t, srv, "dam"); n != 2 || store.searches.Load() != 2 {
		t.Errorf("after the search took it: %d found, %d searches asked of the store; want 2, 2", n, store.searches.Load())
	}
}
