package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestParseReadsWhatANumberCounts(t *testing.T) {
	text := "The storm hit on Monday. Police said 12 people were killed in the town."
	s := newStory([]*crosscheck.Article{{ID: "a", Text: text}})
	a := s.arts[0]
	if len(a.sentences) != 2 {
		t.Fatalf("sentences = %d, want 2", len(a.sentences))
	}
	p := a.parse(1)
	n := p.wordAt(strings.Index(text, "12"))
	if n < 0 || p.Words[n] != "12" {
		t.Fatalf("wordAt(12) = %d", n)
	}
	head := p.Arcs[n].Head
	if head < 0 || p.Words[head] != "people" || p.Arcs[n].Rel != "nummod" {
		t.Fatalf("12 hangs on %d %q (%s), want people (nummod)", head, p.Words[max(head, 0)], p.Arcs[n].Rel)
	}
	if a.parse(1) != p {
		t.Fatal("the parse is not kept")
	}
	if got := a.parse(7); len(got.Words) != 0 {
		t.Fatalf("parse out of range = %v", got.Words)
	}
}
