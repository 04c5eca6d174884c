package reconcile

import "testing"

// A thing the story counts with one figure only is one fact, however little the sentences
// share; a thing counted with two figures is left to its sentences.
func TestSoleCounts(t *testing.T) {
	agreed := func(s *story) int {
		n := 0
		for _, f := range s.numberFacts() {
			if f.Kind == "count" && f.Verdict == "agree" && len(f.Values[0].Articles) == 3 {
				n++
			}
		}
		return n
	}
	one := storyOf(t,
		"Shoppers in the store will now meet three-tiered pricing, said the company on its website.",
		"The fixed price gave way to three price tiers: cheap, middling and dear.",
		"Apple's music store moves to three-tiered pricing from April, a spokesman said.")
	if got := agreed(one); got != 1 {
		t.Errorf("one count of tiers in three articles: %d facts, want 1", got)
	}
	two := storyOf(t,
		"Shoppers in the store will now meet three-tiered pricing, said the company on its website.",
		"The fixed price gave way to three price tiers: cheap, middling and dear.",
		"Apple's music store moves to three-tiered pricing from April, a spokesman said.",
		"Rivals use four price tiers at the moment.")
	if got := agreed(two); got != 0 {
		t.Errorf("tiers counted two ways: %d facts of three articles, want 0", got)
	}
}
