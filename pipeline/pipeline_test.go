package pipeline_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// siteRecords makes n articles of one site, each with its own story, the site's newsletter
// promo and a line that only two of them share.
func siteRecords(n int) []string {
	var out []string
	for i := 0; i < n; i++ {
		text := []string{
			fmt.Sprintf("Story %d begins with a paragraph long enough to be the body of an article about event number %d.", i, i),
			"Get the Morning Brief: our newsletter, free every weekday.",
			fmt.Sprintf("Story %d ends with a second paragraph that is also long enough to count as body text for sure.", i),
		}
		if i < 2 {
			text = append(text, "The company declined to comment.")
		}
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("site-%02d", i), "source": "Example Daily", "text": strings.Join(text, "\n")})
		out = append(out, string(rec))
	}
	return out
}

func ingestLines(t *testing.T, db string, lines []string) pipeline.Summary {
	t.Helper()
	p := filepath.Join(t.TempDir(), "in.jsonl")
	os.WriteFile(p, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	ctx := context.Background()
	store, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	sum, err := pipeline.Run(ctx, ingest.Read(ctx, []string{p}, ingest.Options{}), store, pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return sum
}

func texts(t *testing.T, db string) map[string]string {
	t.Helper()
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	out := map[string]string{}
	for a, err := range store.Articles(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		out[a.ID] = a.Text
	}
	return out
}

func TestLearnsWhatASiteRepeats(t *testing.T) {
	recs := siteRecords(10)
	db := filepath.Join(t.TempDir(), "a.db")
	if sum := ingestLines(t, db, recs); sum.Added != 10 {
		t.Fatalf("%+v", sum)
	}
	got := texts(t, db)
	for id, text := range got {
		if strings.Contains(text, "Morning Brief") {
			t.Errorf("%s keeps the promo every article of the site carries: %q", id, text)
		}
		if !strings.Contains(text, "begins with a paragraph") {
			t.Errorf("%s lost its body: %q", id, text)
		}
	}
	if !strings.Contains(got["site-00"], "declined to comment") {
		t.Errorf("a line two articles share was removed: %q", got["site-00"])
	}

	// The same articles in the opposite order, in two runs, give the same texts.
	reversed := slices.Clone(recs)
	slices.Reverse(reversed)
	db2 := filepath.Join(t.TempDir(), "b.db")
	ingestLines(t, db2, reversed[:4])
	ingestLines(t, db2, reversed[4:])
	got2 := texts(t, db2)
	for id := range got {
		if got[id] != got2[id] {
			t.Errorf("%s depends on input order:\n%q\n%q", id, got[id], got2[id])
		}
	}

	// A later article of the site is cleaned with what was learned.
	more := siteRecords(11)[10:]
	ingestLines(t, db, more)
	if text := texts(t, db)["site-10"]; strings.Contains(text, "Morning Brief") {
		t.Errorf("new article keeps the learned promo: %q", text)
	}
}

func TestFewArticlesTeachNothing(t *testing.T) {
	db := filepath.Join(t.TempDir(), "c.db")
	ingestLines(t, db, siteRecords(4))
	for id, text := range texts(t, db) {
		if !strings.Contains(text, "Morning Brief") {
			t.Errorf("%s: four articles are too few to call a line boilerplate: %q", id, text)
		}
	}
}

// storiesOf lists each stored story's articles.
func storiesOf(t *testing.T, db string) []string {
	t.Helper()
	store, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	var out []string
	for st, err := range store.Stories(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, st.ID+": "+strings.Join(st.Articles, " "))
	}
	return out
}

func TestRunSplitInTwoGroupsAsOneRun(t *testing.T) {
	raw, err := os.ReadFile(corpus.Path(t, "ecbplus/docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	ingestGrouped := func(db string, parts ...[]string) {
		for _, part := range parts {
			p := filepath.Join(t.TempDir(), "part.jsonl")
			os.WriteFile(p, []byte(strings.Join(part, "\n")+"\n"), 0o644)
			ctx := context.Background()
			store, err := sqlite.Open(ctx, db)
			if err != nil {
				t.Fatal(err)
			}
			o := group.DefaultOptions
			if _, err := pipeline.Run(ctx, ingest.Read(ctx, []string{p}, ingest.Options{}), store, pipeline.Options{Group: &o}); err != nil {
				t.Fatal(err)
			}
			store.Close()
		}
	}
	one, two := filepath.Join(t.TempDir(), "one.db"), filepath.Join(t.TempDir(), "two.db")
	ingestGrouped(one, lines)
	ingestGrouped(two, lines[:400], lines[400:])
	a, b := storiesOf(t, one), storiesOf(t, two)
	if len(a) < 80 || !slices.Equal(a, b) {
		t.Fatalf("one run: %d stories, two runs: %d stories; first difference at %v", len(a), len(b), firstDiff(a, b))
	}
}

func firstDiff(a, b []string) string {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return a[i] + " | " + b[i]
		}
	}
	return "length"
}

