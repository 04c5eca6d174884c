package eval

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/clean"
)

// ReportGold is the part of the seed gold the story report is scored against.
type ReportGold struct {
	Quotes []struct {
		ID          string            `json:"id"`
		Speaker     string            `json:"speaker"`
		AltSpeakers []string          `json:"alt_speakers"`
		Variants    map[string]string `json:"variants"`
		Differs     *bool             `json:"differs"` // the variants differ in meaning (a negation, an opposite); nil: not annotated
	} `json:"quotes"`
	Facts []struct {
		ID      string              `json:"id"`
		Subject string              `json:"subject"`
		Verdict string              `json:"verdict"`
		Values  map[string][]string `json:"values"`
	} `json:"facts"`
	Derived    [][2]string `json:"derived"`
	NotDerived [][2]string `json:"not_derived"`
}

// ReportGold reads the report sections of the seed gold.
func (g *SeedGold) ReportGold() (*ReportGold, error) {
	var r ReportGold
	for _, part := range []struct {
		raw json.RawMessage
		dst any
	}{{g.Quotes, &r.Quotes}, {g.Facts, &r.Facts}, {g.Derived, &r.Derived}, {g.NotDerived, &r.NotDerived}} {
		if len(part.raw) > 0 {
			if err := json.Unmarshal(part.raw, part.dst); err != nil {
				return nil, err
			}
		}
	}
	return &r, nil
}

// SeedReport scores a story report against the gold: every quote's variants found in one group
// of their own with the right speaker; every fact with its verdict, its subject and, for each
// value, exactly the articles that state it (a reported fact serves one gold fact at most); the
// derived pairs linked and no other pair.
func SeedReport(g *ReportGold, r *crosscheck.Report) []Check {
	var out []Check
	qm := matchQuotes(g, r)
	for i := range g.Quotes {
		out = append(out, quoteCheck(g, i, qm, r))
	}
	out = append(out, factChecks(g, r)...)
	linked := map[[2]string]string{}
	for _, d := range r.Derived {
		linked[d.Articles] = d.Kind
		linked[[2]string{d.Articles[1], d.Articles[0]}] = d.Kind
	}
	for _, p := range g.Derived {
		kind, ok := linked[p]
		out = append(out, Check{Section: "derived", Article: p[0] + "~" + p[1], What: "linked as derived", Pass: ok,
			Detail: map[bool]string{true: kind, false: "not linked"}[ok]})
	}
	for _, p := range g.NotDerived {
		kind, ok := linked[p]
		out = append(out, Check{Section: "derived", Article: p[0] + "~" + p[1], What: "not linked", Pass: !ok,
			Detail: map[bool]string{true: "linked as " + kind, false: ""}[ok]})
	}
	return out
}

// variantRef is one variant of a report's quote group.
type variantRef struct{ group, variant int }

// quoteMatch is where the report holds each gold quote's variants.
type quoteMatch struct {
	found   [][]variantRef // per gold quote, the report variants that hold its variants
	missing [][]string     // per gold quote, the variants no group holds
}

// matchQuotes finds, for each gold quote, the report's variants that hold its words.
func matchQuotes(g *ReportGold, r *crosscheck.Report) quoteMatch {
	var m quoteMatch
	for _, q := range g.Quotes {
		var found []variantRef
		var missing []string
		for _, article := range slices.Sorted(maps.Keys(q.Variants)) {
			ref, ok := findVariant(article, q.Variants[article], r)
			if !ok {
				missing = append(missing, article[:min(3, len(article))]+" "+q.Variants[article])
				continue
			}
			found = append(found, ref)
		}
		m.found, m.missing = append(m.found, found), append(m.missing, missing)
	}
	return m
}

// findVariant finds the report variant of article that holds the gold's words, or is most of
// them; the last group that has one, as a reader scanning the report would.
func findVariant(article, words string, r *crosscheck.Report) (variantRef, bool) {
	want := clean.Fold(words)
	ref, ok := variantRef{}, false
	for gi, grp := range r.Quotes {
		for vi, v := range grp.Variants {
			if v.Article != article {
				continue
			}
			if got := clean.Fold(v.Text); strings.Contains(got, want) || strings.Contains(want, got) && len(got) > len(want)/2 {
				ref, ok = variantRef{gi, vi}, true
			}
		}
	}
	return ref, ok
}

