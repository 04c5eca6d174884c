package reconcile

import (
	"slices"
	"strings"
	"testing"
)

// The periods outlets give one play of a kind a game has few of, told with other verbs, are
// one fact when the play's player is named in each ("Hale was picked off by Ross", "Ross
// recorded his first interception", "Hale's second interception"); they are compared by the
// period alone. Another player's interception is another play, also when one verb tells both.
func TestPlaysOfOneKind(t *testing.T) {
	game := "The Owls beat the Hawks 20 - 13 in a game of three turnovers. "
	arts := articlesOf(t,
		game+"The Hawks were in position to take the lead later in the third quarter, but Ben Hale was picked off by Sam Ross in the end zone.",
		game+"Cornerback Sam Ross recorded his first interception in the third quarter, ending another Hawks drive.",
		game+"Ben Hale's second interception of the game came at a crucial point in the 4th quarter with the Hawks trailing.",
		game+"Tom Dray returned an interception 32 yards for a touchdown early in the first quarter.",
		game+"Tom Dray's interception early in the first quarter set up the first score.",
	)
	got := factLines(newStory(arts).gamePeriodFacts(), false)
	if !slices.Contains(got, "conflict: third quarter a,b | fourth quarter c") {
		t.Errorf("periods = %q, want the interception's third quarter against the fourth", got)
	}
	for _, g := range got {
		if strings.Contains(g, "first quarter") && strings.Contains(g, "conflict") {
			t.Errorf("another player's interception joined: %q", g)
		}
	}
	// one verb tells two players' interceptions: two plays, no conflict
	arts = articlesOf(t,
		game+"The Hawks were in position to take the lead later in the third quarter, but Ben Hale was picked off by Sam Ross in the end zone.",
		game+"Tom Dray picked it off early in the first quarter and ran it back 32 yards.",
	)
	for _, f := range newStory(arts).gamePeriodFacts() {
		if f.Verdict == "conflict" {
			t.Errorf("two players' interceptions joined by their verb: %v", f.Values)
		}
	}
}
