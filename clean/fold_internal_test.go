package clean

import (
	"strings"
	"testing"
)

// foldByRune is Fold reading every character alike, the reference its ASCII path keeps to.
func foldByRune(s string) string {
	var sb strings.Builder
	space := false
	for _, r := range s {
		space = foldRune(&sb, r, space)
	}
	return sb.String()
}

var foldTexts = []string{"", "  Dam Talks — Resumed `here`  ", "a\u00a0b\u2003C\tD\n\v\x01\x7f", "\xff\xfeÉté …", "“Quote” ‘x’"}

func TestFoldReadsASCIIAsEveryCharacter(t *testing.T) {
	for _, s := range foldTexts {
		if got, want := Fold(s), foldByRune(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range foldTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Fold(s), foldByRune(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	})
}
