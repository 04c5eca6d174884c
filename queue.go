package crosscheck

import (
	"context"
	"errors"
	"iter"
	"time"
)

// The queue is how workers on many machines share the work through the store (PostgreSQL's;
// a SQLite store has none): jobs taken one worker at a time under a lease, retried after a
// failure, dead after MaxAttempts. Some jobs are ordered: the step that must see the inputs in
// the order they were given (grouping) follows them, in id order, under a lock one worker
// holds at a time (Serial), up to the first one not finished yet.

// JobState is where a job is in its life.
type JobState string

// Job states.
const (
	JobReady   JobState = "ready"   // waiting to be taken, from its run_at
	JobRunning JobState = "running" // taken, under a lease
	JobDone    JobState = "done"
	JobDead    JobState = "dead" // failed MaxAttempts times; kept with its last error
	JobHeld    JobState = "held" // a mark in the ordered jobs that only the serial step takes
)

// MaxAttempts is how many times a job is tried before it is dead.
const MaxAttempts = 3

// ErrNoJob is returned by Take when no job is ready.
var ErrNoJob = errors.New("no job ready")

// NewJob is a job to put on the queue.
type NewJob struct {
	Kind    string
	Payload []byte
	// Key, when set, keeps a second job with the same key off the queue while one waits.
	Key string
	// Ordered jobs are followed, in id order, by the serial step.
	Ordered bool
	// Held jobs are never taken by a worker: they are marks the serial step reaches.
	Held bool
}

// Job is a job a worker took, or one the serial step reads.
type Job struct {
	ID       int64
	Kind     string
	State    JobState
	Payload  []byte
	Result   []byte // what a done job left for the serial step
	Attempts int    // this one included
	Error    string // the last failed attempt's
}

// Queue is the store's work queue.
type Queue interface {
	// Enqueue puts jobs on the queue in one transaction and returns their ids, which rise in
	// the order given. The ordered jobs of two calls are not interleaved, and a reader never
	// sees an ordered job before one with a lower id.
	Enqueue(ctx context.Context, jobs []NewJob) ([]int64, error)
	// Take gives worker the oldest ready job, or a running one whose lease ran out, for lease;
	// ErrNoJob when there is none.
	Take(ctx context.Context, worker string, lease time.Duration) (Job, error)
	// Extend renews worker's lease on a job it holds.
	Extend(ctx context.Context, job Job, worker string, lease time.Duration) error
	// Done marks a job worker holds done, with its result; it fails when the lease went to
	// another worker.
	Done(ctx context.Context, job Job, worker string, result []byte) error
	// Fail records a failed attempt: the job is tried again after backoff or, after
	// MaxAttempts, is dead and recorded as a failure of input (see FailureStore), in the same
	// transaction. It reports whether the job is dead.
	Fail(ctx context.Context, job Job, worker, input string, cause error, backoff time.Duration) (bool, error)
	// DeadJobs streams the dead jobs, oldest first.
	DeadJobs(ctx context.Context) iter.Seq2[Job, error]
	// Serial takes the lock of the serial step without waiting: ok is false when another
	// holds it. The lock is held until release, or until the holder's connection ends (a
	// killed worker's lock is free at once).
	Serial(ctx context.Context) (release func(), ok bool, err error)
	// Ordered returns up to limit ordered jobs with ids above after, in id order.
	Ordered(ctx context.Context, after int64, limit int) ([]Job, error)
	// Cursor returns the id of the last ordered job the serial step finished.
	Cursor(ctx context.Context) (int64, error)
	// SetCursor records that the serial step finished the ordered jobs up to id; the held
	// ones among them are done.
	SetCursor(ctx context.Context, id int64) error
	// Idle reports whether no job is ready or running and the serial step has finished every
	// ordered job.
	Idle(ctx context.Context) (bool, error)
}
