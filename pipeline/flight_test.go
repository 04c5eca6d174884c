package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// counted yields the items of items, counting those read.
func counted(items iter.Seq[ingest.Item], read *atomic.Int64) iter.Seq[ingest.Item] {
	return func(yield func(ingest.Item) bool) {
		for it := range items {
			read.Add(1)
			if !yield(it) {
				return
			}
		}
	}
}

// tempStore opens a new SQLite store in the test's folder, closed when the test ends.
func tempStore(t *testing.T) *sqlite.Store {
	t.Helper()
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// The documents in flight are bounded by their bytes as well as their number: while the first
// batch waits to be committed, the reader takes up no more documents than the bytes allow.
func TestWindowBoundsTheBytesInFlight(t *testing.T) {
	ctx := context.Background()
	base := tempStore(t)
	const n, room = 60, 4
	var size int64 // of the first document: the others are as long or a little longer
	for it := range numberedDocs(1, nil) {
		size = int64(len(it.Doc.Raw))
	}
	pipeline.SetWindowBytes(t, room*size+size/2)
	store := &slowStore{Store: base, release: make(chan struct{})}
	release := sync.OnceFunc(func() { close(store.release) })
	defer release()
	var read atomic.Int64
	done := make(chan error, 1)
	go func() {
		_, err := pipeline.Run(ctx, counted(numberedDocs(n, nil), &read), store, pipeline.Options{Workers: 2, BatchSize: 1})
		done <- err
	}()
	// the first document is in the held batch; room more fit in the window, and the reader
	// holds the one after them while it waits for room
	deadline := time.After(2 * time.Minute)
	for read.Load() < room+1 {
		select {
		case <-deadline:
			t.Fatalf("while the first batch was held, %d documents were read; want at least %d", read.Load(), room+1)
		case <-time.After(10 * time.Millisecond):
		}
	}
	time.Sleep(200 * time.Millisecond) // time for a reader that does not stop to go on
	if got := read.Load(); got > room+2 {
		t.Errorf("while the first batch was held, %d documents were read; the window has room for %d", got, room)
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

// indexStore is a SQLite store whose Put waits, after its hold'th article, for the search index
// to be brought up to date beside the writing, and whose IndexSearch fails with fail when set.
type indexStore struct {
	*sqlite.Store
	hold    int
	fail    error
	stored  atomic.Int64
	indexes atomic.Int64
	indexed chan struct{} // closed by the first IndexSearch
	once    sync.Once
}

func (s *indexStore) Put(ctx context.Context, entries []crosscheck.Entry) ([]crosscheck.PutResult, error) {
	if s.stored.Load() >= int64(s.hold) {
		select {
		case <-s.indexed:
		case <-time.After(time.Minute):
			return nil, errors.New("the search index was not brought up to date during the run")
		}
	}
	res, err := s.Store.Put(ctx, entries)
	s.stored.Add(int64(len(entries)))
	return res, err
}

func (s *indexStore) IndexSearch(ctx context.Context) error {
	s.indexes.Add(1)
	defer s.once.Do(func() { close(s.indexed) })
	if s.fail != nil {
		return s.fail
	}
	return s.Store.IndexSearch(ctx)
}

// The search index is brought up to date while the run goes on, every so many stored articles,
// and once more at its end: every article is found when the run returns.
func TestSearchIndexIsMadeDuringTheRun(t *testing.T) {
	ctx := context.Background()
	base := tempStore(t)
	const n = 40
	pipeline.SetIndexEvery(t, 10)
	store := &indexStore{Store: base, hold: 20, indexed: make(chan struct{})}
	var read atomic.Int64
	sum, err := pipeline.Run(ctx, counted(numberedDocs(n, nil), &read), store, pipeline.Options{Workers: 2, BatchSize: 5})
	if err != nil || sum.Added != n {
		t.Fatalf("run: %+v, %v", sum, err)
	}
	if store.indexes.Load() < 2 {
		t.Errorf("%d updates of the index; want one during the run and one at its end", store.indexes.Load())
	}
	hits, total, err := base.Search(ctx, "council", n, 0)
	if err != nil || total != n || len(hits) != n {
		t.Fatalf("search found %d of %d articles (%d hits): %v", total, n, len(hits), err)
	}
}

// An update of the index that fails beside the writing fails the run with its error, and the
// articles stored before it stay stored.
func TestFailedSearchIndexFailsTheRunAndKeepsTheArticles(t *testing.T) {
	ctx := context.Background()
	base := tempStore(t)
	const n = 30
	pipeline.SetIndexEvery(t, 10)
	store := &indexStore{Store: base, hold: 10, indexed: make(chan struct{}), fail: errors.New("disk full")}
	var read atomic.Int64
	_, err := pipeline.Run(ctx, counted(numberedDocs(n, nil), &read), store, pipeline.Options{Workers: 2, BatchSize: 5})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("run: %v; want the index's error", err)
	}
	for i := range n {
		if _, err := base.Article(ctx, fmt.Sprintf("d%03d", i)); err != nil {
			t.Errorf("article d%03d: %v", i, err)
		}
	}
}
