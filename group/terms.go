package group

import "unsafe"

// termCounts counts an article's terms in memory reused from article to article: a term is
// written into key and counted in a wordTable of the terms so far (its entries' places in
// counts), so that a term met again costs neither a string nor a map assignment. Terms are
// made, one string each, once the article is counted.
type termCounts struct {
	key    []byte // the term being written
	table  wordTable
	counts []float64 // by entry of table
}

// start begins a new term with a prefix ("w:").
func (c *termCounts) start(prefix string) { c.key = append(c.key[:0], prefix...) }

// write appends s to the term being written.
func (c *termCounts) write(s string) { c.key = append(c.key, s...) }

// add counts the term written by boost.
func (c *termCounts) add(boost float64) {
	// the key read as a string for the table, which copies what it keeps
	k := unsafe.String(unsafe.SliceData(c.key), len(c.key))
	h := wordHash(k)
	if i := c.table.findHashed(k, h); i >= 0 {
		c.counts[i] += boost
		return
	}
	c.table.addHashed(k, h, wordEntry{})
	c.counts = append(c.counts, boost)
}

// terms returns the terms counted and empties the table for the next article.
func (c *termCounts) terms() Terms {
	t := make(Terms, len(c.counts))
	for i := range c.table.entries {
		t[c.table.word(&c.table.entries[i])] = c.counts[i]
	}
	c.table.empty()
	c.counts = c.counts[:0]
	return t
}
