package group

import (
	"slices"

	"github.com/crosscheck/crosscheck"
)

// DuplicateWindow is how many of the latest signatures a text is compared with for being a
// near-duplicate: copies made by syndication, light editing or a second scrape follow their
// original within days, and a bounded window keeps the band buckets a long stream needs in
// memory, so that finding a text's copies reads nothing from the state once a run has made
// the window's signatures itself.
const DuplicateWindow = 20_000

// duplicateWindow is DuplicateWindow, smaller in tests.
var duplicateWindow int64 = DuplicateWindow

// duplicate is Duplicate over the state: the signatures of the window that share a band
// bucket with this one are read (from the cache, or the state for the part of the window this
// clusterer did not make), then the signature is added.
func (c *Clusterer) duplicate(id string, sig Signature) (Duplicate, bool, error) {
	keys := bandKeys(sig)
	n := c.meta.Signatures
	lo := n - duplicateWindow // the window's first signature
	if err := c.retire(lo); err != nil {
		return Duplicate{}, false, err
	}
	// a window reaching back before the first signature holds no more than from there on
	if max(lo, 0) < c.bandsFrom && !c.whole {
		if err := c.loadBands(keys); err != nil {
			return Duplicate{}, false, err
		}
	}
	var need []int64
	var buf [1]int64
	for _, k := range keys {
		b := inWindow(c.bucketOf(k, &buf), lo)
		c.setBucket(k, b)
		for _, j := range b {
			if !c.sigs.has(j) && !slices.Contains(need, j) {
				need = append(need, j)
			}
		}
	}
	if len(need) > 0 {
		rows, err := c.state.GroupSignatures(c.ctx, need)
		if err != nil {
			return Duplicate{}, false, err
		}
		for _, r := range rows {
			c.sigs.set(r.ID, sigEntry{r.Article, decodeSignature(r.Signature)})
		}
	}
	best, bestSim := closest(sig, keys, func(k uint64) []int64 { return c.bucketOf(k, &buf) }, func(j int64) Signature { return c.sigs.sig[j] })
	c.meta.Signatures++
	c.sigs.set(n, sigEntry{id, sig})
	c.newSigs = append(c.newSigs, crosscheck.GroupSignature{ID: n, Article: id, Signature: encodeSignature(sig)})
	for _, k := range keys {
		if b := c.bucketOf(k, &buf); len(b) < maxBucket {
			c.setBucket(k, append(b, n))
			c.newBands = append(c.newBands, crosscheck.GroupBand{Key: int64(k), Signature: n})
		}
	}
	if best < 0 || bestSim < DuplicateThreshold {
		return Duplicate{}, false, nil
	}
	return Duplicate{Of: c.sigs.id[best], Similarity: bestSim}, true, nil
}

// loadBands reads the band buckets of keys not in the cache.
func (c *Clusterer) loadBands(keys [bands]uint64) error {
	var missing []int64
	for _, k := range keys {
		if _, ok := c.bands[k]; !ok {
			if _, ok := c.band1[k]; !ok {
				missing = append(missing, int64(k))
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := c.state.GroupBands(c.ctx, missing)
	if err != nil {
		return err
	}
	for _, k := range missing {
		c.bands[uint64(k)] = nil
	}
	for _, r := range rows {
		c.bands[uint64(r.Key)] = append(c.bands[uint64(r.Key)], r.Signature)
	}
	return nil
}

// inWindow is a bucket without its signatures older than lo.
func inWindow(b []int64, lo int64) []int64 {
	i := 0
	for i < len(b) && b[i] < lo {
		i++
	}
	if i == 0 {
		return b
	}
	return slices.Delete(b, 0, i)
}

// retire takes the signatures older than lo, which the window left, out of the cache's
// buckets and hands their band entries to the state to delete (see GroupChanges.Left), so that
// the state's buckets stay the size of the window however long the stream: a save writes into
// a table of the window's size, not of every text ever seen. A signature the state holds and
// the cache does not is read for its bands.
func (c *Clusterer) retire(lo int64) error {
	from := max(c.retired, 0)
	if from >= lo {
		return nil
	}
	var need []int64
	for j := from; j < lo; j++ {
		if !c.sigs.has(j) {
			need = append(need, j)
		}
	}
	if len(need) > 0 {
		rows, err := c.state.GroupSignatures(c.ctx, need)
		if err != nil {
			return err
		}
		for _, r := range rows {
			c.sigs.set(r.ID, sigEntry{r.Article, decodeSignature(r.Signature)})
		}
	}
	for j := from; j < lo; j++ {
		e, ok := c.sigs.get(j)
		if !ok {
			continue // not in the state: nothing to delete
		}
		for _, k := range bandKeys(e.sig) {
			c.oldBands = append(c.oldBands, crosscheck.GroupBand{Key: int64(k), Signature: j})
			var buf [1]int64
			c.setBucket(k, inWindow(c.bucketOf(k, &buf), j+1))
		}
		c.sigs.del(j)
	}
	c.retired = lo
	return nil
}

// trimWindow drops the signatures older than the window and their bucket entries, and returns
// the bytes the window holds.
func (c *Clusterer) trimWindow() int {
	lo := c.meta.Signatures - duplicateWindow
	for k, b := range c.bands {
		c.setBucket(k, inWindow(b, lo))
	}
	for k, s := range c.band1 {
		if s < lo {
			delete(c.band1, k)
		}
	}
	for j := range c.sigs.sig {
		if j < min(lo, c.retired) { // the others are retired by the next text, their bands with them
			c.sigs.del(j)
		}
	}
	return c.windowBytes()
}

// windowBytes is about how many bytes the band buckets and signatures hold.
func (c *Clusterer) windowBytes() int {
	n := c.sigs.len() * sigBytes
	for _, b := range c.bands {
		n += entryBytes + 8*cap(b)
	}
	n += inlineBytes * len(c.band1)
	return n
}

// Most band buckets hold one signature: those are kept inline, a signature per key in
// Clusterer.band1, and only buckets of two or more as slices in Clusterer.bands (a key is in
// one of the two at most), so that the window's buckets take about a third of the memory.

// inlineBytes is about what a one-entry bucket holds: its map slot.
const inlineBytes = 24

// bucketOf returns a band bucket's signatures, oldest first; a one-entry bucket's in buf.
func (c *Clusterer) bucketOf(k uint64, buf *[1]int64) []int64 {
	if b, ok := c.bands[k]; ok {
		return b
	}
	if s, ok := c.band1[k]; ok {
		buf[0] = s
		return buf[:]
	}
	return nil
}

// setBucket keeps a band bucket: none, one signature inline, or more as b (which must not be
// a buf of bucketOf).
func (c *Clusterer) setBucket(k uint64, b []int64) {
	switch len(b) {
	case 0:
		delete(c.bands, k)
		delete(c.band1, k)
	case 1:
		delete(c.bands, k)
		c.band1[k] = b[0]
	default:
		delete(c.band1, k)
		c.bands[k] = b
	}
}
