package postgres_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
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
