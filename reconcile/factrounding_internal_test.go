package reconcile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A sum written whole is the same sum written with decimals when it is that sum rounded at
// its own last digit; other sums, and round figures of one significant digit, stay apart.
func TestFoldRounded(t *testing.T) {
	s := storyOf(t,
		"The firm earned $ 716 million on $ 22.1 billion in revenue last year.",
		"At $ 22 billion, the firm was the larger.",
		"Revenue was $ 23 billion, the chairman said.",
		"The road runs 12.4 miles.",
		"The road runs 10 miles.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "$ 22.1 billion", "22100000000 USD"),
		factValue(s, "b", "$ 22 billion", "22000000000 USD"),
		factValue(s, "c", "$ 23 billion", "23000000000 USD"),
	}
	if got, want := valueList(s.foldRounded("money", values)), []string{"22100000000 USD", "23000000000 USD"}; !slices.Equal(got, want) {
		t.Errorf("foldRounded = %q, want %q", got, want)
	}
	miles := []crosscheck.FactValue{factValue(s, "d", "12.4 miles", "12.4 mile"), factValue(s, "e", "10 miles", "10 mile")}
	if got := s.foldRounded("measure", miles); len(got) != 2 {
		t.Errorf("a figure of one significant digit taken for a rounding: %q", valueList(got))
	}
	if got := s.foldRounded("count", values); len(got) != 3 {
		t.Errorf("counts folded: %q", valueList(got))
	}
}
