package extract_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
)

// The main text of a page is scored as the extraction benchmarks score it: by the words it
// shares with the gold text, counted with repeats (bag of words), as precision, recall and F1.
//
// TestMainTextScore scores the pages of testdata/pages, and those of the folder named by
// CROSSCHECK_EXTRACT_PAGES when it is set: every NAME.html (or NAME.htm) beside a NAME.txt
// holding the gold text. For example:
//
//	CROSSCHECK_EXTRACT_PAGES=/data/extraction-set go test ./extract -run TestMainTextScore -v

// minPageF1 is the least each page of testdata/pages must score.
const minPageF1 = 0.95

func TestMainTextScore(t *testing.T) {
	mean := scorePages(t, "testdata/pages")
	t.Logf("testdata/pages: mean F1 %.3f", mean)
	if dir := os.Getenv("CROSSCHECK_EXTRACT_PAGES"); dir != "" {
		t.Logf("%s: mean F1 %.3f", dir, scorePages(t, dir))
	}
}

// scorePages scores every page/gold pair of dir and returns the mean F1; under testdata, a
// page below minPageF1 fails the test.
func scorePages(t *testing.T, dir string) float64 {
	pages, err := filepath.Glob(filepath.Join(dir, "*.htm*"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("no pages in %s", dir)
	}
	sort.Strings(pages)
	var sum float64
	n := 0
	for _, page := range pages {
		gold, err := os.ReadFile(strings.TrimSuffix(page, filepath.Ext(page)) + ".txt")
		if err != nil {
			continue
		}
		raw, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		text := ""
		if a, err := extract.Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: raw}, extract.Options{}); err == nil {
			text = a.Text
		}
		p, r, f := wordF1(text, string(gold))
		t.Logf("%-40s P %.3f R %.3f F1 %.3f", filepath.Base(page), p, r, f)
		if strings.HasPrefix(dir, "testdata") && f < minPageF1 {
			t.Errorf("%s: F1 %.3f, want >= %.2f; text:\n%s", page, f, minPageF1, text)
		}
		sum += f
		n++
	}
	if n == 0 {
		t.Fatalf("no page of %s has a gold text beside it", dir)
	}
	return sum / float64(n)
}

// wordF1 returns the bag-of-words precision, recall and F1 of text against gold.
func wordF1(text, gold string) (p, r, f float64) {
	want := map[string]int{}
	g := scoreWords(gold)
	for _, w := range g {
		want[w]++
	}
	got := scoreWords(text)
	common := 0
	for _, w := range got {
		if want[w] > 0 {
			want[w]--
			common++
		}
	}
	if len(got) == 0 || len(g) == 0 || common == 0 {
		return 0, 0, 0
	}
	p, r = float64(common)/float64(len(got)), float64(common)/float64(len(g))
	return p, r, 2 * p * r / (p + r)
}

func scoreWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsNumber(r)
	})
}

func TestWordF1(t *testing.T) {
	if _, _, f := wordF1("a b c", "a b c"); f != 1 {
		t.Errorf("same text: F1 %v, want 1", f)
	}
	if p, r, _ := wordF1("a a b", "a b c d"); p != 2.0/3 || r != 0.5 {
		t.Errorf("P %v R %v, want 2/3 and 1/2", p, r)
	}
	if _, _, f := wordF1("", "a"); f != 0 {
		t.Errorf("empty text: F1 %v, want 0", f)
	}
}
