package reconcile

import "testing"

// A date that runs past the end of its sentence (the splitter cut it) is read within the
// sentence, not past it.
func TestDatedPhrasePastTheSentence(t *testing.T) {
	sentence := "It was built in 1935"
	if got := datedPhrase(sentence, 16, len(sentence)+6); got != "it was built" {
		t.Errorf("datedPhrase = %q, want %q", got, "it was built")
	}
}
