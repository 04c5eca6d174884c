package reconcile

import (
	"strings"
)

// zeroToll reads a toll said as none: "no one was killed or injured", "there were no dead or
// wounded", "no injuries were reported". The act is the first one named, the one the toll is
// of. "No casualties" names no act (dead or hurt), and "no reports of" a toll is no toll; neither
// is read.
var zeroToll = mustGate(`(?i)\b(?:(?:no[- ]one|nobody)\s+(?:was|were|has\s+been|had\s+been|have\s+been|is|are)\s+(?:reported\s+)?(killed|dead|hurt|injured|wounded)` +
	`|there\s+(?:were|was|have\s+been|had\s+been)\s+no\s+(dead|deaths|fatalities|injuries|wounded|injured)` +
	`|no\s+(deaths|fatalities|injuries)\s+(?:were|was|have\s+been|had\s+been)\s+reported)\b`)

// zeroActs maps the words of a toll said as none to the act casualty names for it.
var zeroActs = map[string]string{"deaths": "killed", "fatalities": "killed", "injuries": "wounded"}

// zeroCounts are the tolls an article gives as none, one claim of value 0 each, counting people
// and naming the act ("killed" or "wounded") by its verb.
func (a *article) zeroCounts() []claim {
	var out []claim
	for _, m := range zeroToll.FindAllStringSubmatchIndex(a.Text, -1) {
		word := ""
		for i := 2; i < len(m); i += 2 {
			if m[i] >= 0 {
				word = strings.ToLower(a.Text[m[i]:m[i+1]])
				break
			}
		}
		act := casualty[word]
		if act == "" {
			act = zeroActs[word]
		}
		c := a.claim(m[0], m[1])
		c.label = "0"
		c.read = reading{kind: "count", unit: "people", thing: "people", word: "people", verb: act, label: "0", rule: "zero toll"}
		c.subject = "people"
		out = append(out, c)
	}
	return out
}

// joinZeroCounts files each toll an article gives as none into the fact that counts people the
// same act befell ("no one was killed" against "12 people were killed": 0 against 12), the one
// whose sentences are most like its own, then the one told earliest in its articles (the
// story's own toll before a past one's). A fact its article already gives a value of is not
// joined (an article does not contradict itself), nor one of an article of another day (a toll
// that grows over days of coverage is an update).
func (s *story) joinZeroCounts(facts [][]claim) {
	for _, a := range s.arts {
		for _, z := range a.zeroCounts() {
			best, bestSim := -1, 0.0
			for i, f := range facts {
				if !zeroMeets(f, z) {
					continue
				}
				sim := s.maxSim(f, []claim{z})
				if best < 0 || sim > bestSim || sim == bestSim && leadOf(f) < leadOf(facts[best]) {
					best, bestSim = i, sim
				}
			}
			if best >= 0 {
				facts[best] = append(facts[best], z)
			}
		}
	}
}

// zeroMeets reports whether a toll given as none may join a fact: one counting people, by
// the same act, from other articles of the same day.
func zeroMeets(f []claim, z claim) bool {
	if f[0].read.kind != "count" || !countsPeople(f[0].read) {
		return false
	}
	if casualty[mostCommon(f, func(c claim) string { return c.read.verb })] != z.read.verb {
		return false
	}
	for _, c := range f {
		if c.art == z.art || c.listed || c.read.window != "" {
			return false
		}
		if !c.art.dct.IsZero() && !z.art.dct.IsZero() && !c.art.dct.Equal(z.art.dct) {
			return false
		}
	}
	return true
}

// leadOf is how early in their articles a fact's claims come: the lowest sentence index.
func leadOf(f []claim) int {
	lead := -1
	for _, c := range f {
		if lead < 0 || c.sentence < lead {
			lead = c.sentence
		}
	}
	return lead
}
