package group

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Near-duplicates: copies of one text that syndication, light editing or a second scrape made.
// Each text gets a MinHash signature over its word shingles; locality-sensitive hashing over
// bands of the signature finds the few earlier texts that may be copies, and the share of
// equal signature values estimates their Jaccard similarity.

const (
	shingleWords = 3  // words per shingle
	signatureLen = 64 // MinHash values per signature
	bands        = 16 // LSH bands; signatureLen/bands rows each
	rows         = signatureLen / bands
)

// Signature is a text's MinHash signature.
type Signature [signatureLen]uint32

// seeds make the signature's hash functions: one 64-bit mix per value.
var seeds = func() [signatureLen]uint64 {
	var s [signatureLen]uint64
	x := uint64(0x9e3779b97f4a7c15)
	for i := range s {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		s[i] = x
	}
	return s
}()

func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Sign computes the MinHash signature of a text's lower-case word shingles. A text shorter
// than one shingle is one shingle. Words are the runs of letters and digits of the lower-cased
// text; a shingle is hashed (FNV-1a) over its words, each followed by a zero byte.
func Sign(text string) Signature {
	sc := signScratch.Get().(*signWords)
	defer signScratch.Put(sc)
	// the words, lower-cased, each followed by a zero byte, and where each starts
	buf, starts := sc.buf[:0], sc.starts[:0]
	in := false
	for _, r := range text {
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
		} else {
			r = unicode.ToLower(r)
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				starts = append(starts, len(buf))
				in = true
			}
			buf = utf8.AppendRune(buf, r)
		} else if in {
			buf = append(buf, 0)
			in = false
		}
	}
	if in {
		buf = append(buf, 0)
	}
	starts = append(starts, len(buf)) // the end of the last word
	sc.buf, sc.starts = buf, starts
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	add := func(shingle []byte) {
		base := uint64(fnvOffset)
		for _, b := range shingle {
			base ^= uint64(b)
			base *= fnvPrime
		}
		for i := range sig {
			if v := uint32(mix(base ^ seeds[i])); v < sig[i] {
				sig[i] = v
			}
		}
	}
	words := len(starts) - 1
	if words < shingleWords {
		add(buf)
		return sig
	}
	for i := 0; i+shingleWords <= words; i++ {
		add(buf[starts[i]:starts[i+shingleWords]])
	}
	return sig
}

// FNV-1a's 64-bit offset basis and prime.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// signWords is the memory Sign splits a text in, reused from text to text.
type signWords struct {
	buf    []byte
	starts []int
}

var signScratch = sync.Pool{New: func() any { return new(signWords) }}

// Similarity estimates the Jaccard similarity of the texts two signatures came from.
func Similarity(a, b Signature) float64 {
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		}
	}
	return float64(same) / signatureLen
}

// bandKeys are the LSH bucket keys of a signature, one per band.
func bandKeys(sig Signature) [bands]uint64 {
	var keys [bands]uint64
	for b := 0; b < bands; b++ {
		h := uint64(b) * 0x9e3779b97f4a7c15
		for r := 0; r < rows; r++ {
			h = mix(h ^ uint64(sig[b*rows+r]))
		}
		keys[b] = h
	}
	return keys
}

// DuplicateThreshold is the estimated Jaccard similarity from which a text is a near-duplicate
// of another (measured: see the README).
const DuplicateThreshold = 0.5

// A Duplicate is an earlier text that a new one copies.
type Duplicate struct {
	Of         string  // the earlier text's id
	Similarity float64 // the estimated Jaccard similarity
}

// maxBucket bounds a bucket: past it, a band value is so common it tells nothing.
const maxBucket = 256

// closest finds, among the texts in a signature's band buckets, the one whose signature is
// most like it (ties to the earlier text), and the similarity; -1 when the buckets are empty.
func closest(sig Signature, keys [bands]uint64, bucket func(uint64) []int64, sigOf func(int64) Signature) (int64, float64) {
	best, bestSim := int64(-1), 0.0
	seen := map[int64]bool{}
	for _, k := range keys {
		for _, j := range bucket(k) {
			if seen[j] {
				continue
			}
			seen[j] = true
			if s := Similarity(sig, sigOf(j)); s > bestSim || (s == bestSim && j < best) {
				best, bestSim = j, s
			}
		}
	}
	return best, bestSim
}
