package reconcile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A figure whose sentence makes another person its holder, where that person is named in full
// only in another article of the story, is no rival of the first value's; a figure of the same
// person stays a rival.
func TestDoersApart(t *testing.T) {
	s := storyOf(t,
		"Marcus Delane finished his career in 1981 with 2,190 points.",
		"Delane now has 2,201 career points.",
		"The Wolves signed Owen Brack, a center, in June.",
		"Brack now has 2,201 career points.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "2,190 points", "2190 points"),
		factValue(s, "d", "2,201 career points", "2201 points"),
	}
	if got := valueList(s.doersApart("count", values)); !slices.Equal(got, []string{"2190 points"}) {
		t.Errorf("doersApart = %q, want Brack's points apart from Delane's", got)
	}
	same := []crosscheck.FactValue{values[0], factValue(s, "b", "2,201 career points", "2201 points")}
	if got := s.doersApart("count", same); len(got) != 2 {
		t.Errorf("doersApart dropped a rival figure of one person: %q", valueList(got))
	}
	if got := s.doersApart("age", values); len(got) != 2 {
		t.Errorf("doersApart read an age: %q", valueList(got))
	}
}
