package group_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// BenchmarkPlacing measures what the analysis workers compute for grouping, per article of
// the first thousand of Reuters: its features and its near-duplicate signature.
func BenchmarkPlacing(b *testing.B) {
	texts := corpus.Texts(b, corpus.Path(b, "bulk/reuters21578.jsonl.gz"), 1000)
	b.Run("Extract", func(b *testing.B) {
		for b.Loop() {
			for _, t := range texts {
				group.Extract("", t)
			}
		}
	})
	b.Run("Sign", func(b *testing.B) {
		for b.Loop() {
			for _, t := range texts {
				group.Sign(t)
			}
		}
	})
}
