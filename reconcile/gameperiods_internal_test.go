package reconcile

import (
	"slices"
	"strings"
	"testing"
)

// The periods of a game two reports give to one play (sentences that share a verb) are one
// fact: early and late in one quarter contradict each other, "in the fourth quarter" fits
// either, and a company's quarter or a report of no game is none of this.
func TestGamePeriods(t *testing.T) {
	periods := func(texts ...string) []string {
		var out []string
		for _, f := range newStory(articlesOf(t, texts...)).gamePeriodFacts() {
			var vs []string
			for _, v := range f.Values {
				vs = append(vs, v.Value+" "+strings.Join(v.Articles, ","))
			}
			out = append(out, f.Verdict+": "+strings.Join(vs, " | "))
		}
		return out
	}
	got := periods(
		"The Hawks won the game 20-13. The Bears got the ball back late in the fourth quarter, but Kemp was stuffed on a sneak.",
		"The Hawks won the game 20-13. The Bears were stuffed on fourth-and-one early in the fourth quarter.",
		"The Hawks won the game 20-13 after the Bears were stuffed at the goal line in the fourth quarter.",
	)
	if want := []string{"conflict: late in the fourth quarter a | early in the fourth quarter b"}; !slices.Equal(got, want) {
		t.Errorf("periods = %q, want %q", got, want)
	}
	got = periods(
		"The Hawks won the game 20-13. Kemp was picked off in the third quarter.",
		"The Hawks won the game 20-13. Kemp was picked off in the 3rd quarter by Dale.",
	)
	if want := []string{"agree: third quarter a,b"}; !slices.Equal(got, want) {
		t.Errorf("periods = %q, want %q", got, want)
	}
	got = periods(
		"Profit rose 5% in the third quarter, the company said.",
		"Profit rose in the fourth quarter, analysts said.",
	)
	if len(got) != 0 {
		t.Errorf("a company's quarters: periods = %q, want none", got)
	}
}
