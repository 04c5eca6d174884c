package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck"
)

// htmlSeeds are the pages of testdata/pages and a few broken ones.
func htmlSeeds(f *testing.F) []string {
	seeds := []string{
		"", "<p>x", "<html><head><meta property=\"article:published_time\" content=\"2024-02-30T25:00\"></head><body><p>a</p>",
		"<table><tr><td>a<td>b<tr><td>c</table>", "<ul><li>one<li>two</ul><br><br>", "<div><div><div><p>&amp;&#x0;&#99999999;</div>",
		"<script>document.write('<p>')</script><p>after</p>", "<meta charset=\"windows-1252\"><p>caf\xe9 \x93quoted\x94</p>",
		"<svg><foreignObject><p>x</svg></p>", "<template><p>hidden</template><p>" + strings.Repeat("word ", 60),
	}
	pages, _ := filepath.Glob("testdata/pages/*.html")
	for _, p := range pages {
		if b, err := os.ReadFile(p); err == nil {
			seeds = append(seeds, string(b))
		}
	}
	return seeds
}

// checkOffsets fails when a segment of m leaves the clean text or the source.
func checkOffsets(t *testing.T, m crosscheck.OffsetMap, clean, source int) {
	t.Helper()
	last := 0
	for _, s := range m {
		if s.Clean < last || s.Len < 0 || s.SourceLen < 0 || s.Clean+s.Len > clean || s.Source < 0 || s.Source+s.SourceLen > source {
			t.Fatalf("segment %+v outside clean text of %d bytes and source of %d (previous end %d)", s, clean, source, last)
		}
		last = s.Clean + s.Len
	}
}

// FuzzArticleHTML runs the whole HTML path: decoding, the page bound and nesting check,
// extraction of both kinds, block text, metadata and dates, cleaning and analysis.
func FuzzArticleHTML(f *testing.F) {
	for _, s := range htmlSeeds(f) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		a, err := Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: raw}, Options{})
		if err != nil {
			return
		}
		if !utf8.ValidString(a.Text) || strings.TrimSpace(a.Text) == "" {
			t.Fatalf("article text %q from %q", a.Text, raw)
		}
		if strings.Contains(a.Text, "\n\n\n") {
			t.Fatalf("empty paragraph in %q", a.Text)
		}
		for _, d := range []string{a.Published, a.Modified} {
			if d != "" && NormalizeDate(d) != d {
				t.Fatalf("date %q is not in normal form", d)
			}
		}
	})
}

// FuzzBoundPage checks that the page bound keeps a start of the page within the limits.
func FuzzBoundPage(f *testing.F) {
	for _, s := range htmlSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		kept, depth := boundPage(s)
		if !strings.HasPrefix(s, kept) {
			t.Fatalf("kept %q is not a start of %q", kept, s)
		}
		if len(kept) > maxPageBytes || depth < 0 || depth > len(kept) {
			t.Fatalf("kept %d bytes at depth %d", len(kept), depth)
		}
	})
}

// FuzzBlockText checks that the lines of any parsed tree are trimmed, non-empty and single.
func FuzzBlockText(f *testing.F) {
	for _, s := range htmlSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, d := boundPage(s); d > maxDepth {
			return
		}
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, b := range blockLines(doc) {
			if b.text == "" || b.text != strings.TrimSpace(b.text) || strings.Contains(b.text, "\n") {
				t.Fatalf("line %q", b.text)
			}
			if b.linkBytes < 0 || b.linkBytes > len(b.text) {
				t.Fatalf("line %q has %d link bytes", b.text, b.linkBytes)
			}
		}
		_ = metaContent(doc, "date", "article:published_time")
	})
}

// FuzzNormalizeDate checks that a normalised date is valid and normalises to itself.
func FuzzNormalizeDate(f *testing.F) {
	for _, s := range []string{"2024-03-05", "2024-03-05T10:20:30Z", "Tue, 05 Mar 2024 10:20:30 GMT", "5 March 2024", "03/05/2024 10:20", "1712000000", "2024-02-30", "x", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := NormalizeDate(s)
		if d == "" {
			return
		}
		if NormalizeDate(d) != d {
			t.Fatalf("%q normalised to %q, which normalises to %q", s, d, NormalizeDate(d))
		}
	})
}

// FuzzSourceMap checks that the paragraphs of a text map into the page they were found in.
func FuzzSourceMap(f *testing.F) {
	for _, s := range htmlSeeds(f) {
		f.Add(s, "after\n\nword word")
	}
	f.Add("<p>a &amp; b</p><p>c&nbsp;d</p>", "a & b\n\nc\u00a0d")
	f.Fuzz(func(t *testing.T, page, text string) {
		p := project(page)
		if len(p.start) != len(p.text) || len(p.end) != len(p.text) {
			t.Fatalf("projection of %d bytes with %d and %d spans", len(p.text), len(p.start), len(p.end))
		}
		for i := range p.text {
			if p.start[i] < 0 || p.end[i] < p.start[i] || int(p.end[i]) > len(page) {
				t.Fatalf("byte %d spans [%d,%d) of a page of %d bytes", i, p.start[i], p.end[i], len(page))
			}
		}
		checkOffsets(t, p.locate(text), len(text), len(page))
	})
}
