package reconcile

import (
	"slices"
	"testing"
)

// The size of a body the story knows is one count of its members however each outlet names
// them, and two such sizes are rivals; members of some other family, or members a toll
// counts, are no size of it.
func TestGroupSizes(t *testing.T) {
	s := storyOf(t,
		"Investigators say each of the union's 3,000 dues-paying workers and 900 retirees were asked to vote.",
		"Under Ruiz there had been some 5,000 members of the union, a lawyer recalled.",
		"The union said the vote was fair.", "The union's leaders met the union's lawyers on Monday.")
	got := conflicts(s.numberFacts())
	want := []string{"number of members of union: 3000 workers / 5000 members of union"}
	if !slices.Equal(got, want) {
		t.Fatalf("conflicts %q, want %q", got, want)
	}
	for _, text := range []string{"At least 12 members of one family were killed.", "Five members of an extended family fled.",
		"Three members of the family were arrested on Monday."} {
		a := analyzed(t, text)
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.group != "" {
				t.Errorf("%q: read as the size of the %s", text, r.group)
			}
		}
	}
}
