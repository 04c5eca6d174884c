package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// The kind of document an act was done with: "Obama issued an executive order putting the
// Bush rule change on hold" in one article, "the president signed a memorandum putting on hold
// a Bush administration regulation" in another. Documents told with the same purpose are one
// document; outlets that call it by different kinds contradict each other.

// documentActRe matches a document issued and what it does: its kind, then the words of its
// purpose ("putting the Bush rule change on hold", "ordering the closure of the camp").
var documentActRe = mustGate(`\b(?:issued|signed|sent|released|published|wrote|penned|delivered)\s+(?:an?|the|his|her|its|their)\s+(?:[a-z]+-page\s+)?` +
	`(executive order|presidential memorandum|memorandum|memo|decree|proclamation|directive|letter)\s+` +
	`((?:that\s+|which\s+)?(?:[a-z]+ing\b|to\s+[a-z]+\b)[^.;:"“”]{0,80})`)

// documentKinds write each kind as the report shows it: a memo is a memorandum.
var documentKinds = map[string]string{"memo": "memorandum", "presidential memorandum": "memorandum"}

// purposeShared is how many content words the purposes of two documents must share to be one.
const purposeShared = 2

// document is one article's word on the kind of a document and what it does.
type document struct {
	art        *article
	kind       string
	purpose    []string // content words
	phrase     string   // the purpose as the article words it
	start, end int      // the kind
}

// documents reads the documents an article tells the kind and purpose of.
func (a *article) documents() []document {
	var out []document
	for _, m := range documentActRe.FindAllStringSubmatchIndex(a.Text, -1) {
		kind := a.Text[m[2]:m[3]]
		if k := documentKinds[kind]; k != "" {
			kind = k
		}
		phrase := strings.TrimSpace(a.Text[m[4]:m[5]])
		if f := strings.Fields(phrase); len(f) > 8 {
			phrase = strings.Join(f[:8], " ")
		}
		out = append(out, document{a, kind, contentWords(a.Text[m[4]:m[5]]), phrase, m[2], m[3]})
	}
	return out
}

// documentKindFacts aligns the kinds the articles give documents of one purpose, each article
// once: one kind is an agreement, two kinds a conflict.
func (s *story) documentKindFacts() []crosscheck.Fact {
	var groups [][]document
	for _, a := range s.arts {
		for _, d := range a.documents() {
			k := slices.IndexFunc(groups, func(g []document) bool {
				return !slices.ContainsFunc(g, func(o document) bool { return o.art == d.art }) && sharedWords(g[0].purpose, d.purpose) >= purposeShared
			})
			if k < 0 {
				groups = append(groups, []document{d})
				continue
			}
			groups[k] = append(groups[k], d)
		}
	}
	return factsOfGroups(groups, "name",
		func(g []document) string { return "kind of document " + g[0].phrase },
		func(d document) statedValue { return statedValue{d.art, d.kind, d.kind, d.start, d.end} })
}

// sharedWords counts the distinct words of b that a holds.
func sharedWords(a, b []string) int {
	n := 0
	for i, w := range b {
		if slices.Contains(a, w) && !slices.Contains(b[:i], w) {
			n++
		}
	}
	return n
}
