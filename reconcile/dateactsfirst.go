package reconcile

import (
	"strings"
)

// Acts outlets tell in words of their own, whose years are read before any year joins another
// act of the same value: an organisation's start, a person's testimony.

// The year an organisation began is told by its founding ("In 1990, she founded Bayou La
// Batre Rural Health Clinic", "CEO of the clinic since its founding in 1990") and by how long
// it has been there ("The Bayou La Batre Rural Health Clinic has been a staple for residents
// since 1987", "the shop has operated since 1952"). The years an article gives one named
// organisation's start are one fact, and when they differ they conflict.

var (
	// foundingBefore matches the words before a year that tell a founding: "since its
	// founding in", "founded in", "was established in".
	foundingBefore = mustGate(`(?i)\b(?:(?:its|their|the)\s+(?:founding|foundation|creation|establishment)|(?:founded|co-founded|established|set up)(?:\s+\w+){0,8}?)\s+in\s+$`)
	// foundingAfter matches the words after a year that tell a founding: "In 1990, she
	// founded".
	foundingAfter = mustGate(`^,?\s+(?:[\w.]+\s+){0,3}?(?:founded|co-founded|established)\b`)
	// existsSinceBefore matches the words before a year that tell how long something has
	// been there: "has existed since", "has operated since", "has been open since", "has been
	// a staple for residents since". A state it has been in ("has been closed since", "has
	// been a member since") says nothing of its start.
	existsSinceBefore = mustGate(`(?i)\b(?:has|have)\s+(?:existed|operated|been\s+(?:open|operating|in business|around|an?\s+(?:[\w-]+\s+)?(?:staple|fixture|landmark|institution|mainstay|cornerstone)\b[^.;,]{0,40}?))\s+since\s+$`)
)

// foundingOf is the name of the organisation a year dates the start of, lower case, or "":
// the organisation the sentence names nearest before the year, else the first after it.
func foundingOf(c claim) string {
	if c.sentence < 0 {
		return ""
	}
	sp := c.art.sentences[c.sentence].span
	before := c.art.Text[max(sp[0], c.start-120):c.start]
	if !foundingBefore.MatchString(before) && !existsSinceBefore.MatchString(before) && !foundingAfter.MatchString(c.art.Text[c.end:max(c.end, sp[1])]) {
		return ""
	}
	name, at, after, afterAt := "", -1, "", sp[1]
	for _, e := range c.art.Entities {
		if e.Kind != "org" {
			continue
		}
		for _, m := range e.Mentions {
			switch {
			case m.Start < sp[0] || m.End > sp[1]:
			case m.End <= c.start && m.Start > at:
				name, at = e.Name, m.Start
			case m.Start >= c.end && m.Start < afterAt:
				after, afterAt = e.Name, m.Start
			}
		}
	}
	if name == "" {
		name = after
	}
	return strings.ToLower(name)
}

// testimonyCue matches the words that tell a person called to testify: "was summoned to
// testify before the Senate", "called Page as a witness", "was subpoenaed".
var testimonyCue = mustGate(`\b(?:testif(?:y|ied|ying)|as a witness|subpoenaed|summoned)\b`)

// testimonyOf is "testimony of " and the last name of the person a year dates the testimony of
// (the person named nearest to the words that tell it, in its sentence), or "".
func testimonyOf(c claim) string {
	if c.sentence < 0 {
		return ""
	}
	sp := c.art.sentences[c.sentence].span
	from, to := max(sp[0], c.start-careerWindow), min(sp[1], c.end+careerWindow)
	m := testimonyCue.FindStringIndex(c.art.Text[from:to])
	if m == nil {
		return ""
	}
	cue := from + m[0]
	who, dist := "", sp[1]-sp[0]
	for _, e := range c.art.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, mm := range e.Mentions {
			if mm.Start < sp[0] || mm.End > sp[1] {
				continue
			}
			if d := max(mm.Start-cue, cue-mm.End); d < dist {
				who, dist = e.Name, d
			}
		}
	}
	if who == "" {
		return ""
	}
	f := strings.Fields(strings.ToLower(who))
	return "testimony of " + f[len(f)-1]
}

// firstActs are the acts whose years are read first, each by the key of its act.
var firstActs = []func(claim) string{foundingOf, testimonyOf}

// foundings joins the years the articles give each of firstActs (see yearsOfOneAct).
func foundings(claims []claim, facts [][]claim) [][]claim {
	for _, act := range firstActs {
		facts = yearsOfOneAct(untaken(claims, facts), facts, act)
	}
	return facts
}

// untaken are the claims no fact holds.
func untaken(claims []claim, facts [][]claim) []claim {
	if len(facts) == 0 {
		return claims
	}
	taken := takenClaims(facts)
	var out []claim
	for _, c := range claims {
		if !taken[[2]any{c.art, c.start}] {
			out = append(out, c)
		}
	}
	return out
}
