package reconcile

import (
	"slices"
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

// A count's verb reads after its noun as a participle, or not at all when the things counted
// do it; a date in a clause opened by "that" is named by that clause's noun phrase.
func TestCountVerbsAndThatClauses(t *testing.T) {
	for verb, want := range map[string]string{"firing": "fired", "using": "used", "stopping": "stopped",
		"carrying": "carried", "holding": "held", "killed": "killed"} {
		if got := participle(verb); got != want {
			t.Errorf("participle(%q) = %q, want %q", verb, got, want)
		}
	}
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"Jeffs began firing three attorneys before the trial.", "Jeffs began firing four attorneys."}, "number of attorneys fired"},
		{[]string{"Some 30 students attending the school were hurt.", "Some 35 students attending the school were hurt."}, "number of students"},
	} {
		var got []string
		for _, f := range storyOf(t, tc.texts...).numberFacts() {
			got = append(got, f.Subject)
		}
		if !slices.Contains(got, tc.want) {
			t.Errorf("%q: subjects %q, want %q", tc.texts[0], got, tc.want)
		}
	}
	s := "Ushakov said in the Kremlin video that the meeting Tuesday was useful."
	i := strings.Index(s, "Tuesday")
	if got := datedPhrase(s, i, i+len("Tuesday")); got != "of the meeting" {
		t.Errorf("datedPhrase(%q) = %q, want %q", s, got, "of the meeting")
	}
}
