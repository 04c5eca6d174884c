package quote

import (
	"strings"
	"testing"
)

// A weekday after a capitalised run ends no person's name: "he" is never "Le Parisien
// Wednesday".
func TestWeekdayEndsNoName(t *testing.T) {
	text := `Ana Ruiz said in an interview with Le Parisien Wednesday. But, he said, "the situation would be worse."`
	for _, q := range Find(text) {
		if strings.Contains(q.Speaker, "Wednesday") {
			t.Errorf("%q attributed to %q", q.Text, q.Speaker)
		}
	}
}

// A nickname in quote marks is no quote and leaves the name around it whole, spaced or glued
// to the surname as tokenised text writes it.
func TestNicknameInName(t *testing.T) {
	for _, text := range []string{
		`Mob boss Vincent "The Chin" Gigante died Monday. At the hearing he said "God bless you" to the judge.`,
		`Mob boss Vincent "The Chin"Gigante died Monday. At the hearing he said "God bless you" to the judge.`,
	} {
		qs := Find(text)
		if len(qs) != 1 || qs[0].Text != "God bless you" || qs[0].Speaker != "Vincent Gigante" {
			t.Errorf("%s: got %+v, want one quote of Vincent Gigante", text, qs)
		}
	}
}

// People named by what they do in a crowd speak by a cue: "demonstrators chanted".
func TestCrowdNounSpeaks(t *testing.T) {
	text := `Bonds slumped. On the streets of Athens, demonstrators chanted "Thieves, thieves! " as they marched on Parliament.`
	qs := Find(text)
	if len(qs) != 1 || qs[0].Speaker != "demonstrators" {
		t.Errorf("got %+v, want one quote of demonstrators", qs)
	}
}

// A run that ends in the head of a body's name names the body whole: the demonym and the
// portfolio before it are no title of a person named "Ministry".
func TestBodyNamedWhole(t *testing.T) {
	for text, want := range map[string]string{
		`"The strikes hit their targets," the Brazilian Health Ministry said.`:          "Brazilian Health Ministry",
		`"We will respond," the Andean Trade Council said on Monday.`:                   "Andean Trade Council",
		`"We will fight the rule," Senate Finance Committee Chairwoman Ada Quist said.`: "Ada Quist",
	} {
		qs := Find(text)
		if len(qs) != 1 || qs[0].Speaker != want {
			t.Errorf("%s: got %+v, want one quote of %q", text, qs, want)
		}
	}
}
