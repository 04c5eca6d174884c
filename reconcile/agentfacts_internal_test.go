package reconcile

import (
	"slices"
	"testing"
)

// Who did a thing to someone, told as the verb's subject in one article and as the agent of
// its passive in another, a pronoun standing for the person the article is about; two doers
// make no fact.
func TestAgentFacts(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  []string
	}{
		{[]string{"Ivo Mandl ran the bureau for years. Mandl was convicted in 1980. He was later pardoned by President Ada Roon.",
			"President Ada Roon pardoned Ivo Mandl in 1981 while the case was on appeal."},
			[]string{"president who pardoned Mandl: Ada Roon [a b]"}},
		{[]string{"Governor Ada Roon pardoned Ivo Mandl in 1981.", "Governor Bea Lenk pardoned Ivo Mandl in 1981."}, nil},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).agentFacts() {
			got = append(got, factLine(f))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: agent facts %q, want %q", tc.texts, got, tc.want)
		}
	}
}
