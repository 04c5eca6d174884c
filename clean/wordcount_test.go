package clean

import (
	"strings"
	"testing"
)

// wordCount counts what strings.Fields splits: ASCII and Unicode spaces, runs of them, ends,
// and bytes that are not UTF-8.
func TestWordCountIsFieldsLength(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c", "\u3000x\u3000",
		"\xff \xfe\xfd", "x\x85y", "Dam talks — resumed, 1,200 people.", strings.Repeat("w ", 50)} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// fewWords tells the texts of at most n words, as wordCount does.
func TestFewWordsIsWordCountAtMost(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c", "\xff \xfe\xfd", strings.Repeat("w ", 13), strings.Repeat("w ", 12) + "w"} {
		for n := 0; n <= 14; n++ {
			if got, want := fewWords(s, n), wordCount(s) <= n; got != want {
				t.Errorf("fewWords(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
