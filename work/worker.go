package work

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/feed"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/pipeline"
)

// Store is what a worker works on: the store, its followed feeds and its queue.
type Store interface {
	crosscheck.Store
	crosscheck.FeedStore
	crosscheck.Queue
	Pruner
}

// Options tune a worker.
type Options struct {
	Name        string        // the worker's name in the queue (host and process); several goroutines add "/n"
	Concurrency int           // jobs at once; 0 for 1
	Lease       time.Duration // how long a job is the worker's without a renewal; 0 for DefaultLease
	Backoff     time.Duration // the wait before a failed job's second attempt, four times longer for each after; 0 for DefaultBackoff
	Poll        time.Duration // the wait when no job is ready; 0 for DefaultPoll
	UntilIdle   bool          // return once the queue is idle, instead of waiting for more
	Group       group.Options
	// Fetch fetches a page as a document (fetch jobs); nil fails them.
	Fetch func(ctx context.Context, url string) (*crosscheck.Document, error)
	// Feeds polls followed feeds and fetches their items' pages (feed jobs and the fetch jobs
	// they queue); nil fails them.
	Feeds FeedPoller
	// Progress, when set, is called with the counts after each job and each serial step.
	Progress func(Counts)
}

// FeedPoller polls a followed feed as crosscheck follow does.
type FeedPoller interface {
	// Poll fetches the feed with a conditional GET and returns its new state (Status "ok",
	// "not modified" or "error") and the items not taken before.
	Poll(ctx context.Context, fd crosscheck.Feed) (crosscheck.Feed, []feed.Item)
	// ItemDocument fetches an item's page and gives it the item's metadata; when the page
	// cannot be had, the feed's full content stands in for it.
	ItemDocument(ctx context.Context, fd crosscheck.Feed, it feed.Item) (*crosscheck.Document, error)
}

// Defaults of Options.
const (
	DefaultLease   = time.Minute
	DefaultBackoff = 2 * time.Second
	DefaultPoll    = 200 * time.Millisecond
)

// Counts are what a worker did.
type Counts struct {
	Done     int            // jobs done
	Kinds    map[string]int // jobs done by kind
	Retried  int            // failed attempts to be tried again
	Dead     int            // jobs given up on
	Grouped  int            // articles the serial step placed
	Stories  int            // stories it started
	Serial   time.Duration  // time in the serial step
	Finished int            // batches finished
	Pruned   int            // done jobs deleted
}

// Worker takes jobs from the queue and runs them.
type Worker struct {
	store Store
	opts  Options
	mu    sync.Mutex
	n     Counts
	// the serial step's, kept while this worker holds the lock and nobody else groups: the
	// grouper, the last ordered job it took, the articles it placed since it saved
	grouper *pipeline.Grouper
	at      int64
	placed  map[string]bool
	inStory map[string]bool // of the articles of the step, those in stories when it began
	// the articles the step will group, in order, and those of them read ahead
	upcoming []string
	ahead    map[string]*crosscheck.Article
	// the cursor as this holder last read or moved it, and where the done jobs behind it were
	// last all deleted
	cursor, prunedAt int64
}

// New returns a worker over store.
func New(store Store, opts Options) *Worker {
	opts.Concurrency = max(1, opts.Concurrency)
	if opts.Lease <= 0 {
		opts.Lease = DefaultLease
	}
	if opts.Backoff <= 0 {
		opts.Backoff = DefaultBackoff
	}
	if opts.Poll <= 0 {
		opts.Poll = DefaultPoll
	}
	return &Worker{store: store, opts: opts, n: Counts{Kinds: map[string]int{}}}
}

// Run takes jobs on Concurrency goroutines and runs the serial step whenever this worker holds
// its lock, until ctx ends or, with UntilIdle, the queue is idle. It returns what it did; an
// error only when the store kept failing.
func (w *Worker) Run(ctx context.Context) (Counts, error) {
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	var wg sync.WaitGroup
	for i := range w.opts.Concurrency {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.take(ctx, fmt.Sprintf("%s/%d", w.opts.Name, i+1)); err != nil {
				cancel(err)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		if err := w.serial(ctx); err != nil {
			cancel(err)
		}
	}()
	wg.Wait()
	n := w.Counts()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) {
		return n, err
	}
	return n, ctx.Err()
}

