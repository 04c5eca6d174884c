package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck/analyze/number"
)

// markSole marks the counts of a thing other than people that the story gives one figure
// only, in two articles or more ("three price tiers", "three-tiered pricing"): the story
// counts that thing once, so its claims are one fact however little their sentences share.
func markSole(byKey map[string][]claim) {
	for key, cs := range byKey {
		if !strings.HasPrefix(key, "count|") || key == "count|people" || len(cs) < 2 {
			continue
		}
		arts := map[string]bool{}
		sole := true
		for _, c := range cs {
			arts[c.art.ID] = true
			sole = sole && !c.listed && !c.read.borrowed && c.bound == "" && number.Equal(c.value, cs[0].value) && !countsPeople(c.read)
		}
		if !sole || len(arts) < 2 {
			continue
		}
		for i := range cs {
			cs[i].read.sole = true
		}
	}
}

// soleCounts reports two sets of claims of a count marked sole (markSole).
func soleCounts(a, b []claim) bool {
	return a[0].read.sole && b[0].read.sole
}
