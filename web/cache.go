package web

import (
	"context"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/pipeline"
)

// listCache keeps what the story list shows — each story's numbers and the outlets — for as
// long as the store's generation is the same: until articles are stored or stories change,
// whichever process changes them.
type listCache struct {
	mu      sync.Mutex
	gen     string
	numbers map[string]crosscheck.StoryNumbers
	outlets []crosscheck.Outlet
}

// fresh empties the cache when the store has changed since it was filled.
func (c *listCache) fresh(ctx context.Context, store crosscheck.Generations) error {
	gen, err := store.Generation(ctx)
	if err != nil {
		return err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.gen, c.numbers, c.outlets = gen, map[string]crosscheck.StoryNumbers{}, nil
	}
	return nil
}

// storyNumbers returns a story's numbers, from the cache when it has them, else from its
// stored report; a story whose report is not made yet has only the numbers the story itself
// tells (Conflicts is -1), and its report is asked for.
func (c *listCache) storyNumbers(ctx context.Context, store crosscheck.Store, reports *reporter, id string) (crosscheck.StoryNumbers, error) {
	c.mu.Lock()
	n, ok := c.numbers[id]
	gen := c.gen
	c.mu.Unlock()
	if ok {
		return n, nil
	}
	n, ready, err := pipeline.StoredStoryNumbers(ctx, store, id)
	if err != nil {
		return n, err
	}
	if !ready {
		n.Conflicts = -1 // not known until the report is made
		reports.request(n.ID)
		return n, nil
	}
	c.mu.Lock()
	if c.gen == gen { // not kept when the store changed meanwhile
		c.numbers[id] = n
	}
	c.mu.Unlock()
	return n, nil
}

// outletList returns the store's outlets, from the cache when it has them.
func (c *listCache) outletList(ctx context.Context, store crosscheck.OutletLister) ([]crosscheck.Outlet, error) {
	c.mu.Lock()
	out, gen := c.outlets, c.gen
	c.mu.Unlock()
	if out != nil {
		return out, nil
	}
	out, err := store.Outlets(ctx)
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []crosscheck.Outlet{}
	}
	c.mu.Lock()
	if c.gen == gen {
		c.outlets = out
	}
	c.mu.Unlock()
	return out, nil
}
