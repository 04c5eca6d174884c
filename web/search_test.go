package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/sqlite"
	"github.com/crosscheck/crosscheck/web"
)

// slowSearch is a store whose search runs until its context ends, and says how it ended.
type slowSearch struct {
	*sqlite.Store
	started chan bool
	ended   chan error
}

func (s slowSearch) Search(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, int, error) {
	s.started <- true
	<-ctx.Done()
	s.ended <- ctx.Err()
	return nil, 0, ctx.Err()
}

// A search whose client goes away stops: the store's search is handed a context that ends
// when the client disconnects, long before the search's deadline.
func TestSearchEndsWhenTheClientGoesAway(t *testing.T) {
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	slow := slowSearch{store, make(chan bool, 1), make(chan error, 1)}
	h := web.New(slow, web.Config{})
	srv := httptest.NewServer(h)
	defer func() { srv.Close(); h.Close() }()
	for _, path := range []string{"/api/search?q=zebra", "/search?q=zebra"} {
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+path, nil)
		go func() {
			if resp, err := http.DefaultClient.Do(req); err == nil {
				resp.Body.Close()
			}
		}()
		select {
		case <-slow.started:
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: the search was not asked of the store", path)
		}
		cancel()
		select {
		case err := <-slow.ended:
			if err != context.Canceled {
				t.Errorf("%s: the search ended with %v, want it canceled", path, err)
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s: the search runs on after its client went away", path)
		}
	}
}
