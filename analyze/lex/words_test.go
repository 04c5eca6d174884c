package lex_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

var fieldsTexts = []string{"", " ", "one", " one  two\tthree\n", "a\u00a0b\u2003c", "\u3000x\u3000", "\xff \xfe\xfd",
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
