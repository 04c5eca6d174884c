package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// A parse may hang a preposition after the noun it marks ("What war were 20 people killed
// in?"): the phrase is then no event's place, and reading it must not run its words backwards.
func TestEventPlaceCaseAfterItsNoun(t *testing.T) {
	text := "What war were 20 people killed in?"
	a := newStory([]*crosscheck.Article{{ID: "a", Text: text}}).arts[0]
	p := a.parse(0)
	want := []string{"What", "war", "were", "20", "people", "killed", "in", "?"}
	if strings.Join(p.Words, " ") != strings.Join(want, " ") {
		t.Fatalf("words = %q", p.Words)
	}
	p.Sentence = syntax.Sentence{Words: p.Words,
		Tags: []string{"DET", "NOUN", "AUX", "NUM", "NOUN", "VERB", "ADP", "PUNCT"},
		Arcs: []syntax.Arc{{Head: 1, Rel: "det"}, {Head: 5, Rel: "obl"}, {Head: 5, Rel: "aux:pass"}, {Head: 4, Rel: "nummod"},
			{Head: 5, Rel: "nsubj:pass"}, {Head: -1, Rel: "root"}, {Head: 1, Rel: "case"}, {Head: 5, Rel: "punct"}}}
	c := claim{sentence: 0, start: strings.Index(text, "20"), read: reading{verb: "killed"}}
	if got := a.eventPlace(c); got != "" {
		t.Fatalf("eventPlace = %q, want none", got)
	}
}