// Counts returns what the worker did so far.
func (w *Worker) Counts() Counts {
	w.mu.Lock()
	defer w.mu.Unlock()
	n := w.n
	n.Kinds = map[string]int{}
	for k, v := range w.n.Kinds {
		n.Kinds[k] = v
	}
	return n
}

func (w *Worker) count(f func(*Counts)) {
	w.mu.Lock()
	f(&w.n)
	w.mu.Unlock()
	if w.opts.Progress != nil {
		w.opts.Progress(w.Counts())
	}
}

// maxStoreErrors is how many store errors in a row a loop bears before it gives up.
const maxStoreErrors = 10

// DoneTaker is a queue that marks a job done and takes the next in one round trip.
type DoneTaker interface {
	// DoneTake does what Done and then Take do: doneErr is Done's, err Take's.
	DoneTake(ctx context.Context, job crosscheck.Job, worker string, result []byte, lease time.Duration) (next crosscheck.Job, doneErr, err error)
}

// take runs jobs, one at a time, as name.
func (w *Worker) take(ctx context.Context, name string) error {
	failed := 0
	var next *crosscheck.Job // taken with the Done of the one before
	for ctx.Err() == nil {
		var j crosscheck.Job
		var err error
		if next != nil {
			j, next = *next, nil
		} else {
			j, err = w.store.Take(ctx, name, w.opts.Lease)
		}
		if errors.Is(err, crosscheck.ErrNoJob) {
			if w.opts.UntilIdle {
				if idle, err := w.store.Idle(ctx); err == nil && idle {
					return nil
				}
			}
			sleep(ctx, w.opts.Poll)
			continue
		}
		if err != nil {
			if failed++; failed >= maxStoreErrors || ctx.Err() != nil {
				return ctxOr(ctx, fmt.Errorf("taking a job: %w", err))
			}
			sleep(ctx, w.opts.Poll)
			continue
		}
		failed = 0
		if next, err = w.runJob(ctx, name, j); err != nil && ctx.Err() == nil {
			return err
		}
	}
	return nil
}

// ctxOr is ctx's error when it ended, else err.
func ctxOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return nil
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
	case <-ctx.Done():
	}
}

// runJob runs one job under its lease, renewed while it runs, and records how it went, taking
// the next job with its Done where the store can. Its error is the store's when the outcome
// could not be recorded.
func (w *Worker) runJob(ctx context.Context, name string, j crosscheck.Job) (*crosscheck.Job, error) {
	jobCtx, stop := context.WithCancel(ctx)
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		for {
			sleep(jobCtx, w.opts.Lease/3)
			if jobCtx.Err() != nil {
				return
			}
			if err := w.store.Extend(jobCtx, j, name, w.opts.Lease); err != nil && jobCtx.Err() == nil {
				stop() // the lease went to another worker: what this one does now is not to be kept
				return
			}
		}
	}()
	res, err := w.do(jobCtx, j)
	lostLease := jobCtx.Err() != nil && ctx.Err() == nil
	stop()
	<-renewed
	switch {
	case ctx.Err() != nil:
		return nil, nil // interrupted: the lease runs out and another takes the job
	case lostLease:
		return nil, nil
	case err == nil:
		next, err := w.done(ctx, name, j, res)
		if err == nil { // else the lease went to another worker, whose outcome is the one kept
			w.count(func(n *Counts) { n.Done++; n.Kinds[j.Kind]++ })
		}
		return next, nil
	}
	dead, ferr := w.store.Fail(ctx, j, name, Input(j), err, w.backoff(j.Attempts))
	if ferr != nil {
		return nil, ctxOr(ctx, fmt.Errorf("recording the failure of job %d: %w", j.ID, ferr))
	}
	w.count(func(n *Counts) {
		if dead {
			n.Dead++
		} else {
			n.Retried++
		}
	})
	return nil, nil
}

