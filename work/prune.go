package work

import (
	"context"
	"encoding/json"

	"github.com/crosscheck/crosscheck"
)

// A done job is read again only by the serial step: from its cursor on while it groups, and,
// behind the cursor, by the finish mark of the job's batch, which reads its batch's jobs from
// the first. So a done job can go once the cursor has passed it and no mark still to be reached
// names a first job at or before it; the holder of the serial step deletes those, a bounded
// number a round, so that the jobs table keeps the queue's backlog and not its history. Dead
// jobs stay until a user clears them (crosscheck failures --clear-jobs): what they failed on
// is listed as a failure too. A holder killed mid-delete leaves the rest to the next one, who
// works the bound out again from the store.

// Pruner deletes the done jobs nothing reads again.
type Pruner interface {
	// HeldJobs returns the held jobs (the marks still to be reached), oldest first.
	HeldJobs(ctx context.Context) ([]crosscheck.Job, error)
	// PruneJobs deletes up to limit done jobs with ids up to upTo, oldest first, and says how
	// many it deleted.
	PruneJobs(ctx context.Context, upTo int64, limit int) (int, error)
}

// pruneBatch is how many done jobs one round deletes.
const pruneBatch = 1000

// pruneBound is the id up to which the done jobs are read no more: the cursor, or, when a
// mark still to be reached reads its batch from a job at or before it, the job before that.
func pruneBound(cursor int64, held []crosscheck.Job) int64 {
	bound := cursor
	for _, j := range held {
		var p finishPayload
		if j.Kind == KindFinish && json.Unmarshal(j.Payload, &p) == nil && p.From-1 < bound {
			bound = p.From - 1
		}
	}
	return bound
}

// prune runs one round of deleting done jobs, when the cursor moved since the last round that
// left none to delete; it reports whether more are left.
func (w *Worker) prune(ctx context.Context) (bool, error) {
	if w.cursor <= w.prunedAt {
		return false, nil
	}
	held, err := w.store.HeldJobs(ctx)
	if err != nil {
		return false, err
	}
	cursor := w.cursor
	n, err := w.store.PruneJobs(ctx, pruneBound(cursor, held), pruneBatch)
	if err != nil {
		return false, err
	}
	if n < pruneBatch {
		w.prunedAt = cursor
	}
	if n > 0 {
		w.count(func(c *Counts) { c.Pruned += n })
	}
	return n == pruneBatch, nil
}
