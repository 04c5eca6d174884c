package reconcile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A place's population is no rival of a toll; populations told of one place stay rivals,
// and a toll against a first value that is a population is left alone.
func TestPopulationsApart(t *testing.T) {
	s := storyOf(t,
		"The 2004 tsunami killed 168,000 people in the province.",
		"Two hotels collapsed in Dorrow, a city of 160,000 people.",
		"Residents of Dorrow, home to 167,000 people, slept outdoors.",
		"The wave killed 170,000 people in the province.",
		"The island is home to 120,000 people.",
		"The island is home to 200,000 people.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "168,000 people", "168000 people"),
		factValue(s, "b", "160,000 people", "160000 people"),
		factValue(s, "c", "167,000 people", "167000 people"),
		factValue(s, "d", "170,000 people", "170000 people"),
	}
	if got := valueList(s.populationsApart("count", values)); !slices.Equal(got, []string{"168000 people", "170000 people"}) {
		t.Errorf("populationsApart = %q, want the populations out", got)
	}
	homes := []crosscheck.FactValue{
		factValue(s, "e", "120,000 people", "120000 people"),
		factValue(s, "f", "200,000 people", "200000 people"),
		factValue(s, "d", "170,000 people", "170000 people"),
	}
	if got := s.populationsApart("count", homes); len(got) != 3 {
		t.Errorf("populationsApart dropped values of a first population: %q", valueList(got))
	}
}

// The hurt and the dead are two counts; two tolls of the dead are rivals.
func TestHarmsApart(t *testing.T) {
	s := storyOf(t,
		"There are around 30 people seriously injured.",
		"The quake left 24 people dead.",
		"Officials said at least 26 people were killed.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "30 people", "30 people"),
		factValue(s, "b", "24 people", "24 people"),
	}
	if got := valueList(s.harmsApart("count", values)); !slices.Equal(got, []string{"30 people"}) {
		t.Errorf("harmsApart = %q, want the dead apart from the hurt", got)
	}
	tolls := []crosscheck.FactValue{values[1], factValue(s, "c", "26 people", "26 people")}
	if got := s.harmsApart("count", tolls); len(got) != 2 {
		t.Errorf("harmsApart dropped a rival toll: %q", valueList(got))
	}
}
