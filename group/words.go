package group

import (
	"bytes"
	"hash/maphash"
)

// wordTable is the cache's features by their text, laid out for the collector: the entries in
// one slice, their texts in one byte arena and an open-addressed index of entry numbers, so
// that a cache of a hundred thousand features holds no pointer to mark but those of the
// three slices.
type wordTable struct {
	entries []wordEntry
	arena   []byte
	slots   []int32 // an entry's number plus one, at its hash's slot or the next free; 0: free
	kept    []bool  // reused by keep
}

type wordEntry struct {
	off, n  uint32 // the text, in the arena
	id, df  int32
	saved   int32 // the document frequency in the state
	absent  bool  // asked of the state, which lacks it (and df, id mean nothing)
	known   bool  // the state has the feature
	changed bool  // listed in Clusterer.changed
	used    uint32
}

func (t *wordTable) text(e *wordEntry) []byte { return t.arena[e.off : e.off+e.n] }

// word is an entry's text as a string of its own.
func (t *wordTable) word(e *wordEntry) string { return string(t.text(e)) }

// hash is wordHash of an entry's text.
func (t *wordTable) hash(e *wordEntry) uint64 { return maphash.Bytes(goneSeed, t.text(e)) }

func (t *wordTable) len() int { return len(t.entries) }

// find returns the entry of a feature, or -1.
func (t *wordTable) find(k string) int32 { return t.findHashed(k, wordHash(k)) }

// findHashed is find of a feature whose wordHash is h.
func (t *wordTable) findHashed(k string, h uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	for h &= mask; ; h = (h + 1) & mask {
		i := t.slots[h] - 1
		if i < 0 {
			return -1
		}
		if e := &t.entries[i]; int(e.n) == len(k) && string(t.text(e)) == k {
			return i
		}
	}
}

// at returns the entry of a feature, nil when none.
func (t *wordTable) at(k string) *wordEntry {
	if i := t.find(k); i >= 0 {
		return &t.entries[i]
	}
	return nil
}

// add adds a feature the table lacks and returns its entry, which is valid until the next add.
func (t *wordTable) add(k string, e wordEntry) *wordEntry { return t.addHashed(k, wordHash(k), e) }

// addHashed is add of a feature whose wordHash is h.
func (t *wordTable) addHashed(k string, h uint64, e wordEntry) *wordEntry {
	if 2*(len(t.entries)+1) > len(t.slots) {
		t.grow(max(1024, 2*len(t.slots)))
	}
	e.off, e.n = uint32(len(t.arena)), uint32(len(k))
	t.arena = append(t.arena, k...)
	t.entries = append(t.entries, e)
	t.place(int32(len(t.entries)-1), h)
	return &t.entries[len(t.entries)-1]
}

func (t *wordTable) place(i int32, h uint64) {
	mask := uint64(len(t.slots) - 1)
	for h &= mask; t.slots[h] != 0; h = (h + 1) & mask {
	}
	t.slots[h] = i + 1
}

// grow makes the index n slots (a power of two) and places the entries in it again.
func (t *wordTable) grow(n int) {
	t.slots = make([]int32, n)
	for i := range t.entries {
		t.place(int32(i), t.hash(&t.entries[i]))
	}
}

// empty lets every entry go, keeping the table's memory.
func (t *wordTable) empty() {
	t.entries, t.arena = t.entries[:0], t.arena[:0]
	clear(t.slots)
}

// keep keeps the entries keep says to, in their order, and lets the others go; when it keeps
// them all, the table stays as it is.
func (t *wordTable) keep(keep func(*wordEntry) bool) {
	t.kept = t.kept[:0]
	all := true
	for i := range t.entries {
		k := keep(&t.entries[i])
		t.kept = append(t.kept, k)
		all = all && k
	}
	if all {
		return
	}
	var arena []byte
	kept := t.entries[:0]
	for i := range t.entries {
		e := t.entries[i]
		if t.kept[i] {
			k := t.arena[e.off : e.off+e.n]
			e.off = uint32(len(arena))
			arena = append(arena, k...)
			kept = append(kept, e)
		}
	}
	t.entries, t.arena = kept, arena
	n := 1024
	for n < 2*len(kept) {
		n *= 2
	}
	t.grow(n)
}

// compare orders two entries by their texts.
func (t *wordTable) compare(a, b int32) int {
	return bytes.Compare(t.text(&t.entries[a]), t.text(&t.entries[b]))
}
