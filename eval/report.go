package eval

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

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
// with the right speaker; every fact with its verdict and, for each value, exactly the
// articles that state it; the derived pairs linked and no other pair.
func SeedReport(g *ReportGold, r *crosscheck.Report) []Check {
	var out []Check
	for _, q := range g.Quotes {
		out = append(out, quoteCheck(q.ID, q.Speaker, q.AltSpeakers, q.Variants, r))
	}
	for _, f := range g.Facts {
		out = append(out, factCheck(f.ID, f.Subject, f.Verdict, f.Values, r))
	}
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

func quoteCheck(id, speaker string, alts []string, variants map[string]string, r *crosscheck.Report) Check {
	c := Check{Section: "quotes", Article: id, What: fmt.Sprintf("%d variant(s) of %s in one group", len(variants), speaker)}
	groups, missing := quoteGroupsOf(variants, r)
	switch {
	case len(missing) > 0:
		c.Detail = "not found: " + strings.Join(missing, "; ")
	case len(groups) > 1:
		c.Detail = fmt.Sprintf("split over %d groups", len(groups))
	default:
		for gi := range groups {
			got := r.Quotes[gi].Speaker
			c.Pass = got == speaker || slices.Contains(alts, got)
			if !c.Pass {
				c.Detail = fmt.Sprintf("grouped, but attributed to %q", got)
			}
		}
	}
	return c
}

// quoteGroupsOf finds the report's groups that hold the gold variants, and the variants no
// group holds.
func quoteGroupsOf(variants map[string]string, r *crosscheck.Report) (map[int]bool, []string) {
	groups := map[int]bool{}
	var missing []string
	for _, article := range slices.Sorted(maps.Keys(variants)) {
		want := clean.Fold(variants[article])
		found := -1
		for gi, grp := range r.Quotes {
			for _, v := range grp.Variants {
				if v.Article != article {
					continue
				}
				// the variant holds the gold's words, or is most of them
				if got := clean.Fold(v.Text); strings.Contains(got, want) || strings.Contains(want, got) && len(got) > len(want)/2 {
					found = gi
				}
			}
		}
		if found < 0 {
			missing = append(missing, article[:min(3, len(article))]+" "+variants[article])
			continue
		}
		groups[found] = true
	}
	return groups, missing
}

func factCheck(id, subject, verdict string, values map[string][]string, r *crosscheck.Report) Check {
	c := Check{Section: "facts", Article: id, What: fmt.Sprintf("%s: %s", subject, verdict)}
	bestDetail := "no fact states these values"
	for _, f := range r.Facts {
		matched, detail := 0, ""
		for _, gv := range slices.Sorted(maps.Keys(values)) {
			for _, v := range f.Values {
				if !sameValue(gv, v.Value) {
					continue
				}
				got, want := slices.Sorted(slices.Values(v.Articles)), slices.Sorted(slices.Values(values[gv]))
				if slices.Equal(got, want) {
					matched++
				} else {
					detail = fmt.Sprintf("%q: %s states %s in %v, want %v", f.Subject, gv, v.Value, got, want)
				}
			}
		}
		if matched == len(values) && f.Verdict == verdict && (verdict == "conflict" || len(f.Values) == 1) {
			c.Pass, c.Detail = true, f.Subject
			return c
		}
		if matched == len(values) {
			bestDetail = fmt.Sprintf("%q has the values but verdict %s", f.Subject, f.Verdict)
		} else if detail != "" {
			bestDetail = detail
		}
	}
	c.Detail = bestDetail
	return c
}

// sameValue compares a gold value with a reported one: numbers by their figure ("28" and
// "28 points", "4200000000" and "$4200000000"), the rest case aside.
func sameValue(gold, got string) bool {
	gf, of := strings.Fields(gold), strings.Fields(got)
	if len(gf) > 0 && len(of) > 0 && isFigure(gf[0]) {
		return gf[0] == strings.TrimLeft(of[0], "$€£¥")
	}
	return strings.EqualFold(gold, got)
}

func isFigure(s string) bool {
	for _, r := range s {
		if (r < '0' || r > '9') && r != '.' {
			return false
		}
	}
	return s != ""
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

// ReportCounts are a report's findings counted against a story's gold.
type ReportCounts struct {
	Conflicts   Counts `json:"conflicts"`   // facts with a conflict verdict
	Derived     Counts `json:"derived"`     // pairs of derived articles
	Differences Counts `json:"differences"` // quote groups whose variants differ in meaning
}

func (c ReportCounts) Add(o ReportCounts) ReportCounts {
	return ReportCounts{c.Conflicts.Add(o.Conflicts), c.Derived.Add(o.Derived), c.Differences.Add(o.Differences)}
}

// CountReport counts the report's conflicts, derived pairs and quote differences against the
// gold, which lists all of them.
//
// A reported conflict is right when it states every value of one gold conflict, each in at
// least one of the articles the gold gives it. A reported derived pair is right when the gold
// links its two articles, directly or through others (two rewrites of one text derive from a
// common source); recall counts the gold's own pairs. A quote group with a difference is
// right when it holds a variant of a gold quote marked as differing.
func CountReport(g *ReportGold, r *crosscheck.Report) ReportCounts {
	var c ReportCounts
	var gold []map[string][]string
	for _, f := range g.Facts {
		if f.Verdict == "conflict" {
			gold = append(gold, f.Values)
		}
	}
	matched := make([]bool, len(gold))
	for _, f := range r.Facts {
		if f.Verdict != "conflict" {
			continue
		}
		hit := false
		for i, values := range gold {
			if statesAll(values, f) {
				hit, matched[i] = true, true
			}
		}
		if hit {
			c.Conflicts.TP++
		} else {
			c.Conflicts.FP++
		}
	}
	for _, m := range matched {
		if !m {
			c.Conflicts.FN++
		}
	}

	family := map[string]string{} // article → a representative of its derivation family
	find := func(a string) string {
		for family[a] != "" && family[a] != a {
			a = family[a]
		}
		return a
	}
	for _, p := range g.Derived {
		if a, b := find(p[0]), find(p[1]); a != b {
			family[a], family[b] = b, b
		}
	}
	linked := map[[2]string]bool{}
	for _, d := range r.Derived {
		linked[d.Articles], linked[[2]string{d.Articles[1], d.Articles[0]}] = true, true
		if a := find(d.Articles[0]); family[a] != "" && a == find(d.Articles[1]) {
			c.Derived.TP++
		} else {
			c.Derived.FP++
		}
	}
	for _, p := range g.Derived {
		if !linked[p] {
			c.Derived.FN++
		}
	}

	annotated := false
	for _, q := range g.Quotes {
		annotated = annotated || q.Differs != nil
	}
	if !annotated {
		return c // a gold that does not mark differing quotes scores none
	}
	differing := map[int]bool{}
	for _, q := range g.Quotes {
		if q.Differs == nil || !*q.Differs {
			continue
		}
		groups, _ := quoteGroupsOf(q.Variants, r)
		found := false
		for gi := range groups {
			if len(r.Quotes[gi].Differences) > 0 {
				found, differing[gi] = true, true
			}
		}
		if !found {
			c.Differences.FN++
		}
	}
	for gi, grp := range r.Quotes {
		switch {
		case len(grp.Differences) == 0:
		case differing[gi]:
			c.Differences.TP++
		default:
			c.Differences.FP++
		}
	}
	return c
}

// statesAll reports whether the fact states every gold value, each in one of its articles.
func statesAll(values map[string][]string, f crosscheck.Fact) bool {
	for gv, articles := range values {
		ok := false
		for _, v := range f.Values {
			if sameValue(gv, v.Value) && slices.ContainsFunc(v.Articles, func(a string) bool { return slices.Contains(articles, a) }) {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
