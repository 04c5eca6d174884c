package work

import (
	"context"
	"encoding/json"

	"github.com/crosscheck/crosscheck"
)

// A done job is read again only by the serial step: from its cursor on while it groups, and,
// behind the cursor, by the finish mark of a batch, which reads the ordered jobs from its batch's
// first to itself. Report and feed jobs are read by nothing once done. So the holder of the
// serial step deletes, a bounded number a round, the done report and feed jobs, and the jobs of
// each finished mark's range (its first job to itself, the mark last) up to the bound: the
// cursor, or the job before the first job a mark still to be reached names. A job of a batch
// whose mark is not queued yet is in no finished mark's range but its own, and stays until its
// mark is finished. The jobs table keeps the queue's backlog, not its history. Dead jobs stay
// until a user clears them (crosscheck failures --clear-jobs): what they failed on is listed as
// a failure too. Each deletion is one statement and the mark goes last, so a holder killed
// mid-delete leaves the rest to the next one, who finds it from the store.

// Pruner deletes the done jobs nothing reads again.
type Pruner interface {
	// HeldJobs returns the held jobs (the marks still to be reached), oldest first.
	HeldJobs(ctx context.Context) ([]crosscheck.Job, error)
	// DoneJobs returns up to limit done jobs of a kind, oldest first.
	DoneJobs(ctx context.Context, kind string, limit int) ([]crosscheck.Job, error)
	// PruneJobs deletes up to limit done jobs with ids from from to upTo, oldest first, and
	// says how many it deleted.
	PruneJobs(ctx context.Context, from, upTo int64, limit int) (int, error)
	// PruneKind deletes up to limit done jobs of a kind, oldest first, and says how many.
	PruneKind(ctx context.Context, kind string, limit int) (int, error)
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
	cursor := w.cursor
	left, err := pruneRound(ctx, w.store, cursor)
	if err != nil {
		return false, err
	}
	if n := pruneBatch - left; n > 0 {
		w.count(func(c *Counts) { c.Pruned += n })
	}
	if left > 0 {
		w.prunedAt = cursor
	}
	return left == 0, nil
}

// pruneRound deletes up to pruneBatch done jobs and returns how many fewer it deleted.
func pruneRound(ctx context.Context, store Pruner, cursor int64) (int, error) {
	left := pruneBatch
	for _, kind := range []string{KindReport, KindFeed} {
		n, err := store.PruneKind(ctx, kind, left)
		if left -= n; err != nil || left == 0 {
			return left, err
		}
	}
	held, err := store.HeldJobs(ctx)
	if err != nil {
		return left, err
	}
	bound := pruneBound(cursor, held)
	marks, err := store.DoneJobs(ctx, KindFinish, 16)
	if err != nil {
		return left, err
	}
	for _, m := range marks {
		var p finishPayload
		if json.Unmarshal(m.Payload, &p) != nil || p.From <= 0 {
			p.From = m.ID // a mark that names no batch: itself alone
		}
		if m.ID > cursor {
			break // not finished by the holder yet
		}
		n, err := store.PruneJobs(ctx, p.From, min(m.ID-1, bound), left)
		if left -= n; err != nil || left == 0 {
			return left, err
		}
		// its range is deleted up to the bound; the jobs past the bound are in the range of
		// the mark to be reached that protects them
		n, err = store.PruneJobs(ctx, m.ID, m.ID, 1)
		if left -= n; err != nil || left == 0 {
			return left, err
		}
	}
	return left, nil
}
