package web

import (
	"context"
	"log/slog"
	"sync/atomic"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// storyStub is a store whose Story says, on the channel, how often the reporter had asked
// whether requests were being answered before it began.
type storyStub struct {
	crosscheck.Store
	asked *atomic.Int32
	began chan int32
}

func (s storyStub) Story(context.Context, string) (*crosscheck.Story, error) {
	s.began <- s.asked.Load()
	return nil, crosscheck.ErrNotFound
}

// A report waits while requests are being answered.
func TestReportsYieldToRequests(t *testing.T) {
	var asked atomic.Int32
	began := make(chan int32, 1)
	busy := func() bool { return asked.Add(1) <= 3 } // three requests, one after another
	r := newReporter(storyStub{asked: &asked, began: began}, slog.New(slog.DiscardHandler), busy)
	defer r.close()
	r.request("story-1")
	if n := <-began; n < 4 {
		t.Errorf("the report began after asking %d times whether requests were being answered; want it to wait past the 3 that were", n)
	}
}
