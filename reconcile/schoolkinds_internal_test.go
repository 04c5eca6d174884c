package reconcile

import (
	"slices"
	"testing"
)

// The schools of one place are one school: levels that differ conflict, "elementary" and
// "primary" agree, and a school of another place, or of no level said, is another fact or none.
func TestSchoolKindFacts(t *testing.T) {
	arts := articlesOf(t,
		"Shells hit the Prep B boys school in the Tarvik camp at noon. Earlier the army bombed Rosa elementary school in Port Lune.",
		"Two shells hit Hadra, a boys elementary school in the Tarvik refugee camp, on Monday.",
		"The army bombed another school, the Rosa primary school in Port Lune.",
		"A new school in Tarvik opened last year.",
	)
	got := factLines(newStory(arts).schoolKindFacts(), true)
	want := []string{
		"conflict: type of school in Tarvik: Prep B boys school a | boys elementary school b",
		"agree: type of school in Port: Rosa elementary school a,c",
	}
	if !slices.Equal(got, want) {
		t.Errorf("school kinds =\n%q\nwant\n%q", got, want)
	}
}
