package reconcile

import (
	"strings"
)

// Marriages. How many times someone married is told by the verb ("Page married twice") or by
// the spouses or marriages counted ("the first of her three husbands", "after two failed
// marriages"): one fact, whichever way an outlet counts it. A count of spouses or of
// marriages is read as a count of times married, its label as written.

// spouseNouns are the nouns of a marriage and of the people one marries, singular; "wive" is
// the stem the plural "wives" leaves.
var spouseNouns = wordSet("husband wife wive spouse marriage")

// possessiveBefore ends the text before a figure with a possessive determiner, after at most
// a few words: "the first of her three husbands". The holder is the one it refers to, not
// the person named just before (the spouse in "married Billy Neal, the first of her three
// husbands").
var possessiveBefore = mustGate(`(?i)\b(?:her|his|their)\s+(?:[\pL-]+\s+){0,2}$`)

// asTimesMarried turns a count of spouses or marriages into a count of times married, keeping
// its label ("3 husbands").
func asTimesMarried(r *reading, before string) {
	if r.kind != "count" || !spouseNouns[singularNoun(strings.ToLower(r.thing))] && !spouseNouns[singularNoun(strings.ToLower(r.word))] {
		return
	}
	r.thing, r.unit, r.word, r.verb = "time", "time", "times", "married"
	if possessiveBefore.MatchString(before) {
		r.owner = ""
	}
}
