package reconcile

import (
	"slices"
	"testing"
)

// The relatives someone lost are one value with their ages, however the ages are written; a
// loss that is no relative's ("lost the game") is none.
func TestLossFacts(t *testing.T) {
	s := storyOf(t,
		"Rima Haddad, a nurse, said she had lost an 8-year-old daughter and two sons, 11 and 14. She wept.",
		"Rima Haddad said she had lost an eight-year-old daughter and two sons, 11 and 14, in the strike.",
		"Rima Haddad lost the game 3 - 1 and her temper.")
	var got []string
	for _, f := range s.lossFacts() {
		got = append(got, f.Subject+": "+f.Verdict+" "+f.Values[0].Value)
	}
	if want := []string{"children Haddad lost: agree daughter 8, sons 11 and 14"}; !slices.Equal(got, want) {
		t.Fatalf("loss facts %q, want %q", got, want)
	}
	s = storyOf(t, "Dana Pell lost her husband and three children in the flood.", "Dana Pell lost her husband and two children in the flood.")
	if got := conflicts(s.lossFacts()); !slices.Equal(got, []string{"relatives Pell lost: husband, 3 children / husband, 2 children"}) {
		t.Errorf("conflicts %q", got)
	}
}
