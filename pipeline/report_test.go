package pipeline_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// savingStore records the reports saved, in order, and how many saves ran at once at most.
type savingStore struct {
	*sqlite.Store
	mu            sync.Mutex
	saved         []string
	now, mostSeen int
}

func (s *savingStore) SaveReport(ctx context.Context, story, key string, report, numbers []byte) error {
	s.mu.Lock()
	s.now++
	s.mostSeen = max(s.mostSeen, s.now)
	s.saved = append(s.saved, story)
	s.mu.Unlock()
	err := s.Store.SaveReport(ctx, story, key, report, numbers)
	s.mu.Lock()
	s.now--
	s.mu.Unlock()
	return err
}

// ecbStories ingests the first articles of ECB+ with grouping, and returns the store and its
// stories.
func ecbStories(t *testing.T) (*sqlite.Store, []*crosscheck.Story) {
	t.Helper()
	raw, err := os.ReadFile(corpus.Path(t, "ecbplus/docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	p := filepath.Join(t.TempDir(), "part.jsonl")
	os.WriteFile(p, []byte(strings.Join(lines[:min(len(lines), 150)], "\n")+"\n"), 0o644)
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	o := group.DefaultOptions
	if _, err := pipeline.Run(ctx, ingest.Read(ctx, []string{p}, ingest.Options{}), store, pipeline.Options{Group: &o}); err != nil {
		t.Fatal(err)
	}
	var stories []*crosscheck.Story
	for st, err := range store.Stories(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		stories = append(stories, st)
	}
	return store, stories
}

func TestMakeReportsMakesEachStoryOnceAndSavesOneAtATime(t *testing.T) {
	base, stories := ecbStories(t)
	ctx := context.Background()
	var ids []string
	for _, st := range stories {
		// the story by its id, by one of its articles' and by its id again
		ids = append(ids, st.ID, st.Articles[0], st.ID)
	}
	ids = append(ids, "story-gone")
	store := &savingStore{Store: base}
	made, err := pipeline.MakeReports(ctx, store, ids, 4)
	if err != nil {
		t.Fatal(err)
	}
	if made != len(stories) || len(store.saved) != len(stories) {
		t.Fatalf("%d reports made and %d saved for %d stories", made, len(store.saved), len(stories))
	}
	seen := map[string]bool{}
	for _, id := range store.saved {
		if seen[id] {
			t.Fatalf("the report of %s saved twice", id)
		}
		seen[id] = true
	}
	if store.mostSeen != 1 {
		t.Errorf("%d reports saved at once; want one at a time", store.mostSeen)
	}
	if made, err := pipeline.MakeReports(ctx, store, ids, 4); err != nil || made != 0 {
		t.Errorf("made again: %d reports, %v; want none, the reports being current", made, err)
	}
}

func TestMakeReportsMakesTheBiggestStoriesFirst(t *testing.T) {
	base, stories := ecbStories(t)
	ctx := context.Background()
	var ids []string
	sizes := map[string]int{}
	for _, st := range stories {
		ids = append(ids, st.ID)
		sizes[st.ID] = len(st.Articles)
	}
	store := &savingStore{Store: base}
	if _, err := pipeline.MakeReports(ctx, store, ids, 1); err != nil {
		t.Fatal(err)
	}
	if sizes[store.saved[0]] < 2 {
		t.Fatalf("the corpus's stories are all of one article; the test needs bigger ones")
	}
	for i := 1; i < len(store.saved); i++ {
		if a, b := sizes[store.saved[i-1]], sizes[store.saved[i]]; a < b {
			t.Fatalf("report %d is of a story of %d articles, made after one of %d", i, b, a)
		}
	}
}

// batchStore reads several articles in one call, and counts the calls.
type batchStore struct {
	*sqlite.Store
	calls int
}

func (s *batchStore) ArticlesByID(ctx context.Context, ids []string) ([]*crosscheck.Article, error) {
	s.calls++
	var out []*crosscheck.Article
	for _, id := range ids {
		if a, err := s.Article(ctx, id); err == nil {
			out = append(out, a)
		}
	}
	return out, nil
}

func TestArticlesReadInOneCallWhereTheStoreCan(t *testing.T) {
	base, stories := ecbStories(t)
	ctx := context.Background()
	var big *crosscheck.Story
	for _, st := range stories {
		if big == nil || len(st.Articles) > len(big.Articles) {
			big = st
		}
	}
	store := &batchStore{Store: base}
	got, err := pipeline.Articles(ctx, store, big.Articles)
	if err != nil {
		t.Fatal(err)
	}
	if store.calls != 1 || len(got) != len(big.Articles) {
		t.Fatalf("%d calls read %d articles of %d; want one call", store.calls, len(got), len(big.Articles))
	}
	for i, a := range got {
		if a.ID != big.Articles[i] {
			t.Fatalf("article %d is %s, want %s", i, a.ID, big.Articles[i])
		}
	}
	if _, err := pipeline.Articles(ctx, store, append(slices.Clone(big.Articles), "gone")); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("with an article not stored: %v, want one that wraps ErrNotFound", err)
	}
}

func TestMakeReportsMakesNoneOnceCancelled(t *testing.T) {
	base, stories := ecbStories(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	store := &savingStore{Store: base}
	made, err := pipeline.MakeReports(ctx, store, []string{stories[0].ID, stories[1].ID}, 2)
	if !errors.Is(err, context.Canceled) || made != 0 || len(store.saved) != 0 {
		t.Errorf("cancelled: %d made, %d saved, %v; want none and the context's error", made, len(store.saved), err)
	}
}
