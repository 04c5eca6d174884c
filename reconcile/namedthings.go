package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// What a new thing is called, as the articles name it: "AMD's newly created Data Center
// Server Solutions business", "a new “data center solutions” business", "a program called
// “Safe Harbor”". The names two articles or more give one thing agree, or, when they differ
// but share most of their words, conflict: one thing named two ways.

// unitNouns are the kinds of new thing whose names news reports: a company's parts, an
// organisation's programmes.
const unitNouns = `business|unit|division|group|subsidiary|venture|department|agency|program|programme|initiative|project|fund|party|company|brand|service|line`

var (
	// newNamedRe matches "new[ly created] NAME NOUN", the name capitalised or quoted.
	newNamedRe = mustGate(`\b(?:new|newly (?:created|formed|established|launched))\s+` +
		`(?:(?:“|")\s*([^”"]{3,60}?)\s*(?:”|")\s+|((?:\p{Lu}[\p{L}&'’.-]*\s+){1,6}))(` + unitNouns + `)\b`)
	// newNamedAfterRe matches a new thing named in the apposition after it: "a new division at
	// AMD, the Data Center Server Solutions group".
	newNamedAfterRe = mustGate(`\bnew (` + unitNouns + `)(?:\s+(?:at|of|in|within)\s+[^,.;]{1,30})?,\s+(?:the|a|an)\s+` +
		`((?:\p{Lu}[\p{L}&'’.-]*\s+){1,6})(?:` + unitNouns + `)\b`)
	// calledRe matches "a NOUN called|named|known as NAME", the name capitalised or quoted.
	calledRe = mustGate(`\b(` + unitNouns + `)\s+(?:called|named|dubbed|known as)\s+` +
		`(?:(?:“|")\s*([^”"]{3,60}?)\s*(?:”|")|((?:\p{Lu}[\p{L}&'’.-]*)(?:\s+\p{Lu}[\p{L}&'’.-]*){0,5}))`)
)

// namedThing is one article's name for a new thing, and what it calls the thing.
type namedThing struct {
	art        *article
	noun, name string
	start, end int
	fresh      bool // told as new
}

// namedThingFacts aligns the names the articles give new things.
// The kind of thing an article calls it ("business", "division", "group") is left aside:
// outlets call one unit by several.
func (s *story) namedThingFacts() []crosscheck.Fact {
	var all []namedThing
	for _, a := range s.arts {
		all = append(all, a.namedThings()...)
	}
	var out []crosscheck.Fact
	for _, group := range sameThings(all) {
		if f, ok := namedThingFact(group); ok {
			out = append(out, f)
		}
	}
	return out
}

// namedThings reads the names article a gives new things.
func (a *article) namedThings() []namedThing {
	var out []namedThing
	add := func(noun string, name string, start, end int, fresh bool) {
		name = strings.TrimSpace(name)
		if name == "" || !strings.Contains(name, " ") && a.namesOrg(name) || strings.HasSuffix(name, "'s") || strings.HasSuffix(name, "’s") {
			return // "a new AMD business": whose it is, not its name
		}
		out = append(out, namedThing{art: a, noun: noun, name: name, start: start, end: end, fresh: fresh})
	}
	for _, m := range newNamedRe.FindAllStringSubmatchIndex(a.Text, -1) {
		noun := a.Text[m[6]:m[7]]
		if m[2] >= 0 {
			add(noun, a.Text[m[2]:m[3]], m[2], m[3], true)
		} else {
			add(noun, a.Text[m[4]:m[5]], m[4], m[5], true)
		}
	}
	for _, m := range newNamedAfterRe.FindAllStringSubmatchIndex(a.Text, -1) {
		add(a.Text[m[2]:m[3]], a.Text[m[4]:m[5]], m[4], m[5], true)
	}
	for _, m := range calledRe.FindAllStringSubmatchIndex(a.Text, -1) {
		noun := a.Text[m[2]:m[3]]
		if m[4] >= 0 {
			add(noun, a.Text[m[4]:m[5]], m[4], m[5], false)
		} else {
			add(noun, a.Text[m[6]:m[7]], m[6], m[7], false)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// sameThings groups the names that name one thing: the same words, or most of the
// words of the shorter name in the longer ("data center solutions", "Data Center Server
// Solutions").
func sameThings(list []namedThing) [][]namedThing {
	var groups [][]namedThing
	for _, t := range list {
		k := slices.IndexFunc(groups, func(g []namedThing) bool {
			return slices.ContainsFunc(g, func(o namedThing) bool { return sameThingNamed(o.name, t.name) })
		})
		if k < 0 {
			groups = append(groups, nil)
			k = len(groups) - 1
		}
		groups[k] = append(groups[k], t)
	}
	return groups
}

// sameThingNamed reports two names of which the shorter has at least two words and all but
// one of them in the longer, case aside.
func sameThingNamed(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	shared := 0
	for _, w := range wa {
		if slices.Contains(wb, w) {
			shared++
		}
	}
	return shared == len(wa) && len(wa) == len(wb) || len(wa) >= 2 && shared >= len(wa)-1 && shared*2 > len(wb)
}

// namedThingFact is the fact of one thing's names: an agreement when the articles name it
// alike, case aside, a conflict when they name it otherwise.
func namedThingFact(group []namedThing) (crosscheck.Fact, bool) {
	var nouns []string
	what := "name of the "
	for _, t := range group {
		nouns = append(nouns, strings.ToLower(t.noun))
		if t.fresh {
			what = "name of the new "
		}
	}
	f := crosscheck.Fact{Subject: what + mostCommonString(nouns), Kind: "name", Verdict: "agree"}
	byArt := map[*article]bool{}
	for _, t := range group {
		if byArt[t.art] {
			continue // an article names it once: its first
		}
		byArt[t.art] = true
		k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return strings.EqualFold(v.Value, t.name) })
		if k < 0 {
			f.Values = append(f.Values, crosscheck.FactValue{Value: t.name})
			k = len(f.Values) - 1
		}
		f.Values[k].Articles = append(f.Values[k].Articles, t.art.ID)
		f.Values[k].Evidence = append(f.Values[k].Evidence, t.art.evidence(t.start, t.end))
	}
	if len(byArt) < 2 {
		return crosscheck.Fact{}, false
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return f, true
}
