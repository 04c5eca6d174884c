package group_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
)

// wordReads is a Memory that counts the features it is asked for.
type wordReads struct {
	*group.Memory
	asked int
}

func (w *wordReads) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	w.asked += len(words)
	return w.Memory.GroupWords(ctx, words)
}

// A cache over its limit drops what was used longest ago and keeps what the last articles
// used, instead of everything: an article like the last reads nothing again, one like the
// first does.
func TestShrinkKeepsWhatWasUsedLast(t *testing.T) {
	ctx := context.Background()
	state := &wordReads{Memory: group.NewMemory()}
	c, err := group.New(ctx, state, group.DefaultOptions)
	if err != nil {
		t.Fatal(err)
	}
	// distinct words, so that every article has features of its own
	text := func(i int) string {
		return fmt.Sprintf("Report %d: the harbour%d board met over the ferry%d timetable and the bridge%d tolls.", i, i, i, i)
	}
	const n = 500
	for i := range n {
		c.Add(fmt.Sprint("a", i), group.Extract("", text(i)), time.Time{})
	}
	c.TakeChanges()
	full := c.Cached()
	c.Shrink(full / 2)
	if got := c.Cached(); got > full/2 || got == 0 {
		t.Fatalf("shrunk from %d bytes to %d, want more than none and at most %d", full, got, full/2)
	}
	state.asked = 0
	c.Add("again-last", group.Extract("", text(n-1)), time.Time{})
	if state.asked != 0 {
		t.Errorf("an article like the last asked the state for %d features, want none", state.asked)
	}
	c.Add("again-first", group.Extract("", text(0)), time.Time{})
	if state.asked == 0 {
		t.Error("an article like the first asked the state for nothing: the oldest words were kept")
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
}
