package number

import (
	"strings"
	"testing"
)

// figureBeforeMarkByPrefixes is figureBeforeMark as it read every byte, asking of each
// whether a mark begins there: the reference its reading of the first byte must answer as.
func figureBeforeMarkByPrefixes(text string) bool {
	for i := 0; i < len(text); i++ {
		if c := text[i]; c != '"' && c != '\'' && !strings.HasPrefix(text[i:], "“") && !strings.HasPrefix(text[i:], "‘") {
			continue
		}
		if figureSpacedBefore(text, i) {
			return true
		}
	}
	return false
}

var markTexts = []string{"", "200 \"made\" soldiers", "three “spiritual” wives", "3 ‘x’", "3 ’x", "3 ”x",
	"3\t\n'x", "3'x", "x 'y", "3 \u2014x", "3 \xe2", "3 \xe2\x80", "a 3  \"", "\"", " \"", "3 € 5"}

func checkFigureBeforeMark(t *testing.T, text string) {
	if got, want := figureBeforeMark(text), figureBeforeMarkByPrefixes(text); got != want {
		t.Fatalf("figureBeforeMark(%q) = %v, want %v", text, got, want)
	}
}

// figureBeforeMark answers as reading every byte for a mark did.
func TestFigureBeforeMarkAnswersAsBefore(t *testing.T) {
	for _, s := range append(markTexts, prefilterTexts...) {
		checkFigureBeforeMark(t, s)
	}
}

func FuzzFigureBeforeMark(f *testing.F) {
	for _, s := range markTexts {
		f.Add(s)
	}
	f.Fuzz(checkFigureBeforeMark)
}
