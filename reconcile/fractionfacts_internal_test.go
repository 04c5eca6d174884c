package reconcile

import (
	"slices"
	"testing"
)

// A fraction is a share of the thing it is of, one label however it is written; a quarter of
// the power and a sixth of the space are two facts, and a half of a period is no share.
func TestFractionFacts(t *testing.T) {
	s := storyOf(t,
		"The new chips use one quarter the power and take one sixth the space of old servers.",
		"Its servers use a quarter of the power and a sixth of the space.")
	var got []string
	for _, f := range s.numberFacts() {
		if f.Kind == "fraction" {
			got = append(got, f.Subject+": "+f.Verdict+" "+f.Values[0].Value)
		}
	}
	slices.Sort(got)
	want := []string{"fraction of the power: agree one quarter", "fraction of the space: agree one sixth"}
	if !slices.Equal(got, want) {
		t.Fatalf("fraction facts %q, want %q", got, want)
	}
	for _, text := range []string{"Chips ship in the second half of the year.", "About half of them are engineers."} {
		for _, n := range analyzed(t, text).numbersWithTimes() {
			if r, ok := analyzed(t, text).readNumber(n); ok && r.kind == "fraction" {
				t.Errorf("%q: read as a fraction %+v", text, r)
			}
		}
	}
}

func TestFractionLabel(t *testing.T) {
	for v, want := range map[float64]string{0.25: "one quarter", 1.0 / 6: "one sixth", 2.0 / 3: "two thirds", 0.5: "one half", 0.35: "", 1: ""} {
		if got := fractionLabel(v); got != want {
			t.Errorf("fractionLabel(%v) = %q, want %q", v, got, want)
		}
	}
}
