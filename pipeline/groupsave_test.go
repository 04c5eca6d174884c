package pipeline_test

import (
	"context"
	"errors"
	"path/filepath"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/internal/realnews"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// saveStore is a store whose grouping saves go through onSave, numbered from 1.
type saveStore struct {
	*sqlite.Store
	saves  atomic.Int32
	onSave func(n int) error
}

func (s *saveStore) SaveGroups(ctx context.Context, gs crosscheck.GroupSave) error {
	if err := s.onSave(int(s.saves.Add(1))); err != nil {
		return err
	}
	return s.Store.SaveGroups(ctx, gs)
}

// ungroupedStore returns a store of n generated articles not yet grouped, and its path.
func ungroupedStore(t *testing.T, n int) (*sqlite.Store, string) {
	t.Helper()
	src := realnews.Read(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	store, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var entries []crosscheck.Entry
	for i := range n {
		doc, a := costArticle(src, i)
		entries = append(entries, crosscheck.Entry{Doc: doc, Article: a})
	}
	if _, err := store.Put(ctx, entries); err != nil {
		t.Fatal(err)
	}
	return store, path
}

// A save that fails mid-run stops the run with its error; what the saves before it stored
// stays, and the next run places the rest into the stories one run would have made.
func TestFailedSaveKeepsWhatWasSavedBeforeIt(t *testing.T) {
	const n = 5_000 // saves at 2,000, 4,000 and the end
	pipeline.SetCommitEvery(t, 2_000)
	ctx := context.Background()
	whole, wholePath := ungroupedStore(t, n)
	if sum, err := pipeline.Group(ctx, whole, group.DefaultOptions); err != nil || sum.Grouped != n {
		t.Fatalf("grouped %+v: %v", sum, err)
	}
	whole.Close()

	store, path := ungroupedStore(t, n)
	boom := errors.New("disk full")
	failing := &saveStore{Store: store, onSave: func(k int) error {
		if k == 2 {
			return boom
		}
		return nil
	}}
	sum, err := pipeline.Group(ctx, failing, group.DefaultOptions)
	if !errors.Is(err, boom) || errors.Is(err, crosscheck.ErrConflict) {
		t.Fatalf("run with a failing save: %v", err)
	}
	if sum.Grouped != 2_000 || failing.saves.Load() != 2 {
		t.Fatalf("failed run counted %d articles in %d saves, want 2000 in 2", sum.Grouped, failing.saves.Load())
	}
	left := 0
	for _, err := range store.Ungrouped(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		left++
	}
	if left != n-2_000 {
		t.Fatalf("%d articles left to group, want %d", left, n-2_000)
	}
	if sum, err := pipeline.Group(ctx, store, group.DefaultOptions); err != nil || sum.Grouped != n-2_000 {
		t.Fatalf("second run grouped %+v: %v", sum, err)
	}
	store.Close()
	want, got := storiesOf(t, wholePath), storiesOf(t, path)
	if len(want) < 100 || !slices.Equal(want, got) {
		t.Fatalf("one run made %d stories, a failed run and a second %d; first difference at %v", len(want), len(got), firstDiff(want, got))
	}
}

// The grouping goes on while a save is written: the first save waits until articles after it
// are placed, and the stories are those of saves made one after another.
func TestGroupingGoesOnDuringASave(t *testing.T) {
	const n = 4_500
	pipeline.SetCommitEvery(t, 2_000)
	ctx := context.Background()
	store, path := ungroupedStore(t, n)
	placed := make(chan int, n)
	beside := false
	slow := &saveStore{Store: store, onSave: func(k int) error {
		if k != 1 {
			return nil
		}
		// a guard against a grouper that waits for this save: the test fails, it does not hang
		guard := time.After(time.Minute)
		for {
			select {
			case p := <-placed:
				if p > 2_000 {
					beside = true
					return nil
				}
			case <-guard:
				return nil
			}
		}
	}}
	var seen []int
	sum, err := pipeline.Regroup(ctx, slow, group.DefaultOptions, func(p int) {
		seen = append(seen, p)
		select {
		case placed <- p:
		default:
		}
	})
	store.Close()
	if err != nil || sum.Grouped != n {
		t.Fatalf("regrouped %+v: %v", sum, err)
	}
	if !beside {
		t.Fatal("no article was placed while the first save was written")
	}
	if !slices.IsSorted(seen) || seen[len(seen)-1] != n {
		t.Fatalf("progress out of order or short: %v", seen)
	}

	again, againPath := ungroupedStore(t, n)
	if _, err := pipeline.Group(ctx, again, group.DefaultOptions); err != nil {
		t.Fatal(err)
	}
	again.Close()
	if want, got := storiesOf(t, againPath), storiesOf(t, path); !slices.Equal(want, got) {
		t.Fatalf("stories differ; first difference at %v", firstDiff(want, got))
	}
}
