package number

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// The patterns the scans replace, which they must answer as.
var (
	digitFigureRe = regexp.MustCompile(`^(?:` + strings.Join(figureAlternatives[:3], "|") + `)`)
	tailRe        = regexp.MustCompile(`^` + tailPart)
)

// scannerTexts hold figures in digits and what may follow a figure, and near misses.
var scannerTexts = []string{
	"4 1/2, 4 1 / 2, 4 1 /2, 4 1/ 3, 4 1/1, 4 1/2x, 4 1/2_, 4  1/2, 41/2, 4 12/3, 4 1/2/3",
	"1,200,300.5, 1234,567, 12, 345, 67, 1,2345, 1,234a, 20, 000 people, 1,234.x, 1,234., 3., 3.x, 3.25.5",
	"5-year long war, 5 - year  old man, 5-long, 5 -old  x, 5-year-old, 5 -\t-year, 5- -x, 5 -- a, 5 -Year",
	"5-year long\tday, 5-year longer, 5-year old-x, 5-year - long -x, 5-year long, 5-year old",
	"5  additional  documents, 5\tmen\nwent, 5 x, 5 ,x, 5 X y, 5 é, 5-é, 5 - 3, 5 -",
}

// checkScanners fails where a scan reads a window of text otherwise than the pattern it
// replaces.
func checkScanners(t *testing.T, text string) {
	for _, w := range numberWindows(text) {
		end, want := digitFigureEnd(w), digitFigureRe.FindIndex(w)
		if want == nil && end != 0 || want != nil && end != want[1] {
			t.Fatalf("digitFigureEnd(%q) = %d, the pattern %v", w, end, want)
		}
		if end > 0 {
			if f := figureRe.FindIndex(w); !slices.Equal(f, []int{0, end}) {
				t.Fatalf("digitFigureEnd(%q) = %d, figureRe %v", w, end, f)
			}
		}
		g, ok := matchTail(w)
		if want := tailRe.FindSubmatchIndex(w); ok != (want != nil) || ok && !slices.Equal(g[:], want) {
			t.Fatalf("matchTail(%q) = %v %v, tailRe %v", w, g, ok, want)
		}
	}
}

// The scans read every window as their patterns do: in the examples, and in the first
// thousand Reuters articles when the corpus is there.
func TestScannersMatchTheirPatterns(t *testing.T) {
	for _, text := range append(scannerTexts, prefilterTexts...) {
		checkScanners(t, text)
	}
	for _, text := range corpus.Texts(t, corpus.Path(t, "bulk/reuters21578.jsonl.gz"), 1000) {
		checkScanners(t, text)
	}
}

func FuzzScanners(f *testing.F) {
	for _, s := range append(scannerTexts, prefilterTexts...) {
		f.Add(s)
	}
	f.Fuzz(checkScanners)
}

// numberWindows are the windows of text, in ASCII lower case, a number may be read in: one
// from every byte, of maxNumberText bytes at most.
func numberWindows(text string) [][]byte {
	lower := lex.LowerASCII(nil, text)
	var out [][]byte
	for at := range lower {
		out = append(out, lower[at:min(len(lower), at+maxNumberText)])
	}
	return out
}
