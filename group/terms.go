package group

import (
	"bytes"
	"hash/maphash"
)

// termCounts counts an article's terms in memory reused from article to article: a term is
// written into key, and counted in an open-addressed table of the terms so far, so that a term
// met again costs neither a string nor a map assignment. Terms are made, one string each,
// once the article is counted.
type termCounts struct {
	key    []byte // the term being written
	arena  []byte // the texts of the terms counted
	counts []termCount
	slots  []int32 // a count's number plus one, at its term's hash's slot or the next free; 0: free
}

type termCount struct {
	off, n uint32 // the term, in the arena
	count  float64
}

// termSeed hashes the terms; the table lives as long as the process, so any seed does.
var termSeed = maphash.MakeSeed()

// start begins a new term with a prefix ("w:").
func (c *termCounts) start(prefix string) { c.key = append(c.key[:0], prefix...) }

// write appends s to the term being written.
func (c *termCounts) write(s string) { c.key = append(c.key, s...) }

// add counts the term written by boost.
func (c *termCounts) add(boost float64) {
	if 2*(len(c.counts)+1) > len(c.slots) {
		c.grow(max(256, 2*len(c.slots)))
	}
	mask := uint64(len(c.slots) - 1)
	for h := maphash.Bytes(termSeed, c.key) & mask; ; h = (h + 1) & mask {
		i := c.slots[h] - 1
		if i < 0 {
			c.counts = append(c.counts, termCount{off: uint32(len(c.arena)), n: uint32(len(c.key)), count: boost})
			c.arena = append(c.arena, c.key...)
			c.slots[h] = int32(len(c.counts))
			return
		}
		if e := &c.counts[i]; bytes.Equal(c.arena[e.off:e.off+e.n], c.key) {
			e.count += boost
			return
		}
	}
}

// grow makes the table n slots (a power of two) and places the counts in it again.
func (c *termCounts) grow(n int) {
	c.slots = make([]int32, n)
	mask := uint64(n - 1)
	for i, e := range c.counts {
		h := maphash.Bytes(termSeed, c.arena[e.off:e.off+e.n]) & mask
		for c.slots[h] != 0 {
			h = (h + 1) & mask
		}
		c.slots[h] = int32(i + 1)
	}
}

// terms returns the terms counted and empties the table for the next article.
func (c *termCounts) terms() Terms {
	t := make(Terms, len(c.counts))
	for _, e := range c.counts {
		t[string(c.arena[e.off:e.off+e.n])] = e.count
	}
	c.arena, c.counts = c.arena[:0], c.counts[:0]
	clear(c.slots)
	return t
}
