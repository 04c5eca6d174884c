package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/postgres"
)

func enqueue(t *testing.T, s *postgres.Store, kind, payload string) {
	t.Helper()
	if _, err := s.Enqueue(context.Background(), []crosscheck.NewJob{{Kind: kind, Payload: []byte(payload)}}); err != nil {
		t.Fatal(err)
	}
}

// Four workers taking jobs at once each get other jobs: every job is done once.
func TestQueueGivesEachJobToOneWorker(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	const n = 200
	for i := range n {
		if _, err := s.Enqueue(ctx, []crosscheck.NewJob{{Kind: "report", Payload: []byte(fmt.Sprint(i))}}); err != nil {
			t.Fatal(err)
		}
	}
	var mu sync.Mutex
	done := map[int64]string{}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			worker := fmt.Sprint("w", w)
			for {
				j, err := s.Take(ctx, worker, time.Minute)
				if errors.Is(err, crosscheck.ErrNoJob) {
					return
				}
				if err != nil {
					t.Error(err)
					return
				}
				mu.Lock()
				if other, ok := done[j.ID]; ok {
					t.Errorf("job %d taken by %s and %s", j.ID, other, worker)
				}
				done[j.ID] = worker
				mu.Unlock()
				if err := s.Done(ctx, j, worker, nil); err != nil {
					t.Error(err)
				}
			}
		}()
	}
	wg.Wait()
	if len(done) != n {
		t.Errorf("%d of %d jobs done", len(done), n)
	}
}

// A worker that dies holding a job loses it when its lease runs out: another takes it, and the
// dead worker's late Done is refused.
func TestQueueRetakesAJobWhoseLeaseRanOut(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	// a job under a long lease is nobody else's
	enqueue(t, s, "fetch", `{"url":"https://example.org/a"}`)
	if _, err := s.Take(ctx, "holder", time.Hour); err != nil {
		t.Fatal(err)
	}
	if j, err := s.Take(ctx, "other", time.Minute); !errors.Is(err, crosscheck.ErrNoJob) {
		t.Fatalf("a job under another's lease taken: %+v, %v", j, err)
	}
	enqueue(t, s, "fetch", `{"url":"https://example.org/b"}`)
	first, err := s.Take(ctx, "killed", time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond) // the short lease runs out; what is asserted is who holds the job
	again, err := s.Take(ctx, "second", time.Minute)
	if err != nil || again.ID != first.ID || again.Attempts != 2 {
		t.Fatalf("after the lease ran out: %+v, %v", again, err)
	}
	if err := s.Done(ctx, first, "killed", nil); err == nil {
		t.Error("the worker that lost the lease marked the job done")
	}
	if err := s.Done(ctx, again, "second", nil); err != nil {
		t.Error(err)
	}
	if _, err := s.Take(ctx, "third", time.Minute); !errors.Is(err, crosscheck.ErrNoJob) {
		t.Errorf("a done job taken again: %v", err)
	}
}

// A job that fails MaxAttempts times is dead, kept with its last error, and no longer taken.
func TestQueueDeadAfterMaxAttempts(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	enqueue(t, s, "feed", `{"url":"https://example.org/rss"}`)
	for i := range crosscheck.MaxAttempts {
		j, err := s.Take(ctx, "w", time.Minute)
		if err != nil {
			t.Fatalf("attempt %d: %v", i+1, err)
		}
		dead, err := s.Fail(ctx, j, "w", "https://example.org/rss", fmt.Errorf("HTTP 503 (attempt %d)", j.Attempts), 0)
		if err != nil || dead != (i+1 == crosscheck.MaxAttempts) {
			t.Fatalf("attempt %d: dead %v, %v", i+1, dead, err)
		}
	}
	if _, err := s.Take(ctx, "w", time.Minute); !errors.Is(err, crosscheck.ErrNoJob) {
		t.Errorf("a dead job taken: %v", err)
	}
	dead, err := storetest.All(s.DeadJobs(ctx))
	if err != nil || len(dead) != 1 || dead[0].Attempts != crosscheck.MaxAttempts || dead[0].Error != "HTTP 503 (attempt 3)" {
		t.Errorf("dead jobs %+v, %v", dead, err)
	}
	// the dead job is a failure of its input, as crosscheck failures lists them
	failures, err := storetest.All(s.Failures(ctx))
	if err != nil || len(failures) != 1 || failures[0].Input != "https://example.org/rss" ||
		failures[0].Error != "gave up after 3 attempts (job 1, feed): HTTP 503 (attempt 3)" {
		t.Errorf("failures %+v, %v", failures, err)
	}
}

