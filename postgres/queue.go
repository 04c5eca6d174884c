package postgres

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/crosscheck/crosscheck"
)

// The queue is a jobs table read with SELECT … FOR UPDATE SKIP LOCKED, so that workers taking
// jobs at once each get another one without waiting for each other, and a lease on each job
// taken, so that a worker killed mid-job loses it only until the lease runs out. A job's Done
// and its result are one statement, and every job's effects are idempotent by content (an
// article stored again with the same hash changes nothing), so that a job done again after a
// kill leaves what it left once.

var _ crosscheck.Queue = (*Store)(nil)

// Locks the queue takes, beside migrationLock and groupLock.
const (
	enqueueLock = 0x656e71 // "enq": ordered jobs are enqueued one transaction at a time
	serialLock  = 0x736572 // "ser": the serial step's holder
)

// Enqueue puts jobs on the queue in one transaction. A transaction with ordered jobs holds
// enqueueLock until it commits, so that their ids are given, and become visible, in order.
func (s *Store) Enqueue(ctx context.Context, jobs []crosscheck.NewJob) ([]int64, error) {
	ids := make([]int64, len(jobs))
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		for _, j := range jobs {
			if j.Ordered {
				if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(`+lockKey+`)`, enqueueLock); err != nil {
					return err
				}
				break
			}
		}
		for i, j := range jobs {
			state := crosscheck.JobReady
			if j.Held {
				state = crosscheck.JobHeld
			}
			err := tx.QueryRow(ctx, `INSERT INTO jobs (kind, payload, key, ordered, state) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (key) WHERE state = 'ready' AND key <> '' DO NOTHING RETURNING id`,
				j.Kind, string(j.Payload), j.Key, j.Ordered, string(state)).Scan(&ids[i])
			if err != nil && !errors.Is(err, pgx.ErrNoRows) { // no row: one with its key waits already
				return err
			}
		}
		return nil
	})
	return ids, err
}

// Take gives worker the oldest ready job, or a running one whose lease ran out, for lease.
func (s *Store) Take(ctx context.Context, worker string, lease time.Duration) (crosscheck.Job, error) {
	return scanTaken(s.db.QueryRow(ctx, takeJob, worker, lease.Milliseconds()))
}

// takeJob is the statement of Take, over the worker ($1) and the lease in milliseconds ($2).
const takeJob = `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = $1,
		locked_until = now() + $2 * interval '1 millisecond'
	WHERE id = (SELECT id FROM jobs
		WHERE state IN ('ready', 'running') AND run_at <= now() AND (state = 'ready' OR locked_until < now())
		ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
	RETURNING id, kind, payload, attempts, error`

// scanTaken reads the job takeJob returned; ErrNoJob when it returned none.
func scanTaken(row pgx.Row) (crosscheck.Job, error) {
	var j crosscheck.Job
	var payload string
	err := row.Scan(&j.ID, &j.Kind, &payload, &j.Attempts, &j.Error)
	if errors.Is(err, pgx.ErrNoRows) {
		return j, crosscheck.ErrNoJob
	}
	j.Payload, j.State = []byte(payload), crosscheck.JobRunning
	return j, err
}

// held is the condition that a job is still worker's.
const held = `id = $1 AND state = 'running' AND worker = $2`

// lost is the error of a worker whose lease went to another.
func lost(job crosscheck.Job) error {
	return fmt.Errorf("job %d: its lease went to another worker", job.ID)
}

// Extend renews worker's lease on a job.
func (s *Store) Extend(ctx context.Context, job crosscheck.Job, worker string, lease time.Duration) error {
	res, err := s.db.Exec(ctx, `UPDATE jobs SET locked_until = now() + $3 * interval '1 millisecond' WHERE `+held,
		job.ID, worker, lease.Milliseconds())
	if err == nil && res.RowsAffected() != 1 {
		err = lost(job)
	}
	return err
}

// Done marks a job done with its result. Its payload goes: a done job's input is stored as
// what it became.
func (s *Store) Done(ctx context.Context, job crosscheck.Job, worker string, result []byte) error {
	res, err := s.db.Exec(ctx, doneJob, job.ID, worker, string(result))
	if err == nil && res.RowsAffected() != 1 {
		err = lost(job)
	}
	return err
}

// doneJob is the statement of Done, over the job ($1), the worker ($2) and the result ($3).
const doneJob = `UPDATE jobs SET state = 'done', locked_until = NULL, payload = '', result = $3 WHERE ` + held

// DoneTake marks a job done, as Done, and takes the next for worker, as Take, in one round
// trip and one transaction. The next job is taken whether or not the lease on the done one
// was still worker's: doneErr says when it was not, err is Take's (ErrNoJob when no job is
// ready).
func (s *Store) DoneTake(ctx context.Context, job crosscheck.Job, worker string, result []byte, lease time.Duration) (next crosscheck.Job, doneErr, err error) {
	takeErr := crosscheck.ErrNoJob
	b := &pgx.Batch{}
	b.Queue(doneJob, job.ID, worker, string(result)).Exec(func(ct pgconn.CommandTag) error {
		if ct.RowsAffected() != 1 {
			doneErr = lost(job)
		}
		return nil
	})
	b.Queue(takeJob, worker, lease.Milliseconds()).QueryRow(func(row pgx.Row) error {
		next, takeErr = scanTaken(row)
		if errors.Is(takeErr, crosscheck.ErrNoJob) {
			return nil
		}
		return takeErr
	})
	if err := s.db.SendBatch(ctx, b).Close(); err != nil {
		return crosscheck.Job{}, err, err
	}
	return next, doneErr, takeErr
}

// Fail records a job's failed attempt: it is tried again after backoff or, after MaxAttempts,
// is dead, and a failure of input is recorded with it.
func (s *Store) Fail(ctx context.Context, job crosscheck.Job, worker, input string, cause error, backoff time.Duration) (bool, error) {
	var dead bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `UPDATE jobs SET error = $3, locked_until = NULL,
				state = CASE WHEN attempts >= $4 THEN 'dead' ELSE 'ready' END,
				run_at = now() + $5 * interval '1 millisecond'
			WHERE `+held+` RETURNING state = 'dead'`, job.ID, worker, cause.Error(), crosscheck.MaxAttempts, backoff.Milliseconds()).Scan(&dead)
		if errors.Is(err, pgx.ErrNoRows) {
			return lost(job)
		}
		if err != nil || !dead {
			return err
		}
		_, err = tx.Exec(ctx, `INSERT INTO failures (input, error, at) VALUES ($1, $2, $3)`, input,
			fmt.Sprintf("gave up after %d attempts (job %d, %s): %v", job.Attempts, job.ID, job.Kind, cause), s.now().UTC().Format(time.RFC3339))
		return err
	})
	return dead, err
}

// jobColumns are the columns scanJob reads.
const jobColumns = `id, kind, state, payload, result, attempts, error`

func scanJob(r pgx.Rows) (crosscheck.Job, error) {
	var j crosscheck.Job
	var state, payload, result string
	err := r.Scan(&j.ID, &j.Kind, &state, &payload, &result, &j.Attempts, &j.Error)
	j.State, j.Payload, j.Result = crosscheck.JobState(state), []byte(payload), []byte(result)
	return j, err
}

// DeadJobs streams the jobs given up on, oldest first, with their last errors.
func (s *Store) DeadJobs(ctx context.Context) iter.Seq2[crosscheck.Job, error] {
	return crosscheck.Pages(int64(0), page, func(after int64) ([]crosscheck.Job, int64, error) {
		out, err := collect(ctx, s.db, scanJob, `SELECT `+jobColumns+` FROM jobs WHERE state = 'dead' AND id > $1 ORDER BY id LIMIT $2`, after, page)
		if len(out) > 0 {
			after = out[len(out)-1].ID
		}
		return out, after, err
	})
}

// Serial takes serialLock on a connection of its own, held until release or until the
// connection ends.
func (s *Store) Serial(ctx context.Context) (func(), bool, error) {
	conn, err := s.db.Acquire(ctx)
	if err != nil {
		return nil, false, err
	}
	var ok bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock(`+lockKey+`)`, serialLock).Scan(&ok); err != nil || !ok {
		conn.Release()
		return nil, false, err
	}
	return func() {
		if _, err := conn.Exec(context.Background(), `SELECT pg_advisory_unlock(`+lockKey+`)`, serialLock); err != nil {
			conn.Conn().Close(context.Background()) // the lock goes with the connection
		}
		conn.Release()
	}, true, nil
}

// Ordered returns up to limit ordered jobs with ids above after.
func (s *Store) Ordered(ctx context.Context, after int64, limit int) ([]crosscheck.Job, error) {
	return collect(ctx, s.db, scanJob, `SELECT `+jobColumns+` FROM jobs WHERE ordered AND id > $1 ORDER BY id LIMIT $2`, after, limit)
}

// Cursor returns the id of the last ordered job the serial step finished.
func (s *Store) Cursor(ctx context.Context) (int64, error) {
	var at int64
	err := s.db.QueryRow(ctx, `SELECT at FROM queue_cursor WHERE id = 1`).Scan(&at)
	return at, err
}

// SetCursor moves the cursor to id and marks the held jobs up to it done.
func (s *Store) SetCursor(ctx context.Context, id int64) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done' WHERE ordered AND state = 'held' AND id <= $1`, id); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE queue_cursor SET at = greatest(at, $1) WHERE id = 1`, id)
		return err
	})
}

