package clean

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// newLineByRune is newLine reading every space as a rune, without its path for one space
// between printable ASCII characters: the reference that path keeps to. It makes the text and
// the edits only.
func newLineByRune(raw string) line {
	_, fixes := RepairMojibake(raw)
	var edits []edit
	fi := 0
	i := 0
	kept := false // whether anything before i stays in the line
	for i < len(raw) {
		if fi < len(fixes) && fixes[fi].Start == i {
			f := fixes[fi]
			edits = append(edits, edit{f.Start, f.End, f.To, "mojibake:" + f.Codepage})
			i = f.End
			fi++
			kept = kept || f.To != ""
			continue
		}
		if b := raw[i]; b > ' ' && b < 0x7f {
			kept, i = true, i+1 // a printable ASCII character, kept as it is
			continue
		}
		r, n := utf8.DecodeRuneInString(raw[i:])
		if !isSpace(r) && !isInvisible(r) {
			kept = true
		}
		switch {
		case r == utf8.RuneError && n == 1:
			edits = append(edits, edit{i, i + 1, "\uFFFD", "invalid-utf8"})
			i++
		case isSpace(r):
			j := i
			for j < len(raw) {
				r2, n2 := utf8.DecodeRuneInString(raw[j:])
				if !isSpace(r2) || (fi < len(fixes) && fixes[fi].Start == j) {
					break
				}
				j += n2
			}
			to := " "
			if !kept || blankAfter(raw[j:]) {
				to = "" // trim the ends, past what is dropped there (a NUL, a zero-width space)
			}
			if raw[i:j] != to {
				edits = append(edits, edit{i, j, to, "whitespace"})
			}
			i = j
		case isInvisible(r):
			edits = append(edits, edit{i, i + n, "", "invisible"})
			i += n
		case r >= 0x80:
			j := i + n
			for j < len(raw) && raw[j] >= 0x80 && !(fi < len(fixes) && fixes[fi].Start == j) {
				r2, n2 := utf8.DecodeRuneInString(raw[j:])
				if isSpace(r2) || isInvisible(r2) || r2 == utf8.RuneError {
					break
				}
				j += n2
			}
			edits = appendNFC(edits, raw, i, j)
			i = j
		default:
			i += n
		}
	}
	l := line{raw: raw, edits: edits}
	l.text = l.apply(0, len(raw))
	return l
}

var lineTexts = []string{"", " ", "a b", "a  b", " a b ", "a\tb", "a \u200bb", "a b\x00", "a b\u00a0", "Putinโ€™s words",
	"a â€œb", "x \xff y", "e\u0301 e \u0301", "one two three four five six"}

func checkNewLine(t *testing.T, raw string) {
	got, want := newLine(raw, 0), newLineByRune(raw)
	if got.text != want.text || !slices.Equal(got.edits, want.edits) {
		t.Fatalf("newLine(%q) = %q %v, want %q %v", raw, got.text, got.edits, want.text, want.edits)
	}
}

func TestNewLineReadsSpacesAsEveryRune(t *testing.T) {
	for _, s := range lineTexts {
		checkNewLine(t, s)
	}
}

func FuzzNewLine(f *testing.F) {
	for _, s := range lineTexts {
		f.Add(s)
	}
	f.Fuzz(checkNewLine)
}
