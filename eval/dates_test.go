package eval_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/eval"
)

func TestDateScoresAtTheGoldGranularity(t *testing.T) {
	for _, tc := range []struct {
		gold, got string
		right     bool
	}{
		{"1997-12", "1997-12-05", true},  // finer than the gold
		{"1997-12", "1997-11-05", false}, // another month
		{"1989-11-06T17", "1989-11-06T17:00", true},
		{"1989-WXX", "1989-W43", true},  // the gold leaves the week unspecified
		{"1989-WXX", "1988-W43", false}, // but not the year
		{"1988-QX", "1988-Q3", true},
		{"1988-QX", "1988", false},   // coarser than the gold
		{"1990-XX-XX", "1990", true}, // an unspecified day says only the year
		{"19XX", "19", true},         // the century
		{"XXXX-WXX-1TNI", "1998-02-16", false},
		{"P1Y", "1989", false},
		{"PAST_REF", "PAST_REF", true},
		{"1989", "", false},
	} {
		var s eval.DateScores
		if got := s.Add("DATE", tc.gold, tc.got); got != tc.right {
			t.Errorf("gold %q, resolved %q: right = %v, want %v", tc.gold, tc.got, got, tc.right)
		}
	}
}

func TestStrictDateScoresTakeTheGoldsXLiterally(t *testing.T) {
	s := eval.DateScores{Strict: true}
	if s.Add("DATE", "1989-WXX", "1989-W43") || s.Add("DATE", "1990-XX-XX", "1990") || !s.Add("DATE", "1997-12", "1997-12-05") {
		t.Errorf("strict scoring: %d of %d right, want only the finer day", s.Right, s.Total)
	}
}

// The exact figure counts only the gold's value as written; the readings at the gold's
// granularity count a finer value, and an unspecified digit as any digit.
func TestDateScoresReadings(t *testing.T) {
	var s eval.DateScores
	s.Add("DATE", "1997-12", "1997-12")
	s.Add("DATE", "1997-12", "1997-12-05")
	s.Add("DATE", "1989-WXX", "1989-W12")
	if s.Exact != 1 || s.StrictRight != 2 || s.AnyDigitRight != 3 {
		t.Errorf("exact %d, X literal %d, X any digit %d; want 1, 2, 3", s.Exact, s.StrictRight, s.AnyDigitRight)
	}
}