// groupsOf are the report groups that hold gold quote i's variants.
func (m quoteMatch) groupsOf(i int) map[int]bool {
	out := map[int]bool{}
	for _, f := range m.found[i] {
		out[f.group] = true
	}
	return out
}

// mergedWith names another gold quote whose variants share group gi with quote i's, unless one
// variant holds both (an outlet that printed as one span what another printed in two pieces).
func (m quoteMatch) mergedWith(i, gi int, g *ReportGold) string {
	mine := map[int]bool{}
	for _, f := range m.found[i] {
		if f.group == gi {
			mine[f.variant] = true
		}
	}
	for j := range m.found {
		if j == i {
			continue
		}
		shared, spanning := false, false
		for _, f := range m.found[j] {
			if f.group == gi {
				shared = true
				spanning = spanning || mine[f.variant]
			}
		}
		if shared && !spanning {
			return g.Quotes[j].ID
		}
	}
	return ""
}

// quoteCheck scores gold quote i: all its variants found, in one group, that group holding no
// other gold quote's variants, and the group's speaker the gold's.
func quoteCheck(g *ReportGold, i int, m quoteMatch, r *crosscheck.Report) Check {
	q := g.Quotes[i]
	c := Check{Section: "quotes", Article: q.ID, What: fmt.Sprintf("%d variant(s) of %s in one group", len(q.Variants), q.Speaker)}
	groups := m.groupsOf(i)
	switch {
	case len(m.missing[i]) > 0:
		c.Detail = "not found: " + strings.Join(m.missing[i], "; ")
	case len(groups) > 1:
		c.Detail = fmt.Sprintf("split over %d groups", len(groups))
	default:
		for gi := range groups {
			got := r.Quotes[gi].Speaker
			c.Pass = sameSpeaker(q.Speaker, q.AltSpeakers, got)
			if !c.Pass {
				c.Detail = fmt.Sprintf("grouped, but attributed to %q", got)
			}
			if other := m.mergedWith(i, gi, g); other != "" && c.Pass {
				c.Pass, c.Detail = false, "grouped with the variants of "+other
			}
		}
	}
	return c
}

// Counts are the true positives, false positives and false negatives of one kind of finding.
type Counts struct {
	TP int `json:"tp"`
	FP int `json:"fp"`
	FN int `json:"fn"`
}

func (c Counts) Add(o Counts) Counts { return Counts{c.TP + o.TP, c.FP + o.FP, c.FN + o.FN} }

// Precision is TP/(TP+FP), 1 when nothing was found.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 1 when there was nothing to find.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// sameSpeaker reports whether the report's speaker is the gold's (or one of its alternatives):
// the same words, the gold's name with a title or role before it ("Palmer Public Safety
// Director Jon Owen" for "Jon Owen"), or a person's surname alone ("Gigante" for "Vincent
// Gigante").
func sameSpeaker(gold string, alts []string, got string) bool {
	for _, want := range append([]string{gold}, alts...) {
		w, g := nameWords(want), nameWords(got)
		if len(w) == 0 || len(g) == 0 {
			continue
		}
		if slices.Equal(w, g) || len(g) > len(w) && slices.Equal(g[len(g)-len(w):], w) {
			return true
		}
		if len(g) == 1 && len(w) >= 2 && g[0] == w[len(w)-1] && isName(want) {
			return true
		}
	}
	return false
}

// nameWords are a name's words, folded, without punctuation and without initials: "Jumaane D.
// Williams" is "Jumaane Williams", as an outlet that drops the middle initial names him.
func nameWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(clean.Fold(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	}) {
		if utf8.RuneCountInString(w) > 1 {
			out = append(out, w)
		}
	}
	return out
}

