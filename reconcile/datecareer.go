package reconcile

import (
	"slices"
)

// The year a career began is told in many ways: "her career began in October 1950", "left her
// job to begin a career in modeling in 1950", "made his debut in 1961", and by its first work:
// "she posed for her first pin-up photos in 1947", "he recorded his first album in 1975". The
// years of one person's start are one fact, whatever words each outlet uses, and when they
// differ they conflict.

// careerBegunRe matches the words of a clause that tells a career's start.
var careerBegunRe = mustGate(`(?i)\bcareers?\s+(?:\w+\s+){0,2}(?:began|begun|started|took off|was launched)\b|\b(?:began|begin|beginning|started|start|starting|launched|launch|launching)\s+(?:a|an|her|his|their)\s+(?:[\w-]+\s+)?careers?\b|\b(?:made|making)\s+(?:her|his|their)\s+(?:[\w-]+\s+)?debut\b|\bdebuted\b`)

// firstWorkRe matches a first work, which starts a career: "her first pin-up photos", "his
// first album". Firsts of a life ("her first marriage", "his first child") are not of a career.
var firstWorkRe = mustGate(`(?i)\b(?:her|his|their)\s+(?:very\s+)?first\s+(?:[a-z-]+\s+){0,2}(?:photos?|photographs?|pictures?|films?|movies?|albums?|records?|recordings?|books?|novels?|roles?|songs?|singles?|paintings?|exhibitions?|assignments?|modeling|professional|pro)\b`)

// careerWindow is how far before a year its clause is read for a career's start, in bytes.
const careerWindow = 80

// startsCareer reports a claim of a year that dates a career's start: its sentence says so in
// the words before the year, or just after it ("in 1950, when her career began").
func startsCareer(c claim) bool {
	if c.sentence < 0 {
		return false
	}
	sp := c.art.sentences[c.sentence].span
	from, to := max(sp[0], c.start-careerWindow), min(sp[1], c.end+careerWindow/2)
	before, around := c.art.Text[from:c.start], c.art.Text[from:to]
	return careerBegunRe.MatchString(around) || firstWorkRe.MatchString(before)
}

// careerStarts joins the years of a career's start the facts did not take to the fact that
// holds one, or makes them a fact of their own (see yearsOfOneAct).
func careerStarts(claims []claim, facts [][]claim) [][]claim {
	return yearsOfOneAct(claims, facts, func(c claim) string {
		if startsCareer(c) {
			return "career"
		}
		return ""
	})
}

// yearsOfOneAct joins the years that act reads as of one act (its key; "" for none) whatever
// words each article tells it with: one claim of each article, the first, and none of an
// article that gives the act two years (it tells two acts, or a start and a first success).
// The untaken claims of a key join the fact that holds one of them, or become a fact of their
// own.
func yearsOfOneAct(claims []claim, facts [][]claim, act func(claim) string) [][]claim {
	taken := takenClaims(facts)
	keys, byKey := groupInOrder(claims, act)
	for _, key := range keys {
		var starts []claim
		twice := map[*article]bool{} // two years in one article: none
		for _, c := range byKey[key] {
			if k := slices.IndexFunc(starts, func(o claim) bool { return o.art == c.art }); k >= 0 {
				twice[c.art] = twice[c.art] || starts[k].value != c.value
				continue
			}
			starts = append(starts, c)
		}
		starts = slices.DeleteFunc(starts, func(c claim) bool { return twice[c.art] })
		if len(starts) < 2 || !severalArticles(starts) {
			continue
		}
		// the fact that holds one takes the others
		joined := false
		for i, f := range facts {
			if joined || !slices.ContainsFunc(f, func(c claim) bool { return act(c) == key }) {
				continue
			}
			for _, c := range starts {
				if !taken[[2]any{c.art, c.start}] && !slices.ContainsFunc(facts[i], func(o claim) bool { return o.art == c.art }) {
					facts[i] = append(facts[i], c)
					taken[[2]any{c.art, c.start}] = true
				}
			}
			joined = true
		}
		if joined {
			continue
		}
		free := slices.DeleteFunc(slices.Clone(starts), func(c claim) bool { return taken[[2]any{c.art, c.start}] })
		if len(free) > 1 && severalArticles(free) {
			facts = append(facts, free)
			for _, c := range free {
				taken[[2]any{c.art, c.start}] = true
			}
		}
	}
	return facts
}
