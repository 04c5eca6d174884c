package whatlanggo

import (
	"unicode"
	"unicode/utf8"
)

type trigram struct {
	trigram string
	count   int
}

// convert punctuations and digits to space.
func toTrigramChar(ch rune) rune {
	if isStopChar(ch) {
		return ' '
	}
	return ch
}

// asciiTrigramChar is trigramChar of the ASCII characters.
var asciiTrigramChar = func() (t [utf8.RuneSelf]rune) {
	for r := range t {
		t[r] = unicode.ToLower(toTrigramChar(rune(r)))
	}
	return t
}()

// trigramChar is the character a text's rune stands as in its trigrams: lower case, and a space
// for punctuation, digits and spaces.
func trigramChar(r rune) rune {
	if r < utf8.RuneSelf {
		return asciiTrigramChar[r]
	}
	return unicode.ToLower(toTrigramChar(r))
}

// countTrigrams counts the trigrams of input, its characters read as trigramChar gives them
// with a space before the first and after the last; a trigram whose middle is a space is
// counted only between two characters that are not spaces.
func countTrigrams(input string) map[trigramKey]int {
	trigrams := make(map[trigramKey]int, len(input)/4)
	r1, r2 := ' ', rune(0)
	started := false
	add := func(r3 rune) {
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			trigrams[keyOf(r1, r2, r3)]++
		}
		r1, r2 = r2, r3
	}
	for _, r := range input {
		if !started {
			r2, started = trigramChar(r), true
			continue
		}
		add(trigramChar(r))
	}
	if started {
		add(' ')
	}
	return trigrams
}
