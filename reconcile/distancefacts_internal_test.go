package reconcile

import (
	"slices"
	"testing"
)

// A distance counted in buildings is one measure however the buildings are named, and two
// such distances in one story are rivals: "three doors away" against "five buildings away".
func TestDistancesAway(t *testing.T) {
	s := storyOf(t,
		"The gunman fled into an apartment three doors away.",
		"Police arrested the suspect three houses from the scene of the shooting.",
		"The defendant was arrested five buildings away on Elm Street.")
	got := conflicts(s.numberFacts())
	want := []string{"how far away, in buildings: 3 doors away / 5 buildings away"}
	if !slices.Equal(got, want) {
		t.Fatalf("conflicts %q, want %q", got, want)
	}
	for _, text := range []string{"Forty people from the village marched.", "She bought three houses from the bank."} {
		a := analyzed(t, text)
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "distance" {
				t.Errorf("%q: read as a distance %+v", text, r)
			}
		}
	}
}

// "A block away" is a distance of one block, a block apart from one of buildings.
func TestOneBlockAway(t *testing.T) {
	a := analyzed(t, "The suspect was found hiding a block away.")
	for _, n := range a.numbersWithTimes() {
		if r, ok := a.readNumber(n); ok && r.kind == "distance" && r.unit == "block" && r.label == "1 block away" {
			return
		}
	}
	t.Fatal("no distance of one block read")
}
