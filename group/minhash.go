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
	sc.split(text)
	buf, starts := sc.buf, sc.starts
	hashes := sc.hashes[:0]
	if words := len(starts) - 1; words < shingleWords {
		hashes = append(hashes, shingleHash(buf))
	} else {
		for i := 0; i+shingleWords <= words; i++ {
			hashes = append(hashes, shingleHash(buf[starts[i]:starts[i+shingleWords]]))
		}
	}
	sc.hashes = hashes
	var sig Signature
	leastMixes(&sig, hashes)
	return sig
}

// split puts the words of a text, lower-cased and each followed by a zero byte, in buf, and
// where each starts in starts, the end of the last word last.
func (sc *signWords) split(text string) {
	buf, starts := sc.buf[:0], sc.starts[:0]
	in := false
	for i := 0; i < len(text); {
		// Most text is ASCII: a byte is a letter or a digit by the table, without decoding.
		c := text[i]
		if l := asciiLower[c]; l != 0 {
			if !in {
				starts = append(starts, len(buf))
				in = true
			}
			buf = append(buf, l)
			i++
			continue
		}
		if c < utf8.RuneSelf {
			if in {
				buf = append(buf, 0)
				in = false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		i += n
		r = unicode.ToLower(r)
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
	sc.buf, sc.starts = buf, append(starts, len(buf))
}

// asciiLower maps an ASCII letter or digit to itself in lower case, any other byte (those of
// other characters included) to 0.
var asciiLower = func() (t [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// shingleHash is the FNV-1a hash of a shingle's bytes.
func shingleHash(shingle []byte) uint64 {
	h := uint64(fnvOffset)
	for _, b := range shingle {
		h ^= uint64(b)
		h *= fnvPrime
	}
	return h
}

// leastMixesGo sets each value of a signature to the least that its hash function,
// uint32(mix(h ^ seed)), gives of the shingle hashes. It is the reference the vector kernels
// (leastMixes, where the processor has them) must agree with.
func leastMixesGo(sig *Signature, hashes []uint64) {
	for i, seed := range seeds {
		least := ^uint32(0)
		for _, h := range hashes {
			least = min(least, uint32(mix(h^seed)))
		}
		sig[i] = least
	}
}

// FNV-1a's 64-bit offset basis and prime.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// signWords is the memory Sign splits and hashes a text in, reused from text to text.
type signWords struct {
	buf    []byte
	starts []int
	hashes []uint64 // of the shingles
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
