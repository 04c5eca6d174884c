package group_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
)

// wordReads is a Memory that counts the features and the story rows it is asked for.
type wordReads struct {
	*group.Memory
	asked, stories int
}

func (w *wordReads) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	w.asked += len(words)
	return w.Memory.GroupWords(ctx, words)
}

func (w *wordReads) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	w.stories += len(ids)
	return w.Memory.GroupStories(ctx, ids)
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

// A story weighed as a candidate by every article but joined by none keeps its centroid in a
// shrunk cache and lets its sums go; the article that joins it later reads them again, and
// the stories are those of one run.
func TestShrinkLetsTheSumsOfAStoryNotJoinedGo(t *testing.T) {
	ctx := context.Background()
	ferry := func(i int) string {
		return fmt.Sprintf("The ferry sank off the harbour pier in the storm; rescuers pulled %d passengers from the water, the harbour master said.", 10+i)
	}
	// each names the harbour, so the ferry's story is a candidate, but joins a story of its own
	other := func(i int) string {
		return fmt.Sprintf("Council%d of the harbour town voted on the levee%d budget and the bridge%d tolls after a long meeting%d.", i, i, i, i)
	}
	type step struct{ id, text string }
	var stream []step
	for i := range 3 {
		stream = append(stream, step{fmt.Sprint("ferry", i), ferry(i)})
	}
	for i := range 200 {
		stream = append(stream, step{fmt.Sprint("other", i), other(i)})
	}
	stream = append(stream, step{"ferry-late", ferry(3)})
	run := func(shrink bool) ([]string, int) {
		state := &wordReads{Memory: group.NewMemory()}
		c, err := group.New(ctx, state, group.DefaultOptions)
		if err != nil {
			t.Fatal(err)
		}
		var placed []string
		for i, s := range stream {
			if shrink && i == len(stream)-1 {
				c.TakeChanges()
				// keep about the last articles' worth: the ferry's story was offered to each
				// of them, and joined by none
				c.Shrink(c.Cached() * 3 / 4)
				state.stories = 0
			}
			a := c.Add(s.id, group.Extract("", s.text), time.Time{})
			placed = append(placed, fmt.Sprintf("%s %d %.6f %s", s.id, a.Story, a.Score, a.Rule))
		}
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		return placed, state.stories
	}
	one, _ := run(false)
	shrunk, asked := run(true)
	if last := one[len(one)-1]; !strings.HasPrefix(last, "ferry-late 0 ") {
		t.Fatalf("the late ferry article: %s, want it in story 0", last)
	}
	for i := range one {
		if shrunk[i] != one[i] {
			t.Fatalf("after a shrink, article %d placed %s, one run %s", i, shrunk[i], one[i])
		}
	}
	if asked != 1 {
		t.Errorf("the late ferry article read %d story rows, want 1: the ferry story's sums and no more", asked)
	}
}

// keyReads is a Memory that counts the features and posting lists it is asked for and finds.
type keyReads struct {
	*group.Memory
	asked, found int
}

func (k *keyReads) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	out, err := k.Memory.GroupWords(ctx, words)
	k.asked, k.found = k.asked+len(words), k.found+len(out)
	return out, err
}

func (k *keyReads) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	out, err := k.Memory.GroupLists(ctx, features)
	k.asked, k.found = k.asked+len(features), k.found+len(out)
	return out, err
}

// A clusterer that began over an empty state asks it, after shrinking, only for features and
// lists it let go, never for new ones, and places articles as one that never shrank; one
// started over a state it did not make asks for what it has not seen.
func TestOwnStateIsAskedOnlyForWhatWasLetGo(t *testing.T) {
	ctx := context.Background()
	text := func(i int) string {
		return fmt.Sprintf("Report %d: the harbour%d board met over the ferry%d timetable and the bridge%d tolls.", i%40, i%40, i, i%90)
	}
	run := func(state crosscheck.GroupState, from, to int, shrink bool) []string {
		c, err := group.New(ctx, state, group.DefaultOptions)
		if err != nil {
			t.Fatal(err)
		}
		var placed []string
		for i := from; i < to; i++ {
			if shrink && i%50 == 0 {
				c.TakeChanges()
				c.Shrink(c.Cached() / 3)
			}
			a := c.Add(fmt.Sprint("a", i), group.Extract("", text(i)), time.Time{})
			placed = append(placed, fmt.Sprintf("%d %.6f %s", a.Story, a.Score, a.Rule))
		}
		c.TakeChanges()
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		return placed
	}
	one := run(group.NewMemory(), 0, 400, false)
	state := &keyReads{Memory: group.NewMemory()}
	shrunk := run(state, 0, 400, true)
	for i := range one {
		if shrunk[i] != one[i] {
			t.Fatalf("article %d placed %s after shrinks, %s in one run", i, shrunk[i], one[i])
		}
	}
	if state.found == 0 || state.asked != state.found {
		t.Errorf("asked for %d features and lists, found %d: want some, and none asked for in vain", state.asked, state.found)
	}
	state.asked, state.found = 0, 0
	run(state, 400, 420, false)
	if state.asked <= state.found {
		t.Errorf("over a state it did not make, asked for %d features and lists and found %d: want some asked for in vain", state.asked, state.found)
	}
}
