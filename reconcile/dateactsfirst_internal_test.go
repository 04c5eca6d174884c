package reconcile

import (
	"slices"
	"strings"
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

// The years the articles give one person's testimony are one fact, whatever words tell it,
// and a year of the person's other acts is not of it.
func TestTestimonies(t *testing.T) {
	got := dateFactLines(articlesOf(t,
		"In 1962, Mara Quill was summoned to testify before the state senate at its hearings on the mill.",
		"Mara Quill ran the mill. A senate inquiry opened by Senator Ode Brant in 1952 called Quill as a witness and shut the mill.",
		"Mara Quill moved to Ohio in 1952.",
	))
	if want := []string{"conflict: 1962 a | 1952 b"}; !slices.Equal(got, want) {
		t.Errorf("testimony years = %q, want %q", got, want)
	}
	for text, want := range map[string]string{
		"In 1962, Mara Quill was summoned to testify before the state senate.":   "testimony of quill",
		"Senator Ode Brant in 1952 called Mara Quill as a witness at the trial.": "testimony of quill",
		"In 1952, Mara Quill moved to Ohio with Ode Brant.":                      "",
	} {
		s := newStory(articlesOf(t, text))
		var keys []string
		for _, c := range s.dateClaims(yearKind()) {
			keys = append(keys, testimonyOf(c))
		}
		if !slices.Equal(keys, []string{want}) {
			t.Errorf("testimonyOf(%q) = %q, want %q", text, keys, want)
		}
	}
}

// A year whose span runs past the end of its sentence has no words after it to read for a
// founding, and reading them does not slice past the sentence.
func TestFoundingOfYearPastSentence(t *testing.T) {
	s := storyOf(t, "The Harbor Point Clinic opened in 1990. It treats patients.")
	a := s.byID["a"]
	c := a.claim(strings.Index(a.Text, "1990"), strings.Index(a.Text, "It"))
	if c.end <= a.sentences[c.sentence].span[1] {
		t.Fatalf("sentence %v does not end inside [%d, %d)", a.sentences[c.sentence].span, c.start, c.end)
	}
	if got := foundingOf(c); got != "" {
		t.Errorf("foundingOf = %q, want \"\"", got)
	}
}
