package reconcile

import (
	"slices"
	"testing"
)

// The spouses or marriages someone had are the times they married: "married twice" against
// "the first of her three husbands" is a conflict about one person, whom "her" names rather
// than the husband named before it.
func TestTimesMarried(t *testing.T) {
	s := storyOf(t,
		"Ruth Kline married twice; the first marriage, to Tom Hale, lasted from 1946 to 1950.",
		"She married Tom Hale in 1946, the first of her three husbands, and moved west.")
	got := conflicts(s.numberFacts())
	want := []string{"number of times married: 2 times / 3 husbands"}
	if !slices.Equal(got, want) {
		t.Fatalf("conflicts %q, want %q", got, want)
	}
	a := analyzed(t, "He survived two failed marriages before he met her.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); !ok || r.thing != "time" || r.verb != "married" || r.label != "2 marriages" {
			t.Errorf("two failed marriages: read %+v (%v), want 2 marriages as times married", r, ok)
		}
	}
}