// isName reports a person's name: two or more words, each capitalised ("J." counts).
func isName(s string) bool {
	f := strings.Fields(s)
	for _, w := range f {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return len(f) >= 2
}

// factChecks scores every gold fact: a reported fact of its verdict, about its subject, that
// states each of its values in exactly the gold's articles (and, for an agreement, no other
// value). A reported fact serves one gold fact at most.
func factChecks(g *ReportGold, r *crosscheck.Report) []Check {
	match := matchOneToOne(len(g.Facts), len(r.Facts), func(gi, ri int) bool {
		ok, _ := factMatches(g.Facts[gi].Subject, g.Facts[gi].Verdict, g.Facts[gi].Values, r.Facts[ri], true)
		return ok
	})
	var out []Check
	for i, f := range g.Facts {
		c := Check{Section: "facts", Article: f.ID, What: fmt.Sprintf("%s: %s", f.Subject, f.Verdict)}
		if match[i] >= 0 {
			c.Pass, c.Detail = true, r.Facts[match[i]].Subject
		} else {
			c.Detail = "no fact states these values"
			for _, rf := range r.Facts {
				if _, why := factMatches(f.Subject, f.Verdict, f.Values, rf, true); why != "" {
					c.Detail = why
				}
			}
		}
		out = append(out, c)
	}
	return out
}

// factMatches reports whether a reported fact matches a gold fact, and when it does not but
// states a gold value, why. exact asks for exactly the gold's articles for each value; else
// each value need only be stated in one of them.
func factMatches(subject, verdict string, values map[string][]string, f crosscheck.Fact, exact bool) (bool, string) {
	matched, detail := 0, ""
	for _, gv := range slices.Sorted(maps.Keys(values)) {
		want := slices.Sorted(slices.Values(values[gv]))
		ok := false
		for _, v := range f.Values {
			if !sameValue(gv, v.Value) {
				continue
			}
			got := slices.Sorted(slices.Values(v.Articles))
			if exact && slices.Equal(got, want) || !exact && slices.ContainsFunc(got, func(a string) bool { return slices.Contains(want, a) }) {
				ok = true
			} else {
				detail = fmt.Sprintf("%q: %s states %s in %v, want %v", f.Subject, gv, v.Value, got, want)
			}
		}
		if ok {
			matched++
		}
	}
	if matched < len(values) {
		return false, detail
	}
	switch {
	case !aboutSubject(subject, f):
		return false, fmt.Sprintf("%q has the values but is not about %q", f.Subject, subject)
	case f.Verdict != verdict:
		return false, fmt.Sprintf("%q has the values but verdict %s", f.Subject, f.Verdict)
	case verdict == "agree" && len(f.Values) != 1:
		return false, fmt.Sprintf("%q has the value and %d others", f.Subject, len(f.Values)-1)
	}
	return true, ""
}

// ReportCounts are a report's findings counted against a story's gold.
type ReportCounts struct {
	Agreements  Counts `json:"agreements"`  // facts with an agree verdict
	Conflicts   Counts `json:"conflicts"`   // facts with a conflict verdict
	Derived     Counts `json:"derived"`     // pairs of derived articles, each a gold pair itself
	Lineage     Counts `json:"lineage"`     // pairs of derived articles, right when the gold links them through others too
	Quotes      Counts `json:"quotes"`      // quote groups of two or more articles against the gold's utterances
	Speakers    Counts `json:"speakers"`    // the gold's quote variants found with their speaker (TP) or not (FN)
	Differences Counts `json:"differences"` // quote groups whose variants differ in meaning
}

func (c ReportCounts) Add(o ReportCounts) ReportCounts {
	return ReportCounts{c.Agreements.Add(o.Agreements), c.Conflicts.Add(o.Conflicts), c.Derived.Add(o.Derived),
		c.Lineage.Add(o.Lineage), c.Quotes.Add(o.Quotes), c.Speakers.Add(o.Speakers), c.Differences.Add(o.Differences)}
}

// CountReport counts the report's findings against the gold, which lists all of them.
//
// Agreements and conflicts: a reported fact is right when it has the gold fact's verdict, is
// about its subject and states every one of its values, each in at least one of the articles
// the gold gives it; each reported fact serves one gold fact at most. Derived: a reported pair
// is right when the gold pairs its two articles (Lineage also credits a pair the gold links
// through others: two rewrites of one text). Quotes: a reported group of two or more articles is
// right when it holds the variants of a gold utterance and of no other; a gold utterance is
// found when all its variants are in one such group with its speaker. Speakers: each gold
// variant found with the speaker the gold gives it. Differences: a quote group flagged as
// differing is right when it holds a variant of a gold quote marked as differing.
func CountReport(g *ReportGold, r *crosscheck.Report) ReportCounts {
	var c ReportCounts
	c.Agreements = countFacts(g, r, "agree")
	c.Conflicts = countFacts(g, r, "conflict")
	c.Derived, c.Lineage = countDerived(g, r)
	c.Quotes, c.Speakers = countQuotes(g, r)
	c.Differences = countDifferences(g, r)
	return c
}

func countFacts(g *ReportGold, r *crosscheck.Report, verdict string) Counts {
	var gold, reported []int
	for i, f := range g.Facts {
		if f.Verdict == verdict {
			gold = append(gold, i)
		}
	}
	for i, f := range r.Facts {
		if f.Verdict == verdict {
			reported = append(reported, i)
		}
	}
	match := matchOneToOne(len(gold), len(reported), func(gi, ri int) bool {
		f := g.Facts[gold[gi]]
		ok, _ := factMatches(f.Subject, f.Verdict, f.Values, r.Facts[reported[ri]], false)
		return ok
	})
	var c Counts
	for _, m := range match {
		if m >= 0 {
			c.TP++
		} else {
			c.FN++
		}
	}
	c.FP = len(reported) - c.TP
	return c
}

func countDerived(g *ReportGold, r *crosscheck.Report) (direct, lineage Counts) {
	family := map[string]string{} // article → a representative of its derivation family
	find := func(a string) string {
		for family[a] != "" && family[a] != a {
			a = family[a]
		}
		return a
	}
	gold := map[[2]string]bool{}
	for _, p := range g.Derived {
		gold[p], gold[[2]string{p[1], p[0]}] = true, true
		if a, b := find(p[0]), find(p[1]); a != b {
			family[a], family[b] = b, b
		}
	}
	linked := map[[2]string]bool{}
	for _, d := range r.Derived {
		linked[d.Articles], linked[[2]string{d.Articles[1], d.Articles[0]}] = true, true
		if gold[d.Articles] {
			direct.TP++
		} else {
			direct.FP++
		}
		if a := find(d.Articles[0]); family[a] != "" && a == find(d.Articles[1]) {
			lineage.TP++
		} else {
			lineage.FP++
		}
	}
	for _, p := range g.Derived {
		if !linked[p] {
			direct.FN++
			lineage.FN++
		}
	}
	return direct, lineage
}

func countQuotes(g *ReportGold, r *crosscheck.Report) (groups, speakers Counts) {
	m := matchQuotes(g, r)
	holds := map[int]bool{} // report groups that hold one gold utterance and no other
	for i := range g.Quotes {
		if quoteCheck(g, i, m, r).Pass {
			groups.TP++
		} else {
			groups.FN++
		}
		for gi := range m.groupsOf(i) {
			if m.mergedWith(i, gi, g) == "" {
				holds[gi] = true
			}
		}
		for _, f := range m.found[i] {
			if sameSpeaker(g.Quotes[i].Speaker, g.Quotes[i].AltSpeakers, r.Quotes[f.group].Variants[f.variant].Speaker) {
				speakers.TP++
			} else {
				speakers.FN++
			}
		}
		speakers.FN += len(m.missing[i])
	}
	for gi, grp := range r.Quotes {
		arts := map[string]bool{}
		for _, v := range grp.Variants {
			arts[v.Article] = true
		}
		if len(arts) >= 2 && !holds[gi] {
			groups.FP++
		}
	}
	return groups, speakers
}

func countDifferences(g *ReportGold, r *crosscheck.Report) Counts {
	var c Counts
	annotated := false
	for _, q := range g.Quotes {
		annotated = annotated || q.Differs != nil
	}
	if !annotated {
		return c // a gold that does not mark differing quotes scores none
	}
	m := matchQuotes(g, r)
	differing := map[int]bool{}
	for i, q := range g.Quotes {
		if q.Differs == nil || !*q.Differs {
			continue
		}
		found := false
		for gi := range m.groupsOf(i) {
			if len(r.Quotes[gi].Differences) > 0 {
				found, differing[gi] = true, true
			}
		}
		if !found {
			c.FN++
		}
	}
	for gi, grp := range r.Quotes {
		switch {
		case len(grp.Differences) == 0:
		case differing[gi]:
			c.TP++
		default:
			c.FP++
		}
	}
	return c
}
