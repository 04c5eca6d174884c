package reconcile

import (
	"slices"
	"testing"
)

// Ages in other forms: a "12-year-old" whose noun is left out is the age of the noun an age
// of that figure named before, "then 12" after a comma is an age, and so is a figure between
// commas after a noun for a person.
func TestAgesInOtherForms(t *testing.T) {
	for _, tc := range []struct{ text, figure, owner string }{
		{"He took a 12-year-old girl as a wife. He was jailed for the assault on the 12 - year - old.", "12 - year - old", "girl"},
		{"The girl, then 12, testified against him.", "12", "girl"},
		{"A boy, 8, was hurt in the blast.", "8", "boy"},
		{"A 15-year-old was arrested on Friday.", "15-year-old", ""},
	} {
		a := analyzed(t, tc.text)
		found := false
		for _, n := range a.numbersWithTimes() {
			if n.Text != tc.figure {
				continue
			}
			r, ok := a.readNumber(n)
			found = ok && r.kind == "age" && r.owner == tc.owner && r.label == figureLabel(n.Value)
			if !found {
				t.Errorf("%q: %q read %+v (ok %v), want the age of %q", tc.text, n.Text, r, ok, tc.owner)
			}
		}
		if !found {
			t.Errorf("%q: no age %q read", tc.text, tc.figure)
		}
	}
}

// Two ages of a noun that names several people conflict when their sentences tell one act
// alike; told in other sentences they are two people's.
func TestOneOfSeveralByItsSentence(t *testing.T) {
	wives := "He took a 12-year-old girl and a 15-year-old girl as wives. "
	s := storyOf(t,
		wives+"The jury heard a tape recording of him sexually assaulting the 11-year-old girl in a temple.",
		wives+"The jury heard a tape recording of him sexually assaulting a 12-year-old girl in a temple.")
	if got, want := conflicts(s.numberFacts()), []string{"age of the girl: 11 / 12"}; !slices.Equal(got, want) {
		t.Errorf("conflicts %q, want %q", got, want)
	}
	s = storyOf(t,
		wives+"The jury heard a tape recording of him sexually assaulting the 11-year-old girl in a temple.",
		wives+"Outside, a 12-year-old girl sold lemonade to the reporters waiting for the verdict.")
	if got := conflicts(s.numberFacts()); len(got) != 0 {
		t.Errorf("conflicts %q, want none", got)
	}
}
