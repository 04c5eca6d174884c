package lex

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Stem strips common English inflections, enough for "quakes"/"quake", "killed"/"killing".
func Stem(w string) string {
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		return w[:n-1]
	}
	return w
}

// WordSet is the set of the words of s.
func WordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// Stopwords are English function words and the words every news story uses.
var Stopwords = WordSet(`a about above after again against all also although am among an and another any are
	around as at be because been before being below between both but by can could did do does doing down during
	each either else even ever every few for from further had has have having he her here hers herself him himself
	his how however i if in into is it its itself just least less like many may me might more most much must my
	myself near neither no nor not now of off often on once one only onto or other our ours ourselves out over own
	per perhaps rather said same say says she should since so some still such than that the their theirs them
	themselves then there these they this those though through thus to too toward under until up upon us very
	via was we were what when where whether which while who whom whose why will with within without would yet you
	your yours yourself mr mrs ms told according reported report reports news week today yesterday tuesday monday
	wednesday thursday friday saturday sunday year years new also two three four five first last time people day
	days month months told officials official saying statement n't 's`)

// MonthNames are the months' names and abbreviations in lower case: "sept" is September.
var MonthNames = map[string]time.Month{"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
	"september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
	"december": 12, "dec": 12}

// LastWord is the last word of s, split at white space as strings.Fields splits it, found
// without making the slice: read back from the end where it is ASCII, whose bytes are the
// characters, and otherwise character by character from the start.
func LastWord(s string) string {
	end := len(s)
	for end > 0 && isASCIISpace(s[end-1]) {
		end--
	}
	start := end
	for start > 0 && s[start-1] < utf8.RuneSelf && !isASCIISpace(s[start-1]) {
		start--
	}
	if start > 0 && s[start-1] >= utf8.RuneSelf || start == end && end > 0 {
		return lastWordOfRunes(s) // a character past ASCII, which may be white space
	}
	return s[start:end]
}

// isASCIISpace is unicode.IsSpace for an ASCII byte.
func isASCIISpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

// lastWordOfRunes is LastWord read character by character.
func lastWordOfRunes(s string) string {
	start, end := 0, 0
	in := false
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case space && in:
			end, in = i, false
		case !space && !in:
			start, in = i, true
		}
	}
	if in {
		end = len(s)
	}
	return s[start:end]
}

// WordCount is how many words strings.Fields splits s into, counted without making the slice.
func WordCount(s string) int {
	n, in := 0, false
	for _, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			n++
		}
		in = !space
	}
	return n
}

// LastWordsStart is where the last n words of s begin (n at most 16), split at white space
// as strings.Fields splits them, or 0 when s has no more than n words: the fields of
// s[LastWordsStart(s, n):] are the last n fields of s.
func LastWordsStart(s string, n int) int {
	var starts [16]int // the starts of the last words, a ring
	count, in := 0, false
	for i, r := range s {
		space := unicode.IsSpace(r)
		if !space && !in {
			starts[count%n] = i
			count++
		}
		in = !space
	}
	if count <= n {
		return 0
	}
	return starts[count%n] // the start of the n-th word from the end
}

// LowerASCII appends s to buf with its ASCII letters in lower case: byte offsets stay those
// of s.
func LowerASCII(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		buf = append(buf, b)
	}
	return buf
}

// Possessive reports a word that ends in "'s" or "’s".
func Possessive(w string) bool { return strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'s") }

// TrimPossessive is w without its possessive "'s".
func TrimPossessive(w string) string {
	return strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
}

// AppendLower appends strings.ToLower(s) to buf: an ASCII s byte by byte, without a new
// string.
func AppendLower(buf []byte, s string) []byte {
	if IsASCII(s) {
		return LowerASCII(buf, s)
	}
	return append(buf, strings.ToLower(s)...)
}

// LowerKey is m[strings.ToLower(w)], looked up without a new string when w is ASCII: the key
// is lower-cased into a buffer on the stack.
func LowerKey[V any](m map[string]V, w string) (V, bool) {
	var buf [32]byte
	v, ok := m[string(AppendLower(buf[:0], w))]
	return v, ok
}

// LowerIs reports m[strings.ToLower(w)] of a set, looked up as LowerKey looks it up.
func LowerIs(m map[string]bool, w string) bool {
	v, _ := LowerKey(m, w)
	return v
}

// IsASCII reports whether s is all ASCII.
func IsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Shapes tells, from its first byte and length alone, that a word is none of a set's: a
// lookup a text's words mostly fail is then mostly not made.
type Shapes [256]uint32 // bit n of [b]: a word of n bytes (n < 32) begins with b

// ShapesOf are the shapes of words.
func ShapesOf(words map[string]bool) *Shapes {
	var s Shapes
	for w := range words {
		if w != "" {
			s[w[0]] |= 1 << min(len(w), 31) // 31: 31 bytes or more
		}
	}
	return &s
}

// MayLower reports whether strings.ToLower(w) may be one of the set's words: for a w past
// ASCII, whose lower case may differ in first byte and length, it says yes.
func (s *Shapes) MayLower(w string) bool {
	if w == "" || !IsASCII(w) {
		return w != ""
	}
	b := w[0]
	if b >= 'A' && b <= 'Z' {
		b += 'a' - 'A'
	}
	return s.May(b, len(w))
}

// May reports whether a word of n bytes that begins with first may be one of the set's.
func (s *Shapes) May(first byte, n int) bool {
	return n > 0 && s[first]&(1<<min(n, 31)) != 0
}
