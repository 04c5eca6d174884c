package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// lookupStore counts how the run asks the store what it has: one document at a time (Seen)
// or many in one read (LatestHashes); fail makes every read of many fail.
type lookupStore struct {
	*sqlite.Store
	seen, lookups, looked atomic.Int64
	fail                  bool
}

func (s *lookupStore) Seen(ctx context.Context, id, hash string) (bool, error) {
	s.seen.Add(1)
	return s.Store.Seen(ctx, id, hash)
}

func (s *lookupStore) LatestHashes(ctx context.Context, ids []string) (map[string]string, error) {
	s.lookups.Add(1)
	s.looked.Add(int64(len(ids)))
	if s.fail {
		return nil, errors.New("lookup failed")
	}
	return s.Store.LatestHashes(ctx, ids)
}

func numberedDocs(n int, edited map[int]bool) func(func(ingest.Item) bool) {
	return func(yield func(ingest.Item) bool) {
		for i := range n {
			text := fmt.Sprintf("Report %d\n\nThe council approved report %d on Tuesday after a long debate.", i, i)
			if edited[i] {
				text += " It was amended."
			}
			doc := &crosscheck.Document{ID: fmt.Sprintf("d%03d", i), Input: fmt.Sprintf("d%03d.txt", i), Format: crosscheck.FormatText, Raw: []byte(text)}
			if !yield(ingest.Item{Input: doc.Input, Doc: doc}) {
				return
			}
		}
	}
}

// A second run over the same documents finds every one stored as it is, and an edited one
// changed, from reads of many documents at once: each document is looked up once, and no
// document is asked about alone.
func TestSecondRunLooksUpStoredDocumentsInBatches(t *testing.T) {
	ctx := context.Background()
	base, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	const n = 300
	store := &lookupStore{Store: base}
	first, err := pipeline.Run(ctx, numberedDocs(n, nil), store, pipeline.Options{Workers: 2})
	if err != nil || first.Added != n {
		t.Fatalf("first run: %+v, %v", first, err)
	}
	store.seen.Store(0)
	store.lookups.Store(0)
	store.looked.Store(0)
	second, err := pipeline.Run(ctx, numberedDocs(n, map[int]bool{7: true}), store, pipeline.Options{Workers: 2})
	if err != nil || second.Unchanged != n-1 || second.Added != 1 {
		t.Fatalf("second run: %+v, %v; want %d unchanged and 1 added", second, err, n-1)
	}
	if store.seen.Load() != 0 || store.looked.Load() != n || store.lookups.Load() > n {
		t.Errorf("second run asked Seen %d times and looked up %d documents in %d reads; want 0, %d in at most %d",
			store.seen.Load(), store.looked.Load(), store.lookups.Load(), n, n)
	}
}

// When the store cannot read many documents at once, the run asks it for each one alone and
// still finds them stored.
func TestFailedLookupFallsBackToSeen(t *testing.T) {
	ctx := context.Background()
	base, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	const n = 50
	if _, err := pipeline.Run(ctx, numberedDocs(n, nil), base, pipeline.Options{Workers: 2}); err != nil {
		t.Fatal(err)
	}
	store := &lookupStore{Store: base, fail: true}
	sum, err := pipeline.Run(ctx, numberedDocs(n, nil), store, pipeline.Options{Workers: 2})
	if err != nil || sum.Unchanged != n {
		t.Fatalf("run: %+v, %v; want %d unchanged", sum, err, n)
	}
	if store.seen.Load() != n {
		t.Errorf("asked Seen %d times; want %d", store.seen.Load(), n)
	}
}

// Two runs over the same documents into one store at once, each with its own connections as
// two processes would have, store each document once between them; a run after them finds
// every one stored as it is.
func TestTwoRunsAtOnceStoreEachDocumentOnce(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	const n = 400
	sums := make([]pipeline.Summary, 2)
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i := range 2 {
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i], errs[i] = pipeline.Run(ctx, numberedDocs(n, nil), s, pipeline.Options{Workers: 2, BatchSize: 16})
		}()
	}
	wg.Wait()
	if errs[0] != nil || errs[1] != nil {
		t.Fatal(errs)
	}
	if added := sums[0].Added + sums[1].Added; added != n || sums[0].Added+sums[0].Unchanged != n || sums[1].Added+sums[1].Unchanged != n {
		t.Errorf("two runs at once: %+v and %+v; want %d added between them", sums[0], sums[1], n)
	}
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if sum, err := pipeline.Run(ctx, numberedDocs(n, nil), s, pipeline.Options{}); err != nil || sum.Unchanged != n {
		t.Errorf("the run after: %+v, %v; want %d unchanged", sum, err, n)
	}
}
