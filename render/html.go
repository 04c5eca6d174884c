package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"
	"time"

	"github.com/crosscheck/crosscheck"
)

//go:embed report.html
var pageText string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"pathEscape": url.PathEscape,
	"cut":        cut,
	"sub":        func(a, b int) int { return a - b },
	"add":        func(a, b int) int { return a + b },
	"first":      first[crosscheck.Evidence],
	"firstPairs": first[crosscheck.AlignedPair],
	"part":       part,
	"plural":     Plural,
	"when":       When,
}).Parse(pageText))

// When says a publication date or time as people read it: "26 February 1987, 16:40 UTC" for
// "1987-02-26T16:40:00Z", "3 December 2025" for "2025-12-03", "undated" for nothing; what it
// cannot read it leaves as it is.
func When(s string) string {
	if s == "" {
		return "undated"
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
				return t.Format("2 January 2006")
			}
			zone := t.Format("MST")
			if _, off := t.Zone(); off != 0 || zone == "" {
				zone = t.Format("-07:00")
			}
			return t.Format("2 January 2006, 15:04 ") + zone
		}
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t.Format("2 January 2006")
	}
	return s
}

// Plural says a count with its noun: "1 outlet", "2 outlets".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// shownEvidence is how many sentences a page shows for one value or one derivation; the JSON
// has them all.
const shownEvidence = 3

// HTML writes r as a self-contained page: the findings first, then every article sentence by
// sentence, each claim linked to its sentence. All article text is escaped.
func HTML(w io.Writer, r *crosscheck.Report, articles []*crosscheck.Article) error {
	return SitePage(w, r, articles, Site{})
}

// Site links a report page into a site: a way back to the story list, to each article's
// page, and to the pages of a story too big to show its articles at once.
type Site struct {
	Home    string // the story list
	Article string // an article's page is this followed by its id (escaped as a path segment)
	// From is the index (in the report's articles) of the first article shown side by side,
	// and Prev and Next link to the pages before and after it ("" when none).
	From       int
	Prev, Next string
}

// pageData is what the page template reads.
type pageData struct {
	R        *crosscheck.Report
	Num      map[string]int
	Articles []shownArticle
	Site     Site
	Graph    *graph
	shown    map[string]bool
}

type shownArticle struct {
	crosscheck.ArticleRef
	N         int
	Sentences []shownSentence
}

type shownSentence struct {
	Anchor string
	Pieces []Piece
	Cited  bool
}

// Href links to the sentence e cites: on this page when its article is shown here, else on
// the article's own page.
func (p *pageData) Href(e crosscheck.Evidence) string {
	if p.shown[e.Article] || p.Site.Article == "" {
		return "#" + anchor(e.Article, e.SentenceStart)
	}
	return p.Site.Article + url.PathEscape(e.Article)
}

// ArticleHref links to an article: on this page when it is shown here, else its own page.
func (p *pageData) ArticleHref(id string) string {
	if p.shown[id] || p.Site.Article == "" {
		return "#art-" + id
	}
	return p.Site.Article + url.PathEscape(id)
}

// SitePage writes r as HTML does, with the links of site, showing side by side the given
// articles (all of the report's, or a page of them).
func SitePage(w io.Writer, r *crosscheck.Report, articles []*crosscheck.Article, site Site) error {
	cited := map[string]bool{}
	mark := func(e crosscheck.Evidence) { cited[anchor(e.Article, e.SentenceStart)] = true }
	for _, f := range r.Facts {
		for _, v := range f.Values {
			for _, e := range v.Evidence {
				mark(e)
			}
		}
	}
	for _, g := range r.Quotes {
		for _, v := range g.Variants {
			mark(v.Evidence)
		}
	}
	for _, a := range r.Anomalies {
		mark(a.Evidence)
	}
	p := &pageData{R: r, Num: articleNumbers(r), Site: site, shown: map[string]bool{}}
	for _, a := range articles {
		x := shownArticle{N: p.Num[a.ID], ArticleRef: crosscheck.ArticleRef{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, URL: a.URL}}
		marks := MarksOf(a)
		for _, s := range a.Sentences {
			id := anchor(a.ID, s[0])
			x.Sentences = append(x.Sentences, shownSentence{Anchor: id, Pieces: marks.Highlight(s[0], s[1]), Cited: cited[id]})
		}
		p.Articles = append(p.Articles, x)
		p.shown[a.ID] = true
	}
	p.Graph = derivationGraph(r, p.Num, p.ArticleHref)
	return page.Execute(w, p)
}

func anchor(article string, sentenceStart int) string {
	return fmt.Sprintf("a-%s-%d", article, sentenceStart)
}

// first returns the first shownEvidence items of list.
func first[T any](list []T) []T {
	return list[:min(len(list), shownEvidence)]
}

// cut splits an evidence sentence at the thing found in it: the text before, the thing, the
// text after. When the offsets do not fall in the sentence, all of it is "before".
func cut(e crosscheck.Evidence) [3]string {
	from, to := e.Start-e.SentenceStart, e.End-e.SentenceStart
	if from < 0 || to > len(e.Sentence) || from >= to {
		return [3]string{e.Sentence, "", ""}
	}
	return [3]string{e.Sentence[:from], e.Sentence[from:to], e.Sentence[to:]}
}

// part returns list[from:to], cut to fit.
func part(list []crosscheck.Evidence, from, to int) []crosscheck.Evidence {
	to = min(to, len(list))
	return list[min(from, to):to]
}
