package number

import (
	"strconv"
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

// isDigitWord accepts what strconv.Atoi reads and nothing else.
func TestIsDigitWordIsAtoi(t *testing.T) {
	for _, w := range []string{"", "0", "12", "+5", "-5", "+", "-", "1,000", "1.5", "05", "a1", "1a", "١٢",
		"999999999999999999", "9999999999999999999", "99999999999999999999", "-9223372036854775808", "1_000"} {
		_, err := strconv.Atoi(w)
		if got := isDigitWord(w); got != (err == nil) {
			t.Errorf("isDigitWord(%q) = %v, Atoi's error %v", w, got, err)
		}
	}
}