func TestResultsSayWhatWasRefused(t *testing.T) {
	p := filepath.Join(t.TempDir(), "in.jsonl")
	recs := []string{
		`{"id":"bad-date","title":"Fire at the mill","text":"A fire broke out at the mill on Monday. Police said 12 people were hurt.","published":"31/31/2020 garbage"}`,
		`{"id":"good-date","title":"Flood in the valley","text":"The river rose on Tuesday. Officials said 40 homes were flooded.","published":"2020-05-04"}`,
	}
	os.WriteFile(p, []byte(strings.Join(recs, "\n")+"\n"), 0o644)
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	got := map[string][]string{}
	_, err = pipeline.Run(ctx, ingest.Read(ctx, []string{p}, ingest.Options{}), store, pipeline.Options{
		Report: func(r pipeline.Result) { got[r.ID] = r.Warnings }})
	if err != nil {
		t.Fatal(err)
	}
	if w := got["bad-date"]; len(w) != 1 || !strings.HasPrefix(w[0], "published-unreadable: 31/31/2020") {
		t.Errorf("bad-date warnings %q", w)
	}
	if w := got["good-date"]; len(w) != 0 {
		t.Errorf("good-date warnings %q", w)
	}
}

// slowStore holds the first Put until released and counts the documents looked up, which the
// workers do before extracting each.
type slowStore struct {
	crosscheck.Store
	release chan struct{}
	once    sync.Once
	seen    atomic.Int64
}

func (s *slowStore) Seen(ctx context.Context, id, hash string) (bool, error) {
	s.seen.Add(1)
	return s.Store.Seen(ctx, id, hash)
}

func (s *slowStore) Put(ctx context.Context, entries []crosscheck.Entry) ([]crosscheck.PutResult, error) {
	s.once.Do(func() { <-s.release })
	return s.Store.Put(ctx, entries)
}

// While the writer commits a batch, the workers go on extracting the documents that follow:
// the extracted ones wait for the writer, so that the cores do not wait on the commit.
func TestWorkersGoOnWhileTheWriterCommits(t *testing.T) {
	ctx := context.Background()
	base, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer base.Close()
	store := &slowStore{Store: base, release: make(chan struct{})}
	release := sync.OnceFunc(func() { close(store.release) })
	defer release()
	const n, ahead = 120, 40
	items := func(yield func(ingest.Item) bool) {
		for i := range n {
			doc := &crosscheck.Document{ID: fmt.Sprintf("d%03d", i), Input: fmt.Sprintf("d%03d.txt", i), Format: crosscheck.FormatText,
				Raw: []byte(fmt.Sprintf("Report %d\n\nThe council approved report %d on Tuesday after a long debate.", i, i))}
			if !yield(ingest.Item{Input: doc.Input, Doc: doc}) {
				return
			}
		}
	}
	done := make(chan error, 1)
	go func() {
		_, err := pipeline.Run(ctx, items, store, pipeline.Options{Workers: 2, BatchSize: 1})
		done <- err
	}()
	// the first commit waits until ahead documents past it have been taken up by the workers;
	// with queues of a few documents between the stages, they stop after a handful
	deadline := time.After(2 * time.Minute)
	for store.seen.Load() < ahead {
		select {
		case <-deadline:
			t.Fatalf("while the first batch was committed, the workers took up %d documents; want %d", store.seen.Load(), ahead)
		case <-time.After(10 * time.Millisecond):
		}
	}
	release()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}
