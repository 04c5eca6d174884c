// Package realnews reads the real articles the scaling benchmarks generate their streams from:
// the Reuters and ECB+ corpora, title and raw text, skipping the benchmark when they are absent.
package realnews

import (
	"context"
	"testing"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// Article is one real article: its title and its text as stored.
type Article struct{ Title, Text string }

// Read returns every readable article of Reuters and ECB+, in file order.
func Read(tb testing.TB) []Article {
	tb.Helper()
	var out []Article
	for _, rel := range []string{"bulk/reuters21578.jsonl.gz", "ecbplus/docs.jsonl"} {
		for it := range ingest.Read(context.Background(), []string{corpus.Path(tb, rel)}, ingest.Options{}) {
			if it.Err == nil {
				out = append(out, Article{it.Doc.Meta.Title, string(it.Doc.Raw)})
			}
		}
	}
	return out
}
