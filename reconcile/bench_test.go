package reconcile_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/reconcile"
)

// BenchmarkReconcile100 reconciles a story of 100 articles: the five seed articles twenty times
// over, each copy with every third line dropped in turn, so that every pair shares quotes,
// facts and sentences — the most work a story of this size asks.
func BenchmarkReconcile100(b *testing.B) {
	dir := filepath.Dir(corpus.Path(b, "seeds/expected.json"))
	files, _ := filepath.Glob(filepath.Join(dir, "0*.txt"))
	var articles []*crosscheck.Article
	for copy := range 20 {
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			paras := strings.Split(string(raw), "\n")
			var kept string
			for i, p := range paras {
				if (i+copy)%3 != 0 {
					kept += p + "\n"
				}
			}
			a, err := extract.Article(&crosscheck.Document{ID: fmt.Sprintf("%s-%d", filepath.Base(f), copy),
				Format: crosscheck.FormatText, Raw: []byte(kept), Meta: crosscheck.Meta{Published: "2025-12-03", Source: fmt.Sprint("outlet", copy)}}, extract.Options{})
			if err != nil {
				b.Fatal(err)
			}
			articles = append(articles, a)
		}
	}
	b.ResetTimer()
	for range b.N {
		reconcile.Reconcile(crosscheck.Story{ID: "bench"}, articles, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/story")
}
