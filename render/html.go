package render

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"net/url"

	"github.com/crosscheck/crosscheck"
)

//go:embed report.html
var pageText string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"anchor":     func(e crosscheck.Evidence) string { return anchor(e.Article, e.SentenceStart) },
	"pathEscape": url.PathEscape,
	"cut":        cut,
}).Parse(pageText))

// HTML writes r as a self-contained page: the findings first, then every article sentence by
// sentence, each claim linked to its sentence. All article text is escaped.
func HTML(w io.Writer, r *crosscheck.Report, articles []*crosscheck.Article) error {
	return SitePage(w, r, articles, Site{})
}

// Site links a report page into a site: a way back to the story list and to each article's page.
type Site struct {
	Home    string // the story list
	Article string // an article's page is this followed by its id (escaped as a path segment)
}

// SitePage writes r as HTML does, with the links of site.
func SitePage(w io.Writer, r *crosscheck.Report, articles []*crosscheck.Article, site Site) error {
	type sentence struct {
		Anchor string
		Pieces []Piece
		Cited  bool
	}
	type art struct {
		crosscheck.ArticleRef
		N         int
		Sentences []sentence
	}
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
	byID := map[string]*crosscheck.Article{}
	for _, a := range articles {
		byID[a.ID] = a
	}
	var arts []art
	for i, ref := range r.Articles {
		x := art{ArticleRef: ref, N: i + 1}
		if a := byID[ref.ID]; a != nil {
			for _, s := range a.Sentences {
				id := anchor(a.ID, s[0])
				x.Sentences = append(x.Sentences, sentence{Anchor: id, Pieces: Highlight(a, s[0], s[1]), Cited: cited[id]})
			}
		}
		arts = append(arts, x)
	}
	num := articleNumbers(r)
	return page.Execute(w, map[string]any{"R": r, "Num": num, "Articles": arts, "Site": site,
		"Graph": derivationGraph(r, num)})
}

func anchor(article string, sentenceStart int) string {
	return fmt.Sprintf("a-%s-%d", article, sentenceStart)
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
