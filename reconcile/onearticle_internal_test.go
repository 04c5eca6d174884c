package reconcile

import (
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
)

// A story of one article has no fact (a fact needs two articles), and its facts are not
// read at all; two articles of the same text are read and agree.
func TestOneArticleReadsNoFacts(t *testing.T) {
	const text = "The fire killed 12 people on March 3, 2025. Mayor Ana Ruiz said 40 homes burned."
	article := func(id string) *crosscheck.Article {
		a := &crosscheck.Article{ID: id, Text: text, Published: "2025-03-04"}
		extract.Analyze(a)
		return a
	}
	read := func(s *story) int {
		n := 0
		for _, a := range s.arts {
			n += a.sentenceBytes
		}
		return n
	}
	for _, tc := range []struct {
		name  string
		arts  []*crosscheck.Article
		facts bool
	}{
		{"one article", []*crosscheck.Article{article("a")}, false},
		{"one article twice", []*crosscheck.Article{article("a"), article("a")}, false},
		{"two articles", []*crosscheck.Article{article("a"), article("b")}, true},
	} {
		s := newStory(tc.arts)
		facts := s.facts()
		if got := len(facts) > 0; got != tc.facts {
			t.Errorf("%s: %d facts, want facts: %v", tc.name, len(facts), tc.facts)
		}
		if got := read(s) > 0; got != tc.facts {
			t.Errorf("%s: %d bytes of sentence read for facts, want some: %v", tc.name, read(s), tc.facts)
		}
		if facts == nil {
			t.Errorf("%s: facts are null, want a list", tc.name)
		}
	}
}
