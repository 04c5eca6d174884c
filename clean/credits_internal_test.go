package clean

import (
	"strings"
	"testing"
)

var indexTexts = []string{"", "told", "he told reporters he had been told", "said to said tx said to", "quoting quotin quoting",
	"cited bycited by", "according to according", "reported by reportedly reported by the", "zzz", "your email address will not be published", "save my name, email"}

// checkIndex fails where indexByByte, from the rarest letter found once for each cue, finds
// a cue elsewhere than strings.Index does.
func checkIndex(t *testing.T, s string) {
	words, rare := append([]string{""}, commentFormWords...), append([]int{0}, commentFormRare...)
	for _, p := range creditPatterns {
		words, rare = append(words, p.triggers...), append(rare, p.rare...)
	}
	for i, w := range words {
		for from := 0; from <= len(s); from++ {
			if got, want := indexByByte(s[from:], w, rare[i]), strings.Index(s[from:], w); got != want {
				t.Fatalf("indexByByte(%q, %q, %d) = %d, want %d", s[from:], w, rare[i], got, want)
			}
		}
	}
}

func TestIndexByRareByteIsIndex(t *testing.T) {
	for _, s := range indexTexts {
		checkIndex(t, s)
	}
}

func FuzzIndexByRareByte(f *testing.F) {
	for _, s := range indexTexts {
		f.Add(s)
	}
	f.Fuzz(checkIndex)
}

// foldCase lower-cases as asciiLower does, and tells an all-ASCII text.
func TestFoldCaseIsASCIILower(t *testing.T) {
	for _, s := range []string{"", "plain text", "Citing NBC News", "ÉTATS-Unis", "naïve", "\xff ABC"} {
		lower, ascii := foldCase(s)
		if want := asciiLower(s); lower != want {
			t.Errorf("foldCase(%q) = %q, want %q", s, lower, want)
		}
		if want := strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0; ascii != want {
			t.Errorf("foldCase(%q) says ASCII %v, want %v", s, ascii, want)
		}
	}
}
