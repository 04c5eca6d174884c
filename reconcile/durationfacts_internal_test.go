package reconcile

import "testing"

// A length of time added to a sentence, and one a court sentenced someone to, say what they
// are; another length of time says nothing of a sentence.
func TestSentenceLengths(t *testing.T) {
	for text, want := range map[string]string{
		"He pleaded guilty, adding three years to his sentence.":               "time added to the sentence",
		"As part of the plea, three more years were added to his prison term.": "time added to the sentence",
		"He was sentenced to seven years in prison.":                           "sentence",
		"He brought another three-year sentence on himself.":                   "sentence",
		"He served on the board for three years.":                              "",
	} {
		a := analyzed(t, text)
		found := false
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "duration" {
				found = true
				if r.thing != want {
					t.Errorf("%q: thing %q, want %q", text, r.thing, want)
				}
			}
		}
		if !found {
			t.Errorf("%q: no length of time read", text)
		}
	}
}

// Two sentences of one conviction conflict whatever verb passes them.
func TestSentencesConflict(t *testing.T) {
	s := storyOf(t,
		"In 1959 he was convicted of heroin trafficking and was sentenced to seven years in prison.",
		"In 1959 he was convicted of heroin trafficking and received a five-year sentence in prison.")
	if got := conflicts(s.numberFacts()); len(got) != 1 || got[0] != "length of the sentence: 7 years / 5 years" && got[0] != "length of the sentence: 5 years / 7 years" {
		t.Errorf("conflicts %q, want the two sentences", got)
	}
}

// A length of time on a charge is a battery's life, however the outlet writes what lasts it.
func TestBatteryLife(t *testing.T) {
	for text, want := range map[string]string{
		"The new battery will deliver eight hours on a single charge.":     "battery life",
		"It offers up to 8 hours of use on a single charge for the model.": "battery life",
		"What was never dreamed of is eight hours of battery life.":        "battery life",
		"The keynote ran for two hours on a stage in San Francisco.":       "",
	} {
		a := analyzed(t, text)
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "duration" && r.thing != want {
				t.Errorf("%q: thing %q, want %q", text, r.thing, want)
			}
		}
	}
}
