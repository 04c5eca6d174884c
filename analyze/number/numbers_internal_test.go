package number

import (
	"strings"
	"testing"
)

// The work of reading numbers stays linear in the text: twice the text, twice the tries (each
// bounded by maxNumberText), and every number found.
func TestNumbersWorkIsLinear(t *testing.T) {
	const unit = "about 1,200 troops and 3.5 percent, one of six children, as many as 20, 000 people, "
	work := func(n int) (tries, found int) {
		found = len(numbers(strings.Repeat(unit, n), &tries))
		return tries, found
	}
	t1, n1 := work(10_000)
	t2, n2 := work(20_000)
	if n1 != 40_000 || n2 != 80_000 {
		t.Fatalf("numbers found %d and %d, want 40000 and 80000", n1, n2)
	}
	if t2 > 2*t1+8 {
		t.Fatalf("tries %d for twice the text of %d tries", t2, t1)
	}
}

// Two modifiers joined by "and" before a plural qualify it; a plural before "and" is the head.
func TestCountedHeadCoordination(t *testing.T) {
	for _, tc := range []struct{ text, head string }{
		{"federal and independent scientists with expertise", "scientists"},
		{"tanks and trucks crossed", "tanks"},
		{"Israeli or Egyptian officers", "officers"},
	} {
		if head, _ := countedHead(tc.text, 0, true); head != tc.head {
			t.Errorf("countedHead(%q) = %q, want %q", tc.text, head, tc.head)
		}
	}
}
