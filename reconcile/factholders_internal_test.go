package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// factValue is the value fig of article id, its evidence the figure's place in the text.
func factValue(s *story, id, fig, value string) crosscheck.FactValue {
	i := strings.Index(s.byID[id].Text, fig)
	return crosscheck.FactValue{Value: value, Articles: []string{id},
		Evidence: []crosscheck.Evidence{{Article: id, Start: i, End: i + len(fig)}}}
}

func valueList(values []crosscheck.FactValue) []string {
	var out []string
	for _, v := range values {
		out = append(out, v.Value)
	}
	return out
}

// Figures that the sentences give to different people are no rival values; a figure whose
// holder is not said, or is the first value's, still is.
func TestHoldersApart(t *testing.T) {
	s := storyOf(t,
		"Marcus Hale finished his career with 2,290 points.",
		"Devon Pryor now has 2,301 career points.",
		"The school record now stands at 2,305 points.",
		"Marcus Hale scored 2,295 points in all.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "2,290 points", "2290 points"),
		factValue(s, "b", "2,301 career points", "2301 points"),
		factValue(s, "c", "2,305 points", "2305 points"),
		factValue(s, "d", "2,295 points", "2295 points"),
	}
	for _, id := range []string{"a", "b", "d"} {
		if who := s.byID[id].ownerByParse(values[id[0]-'a'].Evidence[0].Start); who == "" {
			t.Fatalf("no holder read in %q", s.byID[id].Text)
		}
	}
	got := valueList(s.holdersApart("count", values))
	if want := []string{"2290 points", "2305 points", "2295 points"}; !slices.Equal(got, want) {
		t.Errorf("holdersApart = %q, want %q", got, want)
	}
	if got := s.holdersApart("age", values); len(got) != len(values) {
		t.Errorf("holdersApart dropped an age's values: %q", valueList(got))
	}
}

// Two sources that give a figure each are the conflict a reader wants: a figure told or
// estimated by someone has its teller, not its holder, as the verb's subject.
func TestToldFiguresStayRivals(t *testing.T) {
	s := storyOf(t,
		"Coroner Ann Baker counted 10 bodies at the scene on Monday.",
		"Sheriff Tom Reyes estimated 12 bodies at the scene on Monday.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "10 bodies", "10 bodies"),
		factValue(s, "b", "12 bodies", "12 bodies"),
	}
	if got := valueList(s.holdersApart("count", values)); len(got) != 2 {
		t.Errorf("holdersApart = %q, want both told figures", got)
	}
}
