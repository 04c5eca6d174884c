package reconcile

import (
	"slices"
	"testing"
)

// The occupations two profiles give a parent of the person they are about: a possessive ("his
// father was a glass blower") and a list of named parents ("the son of Marco Bellini, a
// tailor, and Anna Bellini, a teacher") tell the same parent; different trades conflict, a
// trade said with fewer words agrees, and words that name no trade ("a big influence") are
// none.
func TestKinJobFacts(t *testing.T) {
	profile := "Luca Bellini died on Monday. Bellini ran the city's oldest bakery. Bellini was 81. "
	arts := articlesOf(t,
		profile+"He was the youngest of three sons of Marco Bellini, a tailor, and Anna Bellini, a teacher, both from Turin.",
		profile+"His father was a glass blower, and his mother was a teacher.",
		profile+"His mother was a school teacher. His father was a big influence on him.",
	)
	got := factLines(newStory(arts).kinJobFacts(), true)
	want := []string{
		"conflict: occupation of Bellini's father: tailor a | glass blower b",
		"agree: occupation of Bellini's mother: teacher a,b,c",
	}
	if !slices.Equal(got, want) {
		t.Errorf("kin job facts =\n%q\nwant\n%q", got, want)
	}
}

// jobHead reads the noun of a trade and nothing else.
func TestJobHead(t *testing.T) {
	for job, want := range map[string]string{
		"a jewelry engraver": "engraver", "a seamstress": "seamstress", "a nurse": "nurse",
		"a big influence": "", "a member": "", "a coal miner": "miner", "watchmaker": "",
	} {
		if got := jobHead(job); got != want {
			t.Errorf("jobHead(%q) = %q, want %q", job, got, want)
		}
	}
}
