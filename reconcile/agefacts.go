package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// elidedAgeNoun is the noun a "12-year-old" whose noun is left out stands for ("the assault
// on the 12-year-old"): the noun of the article's first age of that figure that names one
// ("a 12-year-old girl"), or "".
func (a *article) elidedAgeNoun(n crosscheck.Number) string {
	for _, o := range a.Numbers {
		if o.Start >= n.Start {
			break
		}
		if o.Unit == "year" && number.Equal(o.Value, n.Value) && o.Counted != "" && o.Counted != "old" && !isCapital(headWord(o)) &&
			yearOld.MatchString(o.Text) {
			return o.Counted
		}
	}
	return ""
}

var yearOld = mustGate(`(?i)year\s?-?\s?old`)

// thenBefore is "then" or "now" after the comma of an apposition of an age: "the girl, then
// 12,"; it returns the text before it.
var thenBefore = mustGate(`,\s*(?:then|now)\s*$`)

// appositionNoun is the noun of a person before the comma of an age's apposition, in lower
// case, when it is one that an age may qualify or a noun for a person ("the girl, then 12",
// "a boy, 8,"), or "".
func appositionNoun(before string) string {
	f := strings.Fields(before)
	if len(f) == 0 {
		return ""
	}
	w := strings.TrimRight(f[len(f)-1], ",")
	if w != strings.ToLower(w) {
		return ""
	}
	if ageNouns[w] || countsPeople(reading{thing: w}) {
		return w
	}
	return ""
}

// oneOfSeveral reports two sets of ages of a noun that names several people in the story
// ("a 12-year-old girl and a 15-year-old girl") whose sentences tell one act alike ("a
// recording of him assaulting the 11-year-old girl", "a recording of him assaulting a
// 12-year-old girl"): the same one of them.
func oneOfSeveral(a, b []claim, sim float64) bool {
	if a[0].read.kind != "age" || b[0].read.kind != "age" || sim < severalSim {
		return false
	}
	owner := func(c claim) string { return c.owner }
	return shareKnown(a, b, owner) && mostCommon(a, owner) == mostCommon(b, owner)
}

// severalSim is how alike the sentences of two ages of a noun that names several people must
// be to make them one person's.
const severalSim = 0.25
