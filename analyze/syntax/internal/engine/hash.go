package engine

import (
	"unicode"
	"unicode/utf8"
)

// Features are 32-bit hashes of a template number and its values, so that scoring looks up
// integers, never strings.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(b []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range b {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix combines two hashes (the finaliser of SplitMix64 over their sum).
func mix(a, b uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 + b
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// key folds a hash to the 32-bit key of a table; 0 is reserved for an empty slot.
func key(h uint64) uint32 {
	k := uint32(h>>32) ^ uint32(h)
	if k == 0 {
		k = 1
	}
	return k
}

func feat1(t, a uint64) uint32       { return key(mix(t, a)) }
func feat2(t, a, b uint64) uint32    { return key(mix(mix(t, a), b)) }
func feat3(t, a, b, c uint64) uint32 { return key(mix(mix(mix(t, a), b), c)) }

// lowerInto appends the lower-cased s to buf.
func lowerInto(buf []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		i += n
	}
	return buf
}

// shapeInto appends the word's shape: X for an upper-case letter, x lower, d a digit, other
// characters as they are, a run of one class written once.
func shapeInto(buf []byte, s string) []byte {
	var last rune = -1
	for _, r := range s {
		c := r
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			buf = utf8.AppendRune(buf, c)
			last = c
		}
	}
	return buf
}

// suffixStart is the byte offset of the last n runes of b.
func suffixStart(b []byte, n int) int {
	i := len(b)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRune(b[:i])
		i -= size
	}
	return i
}

// prefixEnd is the byte offset after the first n runes of b.
func prefixEnd(b []byte, n int) int {
	i := 0
	for ; n > 0 && i < len(b); n-- {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return i
}
