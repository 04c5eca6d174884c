package work

import (
	"context"
	"fmt"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// The done jobs may go up to the cursor, but not those a mark still to be reached reads: its
// batch's jobs from the first, which another batch's mark may have passed.
func TestPruneBoundKeepsWhatAMarkWillRead(t *testing.T) {
	mark := func(id, from int64) crosscheck.Job {
		j := FinishJob(from, false)
		return crosscheck.Job{ID: id, Kind: j.Kind, Payload: j.Payload, State: crosscheck.JobHeld}
	}
	for _, c := range []struct {
		cursor int64
		held   []crosscheck.Job
		want   int64
	}{
		{100, nil, 100},
		{100, []crosscheck.Job{mark(300, 101)}, 100},              // the next batch starts past the cursor
		{100, []crosscheck.Job{mark(300, 40)}, 39},                // a batch the cursor is inside
		{100, []crosscheck.Job{mark(300, 60), mark(400, 20)}, 19}, // the lowest first job of all
		{100, []crosscheck.Job{{ID: 200, Kind: KindFinish, Payload: []byte("{"), State: crosscheck.JobHeld}}, 100},
	} {
		if got := pruneBound(c.cursor, c.held); got != c.want {
			t.Errorf("cursor %d, held %+v: %d, want %d", c.cursor, c.held, got, c.want)
		}
	}
}

// fakeJobs is a queue's jobs in memory, as the pruner sees them.
type fakeJobs struct{ jobs []crosscheck.Job }

func (f *fakeJobs) HeldJobs(context.Context) ([]crosscheck.Job, error) {
	return f.find(func(j crosscheck.Job) bool { return j.State == crosscheck.JobHeld }, -1), nil
}

func (f *fakeJobs) DoneJobs(_ context.Context, kind string, limit int) ([]crosscheck.Job, error) {
	return f.find(func(j crosscheck.Job) bool { return j.State == crosscheck.JobDone && j.Kind == kind }, limit), nil
}

func (f *fakeJobs) PruneJobs(_ context.Context, from, upTo int64, limit int) (int, error) {
	return f.drop(func(j crosscheck.Job) bool { return j.State == crosscheck.JobDone && j.ID >= from && j.ID <= upTo }, limit), nil
}

func (f *fakeJobs) PruneKind(_ context.Context, kind string, limit int) (int, error) {
	return f.drop(func(j crosscheck.Job) bool { return j.State == crosscheck.JobDone && j.Kind == kind }, limit), nil
}

func (f *fakeJobs) find(ok func(crosscheck.Job) bool, limit int) []crosscheck.Job {
	var out []crosscheck.Job
	for _, j := range f.jobs {
		if ok(j) && (limit < 0 || len(out) < limit) {
			out = append(out, j)
		}
	}
	return out
}

func (f *fakeJobs) drop(ok func(crosscheck.Job) bool, limit int) int {
	var kept []crosscheck.Job
	n := 0
	for _, j := range f.jobs {
		if ok(j) && n < limit {
			n++
			continue
		}
		kept = append(kept, j)
	}
	f.jobs = kept
	return n
}

func (f *fakeJobs) ids() []int64 {
	var out []int64
	for _, j := range f.jobs {
		out = append(out, j.ID)
	}
	return out
}

// A finished mark's batch goes, the mark last; the first jobs of a batch whose mark is not
// queued yet stay, though the cursor passed them, until their own mark is finished; so do the
// jobs a mark still to be reached reads, and a dead job; done reports go at once.
func TestPruneRoundDeletesFinishedBatches(t *testing.T) {
	ctx := context.Background()
	done := func(id int64, kind string) crosscheck.Job {
		return crosscheck.Job{ID: id, Kind: kind, State: crosscheck.JobDone}
	}
	mark := func(id, from int64, state crosscheck.JobState) crosscheck.Job {
		j := FinishJob(from, false)
		return crosscheck.Job{ID: id, Kind: KindFinish, Payload: j.Payload, State: state}
	}
	// batch A: 1 to 3, its mark not queued yet; batch B: 4 and 5, its mark 6, finished; a report
	// job 7 done; batch C: 8 (dead) and 9, its mark 10 held
	f := &fakeJobs{jobs: []crosscheck.Job{done(1, KindIngest), done(2, KindIngest), done(3, KindIngest),
		done(4, KindIngest), done(5, KindIngest), mark(6, 4, crosscheck.JobDone), done(7, KindReport),
		{ID: 8, Kind: KindIngest, State: crosscheck.JobDead}, done(9, KindIngest), mark(10, 8, crosscheck.JobHeld)}}
	if left, err := pruneRound(ctx, f, 9); err != nil || left != pruneBatch-4 {
		t.Fatalf("first round: %d left, %v", left, err)
	}
	if got := fmt.Sprint(f.ids()); got != "[1 2 3 8 9 10]" {
		t.Errorf("after the first round: %s, want [1 2 3 8 9 10]", got)
	}
	// A's mark 11 is queued and finished after C's: everything but the dead job goes
	f.jobs[5].State = crosscheck.JobDone
	f.jobs = append(f.jobs, mark(11, 1, crosscheck.JobDone))
	if _, err := pruneRound(ctx, f, 11); err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(f.ids()); got != "[8]" {
		t.Errorf("after the second round: %s, want [8]", got)
	}
}