// done marks j done and, where the store can, takes the next job with it: its error is Done's,
// and the next job is nil when none was taken.
func (w *Worker) done(ctx context.Context, name string, j crosscheck.Job, res []byte) (*crosscheck.Job, error) {
	dt, ok := w.store.(DoneTaker)
	if !ok {
		return nil, w.store.Done(ctx, j, name, res)
	}
	next, doneErr, err := dt.DoneTake(ctx, j, name, res, w.opts.Lease)
	if err != nil {
		return nil, doneErr // no job ready, or a store error the next Take meets again
	}
	return &next, doneErr
}

// backoff is the wait after a job's attempt-th failure.
func (w *Worker) backoff(attempt int) time.Duration {
	d := w.opts.Backoff
	for range attempt - 1 {
		d *= 4
	}
	return d
}

// do runs a job and returns its result.
func (w *Worker) do(ctx context.Context, j crosscheck.Job) ([]byte, error) {
	switch j.Kind {
	case KindIngest:
		var p ingestPayload
		if err := json.Unmarshal(j.Payload, &p); err != nil || p.Doc == nil {
			return nil, fmt.Errorf("a damaged ingest job: %v", err)
		}
		return w.ingest(ctx, p.Input, p.Doc)
	case KindFetch:
		var p fetchPayload
		if err := json.Unmarshal(j.Payload, &p); err != nil {
			return nil, fmt.Errorf("a damaged fetch job: %w", err)
		}
		if p.Item != nil {
			return w.fetchItem(ctx, p.URL, p.Item)
		}
		if w.opts.Fetch == nil {
			return nil, errors.New("this worker does not fetch")
		}
		doc, err := w.opts.Fetch(ctx, p.URL)
		if err != nil {
			return nil, err
		}
		return w.ingest(ctx, p.URL, doc)
	case KindFeed:
		var p feedPayload
		if err := json.Unmarshal(j.Payload, &p); err != nil {
			return nil, fmt.Errorf("a damaged feed job: %w", err)
		}
		return w.pollFeed(ctx, p)
	case KindReport:
		var p reportPayload
		if err := json.Unmarshal(j.Payload, &p); err != nil {
			return nil, fmt.Errorf("a damaged report job: %w", err)
		}
		_, err := pipeline.MakeReports(ctx, w.store, []string{p.Story}, 1)
		return nil, err
	}
	return nil, fmt.Errorf("no such kind of job: %q", j.Kind)
}

// ingest extracts a document with its source's boilerplate as the store has it, unless it is
// stored as it is, and stores it: a job done again after a kill finds it stored and changes
// nothing. A document that does not extract is a failure of its input, stored as a run stores
// one, and not tried again.
func (w *Worker) ingest(ctx context.Context, input string, doc *crosscheck.Document) ([]byte, error) {
	doc.Input = input
	if seen, err := w.store.Seen(ctx, doc.ID, doc.Hash()); err != nil {
		return nil, err
	} else if seen {
		// stored by an attempt killed before its Done, maybe: its source is the batch's too
		a, err := w.store.Article(ctx, doc.ID)
		if err != nil {
			return nil, err
		}
		return mustJSON(result{Article: a.ID, Source: a.Source, Status: crosscheck.StatusUnchanged}), nil
	}
	a, err := pipeline.Extract(doc, extract.Options{Repeated: pipeline.Boilerplate(ctx, w.store)})
	e := crosscheck.Entry{Input: input, Doc: doc, Article: a, Err: err}
	put, err := w.store.Put(ctx, []crosscheck.Entry{e})
	if err != nil {
		return nil, err
	}
	r := result{Status: put[0].Status}
	if a != nil {
		r.Article, r.Source = a.ID, a.Source
	}
	return mustJSON(r), nil
}
