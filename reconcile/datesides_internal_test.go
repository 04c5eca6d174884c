package reconcile

import (
	"strings"
	"testing"
)

// A conflict whose outlets tell the act in their own words is named by each side's clause, so
// a reader finds both; an agreement, and a side that adds no more than a name, keep one clause.
func TestConflictNamesEachSide(t *testing.T) {
	arts := articlesOf(t,
		"The Northern Army attacked a refugee camp near Tarn at 2:53 p.m. local time today.",
		"Northern Army planes dropped four bombs at 3:20 p.m. in the region on Thursday, aid workers said.",
	)
	var subject string
	for _, f := range newStory(arts).dateFacts() {
		if f.Kind == "time" && f.Verdict == "conflict" {
			subject = f.Subject
		}
	}
	for _, want := range []string{"attacked a refugee camp", "dropped four bombs"} {
		if !strings.Contains(subject, want) {
			t.Errorf("conflict of times named %q, want it to say %q", subject, want)
		}
	}

	values := []float64{1, 2}
	bestOf := map[float64]scoredText{1: {"he was indicted in New Jersey", 1}, 2: {"he was indicted for bribing the town's police force", 1}}
	if got, want := eachSide(bestOf[1].text, values, bestOf), " / he was indicted for bribing the town's police force"; got != want {
		t.Errorf("eachSide = %q, want %q", got, want)
	}
	if got := eachSide(bestOf[1].text, values[:1], bestOf); got != "" {
		t.Errorf("eachSide of one value = %q, want none", got)
	}
	bestOf[2] = scoredText{"Palmer voters in approved the bond", 1}
	bestOf[1] = scoredText{"voters in approved the bond", 1}
	if got := eachSide(bestOf[1].text, values, bestOf); got != "" {
		t.Errorf("eachSide of a side that adds one name = %q, want none", got)
	}
}
