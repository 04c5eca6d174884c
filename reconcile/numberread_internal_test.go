package reconcile

import "testing"

// A hedged figure after a dash is no second figure of a score: a dateline's day stands before
// it.
func TestHedgedFigureAfterDashIsNoScore(t *testing.T) {
	a := analyzed(t, "WASHINGTON - April 27 - More than 1,300 scientists signed the letter.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.label == "1300 scientists" {
			return
		}
	}
	t.Fatal("the count of scientists was not read")
}
