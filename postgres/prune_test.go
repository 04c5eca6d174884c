package postgres_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/postgres"
)

// jobStates returns the state of every job on the queue by id.
func jobStates(t *testing.T, s *postgres.Store) map[int64]crosscheck.JobState {
	t.Helper()
	ctx := context.Background()
	out := map[int64]crosscheck.JobState{}
	jobs, err := s.Ordered(ctx, 0, 1000)
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range jobs {
		out[j.ID] = j.State
	}
	dead, err := storetest.All(s.DeadJobs(ctx))
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range dead {
		out[j.ID] = j.State
	}
	return out
}

// openAt opens the store in the schema dsn names, until the test ends.
func openAt(t *testing.T, dsn string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// PruneJobs deletes the done jobs of the ids given, the oldest first and no more than the
// limit a round; a dead job, a held mark, a running and a waiting job stay, and so do the done
// jobs past the ids. PruneKind deletes the done jobs of a kind. A second store over the same database finishes what a first one, closed
// after one round, left (a worker killed mid-delete): no other job is lost. ClearDeadJobs
// deletes the dead job alone.
func TestPruneJobsDeletesDoneJobsUpToTheBound(t *testing.T) {
	storetest.SkipWithoutPostgres(t)
	ctx := context.Background()
	dsn := storetest.PostgresDSN(t)
	s := openAt(t, dsn)
	var batch []crosscheck.NewJob
	for range 8 {
		batch = append(batch, crosscheck.NewJob{Kind: "ingest", Ordered: true})
	}
	batch = append(batch, crosscheck.NewJob{Kind: "finish", Ordered: true, Held: true})
	ids, err := s.Enqueue(ctx, batch)
	if err != nil {
		t.Fatal(err)
	}
	mark := ids[8]
	// jobs 1 to 8 taken: 3 fails until it is dead, 6 stays running, the rest are done
	var taken []crosscheck.Job
	for i := range 8 {
		j, err := s.Take(ctx, "w", time.Minute)
		if err != nil || j.ID != ids[i] {
			t.Fatalf("take %d: %+v %v", i, j, err)
		}
		taken = append(taken, j)
	}
	for i, j := range taken {
		if i != 2 && i != 5 {
			if err := s.Done(ctx, j, "w", []byte(`{}`)); err != nil {
				t.Fatal(err)
			}
		}
	}
	for j, a := taken[2], 1; ; a++ {
		dead, err := s.Fail(ctx, j, "w", "in", errors.New("HTTP 503"), 0)
		if err != nil || dead {
			if err != nil || a != crosscheck.MaxAttempts {
				t.Fatalf("attempt %d: dead %v, %v", a, dead, err)
			}
			break
		}
		if j, err = s.Take(ctx, "w", time.Minute); err != nil || j.ID != ids[2] {
			t.Fatalf("retake %d: %+v %v", a, j, err)
		}
	}
	waiting, err := s.Enqueue(ctx, []crosscheck.NewJob{{Kind: "report", Key: "report:x"}})
	if err != nil {
		t.Fatal(err)
	}
	// up to job 7: 1, 2, 4, 5 and 7 are done; one round of 2 deletes 1 and 2
	if n, err := s.PruneJobs(ctx, ids[1], ids[6], 2); err != nil || n != 2 {
		t.Fatalf("first round: %d, %v", n, err)
	}
	s.Close()
	s2 := openAt(t, dsn)
	if n, err := s2.PruneJobs(ctx, 0, ids[6], 100); err != nil || n != 3 {
		t.Fatalf("second round: %d, %v", n, err)
	}
	if n, err := s2.PruneJobs(ctx, 0, ids[6], 100); err != nil || n != 0 {
		t.Fatalf("third round: %d, %v", n, err)
	}
	got := jobStates(t, s2)
	want := map[int64]crosscheck.JobState{ids[2]: crosscheck.JobDead, ids[5]: crosscheck.JobRunning,
		ids[7]: crosscheck.JobDone, mark: crosscheck.JobHeld}
	if len(got) != len(want) {
		t.Errorf("jobs left %v, want %v", got, want)
	}
	for id, st := range want {
		if got[id] != st {
			t.Errorf("job %d: %q, want %q (jobs left %v)", id, got[id], st, got)
		}
	}
	j, err := s2.Take(ctx, "w", time.Minute)
	if err != nil || j.ID != waiting[0] {
		t.Fatalf("the waiting job: %+v, %v", j, err)
	}
	if n, err := s2.PruneKind(ctx, "report", 10); err != nil || n != 0 {
		t.Errorf("a running report job deleted: %d, %v", n, err)
	}
	if err := s2.Done(ctx, j, "w", nil); err != nil {
		t.Fatal(err)
	}
	if done, err := s2.DoneJobs(ctx, "report", 10); err != nil || len(done) != 1 || done[0].ID != waiting[0] {
		t.Errorf("done report jobs %+v, %v", done, err)
	}
	if n, err := s2.PruneKind(ctx, "report", 10); err != nil || n != 1 {
		t.Errorf("the done report job: %d deleted, %v", n, err)
	}
	held, err := s2.HeldJobs(ctx)
	if err != nil || len(held) != 1 || held[0].ID != mark {
		t.Errorf("held jobs %+v, %v", held, err)
	}
	if n, err := s2.ClearDeadJobs(ctx); err != nil || n != 1 {
		t.Errorf("cleared %d dead jobs, %v", n, err)
	}
	if dead, _ := storetest.All(s2.DeadJobs(ctx)); len(dead) != 0 {
		t.Errorf("dead jobs after clearing: %+v", dead)
	}
	if failures, _ := storetest.All(s2.Failures(ctx)); len(failures) != 1 {
		t.Errorf("the failure went with its job: %+v", failures)
	}
}
