package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// The queue is a sketch of how workers on many machines share work through the store: a jobs
// table read with SELECT … FOR UPDATE SKIP LOCKED, so that workers taking jobs at once each get
// another one without waiting for each other, and a lease on each job taken, so that a worker
// killed mid-job loses it only until the lease runs out. A job's effects and its Done can be
// committed in one transaction (DoneTx), so that a job killed after its effects were stored is
// not done twice.

// Job is one piece of work on the queue.
type Job struct {
	ID       int64
	Kind     string
	Payload  string
	Attempts int // this one included
}

// MaxAttempts is how many times a job is tried before it is dead: kept, with its last error,
// for a person to look at, and no longer taken.
const MaxAttempts = 3

// Enqueue puts a job on the queue and returns its id.
func (s *Store) Enqueue(ctx context.Context, kind, payload string) (int64, error) {
	var id int64
	err := s.db.QueryRow(ctx, `INSERT INTO jobs (kind, payload) VALUES ($1, $2) RETURNING id`, kind, payload).Scan(&id)
	return id, err
}

// ErrNoJob is returned by Take when no job is ready.
var ErrNoJob = errors.New("no job ready")

// Take gives worker the oldest ready job, or a running one whose lease ran out, for lease.
func (s *Store) Take(ctx context.Context, worker string, lease time.Duration) (Job, error) {
	var j Job
	err := s.db.QueryRow(ctx, `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = $1,
			locked_until = now() + $2 * interval '1 millisecond'
		WHERE id = (SELECT id FROM jobs
			WHERE state IN ('ready', 'running') AND run_at <= now() AND (state = 'ready' OR locked_until < now())
			ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
		RETURNING id, kind, payload, attempts`, worker, lease.Milliseconds()).Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempts)
	if errors.Is(err, pgx.ErrNoRows) {
		return j, ErrNoJob
	}
	return j, err
}

// DoneTx marks a job done inside the transaction that stores its effects; it fails when the
// job's lease was lost to another worker, so that the effects are rolled back with it.
func DoneTx(ctx context.Context, tx pgx.Tx, job Job, worker string) error {
	res, err := tx.Exec(ctx, `UPDATE jobs SET state = 'done', locked_until = NULL WHERE id = $1 AND state = 'running' AND worker = $2`, job.ID, worker)
	if err != nil {
		return err
	}
	if res.RowsAffected() != 1 {
		return fmt.Errorf("job %d: its lease went to another worker", job.ID)
	}
	return nil
}

// Done marks a job that has no effects of its own in the store done.
func (s *Store) Done(ctx context.Context, job Job, worker string) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return DoneTx(ctx, tx, job, worker) })
}

// Fail records a job's failed attempt: it is tried again after backoff, or is dead after
// MaxAttempts.
func (s *Store) Fail(ctx context.Context, job Job, worker string, cause error, backoff time.Duration) error {
	_, err := s.db.Exec(ctx, `UPDATE jobs SET error = $3, locked_until = NULL,
			state = CASE WHEN attempts >= $4 THEN 'dead' ELSE 'ready' END,
			run_at = now() + $5 * interval '1 millisecond'
		WHERE id = $1 AND state = 'running' AND worker = $2`, job.ID, worker, cause.Error(), MaxAttempts, backoff.Milliseconds())
	return err
}

// DeadJobs lists the jobs given up on, oldest first, with their last errors.
func (s *Store) DeadJobs(ctx context.Context) ([]Job, []string, error) {
	rows, err := s.db.Query(ctx, `SELECT id, kind, payload, attempts, error FROM jobs WHERE state = 'dead' ORDER BY id`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var jobs []Job
	var errs []string
	for rows.Next() {
		var j Job
		var e string
		if err := rows.Scan(&j.ID, &j.Kind, &j.Payload, &j.Attempts, &e); err != nil {
			return nil, nil, err
		}
		jobs, errs = append(jobs, j), append(errs, e)
	}
	return jobs, errs, rows.Err()
}
