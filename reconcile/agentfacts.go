package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// Who did a thing to someone, as two articles or more tell it: "President Ronald Reagan
// pardoned Felt in 1981" and "He was later pardoned by President Ronald Reagan" agree on the
// president who pardoned Felt. The doer is a person the article names, the subject of the
// verb or its agent after "by"; the one it was done to is a person too, named as the object,
// or as the passive's subject, where a pronoun stands for the person named last before it.

// agentClaim is one article's telling of who did something to whom.
type agentClaim struct {
	art        *article
	verb       string // the verb's stem
	written    string // the verb as the article writes it
	doer, done string // the names of the two people
	title      string // the doer's title before the name, lower case ("president"), if any
	start, end int    // the doer's mention
}

// agentFacts reports the doer two articles or more agree on for one verb and one person it
// was done to; articles that name another doer leave the fact out.
func (s *story) agentFacts() []crosscheck.Fact {
	keys := personKeys{}
	var claims []agentClaim
	for _, a := range s.arts {
		claims = append(claims, a.agentClaims()...)
	}
	order, groups := groupInOrder(claims, func(c agentClaim) string { return c.verb + "\x00" + keys.of(c.done) })
	var out []crosscheck.Fact
	for _, k := range order {
		if f, ok := agentFact(groups[k], keys); ok {
			out = append(out, f)
		}
	}
	return out
}

// agentFact is the agreement of the claims on one doer, if they make one.
func agentFact(claims []agentClaim, keys personKeys) (crosscheck.Fact, bool) {
	doer := keys.of(claims[0].doer)
	names := map[string]int{}
	var v crosscheck.FactValue
	titles, verbs, done := []string{}, []string{}, []string{}
	for _, c := range claims {
		if keys.of(c.doer) != doer || keys.of(c.done) == doer {
			return crosscheck.Fact{}, false // two doers, or someone who did it to himself
		}
		names[c.doer]++
		if c.title != "" {
			titles = append(titles, c.title)
		}
		verbs = append(verbs, c.written)
		done = append(done, surnameOf(c.done))
		if !slices.Contains(v.Articles, c.art.ID) {
			v.Articles = append(v.Articles, c.art.ID)
			v.Evidence = append(v.Evidence, c.art.evidence(c.start, c.end))
		}
	}
	if len(v.Articles) < 2 {
		return crosscheck.Fact{}, false
	}
	v.Value = personName(names)
	subject := "who " + mostCommonString(verbs) + " " + mostCommonString(done)
	if len(titles) > 0 {
		subject = mostCommonString(titles) + " " + subject
	}
	return crosscheck.Fact{Subject: subject, Kind: "person", Verdict: "agree", Values: []crosscheck.FactValue{v}}, true
}

func surnameOf(name string) string {
	w := nameWords(name)
	if len(w) == 0 {
		return name
	}
	return w[len(w)-1]
}

// agentClaims reads who did what to whom in the article's sentences.
func (a *article) agentClaims() []agentClaim {
	var out []agentClaim
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if c, ok := a.agentClaim(e, m); ok {
				out = append(out, c)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].start < out[j].start })
	return out
}

// agentClaim reads the verb mention m of e is the doer of, and the person it is done to.
func (a *article) agentClaim(e crosscheck.Entity, m crosscheck.Mention) (agentClaim, bool) {
	i := a.sentenceAt(m.Start)
	if i < 0 {
		return agentClaim{}, false
	}
	p := a.parse(i)
	h := p.headIn(m.Start, m.End)
	if h < 0 || p.Arcs[h].Head < 0 {
		return agentClaim{}, false
	}
	v := p.Arcs[h].Head
	if p.Tags[v] != "VERB" || !strings.HasSuffix(p.Words[v], "ed") && irregularPast[p.Words[v]] == "" {
		return agentClaim{}, false // a past act: "pardoned", "appointed", not "says"
	}
	passive := slices.ContainsFunc(p.children(v), func(c int) bool { return p.Arcs[c].Rel == "aux:pass" })
	objRel := ""
	switch rel := p.Arcs[h].Rel; {
	case rel == "nsubj" && !passive:
		objRel = "obj"
	case passive && strings.HasPrefix(rel, "obl") && slices.ContainsFunc(p.children(h), func(c int) bool { return strings.EqualFold(p.Words[c], "by") }):
		objRel = "nsubj:pass"
	default:
		return agentClaim{}, false
	}
	o := slices.IndexFunc(p.children(v), func(c int) bool {
		r := p.Arcs[c].Rel
		return r == objRel || objRel == "obj" && r == "xcomp" && p.spans[c][0] > m.End // "pardoned Felt", Felt read as a verb
	})
	if o < 0 {
		return agentClaim{}, false
	}
	o = p.children(v)[o]
	done := a.personObject(p, o, m.Start)
	if done == "" || done == e.Name {
		return agentClaim{}, false
	}
	c := agentClaim{art: a, verb: lex.Stem(p.Words[v]), written: strings.ToLower(p.Words[v]), doer: e.Name, done: done, start: m.Start, end: m.End}
	c.title = a.titleBefore(e, m)
	return c, true
}

// personObject is the person word o of p names: a person the article names there, or, for a
// pronoun, the person it most likely stands for (salientBefore; before off, the doer's mention,
// when the pronoun comes first in the sentence).
func (a *article) personObject(p *parsed, o, off int) string {
	sp := p.spans[o]
	switch strings.ToLower(p.Words[o]) {
	case "he", "him", "she", "her":
		return a.salientBefore(min(sp[0], off))
	}
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Start <= sp[0] && sp[1] <= m.End {
				return e.Name
			}
		}
	}
	return ""
}

// titleBefore is the title the article writes just before mention m, lower case: "president"
// of "President Ronald Reagan".
func (a *article) titleBefore(e crosscheck.Entity, m crosscheck.Mention) string {
	for _, r := range e.Roles {
		if r.End <= m.Start && m.Start-r.End <= 1 {
			if f := strings.Fields(roleText(r.Text)); len(f) > 0 {
				return strings.ToLower(f[len(f)-1])
			}
		}
	}
	return ""
}

// pronounReach is how many sentences back a pronoun looks for the person it stands for.
const pronounReach = 5

// salientBefore is the person a pronoun at off most likely stands for: of the people named in
// its sentence before it or in the sentences just before, the one the article names most
// (the story's subject, not a group named in passing), the latest of equals.
func (a *article) salientBefore(off int) string {
	i := a.sentenceAt(off)
	if i < 0 {
		return ""
	}
	from := a.sentences[max(0, i-pronounReach)].span[0]
	best, bestCount, bestAt := "", 0, -1
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		at := -1
		for _, m := range e.Mentions {
			if m.Start >= from && m.End <= off {
				at = max(at, m.Start)
			}
		}
		if at < 0 {
			continue
		}
		if n := len(e.Mentions); n > bestCount || n == bestCount && at > bestAt {
			best, bestCount, bestAt = e.Name, n, at
		}
	}
	return best
}
