package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/postgres"
	"github.com/crosscheck/crosscheck/work"
)

// errNoQueue is the answer of a store without a queue to the verbs that need one.
func errNoQueue(db string) error {
	return fmt.Errorf("the store %s has no work queue: the queue is PostgreSQL's (--db postgres://user@host/db); "+
		"without --enqueue, crosscheck ingest does the work itself", db)
}

// queueOf returns the store's queue, or says it has none.
func queueOf(store crosscheck.Backend, db string) (work.Store, error) {
	q, ok := store.(work.Store)
	if !ok {
		return nil, errNoQueue(db)
	}
	return q, nil
}

func (m *Main) worker(ctx context.Context, args []string) error {
	fs := m.flags("worker", "--db postgres://… [--until-idle] [--concurrency N]",
		`Takes jobs from the store's work queue and runs them: ingesting the documents crosscheck
ingest --enqueue put there, fetching and ingesting pages, polling the feeds crosscheck follow
--enqueue put there (a fetch job for each new item), making story reports. Any number of
workers, on any number of machines, may share one queue: each job is one worker's under a
lease renewed while it runs (a killed worker's job is taken again when its lease runs out),
a failed job is tried again after a wait four times longer each time and, after three
attempts, is given up and listed by crosscheck failures (its job stays on the queue until
crosscheck failures --clear-jobs). One worker at a time groups the stored articles into
stories, in the order their inputs were enqueued, so that many workers give the stories one
process gives, and deletes the done jobs nothing reads again. Progress is drawn on a terminal;
a summary is printed when the worker stops (on interrupt, or with --until-idle once nothing
is left to do).`,
		`  crosscheck ingest --db postgres://crosscheck@db.example.org/news --enqueue ../shared/corpus/seeds
  crosscheck worker --db postgres://crosscheck@db.example.org/news --until-idle --concurrency 2`)
	db := m.dbFlag(fs)
	untilIdle := fs.Bool("until-idle", false, "stop once no job is left and every stored article is grouped")
	concurrency := fs.Int("concurrency", 1, "jobs to run at once")
	lease := fs.Duration("lease", work.DefaultLease, "how long a job is this worker's between renewals")
	backoff := fs.Duration("backoff", work.DefaultBackoff, "the wait before a failed job's second attempt")
	allowPrivate := fs.Bool("allow-private", false, "fetch URLs on loopback, private and link-local addresses (intranets, tests)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *concurrency < 1 || *lease <= 0 {
		fmt.Fprintln(m.Stderr, "crosscheck worker: --concurrency and --lease must be more than 0")
		return errUsage
	}
	if !postgres.IsDSN(*db) {
		return errNoQueue(*db)
	}
	if path := m.Getenv("CROSSCHECK_CPUPROFILE"); path != "" {
		stop, err := cpuProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	store, err := m.openWritable(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	q, err := queueOf(store, *db)
	if err != nil {
		return err
	}
	host, _ := os.Hostname()
	p := &pages{client: httpfetch.New(m.fetchOptions(*allowPrivate)), store: store}
	start := m.Now()
	prog := &workProgress{p: progress{w: m.Stderr, on: m.Terminal, start: start, now: m.Now}}
	prog.p.line = func(_ *progress, rate float64) string { return workLine(prog.last, rate) }
	w := work.New(q, work.Options{Name: fmt.Sprintf("%s:%d", host, os.Getpid()), Concurrency: *concurrency, Lease: *lease,
		Backoff: *backoff, UntilIdle: *untilIdle, Group: group.DefaultOptions, Fetch: p.page,
		Feeds: m.newFollower(store, *allowPrivate, 0, false), Progress: prog.set})
	n, err := w.Run(ctx)
	prog.p.clear()
	elapsed := m.Now().Sub(start)
	fmt.Fprintf(m.Stdout, "%s in %s; %s of it grouping; %d done jobs deleted\n", workLine(n, -1), elapsed.Round(time.Millisecond),
		n.Serial.Round(time.Millisecond), n.Pruned)
	if errors.Is(err, context.Canceled) {
		return nil // stopped by an interrupt: what is done is recorded, the rest waits for a worker
	}
	return err
}

// workLine says what a worker did, with its rate when rate is not negative.
func workLine(n work.Counts, rate float64) string {
	names := make([]string, 0, len(n.Kinds))
	for k := range n.Kinds {
		names = append(names, k)
	}
	sort.Strings(names)
	kinds := make([]string, len(names))
	for i, k := range names {
		kinds[i] = fmt.Sprintf("%d %s", n.Kinds[k], k)
	}
	s := fmt.Sprintf("%d jobs done", n.Done)
	if len(kinds) > 0 {
		s += " (" + strings.Join(kinds, ", ") + ")"
	}
	s += fmt.Sprintf(", %d retried, %d given up, %d articles grouped into %d new stories", n.Retried, n.Dead, n.Grouped, n.Stories)
	if rate >= 0 {
		s += fmt.Sprintf(", %.0f jobs/s", rate)
	}
	return s
}

// workProgress draws a worker's counts on a terminal.
type workProgress struct {
	mu   sync.Mutex
	p    progress
	last work.Counts
}

func (w *workProgress) set(c work.Counts) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.last, w.p.n = c, c.Done
	w.p.draw()
}

// enqueue puts the inputs on the store's queue, in their order, and the mark that finishes
// them as one batch after them. A file is read here and its bytes carried in its job; a URL is
// fetched by the worker that takes it. An input that cannot be read is a failure stored at
// once, as ingest stores one.
func (m *Main) enqueue(ctx context.Context, store crosscheck.Backend, db string, paths []string, opts ingest.Options, reports, asJSON bool) error {
	q, err := queueOf(store, db)
	if err != nil {
		return err
	}
	e := enqueuer{q: q, enc: newEncoder(m.Stdout), asJSON: asJSON}
	for _, path := range paths {
		if ingest.IsURL(path) {
			if err := e.add(ctx, path, work.FetchJob(path)); err != nil {
				return err
			}
			continue
		}
		for it := range ingest.Read(ctx, []string{path}, opts) {
			var err error
			switch {
			case it.Skipped != "":
				e.skipped++
			case it.Err != nil:
				e.failed += max(1, it.Records) // the records past the first failures are one item
				if asJSON {
					e.enc.Encode(pipeline.Result{Input: it.Input, Status: crosscheck.StatusError, Error: it.Err.Error(), Records: it.Records})
				} else {
					fmt.Fprintf(m.Stderr, "crosscheck ingest: %s: %s\n", it.Input, it.Err)
				}
				_, err = store.Put(ctx, []crosscheck.Entry{{Input: it.Input, Err: it.Err}})
			default:
				err = e.add(ctx, it.Input, work.IngestJob(it.Input, it.Doc))
			}
			if err != nil {
				return err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if err := e.flush(ctx, true, reports); err != nil {
		return err
	}
	if !asJSON {
		fmt.Fprintf(m.Stdout, "%d inputs queued", e.queued)
		if e.queued > 0 {
			fmt.Fprintf(m.Stdout, " (jobs %d to %d, then the mark that finishes them: job %d)", e.first, e.last, e.mark)
		}
		fmt.Fprintf(m.Stdout, ", %d failed, %d file(s) of the folders skipped; crosscheck worker --db %s runs them\n", e.failed, e.skipped, db)
	}
	if e.failed > 0 {
		return errSomeFailed{e.failed}
	}
	return nil
}

// enqueuer puts jobs on the queue a transaction of enqueueBatch at a time.
type enqueuer struct {
	q                       crosscheck.Queue
	enc                     interface{ Encode(any) error }
	asJSON                  bool
	batch                   []crosscheck.NewJob
	inputs                  []string
	first, last, mark       int64
	queued, failed, skipped int
}

// enqueueBatch is how many jobs one transaction puts on the queue.
const enqueueBatch = 256

func (e *enqueuer) add(ctx context.Context, input string, job crosscheck.NewJob) error {
	e.batch, e.inputs = append(e.batch, job), append(e.inputs, input)
	if len(e.batch) >= enqueueBatch {
		return e.flush(ctx, false, false)
	}
	return nil
}

// flush stores the jobs added; final adds the mark that finishes the batch, in the same
// transaction once the batch's first id is known.
func (e *enqueuer) flush(ctx context.Context, final, reports bool) error {
	if final {
		if e.first == 0 {
			if err := e.flush(ctx, false, false); err != nil || e.first == 0 {
				return err
			}
		}
		e.batch = append(e.batch, work.FinishJob(e.first, reports))
	}
	if len(e.batch) == 0 {
		return nil
	}
	ids, err := e.q.Enqueue(ctx, e.batch)
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	for i, in := range e.inputs {
		if e.asJSON {
			e.enc.Encode(map[string]any{"input": in, "status": "queued", "job": ids[i]})
		}
	}
	if e.first == 0 {
		e.first = ids[0]
	}
	if len(e.inputs) > 0 {
		e.last = ids[len(e.inputs)-1]
	}
	if final {
		e.mark = ids[len(ids)-1]
	}
	e.queued += len(e.inputs)
	e.batch, e.inputs = e.batch[:0], e.inputs[:0]
	return nil
}

// clearDeadJobs deletes the jobs given up on from the store's queue, and says how many.
func (m *Main) clearDeadJobs(ctx context.Context, store crosscheck.Backend, db string) error {
	q, ok := store.(interface {
		ClearDeadJobs(ctx context.Context) (int, error)
	})
	if !ok {
		return errNoQueue(db)
	}
	n, err := q.ClearDeadJobs(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(m.Stderr, "%d given-up jobs deleted from the queue\n", n)
	return nil
}
