// Package render writes a story report for people: Markdown to forward, an HTML page to read.
// Every claim links to the sentence of the article it rests on.
package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Markdown writes r as a Markdown page. Evidence is cited as [n§k]: article n of the report's
// list, the sentence quoted beneath the claim.
func Markdown(w io.Writer, r *crosscheck.Report) error {
	p := &printer{w: w}
	num := articleNumbers(r)
	s := r.Story
	p.f("# %s\n\n", orText(s.Title, s.ID))
	outlets := "outlets unknown"
	if s.Outlets > 0 {
		outlets = Plural(s.Outlets, "outlet", "outlets")
	}
	p.f("%s, %s · %s · %s · %s", Plural(s.Articles, "article", "articles"), outlets, Plural(s.DistinctTexts, "distinct text", "distinct texts"),
		Plural(s.Independent, "independent report", "independent reports"), Plural(s.Conflicts, "conflict", "conflicts"))
	if s.First != "" {
		p.f(" · %s – %s", s.First, s.Last)
	}
	p.f("\n\n## Articles\n\n")
	for i, a := range r.Articles {
		p.f("%d. **%s** — %s (%s) `%s`\n", i+1, orText(a.Source, "unknown outlet"), a.Title, orText(a.Published, "undated"), a.ID)
	}
	p.f("\n## Conflicts\n\n")
	p.facts(r.Facts, "conflict", num)
	p.f("\n## Agreements\n\n")
	p.facts(r.Facts, "agree", num)
	if len(r.Anomalies) > 0 {
		p.f("\n## Anomalies\n\n")
		for _, a := range r.Anomalies {
			p.f("- **%s** in [%d] %s\n  > %s\n", a.Kind, num[a.Article], a.Detail, a.Evidence.Sentence)
		}
	}
	p.f("\n## Quotes\n\n")
	for _, g := range r.Quotes {
		p.f("### %s\n\n", orText(g.Speaker, "unknown speaker"))
		for _, v := range g.Variants {
			p.f("- [%d] “%s”\n", num[v.Article], v.Text)
		}
		for _, d := range g.Differences {
			p.f("- ⚠ %s: [%d] “%s” / [%d] “%s”\n", d.Kind, num[g.Variants[d.Variants[0]].Article], d.Words[0], num[g.Variants[d.Variants[1]].Article], d.Words[1])
		}
		p.f("\n")
	}
	p.f("## Derived articles\n\n")
	if len(r.Derived) == 0 {
		p.f("None: every article reads as its own report.\n")
	}
	for _, d := range r.Derived {
		p.f("- [%d] and [%d]: **%s** (score %.2f). %s\n", num[d.Articles[0]], num[d.Articles[1]], d.Kind, d.Score, d.Reason)
		for _, e := range d.Evidence[:min(3, len(d.Evidence))] {
			p.f("  - [%d] %s\n    [%d] %s\n", num[e.A.Article], e.A.Sentence, num[e.B.Article], e.B.Sentence)
		}
	}
	return p.err
}

func (p *printer) facts(facts []crosscheck.Fact, verdict string, num map[string]int) {
	n := 0
	for _, f := range facts {
		if f.Verdict != verdict {
			continue
		}
		n++
		p.f("- **%s**\n", f.Subject)
		for _, v := range f.Values {
			var refs []string
			for _, a := range v.Articles {
				refs = append(refs, fmt.Sprintf("[%d]", num[a]))
			}
			p.f("  - %s — %s\n", v.Value, strings.Join(refs, " "))
			for _, e := range v.Evidence[:min(2, len(v.Evidence))] {
				p.f("    > [%d] %s\n", num[e.Article], e.Sentence)
			}
		}
	}
	if n == 0 {
		p.f("None found.\n")
	}
}

type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func articleNumbers(r *crosscheck.Report) map[string]int {
	m := map[string]int{}
	for i, a := range r.Articles {
		m[a.ID] = i + 1
	}
	return m
}

func orText(s, alt string) string {
	if s == "" {
		return alt
	}
	return s
}
