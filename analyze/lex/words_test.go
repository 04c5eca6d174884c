package lex_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

var fieldsTexts = []string{"one two three four five six seven eight nine ten\u00a0eleven\x85twelve ", "", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c", "\u3000x\u3000", "\xff \xfe\xfd",
	"x\x85y", "x\vy ", "last Tuesday March 12", "  trailing  "}

// LastWord and WordCount answer what strings.Fields would, without its slice.
func TestWordsAreFields(t *testing.T) {
	for _, s := range fieldsTexts {
		checkFields(t, s)
	}
}

func checkFields(t *testing.T, s string) {
	f := strings.Fields(s)
	last := ""
	if len(f) > 0 {
		last = f[len(f)-1]
	}
	if got := lex.LastWord(s); got != last {
		t.Errorf("LastWord(%q) = %q, want %q", s, got, last)
	}
	for _, n := range []int{1, 2, 8} {
		if got, want := strings.Fields(s[lex.LastWordsStart(s, n):]), f[max(0, len(f)-n):]; !slices.Equal(got, want) {
			t.Errorf("the words from LastWordsStart(%q, %d) = %q, want %q", s, n, got, want)
		}
	}
	if got := lex.WordCount(s); got != len(f) {
		t.Errorf("WordCount(%q) = %d, want %d", s, got, len(f))
	}
}

func FuzzWords(f *testing.F) {
	for _, s := range fieldsTexts {
		f.Add(s)
	}
	f.Fuzz(checkFields)
}

// LowerKey finds what a lookup of the word in lower case finds, without a new string for an
// ASCII word.
func TestLowerKeyIsToLower(t *testing.T) {
	m := map[string]int{"march": 3, "sept": 9, "états": 1, "i̇stanbul": 2, "k": 4, strings.Repeat("x", 40): 5}
	for _, w := range []string{"March", "MARCH", "march", "Sept", "sept.", "", "États", "İstanbul", "\u212a",
		strings.Repeat("X", 40), strings.Repeat("X", 32), "Ma\xffrch"} {
		want, wantOK := m[strings.ToLower(w)]
		if got, ok := lex.LowerKey(m, w); got != want || ok != wantOK {
			t.Errorf("LowerKey(%q) = %v, %v; want %v, %v", w, got, ok, want, wantOK)
		}
	}
	set := lex.WordSet("the an")
	if !lex.LowerIs(set, "The") || lex.LowerIs(set, "Then") {
		t.Error("LowerIs reads the set wrong")
	}
	if n := testing.AllocsPerRun(100, func() { lex.LowerKey(m, "MARCH") }); n != 0 {
		t.Errorf("LowerKey of an ASCII word makes %v allocations, want 0", n)
	}
}

// Every word of a set has a shape of the set's; words of other first letters or lengths have
// none, so that they are not looked up.
func TestShapesAdmitTheSet(t *testing.T) {
	set := lex.WordSet("a at march mid-march " + strings.Repeat("x", 31) + " " + strings.Repeat("y", 40))
	set["É"] = true
	shapes := lex.ShapesOf(set)
	for w := range set {
		if !shapes.May(w[0], len(w)) {
			t.Errorf("the shapes turn away %q, a word of the set", w)
		}
	}
	for _, w := range []string{"b", "abcdefg", "marc", "", strings.Repeat("x", 30)} {
		if w == "" && shapes.May(0, 0) || w != "" && shapes.May(w[0], len(w)) {
			t.Errorf("the shapes admit %q", w)
		}
	}
	for _, w := range []string{"AT", "March", "\u212a", "ÉTATS"} {
		if !shapes.MayLower(w) {
			t.Errorf("MayLower turns away %q, which may be lower-cased into the set", w)
		}
	}
	if shapes.MayLower("Be") || shapes.MayLower("") {
		t.Error("MayLower admits a word of no shape of the set's")
	}
	if !shapes.May('x', 50) || !shapes.May('y', 31) {
		t.Error("the shapes turn away a long word of a first letter of the set's long words")
	}
}

// IsASCIIWord answers from its table as the ranges of \b's word characters do, for every byte.
func TestIsASCIIWordIsTheRanges(t *testing.T) {
	for c := range 256 {
		b := byte(c)
		want := b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '_'
		if got := lex.IsASCIIWord(b); got != want {
			t.Errorf("IsASCIIWord(%q) = %v, want %v", b, got, want)
		}
	}
}
