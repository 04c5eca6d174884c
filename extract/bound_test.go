package extract

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// plainPage writes an HTML page of about size bytes: an article of numbered paragraphs.
func plainPage(size int) string {
	var sb strings.Builder
	sb.WriteString("<!DOCTYPE html><html><head><title>A long page</title></head><body><article>\n")
	for i := 0; sb.Len() < size; i++ {
		fmt.Fprintf(&sb, "<p>Paragraph %d of a long report says that the committee met again on the river bank and heard witnesses %d.</p>\n", i, i*7)
	}
	sb.WriteString("</article></body></html>\n")
	return sb.String()
}

// visibleText counts the bytes of text outside tags, scripts and styles in an HTML text.
func visibleText(s string) int {
	p := project(s)
	return len(p.text)
}

func TestBoundPageHandsOnABoundedPage(t *testing.T) {
	small := plainPage(64 << 10)
	if kept, _ := boundPage(small); kept != small {
		t.Errorf("a 64 KiB page was cut to %d bytes", len(kept))
	}
	var kept []int
	for _, mb := range []int{1, 2, 4, 8} {
		page := plainPage(mb << 20)
		k, _ := boundPage(page)
		if !strings.HasPrefix(page, k) {
			t.Fatalf("%d MB: what is kept is not the start of the page", mb)
		}
		if v := visibleText(k); v > maxPageText {
			t.Errorf("%d MB: %d bytes of text handed on, limit %d", mb, v, maxPageText)
		}
		kept = append(kept, len(k))
	}
	for i := 1; i < len(kept); i++ {
		if kept[i] != kept[0] {
			t.Errorf("pages of 1, 2, 4 and 8 MB handed on %v bytes; want the same bound for all", kept)
			break
		}
	}
}

func TestBoundPageCutsMarkup(t *testing.T) {
	// markup with little text (a page of empty cells) is bounded by its bytes
	page := "<html><body><table>" + strings.Repeat("<tr><td></td></tr>", (maxPageBytes/18)+1000) + "</table><p>end</p></body></html>"
	kept, _ := boundPage(page)
	if len(kept) > maxPageBytes {
		t.Errorf("%d bytes of markup handed on, limit %d", len(kept), maxPageBytes)
	}
}

func TestArticleSaysThePageWasCut(t *testing.T) {
	page := plainPage(1 << 20)
	a, err := Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: []byte(page)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var cut *crosscheck.Removal
	for i := range a.Removed {
		if a.Removed[i].Rule == "page-bound" {
			cut = &a.Removed[i]
		}
	}
	if cut == nil {
		t.Fatal("a 1 MB page's article has no page-bound removal")
	}
	if cut.Source <= 0 || cut.Source >= len(page) || !strings.Contains(cut.Text, fmt.Sprint(len(page))) {
		t.Errorf("page-bound removal %+v does not say where the %d-byte page was cut", *cut, len(page))
	}
	if !strings.Contains(a.Text, "Paragraph 0 of a long report") {
		t.Error("the start of the cut page is not in the article")
	}
}

// BenchmarkArticleLargePage extracts plain pages of 1, 2, 4 and 8 MB.
func BenchmarkArticleLargePage(b *testing.B) {
	for _, mb := range []int{1, 2, 4, 8} {
		doc := &crosscheck.Document{Format: crosscheck.FormatHTML, Raw: []byte(plainPage(mb << 20))}
		b.Run(fmt.Sprintf("%dMB", mb), func(b *testing.B) {
			b.SetBytes(int64(len(doc.Raw)))
			for i := 0; i < b.N; i++ {
				if _, err := Article(doc, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func TestArticleOffsetsPointIntoThePage(t *testing.T) {
	raw, err := os.ReadFile("testdata/pages/standings.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: raw}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	page := string(raw)
	mapped := 0
	for _, s := range a.Offsets {
		if s.Len == s.SourceLen && s.Len > 0 {
			if got, want := page[s.Source:s.Source+s.SourceLen], a.Text[s.Clean:s.Clean+s.Len]; got != want {
				t.Errorf("segment %+v: page has %q, text %q", s, got, want)
			}
			mapped += s.Len
		}
	}
	if mapped < len(a.Text)/2 {
		t.Errorf("only %d of %d bytes of text map into the page", mapped, len(a.Text))
	}
}

func TestArticleBoundsLongPlainText(t *testing.T) {
	var sb strings.Builder
	for i := 0; sb.Len() < 3<<20; i++ {
		fmt.Fprintf(&sb, "Line %d of a long transcript says the committee heard witness number %d today.\n", i, i)
	}
	oneLine := strings.Repeat("word ", (3<<20)/5) // no line break at all
	for name, doc := range map[string]*crosscheck.Document{
		"text":     {Format: crosscheck.FormatText, Raw: []byte(sb.String())},
		"json":     {Format: crosscheck.FormatJSON, Raw: []byte(sb.String())},
		"one line": {Format: crosscheck.FormatText, Raw: []byte(oneLine)},
	} {
		a, err := Article(doc, Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(a.Text) > 2*maxText { // cleaning may set each line apart as a paragraph
			t.Errorf("%s: %d bytes of text kept, limit %d", name, len(a.Text), maxText)
		}
		var cut *crosscheck.Removal
		for i := range a.Removed {
			if a.Removed[i].Rule == "text-bound" {
				cut = &a.Removed[i]
			}
		}
		if cut == nil || cut.Source > maxText || !strings.Contains(cut.Text, fmt.Sprint(len(doc.Raw))) {
			t.Errorf("%s: no text-bound removal naming the %d bytes: %+v", name, len(doc.Raw), cut)
		}
	}
	short := &crosscheck.Document{Format: crosscheck.FormatText, Raw: []byte("A short note.\n\nIt says little.")}
	a, err := Article(short, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range a.Removed {
		if r.Rule == "text-bound" {
			t.Errorf("a short text was cut: %+v", r)
		}
	}
}
