package syntax_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// FuzzAnalyze holds that any words get one tag and one arc each, the heads inside the
// sentence and no word its own head.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"The police arrested three men .",
		"“ We won’t go , ” Ortiz’s lawyer said — twice .",
		"",
		"' 's n't '' `` -- ...",
		"\xff\xfe \u0000 \u202e abc",
		"1,200 5.5 % $ 3 m 1990s",
		"s' ''s 'll'll n'tn't",
	} {
		f.Add(s)
	}
	tags, rels := syntax.Tags(), syntax.Relations()
	f.Fuzz(func(t *testing.T, text string) {
		words := strings.FieldsFunc(text, func(r rune) bool { return r == ' ' || r == '|' })
		if strings.Contains(text, "||") {
			words = append(words, "") // an empty word too
		}
		s := syntax.Analyze(words)
		if len(s.Tags) != len(words) || len(s.Arcs) != len(words) {
			t.Fatalf("%d words, %d tags, %d arcs", len(words), len(s.Tags), len(s.Arcs))
		}
		for i, a := range s.Arcs {
			if a.Head < -1 || a.Head >= len(words) || a.Head == i {
				t.Fatalf("word %d %q: head %d", i, words[i], a.Head)
			}
			if !slices.Contains(rels, a.Rel) {
				t.Fatalf("word %d: relation %q", i, a.Rel)
			}
			if !slices.Contains(tags, s.Tags[i]) {
				t.Fatalf("word %d: tag %q", i, s.Tags[i])
			}
		}
		if got := syntax.Tag(words); !slices.Equal(got, s.Tags) {
			t.Fatalf("Tag %v, Analyze %v", got, s.Tags)
		}
	})
}
