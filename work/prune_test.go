package work

import (
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
