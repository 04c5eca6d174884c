package group_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
)

// A text is a near-duplicate of one among the last DuplicateWindow signatures only, and the
// copies found are the same whether the state is read back every few texts, the cache shrunk,
// or all is one run.
func TestNearDuplicatesAreFoundWithinTheWindow(t *testing.T) {
	const window = 40
	defer group.SetDuplicateWindow(window)()
	text := func(i int) string {
		return fmt.Sprintf("Council %d of the river%d district voted on the levee%d budget, the mayor%d said after a meeting that ran late into the night.", i, i, i, i)
	}
	// each original, then its copy 10 texts later (within the window) or 60 (beyond it)
	type item struct {
		id, text string
		of       string // the original it copies, when within the window
	}
	var stream []item
	copyOf := map[int]item{}
	for i := range 200 {
		stream = append(stream, item{id: fmt.Sprint("o", i), text: text(i)})
		if c, ok := copyOf[i]; ok {
			stream = append(stream, c)
		}
		switch i % 4 {
		case 0:
			copyOf[i+10] = item{id: fmt.Sprint("near", i), text: text(i), of: fmt.Sprint("o", i)}
		case 1:
			copyOf[i+60] = item{id: fmt.Sprint("far", i), text: text(i)}
		}
	}
	run := func(every, limit int) []string {
		mem := group.NewMemory()
		c, _ := group.New(context.Background(), mem, group.DefaultOptions)
		var found []string
		for i, it := range stream {
			if every > 0 && i%every == 0 {
				c.TakeChanges()
				if limit > 0 {
					c.Shrink(limit)
				} else {
					c, _ = group.New(context.Background(), mem, group.DefaultOptions)
				}
			}
			d, ok := c.Duplicate(it.id, group.Sign(it.text))
			c.Add(it.id, group.Extract("", it.text), time.Time{})
			if ok != (it.of != "") || d.Of != it.of {
				t.Errorf("every %d, limit %d: %s copies %q (found %v), want %q", every, limit, it.id, d.Of, ok, it.of)
			}
			found = append(found, d.Of)
		}
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		return found
	}
	one := run(0, 0)
	for _, r := range []struct{ every, limit int }{{7, 0}, {7, 1}, {25, 0}} {
		got := run(r.every, r.limit)
		for i := range one {
			if got[i] != one[i] {
				t.Fatalf("every %d, limit %d: text %d copies %q, one run %q", r.every, r.limit, i, got[i], one[i])
			}
		}
	}
}

// The state's band buckets and signatures hold the window's only, however long the stream, and
// whether the clusterer that made a signature or a later one over the state sees it leave.
func TestBandsLeaveTheStateWithTheWindow(t *testing.T) {
	const window = 30
	defer group.SetDuplicateWindow(window)()
	for _, every := range []int{0, 7, 45} {
		mem := group.NewMemory()
		c, _ := group.New(context.Background(), mem, group.DefaultOptions)
		for i := range 150 {
			if every > 0 && i%every == 0 {
				c.TakeChanges()
				c, _ = group.New(context.Background(), mem, group.DefaultOptions)
			}
			text := fmt.Sprintf("The ferry%d sank off pier%d on day %d, said harbour master%d.", i, i%13, i, i%7)
			c.Duplicate(fmt.Sprint(i), group.Sign(text))
		}
		c.TakeChanges()
		if err := c.Err(); err != nil {
			t.Fatal(err)
		}
		n := group.Signatures(mem)
		entries := group.BandSignatures(mem)
		if len(entries) == 0 {
			t.Fatalf("every %d: no band entries", every)
		}
		for _, j := range entries {
			if j < n-1-window { // the last text was compared with the window before it
				t.Fatalf("every %d: signature %d of %d is in a bucket, outside the window of %d", every, j, n, window)
			}
		}
		if held := group.StoredSignatures(mem); held > window+1 {
			t.Fatalf("every %d: the state holds %d signatures, more than the window of %d", every, held, window)
		}
	}
}

// bandReads is a Memory state that counts the band buckets read from it.
type bandReads struct {
	*group.Memory
	reads int
}

func (s *bandReads) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	s.reads++
	return s.Memory.GroupBands(ctx, keys)
}

// A clusterer that made every signature of the window itself reads no band bucket from its
// state, its cache shrunk or not, also while the stream is shorter than the window; one
// started over the state reads them until its own signatures fill the window.
func TestOwnWindowReadsNoBands(t *testing.T) {
	const window = 40
	defer group.SetDuplicateWindow(window)()
	state := &bandReads{Memory: group.NewMemory()}
	c, _ := group.New(context.Background(), state, group.DefaultOptions)
	text := func(i int) string {
		return fmt.Sprintf("The ferry%d sank off pier%d on day %d, said harbour master%d.", i, i%13, i, i%7)
	}
	for i := range 100 {
		if i%7 == 0 {
			c.TakeChanges()
			c.Shrink(1)
		}
		c.Duplicate(fmt.Sprint(i), group.Sign(text(i)))
	}
	if state.reads != 0 {
		t.Fatalf("%d reads of band buckets by the clusterer that made the window", state.reads)
	}
	c.TakeChanges()
	c, _ = group.New(context.Background(), state, group.DefaultOptions)
	for i := 100; i < 200; i++ {
		c.Duplicate(fmt.Sprint(i), group.Sign(text(i)))
	}
	if err := c.Err(); err != nil {
		t.Fatal(err)
	}
	if state.reads == 0 || state.reads > window+1 {
		t.Fatalf("%d reads of band buckets by a clusterer over a window of %d it did not make", state.reads, window)
	}
}
