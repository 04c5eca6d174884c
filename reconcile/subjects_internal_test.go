package reconcile

import (
	"strings"
	"testing"
)

// A fact the readings name nothing for is named by a noun phrase of its sentences, not by a
// quoted list of their words; a span "ago" by the clause it dates.
func TestFallbackSubjects(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"Stocks plunged 6.2 percent as the markets reacted in alarm.",
			"Stocks plunged 4 percent and the markets reacted with alarm."}, "percent plunged in the markets"},
		{[]string{"South Sudan gained its independence from Sudan six months ago.",
			"South Sudan gained its independence four months ago."}, "time since South Sudan gained its independence"},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).numberFacts() {
			got = append(got, f.Subject)
			if strings.ContainsAny(f.Subject, "“”") {
				t.Errorf("%q: a quoted word list: %q", tc.texts[0], f.Subject)
			}
		}
		if !strings.Contains(strings.Join(got, "|"), tc.want) {
			t.Errorf("%q: subjects %q, want %q", tc.texts[0], got, tc.want)
		}
	}
	if got := trimClause("became the newest country only"); got != "became the newest country" {
		t.Errorf("trimClause: %q", got)
	}
}
