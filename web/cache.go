package web

import (
	"bytes"
	"context"
	"net/http"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/pipeline"
)

// ShownGenerations is a store that tells, beside its generation, one that changes whenever
// what a story, a search or the page of a stored article shows may change, and stays the same
// while only new articles are stored (no story and no search shows them before they are
// grouped or indexed, and each of those changes it). What the server works out from the store
// is kept while it stays; a store that does not tell it is read by its generation, which
// changes with every write.
type ShownGenerations interface {
	ShownGeneration(ctx context.Context) (string, error)
}

// ShownGeneration returns the store's shown generation, or its generation when it tells none.
func (t timedStore) ShownGeneration(ctx context.Context) (string, error) {
	defer storeCall(ctx, "store.ShownGeneration")()
	if g, ok := t.Store.(ShownGenerations); ok {
		return g.ShownGeneration(ctx)
	}
	return t.Store.Generation(ctx)
}

// A generation is never given twice, so a value kept under one is never served once the store
// has moved on: the caches below are emptied when a request reads a new one, and what a request
// worked out is kept under the generation it read before it began.

// listCache keeps what the story list shows — the pages of story ids and each story's numbers —
// for as long as the store's shown generation is the same.
type listCache struct {
	mu      sync.Mutex
	gen     string
	lists   map[crosscheck.StoryQuery]storyList
	numbers map[string]crosscheck.StoryNumbers
}

// storyList is a page of the stories a query selects, and how many it selects in all.
type storyList struct {
	ids   []string
	total int
}

// fresh empties the cache when the store has changed since it was filled, and returns the
// generation read.
func (c *listCache) fresh(ctx context.Context, store timedStore) (string, error) {
	gen, err := store.ShownGeneration(ctx)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.gen, c.lists, c.numbers = gen, map[crosscheck.StoryQuery]storyList{}, map[string]crosscheck.StoryNumbers{}
	}
	return gen, nil
}

// storyList returns the page of stories q selects, from the cache when it has it.
func (c *listCache) storyList(ctx context.Context, store crosscheck.Searcher, gen string, q crosscheck.StoryQuery) (storyList, error) {
	c.mu.Lock()
	l, ok := c.lists[q]
	c.mu.Unlock()
	if ok {
		return l, nil
	}
	var err error
	if l.ids, l.total, err = store.StoryList(ctx, q); err != nil {
		return l, err
	}
	c.mu.Lock()
	if c.gen == gen { // not kept when the store changed meanwhile
		c.lists[q] = l
	}
	c.mu.Unlock()
	return l, nil
}

// storyNumbers returns a story's numbers, from the cache when it has them, else from its
// stored report; a story whose report is not made yet has only the numbers the story itself
// tells (Conflicts is -1), and its report is asked for.
func (c *listCache) storyNumbers(ctx context.Context, store crosscheck.Store, reports *reporter, gen, id string) (crosscheck.StoryNumbers, error) {
	c.mu.Lock()
	n, ok := c.numbers[id]
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
	if c.gen == gen {
		c.numbers[id] = n
	}
	c.mu.Unlock()
	return n, nil
}

// pageCache keeps whole answers — story pages and reports, articles, searches — for as long as
// the store's shown generation is the same, up to pageCacheBytes in all: such a page asked for
// again costs one read of the generation. Only complete answers (200) are kept: a report being
// made, or an article not there yet, is asked of the store again.
type pageCache struct {
	mu    sync.Mutex
	gen   string
	pages map[string]cachedPage
	bytes int
}

type cachedPage struct {
	contentType string
	body        []byte
}

// pageCacheBytes bounds the pages kept; maxCachedPage, the largest one kept.
const (
	pageCacheBytes = 64 << 20
	maxCachedPage  = 4 << 20
)

func (c *pageCache) get(gen, key string) (cachedPage, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		c.gen, c.pages, c.bytes = gen, map[string]cachedPage{}, 0
	}
	p, ok := c.pages[key]
	return p, ok
}

func (c *pageCache) put(gen, key string, p cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	for k, old := range c.pages { // full: pages are let go in no order until this one fits
		if c.bytes+len(p.body) <= pageCacheBytes {
			break
		}
		delete(c.pages, k)
		c.bytes -= len(old.body)
	}
	c.pages[key] = p
	c.bytes += len(p.body)
}

// cached answers a page from the page cache when it holds it under the store's current shown
// generation; else h answers, and its answer is kept when complete.
func (s *Server) cached(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		gen, err := s.store.ShownGeneration(r.Context())
		if err != nil {
			h(w, r) // the handler says what the store says
			return
		}
		key := r.URL.Path + "?" + r.URL.RawQuery
		if p, ok := s.pages.get(gen, key); ok {
			w.Header().Set("Content-Type", p.contentType)
			w.Write(p.body)
			return
		}
		k := &keeper{ResponseWriter: w, code: http.StatusOK}
		h(k, r)
		if k.code == http.StatusOK && k.buf.Len() <= maxCachedPage {
			s.pages.put(gen, key, cachedPage{contentType: w.Header().Get("Content-Type"), body: k.buf.Bytes()})
		}
	}
}

// keeper keeps a copy of what a handler writes, up to maxCachedPage and a byte more.
type keeper struct {
	http.ResponseWriter
	code int
	buf  bytes.Buffer
}

func (k *keeper) WriteHeader(code int) { k.code = code; k.ResponseWriter.WriteHeader(code) }
func (k *keeper) Write(b []byte) (int, error) {
	if k.buf.Len() <= maxCachedPage {
		k.buf.Write(b[:min(len(b), maxCachedPage+1-k.buf.Len())])
	}
	return k.ResponseWriter.Write(b)
}
