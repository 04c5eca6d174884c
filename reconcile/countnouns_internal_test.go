package reconcile

import "testing"

// A count "of those" counts the people a count before it named, with the verb of what
// befell them; without such a count it is none.
func TestOfThose(t *testing.T) {
	a := analyzed(t, "Eleven other men were charged with crimes. All seven of those who have been tried were convicted.")
	found := false
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.label == "7 men" {
			found = r.verb == "convicted"
		}
	}
	if !found {
		t.Error("the seven men convicted were not read")
	}
	a = analyzed(t, "The rains came. All seven of those who have been tried were convicted.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok {
			t.Errorf("read %+v with no count before", r)
		}
	}
}

// One or two of an event the sentence opens with "there was" are a count; a verb of saying
// that hedges a passive leaves the passive's verb; a count of people arrested and a count of
// arrests of one figure are one count.
func TestArrestsCountedTwoWays(t *testing.T) {
	a := analyzed(t, "Police said there was one arrest, with no injuries.")
	found := false
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.label == "1 arrest" && r.verb == "" {
			found = true
		}
	}
	if !found {
		t.Error("there was one arrest: not read")
	}
	a = analyzed(t, "One person is believed to have been arrested, and no injuries were reported.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); !ok || r.verb != "arrested" {
			t.Errorf("believed to have been arrested: %+v (read %v)", r, ok)
		}
	}
	if !joinedOnce(t, "count", "Police said one person has been arrested and no injuries were reported.",
		"Police said there was one arrest and no injuries were reported.") {
		t.Error("one person arrested and one arrest are not one count")
	}
}
