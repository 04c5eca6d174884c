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
