package reconcile

import (
	"slices"
	"testing"
)

// The years the articles give one organisation's start are one fact, told by its founding or
// by how long it has been there, and are not joined with another act of the same year; a
// state it has been in since a year ("has been closed since") tells no start.
func TestFoundings(t *testing.T) {
	got := dateFactLines(articlesOf(t,
		"In 1990, Dr. Ruth Alder founded the Harbor Point Community Clinic in the fishing town of Harbor Point.",
		"Ruth Alder finished medical school in 1987. The Harbor Point Community Clinic has been a fixture for residents since 1987 and treats patients who cannot pay.",
	))
	if want := []string{"conflict: 1990 a | 1987 b"}; !slices.Equal(got, want) {
		t.Errorf("founding years = %q, want %q", got, want)
	}
	got = dateFactLines(articlesOf(t,
		"The Harbor Point Community Clinic was founded in 1990 by Dr. Ruth Alder.",
		"The Harbor Point Community Clinic has been closed since 1987, when the storm hit.",
	))
	if slices.Contains(got, "conflict: 1990 a | 1987 b") {
		t.Errorf("a state since a year read as a start: %q", got)
	}
}
