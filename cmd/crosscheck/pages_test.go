package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// fetchWrites counts the fetch states a store is given to save one by one.
type fetchWrites struct {
	crosscheck.Backend
	saves atomic.Int64
}

func (s *fetchWrites) SaveFetchState(ctx context.Context, f crosscheck.FetchState) error {
	s.saves.Add(1)
	return s.Backend.SaveFetchState(ctx, f)
}

// The fetches of new pages are recorded with their articles, in their batches' transactions,
// not in a write of their own per page; a page fetched again that came back as it is stored
// records its fetch (its new validators) at once, since no batch stores it.
func TestPageFetchesAreRecordedWithTheirArticles(t *testing.T) {
	s := newSite(t)
	var urls []string
	for i := range 5 {
		s.set(fmt.Sprintf("/p/%d", i), "text/html; charset=utf-8", article(fmt.Sprintf("Report %d", i), fmt.Sprintf("The council met for the %d. time on Monday, its clerk said.", i)))
		urls = append(urls, fmt.Sprintf("%s/p/%d", s.URL, i))
	}
	backend, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "pages.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer backend.Close()
	store := &fetchWrites{Backend: backend}
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
	p := &pages{client: httpfetch.New(httpfetch.Options{AllowPrivate: true, Delay: -1, IgnoreRobots: true}), store: store}
	ingestAll := func() {
		t.Helper()
		ctx := context.Background()
		fetch, stop := p.ahead(ctx, urls)
		defer stop()
		if _, err := m.runIngest(ctx, store, ingest.Read(ctx, urls, ingest.Options{Fetch: fetch}), 1, false, outQuiet); err != nil {
			t.Fatal(err)
		}
	}
	ingestAll()
	if n := store.saves.Load(); n != 0 {
		t.Errorf("%d fetch states saved one by one, want none", n)
	}
	for _, u := range urls {
		norm, _ := httpfetch.Normalize(u)
		st, ok, err := store.FetchState(context.Background(), norm)
		if !ok || err != nil || st.Article == "" || st.Status != 200 || st.ETag == "" {
			t.Fatalf("%s: fetch state %+v %v %v", u, st, ok, err)
		}
		st.ETag = `"stale"` // the site changed its validators, not its pages
		if err := backend.SaveFetchState(context.Background(), st); err != nil {
			t.Fatal(err)
		}
	}
	ingestAll() // each page comes back whole, as it is stored
	if n := store.saves.Load(); n != int64(len(urls)) {
		t.Errorf("%d fetch states saved one by one for the pages fetched again, want %d", n, len(urls))
	}
	for _, u := range urls {
		norm, _ := httpfetch.Normalize(u)
		if st, _, _ := store.FetchState(context.Background(), norm); st.ETag == `"stale"` {
			t.Errorf("%s: the validators of the fetch again not recorded: %+v", u, st)
		}
	}
}

// While pages are fetched the runtime has one processor more than its default, and the default
// after; a GOMAXPROCS the user set is left alone.
func TestFetchProcs(t *testing.T) {
	orig := runtime.GOMAXPROCS(0)
	t.Cleanup(func() { runtime.GOMAXPROCS(orig) })
	runtime.SetDefaultGOMAXPROCS()
	def := runtime.GOMAXPROCS(0)
	m := &Main{Getenv: func(string) string { return "" }}
	restore := m.fetchProcs()
	if got := runtime.GOMAXPROCS(0); got != def+1 {
		t.Errorf("while fetching: GOMAXPROCS %d, want %d", got, def+1)
	}
	restore()
	if got := runtime.GOMAXPROCS(0); got != def {
		t.Errorf("after fetching: GOMAXPROCS %d, want the default %d", got, def)
	}
	m.Getenv = func(k string) string {
		if k == "GOMAXPROCS" {
			return "1"
		}
		return ""
	}
	runtime.GOMAXPROCS(1)
	restore = m.fetchProcs()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("with GOMAXPROCS=1 set: %d while fetching", got)
	}
	restore()
	if got := runtime.GOMAXPROCS(0); got != 1 {
		t.Errorf("with GOMAXPROCS=1 set: %d after fetching", got)
	}
}
