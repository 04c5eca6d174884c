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
