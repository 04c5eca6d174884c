package extract

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"

	"github.com/crosscheck/crosscheck"
)

func lines(texts ...string) []block {
	var out []block
	for _, t := range texts {
		b := block{text: t}
		if strings.HasPrefix(t, "@") { // a line that is all link text
			b.text = t[1:]
			b.linkBytes = len(b.text)
		}
		out = append(out, b)
	}
	return out
}

var article = lines(
	"The city council approved a new budget on Monday that raises spending on schools and public transport by a fifth over the next two years.",
	"The mayor said the increase would be paid for by a new tax on short-term holiday rentals, which opposition members called a burden on families.",
	"The budget passed by twenty-one votes to fourteen after a debate that lasted more than six hours and ended shortly before midnight.",
)

func TestChooseExtraction(t *testing.T) {
	comment := lines(
		"I have lived in this city for forty years and I have never seen the council waste so much money on projects nobody asked for, honestly.",
		"Reply from another reader: you should come to the meetings before complaining about decisions you did not take part in at all.",
	)
	chrome := append(lines("@Home", "@News", "@City", "@Share on Facebook", "@Share on X", "@Email"), article...)
	chrome = append(chrome, lines("@Most read", "@Subscribe")...)
	more := append(append([]block{}, article...), lines(
		"Schools in the northern districts will receive the largest share, with three new buildings planned and two older ones to be renovated by 2027.",
		"Bus services on the four busiest lines will run every five minutes at peak hours from the spring, the transport office said in a statement.",
	)...)
	for _, c := range []struct {
		name     string
		fallback []block
		want     string // "default" or "fallback"
	}{
		{"CommentForArticleKeepsDefault", comment, "default"},
		{"BreadcrumbsAndShareBarKeepDefault", chrome, "default"},
		{"MoreParagraphsTakeFallback", more, "fallback"},
		{"NoFallbackKeepsDefault", nil, "default"},
		{"SameTextKeepsDefault", article, "default"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := chooseExtraction(article, c.fallback)
			want := article
			if c.want == "fallback" {
				want = c.fallback
			}
			if joinLines(got) != joinLines(want) {
				t.Errorf("chose\n%s\nwant the %s extraction", joinLines(got), c.want)
			}
		})
	}
}

func TestChooseExtractionShortDefault(t *testing.T) {
	short := lines("Budget approved.")
	if got := chooseExtraction(short, article); joinLines(got) != joinLines(article) {
		t.Errorf("a default of two words should give way to a full fallback, got %q", joinLines(got))
	}
}

func TestBlockLinesByTagName(t *testing.T) {
	// the extractor renames nodes without setting their atom; blocks are known by name
	row := &html.Node{Type: html.ElementNode, Data: "tr"}
	for _, s := range []string{"Piloto", "Pontos", "Vitórias"} {
		cell := &html.Node{Type: html.ElementNode, Data: "td"}
		cell.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		row.AppendChild(cell)
	}
	list := &html.Node{Type: html.ElementNode, Data: "ul"}
	for _, s := range []string{"first item", "second item"} {
		li := &html.Node{Type: html.ElementNode, Data: "li"}
		li.AppendChild(&html.Node{Type: html.TextNode, Data: s})
		list.AppendChild(li)
	}
	body := &html.Node{Type: html.ElementNode, Data: "body"}
	body.AppendChild(row)
	body.AppendChild(list)
	if got, want := blockText(body), "Piloto Pontos Vitórias\nfirst item\nsecond item"; got != want {
		t.Errorf("blockText = %q, want %q", got, want)
	}
}

func TestNeedsFallback(t *testing.T) {
	page := func(extra string) *html.Node {
		var sb strings.Builder
		sb.WriteString(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>`)
		for _, b := range article {
			sb.WriteString("<p>" + b.text + "</p>")
		}
		sb.WriteString("</article>" + extra + "</body></html>")
		doc, err := html.Parse(strings.NewReader(sb.String()))
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	if needsFallback(page(`<footer><a href="/a">About us</a> <a href="/c">Contact</a></footer>`), article) {
		t.Error("a page whose running text the default extraction holds needs no fallback")
	}
	if !needsFallback(page(`<div><p>Schools in the northern districts will receive the largest share, with three new buildings planned by 2027.</p></div>`), article) {
		t.Error("a page with a paragraph the default extraction lacks should try the fallback")
	}
	if !needsFallback(page(""), lines("Budget approved.")) {
		t.Error("a default extraction of two words should try the fallback")
	}
}

// TestFallbackPageKeepsTheExtractorsDate checks that a page the fallback extraction is made for
// (its default extraction is short) keeps the date only the extractor's date search finds: the
// search is made once, in the first extraction.
func TestFallbackPageKeepsTheExtractorsDate(t *testing.T) {
	raw := []byte(`<html><head><meta property="article:published_time" content="10.12.2022, 07:00:03"><meta name="date" content="2022-12-10"></head>` +
		`<body><article><h1>Council passes budget</h1><p>The council passed the budget.</p></article></body></html>`)
	doc, err := html.Parse(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{ExcludeComments: true, HtmlDateMode: trafilatura.Fast})
	if err == nil && !needsFallback(doc, blockLines(res.ContentNode)) {
		t.Fatal("the page does not call for the fallback extraction: the test reads nothing")
	}
	a, err := Article(&crosscheck.Document{Format: crosscheck.FormatHTML, Raw: raw, Fetched: fetched}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Published != "2022-12-10" {
		t.Errorf("published %q, want 2022-12-10", a.Published)
	}
}

// TestWordsFoldedAfterSplit checks that splitting a line and folding each word, as novelText
// does, gives the words of the folded line that wordSet keys: on capitals that change length
// when folded, invalid bytes, digits and symbols that fold but are no letters.
func TestWordsFoldedAfterSplit(t *testing.T) {
	old := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
	}
	split := func(s string) []string {
		var out []string
		var b []byte
		eachWord(s, func(w string) {
			if isLowerASCII(w) {
				out = append(out, w)
				return
			}
			b = appendLower(b[:0], w)
			out = append(out, string(b))
		})
		return out
	}
	pieces := []string{"The", "budget", "İstanbul", "ΣΟΦΙΑ", "Straße", "42", "Ⅻ", "Ⓐb", "\xff", "\xc3", "é", "É", " ", "-", "’", "K", "\u212a", "x\u0301", "\t", "ǅ", "2026"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		var sb strings.Builder
		for range r.IntN(12) {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := sb.String()
		if got, want := split(s), old(s); !slices.Equal(got, want) {
			t.Fatalf("%q: words %q, the folded line's %q", s, got, want)
		}
		var fromSet []string
		eachWord(strings.ToLower(s), func(w string) { fromSet = append(fromSet, w) })
		if !slices.Equal(fromSet, old(s)) {
			t.Fatalf("%q: the folded line's words %q, want %q", s, fromSet, old(s))
		}
	}
}
