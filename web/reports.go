package web

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/pipeline"
)

// reporter makes story reports in the background, one at a time, so that no request makes
// one: a page asks for the stored report, and when it is not there, asks the reporter for it
// and says it is being made. The queue is bounded; a request that finds it full is dropped
// and made again when the page is next asked for. Each report waits, a little, for a moment
// when no request is being answered: the pages come first.
type reporter struct {
	store   crosscheck.Store
	logger  *slog.Logger
	busy    func() bool // whether requests are being answered
	queue   chan string
	mu      sync.Mutex
	pending map[string]bool
	stop    context.CancelFunc
	done    chan struct{}
}

// reportQueue bounds the stories waiting for their reports.
const reportQueue = 1024

// maxYield bounds the time a report waits for the requests being answered, so that reports are
// still made under a load that never stops.
const maxYield = 100 * time.Millisecond

func newReporter(store crosscheck.Store, logger *slog.Logger, busy func() bool) *reporter {
	ctx, stop := context.WithCancel(context.Background())
	r := &reporter{store: store, logger: logger, busy: busy, queue: make(chan string, reportQueue), pending: map[string]bool{},
		stop: stop, done: make(chan struct{})}
	go r.run(ctx)
	return r
}

// request asks for a story's report; it does not wait.
func (r *reporter) request(story string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.pending[story] {
		return
	}
	select {
	case r.queue <- story:
		r.pending[story] = true
	default: // full: asked for again on the next view
	}
}

func (r *reporter) run(ctx context.Context) {
	defer close(r.done)
	for {
		select {
		case <-ctx.Done():
			return
		case id := <-r.queue:
			for start := time.Now(); r.busy() && time.Since(start) < maxYield; {
				select {
				case <-ctx.Done():
					return
				case <-time.After(time.Millisecond):
				}
			}
			if _, err := pipeline.MakeReports(ctx, r.store, []string{id}, 1); err != nil && ctx.Err() == nil {
				r.logger.Warn("report not made", slog.String("story", id), slog.String("error", err.Error()))
			}
			r.mu.Lock()
			delete(r.pending, id)
			r.mu.Unlock()
		}
	}
}

// close stops the reporter once the report it is making is done.
func (r *reporter) close() {
	r.stop()
	<-r.done
}
