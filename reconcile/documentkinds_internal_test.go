package reconcile

import (
	"slices"
	"testing"
)

// Documents told with one purpose are one document, and outlets that call it by different
// kinds conflict; a document of another purpose, and a memo called a memorandum, do not.
func TestDocumentKindFacts(t *testing.T) {
	arts := articlesOf(t,
		"On Monday the governor signed an executive order suspending the new fishing limits in the bay.",
		"The governor issued a memorandum suspending the fishing limits the board set last year.",
		"The governor sent a memo suspending the bay's fishing limits. She also signed a decree naming a new harbor master.",
		"The governor signed a proclamation naming a new harbor master.",
	)
	got := factLines(newStory(arts).documentKindFacts(), false)
	want := []string{"conflict: memorandum b,c | executive order a", "conflict: decree c | proclamation d"}
	if !slices.Equal(got, want) {
		t.Errorf("document kinds = %q, want %q", got, want)
	}
	arts = articlesOf(t,
		"The board sent a letter urging the council to close the road.",
		"The board sent a letter asking for new funds for the library.",
	)
	if got := newStory(arts).documentKindFacts(); len(got) != 0 {
		t.Errorf("documents of different purposes joined: %v", got)
	}
}
