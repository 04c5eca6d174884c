package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

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

// startWorker starts crosscheck worker as a process of its own (the test binary stands in for
// the built one, see TestMain).
func startWorker(t *testing.T, dsn string, out *bytes.Buffer) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "worker", "--db", dsn, "--until-idle", "--lease", "3s", "--backoff", "100ms")
	cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=1")
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// testConn connects to the database dsn names, until the test ends.
func testConn(t *testing.T, dsn string) (context.Context, *pgx.Conn) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(ctx) })
	return ctx, conn
}

// queueCounts reads the articles, revisions and jobs by state of the store dsn names.
func queueCounts(t *testing.T, dsn string) (articles, revisions int, jobs map[string]int, retaken int) {
	t.Helper()
	ctx, conn := testConn(t, dsn)
	if err := conn.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM revisions),
		(SELECT count(*) FROM jobs WHERE attempts > 1)`).Scan(&articles, &revisions, &retaken); err != nil {
		t.Fatal(err)
	}
	rows, err := conn.Query(ctx, `SELECT state, count(*) FROM jobs GROUP BY state`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	jobs = map[string]int{}
	for rows.Next() {
		var state string
		var n int
		rows.Scan(&state, &n)
		jobs[state] = n
	}
	return articles, revisions, jobs, retaken
}

// doneBehindCursor counts the done jobs the serial step has passed, which the holder deletes.
func doneBehindCursor(t *testing.T, dsn string) (n int) {
	t.Helper()
	ctx, conn := testConn(t, dsn)
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM jobs WHERE state = 'done' AND id <= (SELECT at FROM queue_cursor)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

// One of four workers killed with SIGKILL mid-run — the one grouping, holding jobs — loses
// nothing and does nothing twice: its jobs are taken again when their leases run out, the
// grouping lock goes with its connection and the next holder groups again from the last save.
// Every article is stored once, every job done, every article in one story, the stories those
// one process makes, and every story's report made; the done jobs the serial step passed are
// deleted, by whichever holder (the killed one was deleting them too).
func TestKilledWorkerLosesNoJob(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	if testing.Short() {
		t.Skip("runs processes")
	}
	input := corpus.Path(t, "ecbplus/docs.jsonl")
	want := oneProcess(t, []string{input})
	dsn := storetest.PostgresDSN(t)
	if code, out, errOut := run(t, "", "ingest", "--db", dsn, "--enqueue", "--reports", input); code != 0 {
		t.Fatalf("ingest --enqueue: exit %d %s %s", code, out, errOut)
	}
	_, _, jobs, _ := queueCounts(t, dsn)
	inputs := jobs["ready"]
	outs := make([]bytes.Buffer, 4)
	// the first worker starts alone, so that it holds the grouping lock when it is killed
	first := startWorker(t, dsn, &outs[0])
	deadline := time.Now().Add(2 * time.Minute)
	for n, _, _, _ := queueCounts(t, dsn); n == 0 && time.Now().Before(deadline); n, _, _, _ = queueCounts(t, dsn) {
		time.Sleep(20 * time.Millisecond)
	}
	var rest []*exec.Cmd
	for i := 1; i < 4; i++ {
		rest = append(rest, startWorker(t, dsn, &outs[i]))
	}
	for n, _, _, _ := queueCounts(t, dsn); n < inputs/3 && time.Now().Before(deadline); n, _, _, _ = queueCounts(t, dsn) {
		time.Sleep(20 * time.Millisecond)
	}
	first.Process.Signal(syscall.SIGKILL)
	first.Wait()
	killedAt, _, running, _ := queueCounts(t, dsn)
	if killedAt >= inputs || running["done"] >= inputs {
		t.Fatalf("killed with %d of %d articles stored: the kill did not cut the run; the worker said: %s", killedAt, inputs, outs[0].String())
	}
	for i, cmd := range rest {
		if err := cmd.Wait(); err != nil {
			t.Errorf("worker %d: %v: %s", i+2, err, outs[i+1].String())
		}
	}
	articles, revisions, jobs, retaken := queueCounts(t, dsn)
	t.Logf("killed with %d articles stored, %d jobs running; after: %d articles, %d revisions, jobs %v, %d taken more than once\nthe workers said:\n%s%s%s",
		killedAt, running["running"], articles, revisions, jobs, retaken, outs[1].String(), outs[2].String(), outs[3].String())
	if articles != inputs || revisions != inputs {
		t.Errorf("%d articles in %d revisions from %d inputs", articles, revisions, inputs)
	}
	if jobs["ready"]+jobs["running"]+jobs["dead"]+jobs["held"] != 0 {
		t.Errorf("jobs left: %v", jobs)
	}
	if behind := doneBehindCursor(t, dsn); behind != 0 {
		t.Errorf("%d done jobs behind the cursor were not deleted", behind)
	}
	s, err := postgres.OpenExisting(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if got := storyDump(t, s); !bytes.Equal(want, got) {
		t.Fatalf("the stories differ %s", firstDifference(want, got))
	}
	stories, err := storetest.All(s.Stories(context.Background()))
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	for _, st := range stories {
		for _, a := range st.Articles {
			if other, ok := in[a]; ok {
				t.Errorf("%s in %s and %s", a, other, st.ID)
			}
			in[a] = st.ID
		}
		if _, held, err := pipeline.StoredReportJSON(context.Background(), s, st.ID); err != nil || !held {
			t.Errorf("no current report of %s (%v)", st.ID, err)
		}
	}
	if len(in) != inputs {
		t.Errorf("%d of %d articles in stories", len(in), inputs)
	}
	if failures, _ := storetest.All(s.Failures(context.Background())); len(failures) > 0 {
		t.Errorf("failures: %v", failures)
	}
}

// A SQLite store has no queue: --enqueue and worker say so, and make no store.
func TestQueueVerbsNeedPostgres(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cc.db")
	for _, args := range [][]string{{"ingest", "--db", db, "--enqueue", "x.txt"}, {"worker", "--db", db, "--until-idle"}} {
		code, _, errOut := run(t, "", args...)
		if code != exitFailed || !strings.Contains(errOut, "the queue is PostgreSQL's") {
			t.Errorf("%v: exit %d %q", args, code, errOut)
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a store was made")
	}
}

// A page that keeps failing is tried three times, a longer wait each time, then given up:
// crosscheck failures lists it, with the job and its last error, and the worker stops once
// the rest is done: a file carried in its job and a page fetched by the worker, both stored.
// Their jobs are deleted once their batch is finished; the given-up job stays, beside its
// failure, until failures --clear-jobs.
func TestWorkerGivesUpAfterThreeAttempts(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	tries := 0
	var mu sync.Mutex
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		if r.URL.Path == "/news/b" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
			return
		}
		mu.Lock()
		tries++
		mu.Unlock()
		http.Error(w, "down", http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	good := filepath.Join(t.TempDir(), "good.txt")
	os.WriteFile(good, []byte("Dam talks resume\n\nTalks on the river dam resumed in Geneva on Monday, the ministry said.\n"), 0o644)
	code, out, errOut := runWeb(t, "ingest", "--db", dsn, "--enqueue", "--json", good, srv.URL+"/news/a", srv.URL+"/news/b")
	if lines := jsonLines(t, out); code != 0 || len(lines) != 3 || lines[1]["status"] != "queued" {
		t.Fatalf("ingest --enqueue: exit %d %s %s", code, out, errOut)
	}
	code, out, errOut = runWeb(t, "worker", "--db", dsn, "--until-idle", "--allow-private", "--backoff", "10ms")
	if code != 0 || !strings.HasPrefix(out, "2 jobs done (1 fetch, 1 ingest), 2 retried, 1 given up, 2 articles grouped") {
		t.Fatalf("worker: exit %d %q %s", code, out, errOut)
	}
	_, out, _ = runWeb(t, "failures", "--db", dsn, "--json")
	f := jsonLines(t, out)
	if len(f) != 1 || f[0]["input"] != srv.URL+"/news/a" || !strings.HasPrefix(fmt.Sprint(f[0]["error"]), "gave up after 3 attempts (job 2, fetch): ") {
		t.Fatalf("failures: %s", out)
	}
	if tries < 3 {
		t.Errorf("the page was asked for %d times", tries)
	}
	// the done jobs went once the batch was finished; the given-up one stays until it is cleared
	if _, _, jobs, _ := queueCounts(t, dsn); len(jobs) != 1 || jobs["dead"] != 1 {
		t.Errorf("jobs left after the run: %v", jobs)
	}
	code, out, errOut = runWeb(t, "failures", "--db", dsn, "--clear-jobs")
	if _, _, jobs, _ := queueCounts(t, dsn); code != 0 || len(jobs) != 0 || !strings.Contains(errOut, "1 given-up jobs deleted") ||
		!strings.Contains(out, srv.URL+"/news/a: gave up after 3 attempts") {
		t.Errorf("failures --clear-jobs: exit %d %q %q, jobs left %v", code, out, errOut, jobs)
	}
}
