package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// memberState answers GroupMembers from rows and counts the reads.
type memberState struct {
	crosscheck.GroupState
	rows  map[int][]crosscheck.GroupMember
	reads int
}

func (s *memberState) GroupMembers(_ context.Context, story int) ([]crosscheck.GroupMember, error) {
	s.reads++
	return s.rows[story], nil
}

func member(story, index int, article string) crosscheck.GroupMember {
	return crosscheck.GroupMember{Story: story, Index: index, Article: article}
}

func articlesOf(ms []crosscheck.GroupMember) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.Article)
	}
	return out
}

// The members of a story the save in flight writes are read at once, as the save leaves them:
// the stored ones with the save's rows over them, or only the save's rows for a story it
// rebuilds. A read that waited for the save would not return while the save stands still.
func TestMembersOfTheSaveInFlightAreReadWithoutWaiting(t *testing.T) {
	state := &memberState{rows: map[int][]crosscheck.GroupMember{
		1: {member(1, 0, "a"), member(1, 1, "b"), member(1, 2, "c")},
		2: {member(2, 0, "old"), member(2, 1, "older")},
		3: {member(3, 0, "x")},
	}}
	g := &grouper{}
	g.state = &gate{GroupState: state, g: g}
	sv := &saving{done: make(chan struct{})} // never done: the save stands still
	sv.save.Changes.Members = []crosscheck.GroupMember{member(1, 3, "d"), member(1, 1, "b2"), member(2, 0, "new")}
	sv.save.Changes.Rebuilt = []int{2}
	sv.index()
	g.inFlight = sv

	type read struct {
		got []string
		err error
	}
	for _, tc := range []struct {
		story      int
		want       []string
		storeReads int
	}{
		{1, []string{"a", "b2", "c", "d"}, 1}, // written over the stored ones, in index order
		{2, []string{"new"}, 0},               // rebuilt: the stored ones are not read
		{3, []string{"x"}, 1},                 // not in the save: as stored
	} {
		before := state.reads
		out := make(chan read, 1)
		go func() {
			ms, err := g.state.GroupMembers(context.Background(), tc.story)
			out <- read{articlesOf(ms), err}
		}()
		select {
		case r := <-out:
			if r.err != nil || !slices.Equal(r.got, tc.want) {
				t.Errorf("story %d: members %q, %v; want %q", tc.story, r.got, r.err, tc.want)
			}
		case <-time.After(time.Minute):
			t.Fatalf("story %d: the read waited for the save in flight", tc.story)
		}
		if n := state.reads - before; n != tc.storeReads {
			t.Errorf("story %d: %d reads of the store, want %d", tc.story, n, tc.storeReads)
		}
	}
}
