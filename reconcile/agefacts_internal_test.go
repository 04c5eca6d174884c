package reconcile

import "testing"

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