// Ordered jobs are read in id order with their states and results; the cursor moves only
// forward, marks the held jobs it passes done, and the queue is idle once nothing waits or
// runs and the cursor is past every ordered job.
func TestQueueOrderedJobsAndCursor(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	s := mustOpen(t)
	defer s.Close()
	ids, err := s.Enqueue(ctx, []crosscheck.NewJob{{Kind: "ingest", Ordered: true}, {Kind: "ingest", Ordered: true},
		{Kind: "finish", Ordered: true, Held: true}, {Kind: "report", Key: "report:a"}, {Kind: "report", Key: "report:a"}})
	if err != nil || ids[0] >= ids[1] || ids[1] >= ids[2] || ids[4] != 0 {
		t.Fatalf("ids %v (a second waiting job of one key is not queued), %v", ids, err)
	}
	// a held job is never taken; the others are, oldest first
	var taken []crosscheck.Job
	for range 3 {
		j, err := s.Take(ctx, "w", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		taken = append(taken, j)
	}
	if _, err := s.Take(ctx, "w", time.Minute); !errors.Is(err, crosscheck.ErrNoJob) {
		t.Fatalf("the held job was taken: %v", err)
	}
	if err := s.Done(ctx, taken[1], "w", []byte(`{"article":"b"}`)); err != nil {
		t.Fatal(err)
	}
	jobs, err := s.Ordered(ctx, 0, 10)
	if err != nil || len(jobs) != 3 || jobs[0].State != crosscheck.JobRunning || jobs[1].State != crosscheck.JobDone ||
		string(jobs[1].Result) != `{"article":"b"}` || jobs[2].State != crosscheck.JobHeld {
		t.Fatalf("ordered jobs %+v, %v", jobs, err)
	}
	s.Done(ctx, taken[0], "w", nil)
	s.Done(ctx, taken[2], "w", nil)
	if idle, err := s.Idle(ctx); err != nil || idle {
		t.Fatalf("idle %v before the cursor passed the ordered jobs (%v)", idle, err)
	}
	if err := s.SetCursor(ctx, ids[2]); err != nil {
		t.Fatal(err)
	}
	s.SetCursor(ctx, ids[0]) // not back
	if at, err := s.Cursor(ctx); err != nil || at != ids[2] {
		t.Fatalf("cursor %d, want %d (%v)", at, ids[2], err)
	}
	if jobs, _ := s.Ordered(ctx, ids[1], 10); len(jobs) != 1 || jobs[0].State != crosscheck.JobDone {
		t.Fatalf("the mark the cursor passed: %+v", jobs)
	}
	if idle, err := s.Idle(ctx); err != nil || !idle {
		t.Fatalf("not idle after all was done (%v)", err)
	}
}

// One holder of the serial lock at a time; released, it is another's.
func TestQueueSerialLockHasOneHolder(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	open := func() *postgres.Store { // two processes over one store
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s, other := open(), open()
	defer s.Close()
	defer other.Close()
	release, ok, err := s.Serial(ctx)
	if err != nil || !ok {
		t.Fatalf("the free lock not taken: %v", err)
	}
	if second, ok, err := other.Serial(ctx); err != nil || ok {
		if ok {
			second()
		}
		release()
		t.Fatalf("a second holder (%v)", err)
	}
	release()
	if release, ok, err := other.Serial(ctx); err != nil || !ok {
		t.Fatalf("the released lock not taken: %v", err)
	} else {
		release()
	}
	// a store in another schema of the database has a lock of its own
	elsewhere := mustOpen(t)
	defer elsewhere.Close()
	release, ok, err = s.Serial(ctx)
	if err != nil || !ok {
		t.Fatalf("the lock not taken again: %v", err)
	}
	defer release()
	if theirs, ok, err := elsewhere.Serial(ctx); err != nil || !ok {
		t.Fatalf("another store's lock taken for this one's (%v)", err)
	} else {
		theirs()
	}
}

// A reading verb's open of a database without the store's schema says there is no store, and
// makes none.
func TestOpenExistingEmptyDatabaseIsNoStore(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	ctx := context.Background()
	if _, err := postgres.OpenExisting(ctx, dsn); !errors.Is(err, crosscheck.ErrNotFound) || !strings.Contains(err.Error(), "no store at") {
		t.Fatalf("an empty database opened for reading: %v", err)
	}
	if _, err := postgres.OpenExisting(ctx, dsn); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Fatalf("the first open made a store: %v", err)
	}
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if s, err = postgres.OpenExisting(ctx, dsn); err != nil {
		t.Fatal(err)
	}
	s.Close()
}

// Finding the ungrouped articles starts past the mark below which every article is in a
// story, as in SQLite: a grouping save moves it, and a reset takes it back.
func TestUngroupedStartsAtTheGroupedMark(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	s, err := postgres.Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	mark := func() (grouped, last int64) {
		t.Helper()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		if err := conn.QueryRow(ctx, `SELECT coalesce((SELECT grouped FROM group_meta), 0), (SELECT max(seq) FROM articles)`).Scan(&grouped, &last); err != nil {
			t.Fatal(err)
		}
		return grouped, last
	}
	for _, id := range []string{"a", "b", "c"} {
		if _, err := s.Put(ctx, []crosscheck.Entry{storetest.Entry(id, "Wire", "The council of "+id+" met on Monday.")}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := pipeline.Group(ctx, s, group.DefaultOptions); err != nil {
		t.Fatal(err)
	}
	if grouped, last := mark(); grouped != last || last == 0 {
		t.Fatalf("the mark at %d after grouping every article up to %d", grouped, last)
	}
	s.Put(ctx, []crosscheck.Entry{storetest.Entry("d", "Wire", "The council of d met on Monday.")})
	if un, err := storetest.All(s.Ungrouped(ctx)); err != nil || len(un) != 1 || un[0].ID != "d" {
		t.Fatalf("ungrouped %v, %v", un, err)
	}
	if err := s.ResetGroups(ctx); err != nil {
		t.Fatal(err)
	}
	if grouped, _ := mark(); grouped != 0 {
		t.Fatalf("the mark at %d after a reset", grouped)
	}
	if un, _ := storetest.All(s.Ungrouped(ctx)); len(un) != 4 {
		t.Fatalf("%d ungrouped after a reset, want 4", len(un))
	}
}
