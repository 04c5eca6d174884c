package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// Spellings a reader takes for one name: case, accents, British and American endings; a
// letter more or less is still a conflict, and a given name keeps its ending.
func TestSameSpelling(t *testing.T) {
	checkPairs(t, "sameSpelling", sameSpelling, []namePair{
		{"Ka'loni Flynn", "Ka'Loni Flynn", true},
		{"Place Vendome", "Place Vendôme", true},
		{"Internationally Recognised Transit Corridor", "Internationally Recognized Transit Corridor", true},
		{"Kodak Theatre", "Kodak Theater", true},
		{"Gordon Advisers", "Gordon Advisors", true},
		{"Hugh Hefner", "Hugh Heffner", false},
		{"Hurricane George", "Hurricane Georges", false},
		{"Seymour Hersh", "Seymor Hersh", false},
		{"Robyn Mendes", "Robin Mendes", false},
	})
}

// A namePair is two values and whether a rule takes them for one.
type namePair struct {
	a, b string
	same bool
}

func checkPairs(t *testing.T, name string, same func(a, b string) bool, pairs []namePair) {
	t.Helper()
	for _, p := range pairs {
		if got := same(p.a, p.b); got != p.same {
			t.Errorf("%s(%q, %q) = %v, want %v", name, p.a, p.b, got, p.same)
		}
	}
}

// A figure that is a piece of a clock time or the day of a date is no count.
func TestTimePiece(t *testing.T) {
	for _, tc := range []struct {
		text, fig string
		piece     bool
	}{
		{"He scored with 7:42 left in the half.", "42 left", true},
		{"Service was restored on 12 October 2011.", "12", true},
		{"The outage began on 20 Oct. and lasted a week.", "20", true},
		{"Crews rescued 12 people in October.", "12 people", false},
		{"The score was 3 - 2 at the break.", "2", false},
	} {
		start := len(tc.text) - len(tc.fig)
		for i := range tc.text {
			if tc.text[i:min(len(tc.text), i+len(tc.fig))] == tc.fig && (i == 0 || tc.text[i-1] == ' ' || tc.text[i-1] == ':') {
				start = i
			}
		}
		if got := timePiece(tc.text, start, start+len(tc.fig)); got != tc.piece {
			t.Errorf("timePiece(%q, %q) = %v, want %v", tc.text, tc.fig, got, tc.piece)
		}
	}
}

// quiet folds the spellings of one name into an agreement, the labels of one figure into one
// value, and drops a count made of pieces of dates.
func TestQuiet(t *testing.T) {
	s := storyOf(t,
		"The ceremony will take place at the Kodak Theatre. Service returned on 10 October 2011.",
		"The host will play well inside the Kodak Theater. Service was full on 12 October 2011.",
		"Six children were killed and 14 trapped.")
	ev := func(id, fig string) crosscheck.Evidence {
		i := strings.Index(s.byID[id].Text, fig)
		return crosscheck.Evidence{Article: id, Start: i, End: i + len(fig)}
	}
	facts := []crosscheck.Fact{
		{Subject: "name of Kodak Theatre", Kind: "name", Verdict: "conflict", Values: []crosscheck.FactValue{
			{Value: "Kodak Theatre", Articles: []string{"a"}}, {Value: "Kodak Theater", Articles: []string{"b"}}}},
		{Subject: "number of october", Kind: "count", Verdict: "conflict", Values: []crosscheck.FactValue{
			{Value: "10 October", Articles: []string{"a"}, Evidence: []crosscheck.Evidence{ev("a", "10 October")}},
			{Value: "12 October", Articles: []string{"b"}, Evidence: []crosscheck.Evidence{ev("b", "12 October")}}}},
		{Subject: "number of children trapped", Kind: "count", Verdict: "conflict", Values: []crosscheck.FactValue{
			{Value: "14 childrens", Articles: []string{"c"}}, {Value: "14 children", Articles: []string{"a", "b"}}}},
	}
	got := factList(s.quiet(facts))
	want := []string{"name of Kodak Theatre: agree Kodak Theatre:a,b", "number of children trapped: agree 14 children:a,b,c"}
	if !slices.Equal(got, want) {
		t.Errorf("quiet = %q, want %q", got, want)
	}
}

// Two stat lines of different games give different figures of every thing they count; a
// sentence that shares one of its other figures, or gives no figure of the same thing, is
// about the same scope.
func TestScopedApart(t *testing.T) {
	s := storyOf(t,
		"After the trade, Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.",
		"Overall, Teixeira finished with 33 homers and 121 RBIs in 157 games.",
		"Teixeira hit 13 homers and drove in 43 runs in 55 games.",
		"Teixeira played 60 games for the Angels.")
	value := func(id, fig string) crosscheck.FactValue {
		i := strings.Index(s.byID[id].Text, fig)
		return crosscheck.FactValue{Value: fig, Articles: []string{id},
			Evidence: []crosscheck.Evidence{{Article: id, Start: i, End: i + len(fig)}}}
	}
	values := []crosscheck.FactValue{value("a", "54 games"), value("b", "157 games"), value("c", "55 games"), value("d", "60 games")}
	var got []string
	for _, v := range s.scopedApart(values) {
		got = append(got, v.Value)
	}
	if want := []string{"54 games", "55 games", "60 games"}; !slices.Equal(got, want) {
		t.Errorf("scopedApart = %q, want %q", got, want)
	}
}
