package reconcile

import (
	"slices"
	"testing"
)

// A new thing's name, written before what it is or in the apposition after it, quoted or
// capitalised, or after "called": names that share most words name one thing, alike or in
// conflict; whose the thing is ("a new Calden business") is no name.
func TestNamedThingFacts(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  []string
	}{
		{[]string{"Mandl will run Calden's newly created Harbor Cloud Systems business.",
			"Mandl will lead a new division at Calden, the Harbor Cloud Systems group.",
			"Mandl will head the new “harbor systems” business at Calden."},
			[]string{"conflict name of the new business: Harbor Cloud Systems [a b] / harbor systems [c]"}},
		{[]string{"The city started a program called Safe Streets in May.", "A program called Safe Streets began in May."},
			[]string{"agree name of the program: Safe Streets [a b]"}},
		{[]string{"Calden shares rose. Mandl will run a new Calden business.", "Calden shares fell. Mandl will run a new Calden business."}, nil},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).namedThingFacts() {
			got = append(got, f.Verdict+" "+factLine(f))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: %q, want %q", tc.texts, got, tc.want)
		}
	}
}
