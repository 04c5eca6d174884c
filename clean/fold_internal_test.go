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

var foldTexts = []string{"", "  Dam Talks — Resumed `here`  ", "a\u00a0b\u2003C\tD\n\v\x01\x7f", "\xff\xfeÉté …", "“Quote” ‘x’",
	"Dam Talks Resumed", "Dam  Talks", "Dam\tTalks", " Dam", "Dam ", "x\x7fY", "x\x85y", "A b\x01c"}

// checkFold fails where fold differs from Fold, says the folded text is asciiLower(s) when it
// is not (or, for printable ASCII without a backtick or a dropped space, is and does not say
// so), or where the words of the folded text are not wordCount(s).
func checkFold(t *testing.T, s string) {
	folded, sameBytes := fold(s)
	if want := foldByRune(s); folded != want {
		t.Fatalf("fold(%q) = %q, want %q", s, folded, want)
	}
	printable := !strings.ContainsFunc(s, func(r rune) bool { return r < ' ' || r >= 0x80 || r == '`' })
	if want := printable && folded == asciiLower(s); sameBytes != want {
		t.Fatalf("fold(%q) says the same bytes as asciiLower %v, want %v", s, sameBytes, want)
	}
	if got, want := foldedWords(folded), wordCount(s); got != want {
		t.Fatalf("foldedWords(%q) = %d, want wordCount(%q) = %d", folded, got, s, want)
	}
}

func TestFoldTellsASCIILowerAndWords(t *testing.T) {
	for _, s := range foldTexts {
		checkFold(t, s)
	}
}

func FuzzFoldLine(f *testing.F) {
	for _, s := range foldTexts {
		f.Add(s)
	}
	f.Fuzz(checkFold)
}

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
