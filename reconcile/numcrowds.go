package reconcile

import (
	"strings"
)

// Crowds. A count of people gathered — a march, a rally, a vigil, a protest — is the figure
// outlets most often give apart: the police count one number, organisers another, each
// outlet its own estimate ("NBC New York estimated the crowd at 70", "about 130 people were
// marching"). A story seldom tells two crowds of one place whose sizes are within a factor of
// four of each other, so two crowd counts are rivals however little else their sentences
// share (another city's crowd is keyed apart: elsewhere).

// crowdEstimate ends the text before a figure that estimates a gathering's size: "estimated
// the crowd at", "put the march, to mark a strike, at", "the rally was estimated at", "a
// crowd of". Group 1, 2 or 3 is the gathering.
var crowdEstimate = mustGate(`(?i)(?:\b(?:estimated|estimates?|put|puts|putting|placed|places|pegged|pegs|numbered)\s+(?:the\s+|its\s+|their\s+)?(?:size\s+of\s+the\s+)?` + crowdNouns + `\b[^.;:]{0,60}?\bat|\b` + crowdNouns + `\s+(?:was|were|is|are|had\s+been|has\s+been)\s+(?:estimated|put|numbered|placed|pegged)\s+at|\b(?:a|the)\s+` + crowdNouns + `\s+of)\s+$`)

// crowdNouns are the nouns of gatherings of people, singular or plural, and of the people
// who make them up, as a group.
const crowdNouns = `(crowds?|march(?:es)?|rall(?:y|ies)|protests?|demonstrations?|vigils?|gatherings?|processions?|turnout|attendance|(?:number\s+of\s+)?(?:protesters|demonstrators|marchers|participants))`

// crowdAfter is a gathering the people counted go on to in the words after the count:
// "130 people were marching", "100 people set off from the vigil site to march", "20,000
// people took to the streets", "more than 100 people joined together for a candlelit vigil".
// Group 1 is the gathering's word.
var crowdAfter = mustGate(`(?i)^[\s,]+(?:[\pL'’-]+,?\s+){0,7}?(march(?:ed|ing|es)?|rall(?:y|ied|ying|ies)|protest(?:ed|ing|s)?|demonstrat(?:ed|ing|ions?)|gathered|vigils?|riot(?:ed|ing|s)?|took\s+to\s+the\s+streets|turned\s+out)\b`)

// crowdVerbs are the verbs a count of people gathered may have as its own: what they did as a
// crowd.
var crowdVerbs = wordSet("marched marching rallied rallying protested protesting demonstrated demonstrating gathered gathering rioted rioting joined took turned")

// crowdOf is the gathering a count of people is the size of, named by its noun ("march",
// "vigil"; "crowd" when the sentence names none): a count estimated as a gathering's, or the
// subject of what a crowd does with no other event of its own (a count of people arrested,
// hurt or killed at a march is not the march's size). Else "".
func crowdOf(r reading, ctx numberContext) string {
	if r.kind != "count" || !countsPeople(r) || casualty[r.verb] != "" {
		return ""
	}
	if m := crowdEstimate.FindStringSubmatch(ctx.before); m != nil {
		return gatheringNoun(m[1] + m[2] + m[3]) // the verb is the estimate's: "the rally was estimated at 4,000"
	}
	if r.verb != "" && !crowdVerbs[strings.ToLower(r.verb)] {
		return ""
	}
	if m := crowdAfter.FindStringSubmatch(ctx.after); m != nil {
		return gatheringNoun(m[1])
	}
	return ""
}

// gatheringNoun names a gathering by the noun of the word that tells it: "marching" → "march",
// "rallied" → "rally", "vigils" → "vigil"; "crowd" where the word names no gathering ("took
// to the streets").
func gatheringNoun(w string) string {
	w = strings.ToLower(w)
	w = strings.TrimPrefix(w, "number of ")
	for _, g := range []struct{ prefix, noun string }{{"march", "march"}, {"rall", "rally"}, {"protest", "protest"},
		{"demonstrat", "demonstration"}, {"vigil", "vigil"}, {"riot", "riot"}, {"gathering", "gathering"},
		{"procession", "procession"}, {"turnout", "turnout"}} {
		if strings.HasPrefix(w, g.prefix) {
			return g.noun
		}
	}
	return "crowd"
}

// crowdCounts reports two sets of counts that are, most of each, the sizes of gatherings
// (crowdOf): rival estimates of one crowd.
func crowdCounts(a, b []claim) bool {
	mostly := func(f []claim) bool {
		n := 0
		for _, c := range f {
			if c.read.crowd != "" {
				n++
			}
		}
		return 2*n > len(f)
	}
	return mostly(a) && mostly(b)
}

// crowdSubject names a fact of crowd counts by its gathering and, when another city's, its
// place: "number of people at the march", "number of people at the march in Thessaloniki".
// A gathering named is preferred to a bare "crowd".
func crowdSubject(f []claim) string {
	if !crowdCounts(f, f) {
		return ""
	}
	g := mostCommon(f, func(c claim) string {
		if c.read.crowd == "crowd" {
			return ""
		}
		return c.read.crowd
	})
	if g == "" {
		g = "crowd"
	}
	if p := mostCommon(f, func(c claim) string { return c.art.elsewhere(c.start) }); p != "" {
		return "number of people at the " + g + " in " + titleWord(p) // another city's
	}
	return "number of people at the " + g
}