// Idle reports whether no job waits or runs and the cursor is past every ordered job.
func (s *Store) Idle(ctx context.Context) (bool, error) {
	var busy bool
	err := s.db.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM jobs WHERE state IN ('ready', 'running'))
		OR EXISTS (SELECT 1 FROM jobs WHERE ordered AND id > (SELECT at FROM queue_cursor WHERE id = 1))`).Scan(&busy)
	return !busy, err
}

// HeldJobs returns the held jobs, the marks the serial step has still to reach, oldest first.
func (s *Store) HeldJobs(ctx context.Context) ([]crosscheck.Job, error) {
	return collect(ctx, s.db, scanJob, `SELECT `+jobColumns+` FROM jobs WHERE state = 'held' ORDER BY id`)
}

// DoneJobs returns up to limit done jobs of a kind, oldest first.
func (s *Store) DoneJobs(ctx context.Context, kind string, limit int) ([]crosscheck.Job, error) {
	return collect(ctx, s.db, scanJob, `SELECT `+jobColumns+` FROM jobs WHERE state = 'done' AND kind = $1 ORDER BY id LIMIT $2`, kind, limit)
}

// PruneJobs deletes up to limit done jobs with ids from from to upTo, oldest first, in one
// statement, and returns how many it deleted. Dead jobs and jobs not done are never deleted: a
// dead job stays until ClearDeadJobs.
func (s *Store) PruneJobs(ctx context.Context, from, upTo int64, limit int) (int, error) {
	// the ids as an array, so that the rows are found by the primary key whatever the
	// planner guesses of the table (a join may read it all); the range by the primary key too,
	// not by jobs_done (kind first), which would be read whole: IS TRUE keeps that index's
	// condition from being seen in the query's
	res, err := s.db.Exec(ctx, `DELETE FROM jobs WHERE id = ANY(ARRAY(
		SELECT id FROM jobs WHERE id BETWEEN $1 AND $2 AND (state = 'done') IS TRUE ORDER BY id LIMIT $3))`, from, upTo, limit)
	return int(res.RowsAffected()), err
}

// PruneKind deletes up to limit done jobs of a kind, oldest first, and returns how many.
func (s *Store) PruneKind(ctx context.Context, kind string, limit int) (int, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM jobs WHERE id = ANY(ARRAY(
		SELECT id FROM jobs WHERE state = 'done' AND kind = $1 ORDER BY id LIMIT $2))`, kind, limit)
	return int(res.RowsAffected()), err
}

// ClearDeadJobs deletes the dead jobs and returns how many there were; the failures they were
// recorded as stay.
func (s *Store) ClearDeadJobs(ctx context.Context) (int, error) {
	res, err := s.db.Exec(ctx, `DELETE FROM jobs WHERE state = 'dead'`)
	return int(res.RowsAffected()), err
}
