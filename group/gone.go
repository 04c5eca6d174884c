package group

import "hash/maphash"

// A clusterer that began over an empty state wrote every row the state holds, and so knows
// which rows it lacks: a feature, or a feature's posting list, that is not in its cache is in
// the state only when its cache let it go (see Shrink). Such a clusterer (Clusterer.own) asks
// the state only for what it let go, noted in a fixed-size filter: most of what an article
// looks for and does not find in the cache is new — its new words, the lists of features no
// story is listed under — and asking for it costs a query of the store for nothing. A key the
// filter wrongly holds costs a query that finds nothing.

// goneBits is the size of each filter, in bits: a megabyte, about one key in fifty wrongly
// held when a million were let go.
const goneBits = 1 << 23

// goneFilter is a Bloom filter of the keys a cache let go.
type goneFilter struct {
	bits []uint64
}

func (g *goneFilter) add(h uint64) {
	if g.bits == nil {
		g.bits = make([]uint64, goneBits/64)
	}
	for _, b := range goneProbes(h) {
		g.bits[b/64] |= 1 << (b % 64)
	}
}

func (g *goneFilter) has(h uint64) bool {
	if g.bits == nil {
		return false
	}
	for _, b := range goneProbes(h) {
		if g.bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}

// goneProbes are the three bits of a key's hash.
func goneProbes(h uint64) [3]uint64 {
	h2 := mix(h)
	return [3]uint64{h % goneBits, h2 % goneBits, (h + h2) % goneBits}
}

// goneSeed hashes the keys; the filter lives as long as the process, so any seed does.
var goneSeed = maphash.MakeSeed()

func wordHash(w string) uint64 { return maphash.String(goneSeed, w) }

func featureHash(f int32) uint64 { return mix(uint64(uint32(f)) + 0x9e3779b97f4a7c15) }
