package reconcile

import (
	"slices"
	"testing"
)

// A list of three sums or more is one value however its sums are written ("69 cents" is
// $0.69); two sums are read one by one.
func TestMoneyLists(t *testing.T) {
	s := storyOf(t,
		"Songs will now have three-tiered pricing: 69 cents, 99 cents and $1.29, depending on demand.",
		"The fixed price gave way to three price tiers: $0.69, $0.99, and $1.29 per song.")
	var got []string
	for _, f := range s.numberFacts() {
		if f.Kind == "prices" {
			got = append(got, f.Subject+": "+f.Verdict+" "+f.Values[0].Value)
		}
	}
	if want := []string{"prices listed, in USD: agree 0.69, 0.99, 1.29 USD"}; !slices.Equal(got, want) {
		t.Fatalf("price facts %q, want %q", got, want)
	}
	a := analyzed(t, "The two models cost $5 and $6.")
	n := 0
	for _, num := range a.numbersWithTimes() {
		if r, ok := a.readNumber(num); ok && r.kind == "money" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("two sums read as %d sums, want 2", n)
	}
}

// A sum's source after what it is in names it with it: "in funding from the US government".
func TestSumSource(t *testing.T) {
	for text, want := range map[string]string{
		"SeaMicro got $9.3m in funding from the US government as part of the act.": "funding from the US government",
		"They got $5m in loans from Intel.":                                        "loans from Intel",
		"They got $5m in loans from us.":                                           "loans",
	} {
		a := analyzed(t, text)
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok && r.kind == "money" && r.thing != want {
				t.Errorf("%q: thing %q, want %q", text, r.thing, want)
			}
		}
	}
}
