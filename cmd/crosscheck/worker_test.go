package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/postgres"
	"github.com/crosscheck/crosscheck/sqlite"
)

// corpusInputs are the seeds, ECB+ and the events corpus, as crosscheck ingest names them.
func corpusInputs(t *testing.T) []string {
	inputs, _ := filepath.Glob(filepath.Join(filepath.Dir(corpus.Path(t, "events/README.md")), "*", "manifest.jsonl"))
	for i, m := range inputs {
		inputs[i] = filepath.Dir(m)
	}
	return append([]string{filepath.Dir(corpus.Path(t, "seeds/expected.json")), corpus.Path(t, "ecbplus/docs.jsonl")}, inputs...)
}

// storyDump writes out a store's stories in order, each with its articles and their links
// and near-duplicates, as JSON lines. The articles are sorted by id: a story lists them in the
// order they were stored, which is the order workers finished them in.
func storyDump(t *testing.T, s crosscheck.Store) []byte {
	t.Helper()
	ctx := context.Background()
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	stories, err := storetest.All(s.Stories(ctx))
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stories {
		sort.Strings(st.Articles) // a story lists its articles in the order they were stored
		links, err := s.StoryLinks(ctx, st.Articles)
		if err != nil {
			t.Fatal(err)
		}
		dups, err := s.Duplicates(ctx, st.Articles)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(links, func(i, j int) bool { return links[i].Article < links[j].Article })
		sort.Slice(dups, func(i, j int) bool { return dups[i].Article < dups[j].Article })
		enc.Encode(map[string]any{"story": st.ID, "order": st.Order, "title": st.Title, "first": st.First, "last": st.Last,
			"articles": st.Articles, "links": links, "duplicates": dups})
	}
	return out.Bytes()
}

// firstDifference says where two dumps part.
func firstDifference(a, b []byte) string {
	n := 0
	for n < min(len(a), len(b)) && a[n] == b[n] {
		n++
	}
	line := bytes.LastIndexByte(a[:n], '\n') + 1
	return fmt.Sprintf("from byte %d, in the record %.200s…:\none process: %.300s\nworkers:     %.300s", n, a[line:], a[n:], b[n:])
}

// oneProcess ingests inputs into a new SQLite store with crosscheck ingest and returns its
// stories.
func oneProcess(t *testing.T, inputs []string) []byte {
	t.Helper()
	db := filepath.Join(t.TempDir(), "one.db")
	if code, _, errOut := run(t, "", append([]string{"ingest", "--db", db}, inputs...)...); code != 0 {
		t.Fatalf("ingest: %s", errOut)
	}
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	return storyDump(t, s)
}

// Four workers give the stories, ids, links and near-duplicates one process gives, byte for
// byte, on the seeds, ECB+ and the events corpus: they store the articles in whatever order
// they finish, and the serial step groups them in the order they were enqueued.
func TestFourWorkersGiveTheStoriesOneProcessGives(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	if testing.Short() {
		t.Skip("ingests the corpus twice")
	}
	inputs := corpusInputs(t)
	want := oneProcess(t, inputs)
	dsn := storetest.PostgresDSN(t)
	if code, out, errOut := run(t, "", append([]string{"ingest", "--db", dsn, "--enqueue"}, inputs...)...); code != 0 || !strings.Contains(out, "inputs queued") {
		t.Fatalf("ingest --enqueue: exit %d %s %s", code, out, errOut)
	}
	var wg sync.WaitGroup
	outs := make([]string, 4)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, out, errOut := run(t, "", "worker", "--db", dsn, "--until-idle")
			if code != 0 {
				t.Errorf("worker %d: exit %d: %s", i, code, errOut)
			}
			outs[i] = out
		}()
	}
	wg.Wait()
	t.Logf("the workers said:\n%s", strings.Join(outs, ""))
	s, err := postgres.OpenExisting(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got := storyDump(t, s)
	if !bytes.Equal(want, got) {
		t.Fatalf("the stories differ %s", firstDifference(want, got))
	}
	if len(want) < 100_000 {
		t.Fatalf("only %d bytes compared: the corpus was not read", len(want))
	}
	// the work was shared: more than one worker did jobs
	busy := 0
	for _, out := range outs {
		if !strings.HasPrefix(out, "0 jobs done") {
			busy++
		}
	}
	if busy < 2 {
		t.Errorf("%d of 4 workers did any job", busy)
	}
	if _, held, err := pipeline.StoredReportJSON(context.Background(), s, "story-000_6f7de8062ea9ba3a"); err != nil || held {
		t.Errorf("a report made without --reports (held %v, %v)", held, err)
	}
}
