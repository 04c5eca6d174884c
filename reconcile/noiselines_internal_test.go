package reconcile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// Two stat lines are lines of different games or seasons; a plain figure against a plain
// figure, or a line of casualties, stays a conflict.
func TestStatLinesApart(t *testing.T) {
	s := storyOf(t,
		"Last year Pryor ran for 310 yards and three touchdowns and caught 21 passes for 140 yards.",
		"In 2009 he had 820 yards and five touchdowns on 150 carries and caught 44 passes for 330 yards.",
		"Pryor caught 23 passes.",
		"Pryor caught 25 passes.")
	lines := []crosscheck.FactValue{
		factValue(s, "a", "21 passes", "21 passes"),
		factValue(s, "b", "44 passes", "44 passes"),
	}
	if got := valueList(s.linesApart("count", lines)); !slices.Equal(got, []string{"21 passes"}) {
		t.Errorf("linesApart of two stat lines = %q, want the first alone", got)
	}
	plain := []crosscheck.FactValue{
		factValue(s, "c", "23 passes", "23 passes"),
		factValue(s, "d", "25 passes", "25 passes"),
	}
	if got := s.linesApart("count", plain); len(got) != 2 {
		t.Errorf("linesApart dropped a plain rival: %q", valueList(got))
	}
	// A line against a plain figure is no pair of lines.
	mixed := []crosscheck.FactValue{plain[0], lines[1]}
	if got := s.linesApart("count", mixed); len(got) != 2 {
		t.Errorf("linesApart dropped a stat line against a plain figure: %q", valueList(got))
	}

	c := storyOf(t,
		"The blast killed 12 people, wounded 20 people and left 3 people missing.",
		"The blast killed 14 people, wounded 25 people and left 2 people missing.")
	casualties := []crosscheck.FactValue{
		factValue(c, "a", "12 people", "12 people"),
		factValue(c, "b", "14 people", "14 people"),
	}
	if got := c.linesApart("count", casualties); len(got) != 2 {
		t.Errorf("linesApart dropped a line of casualties: %q", valueList(got))
	}
}

// A figure listed beside another of its measure is one of several things; the two ends of a
// range and a conversion are no list.
func TestListedFiguresApart(t *testing.T) {
	s := storyOf(t,
		"The Comets have offered Ruiz a deal worth $90 million.",
		"The Hawks bid $120 million and the Comets $95 million for Ruiz.",
		"The Comets are said to offer between $80 million and $100 million.",
		"Fares rose by 4 percent in May.",
		"Fares rose by 6 percent in Lyon and by 9 percent in Nice.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "$90 million", "90000000 USD"),
		factValue(s, "b", "$120 million", "120000000 USD"),
		factValue(s, "c", "$100 million", "100000000 USD"),
	}
	if got := valueList(s.linesApart("money", values)); !slices.Equal(got, []string{"90000000 USD", "100000000 USD"}) {
		t.Errorf("linesApart = %q, want the listed bid out and the range's end kept", got)
	}
	pct := []crosscheck.FactValue{
		factValue(s, "d", "4 percent", "4%"),
		factValue(s, "e", "9 percent", "9%"),
	}
	if got := valueList(s.linesApart("percent", pct)); !slices.Equal(got, []string{"4%"}) {
		t.Errorf("linesApart = %q, want the listed percentage out", got)
	}
	if got := s.linesApart("date", pct); len(got) != 2 {
		t.Errorf("linesApart read a date fact: %q", valueList(got))
	}
}
