package reconcile_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
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
	benchReconcile(b, seedCopies(b, 20))
}

// seedCopies is the five seed articles copies times over, each copy with every third line
// dropped in turn, and each copy from an outlet of its own.
func seedCopies(b testing.TB, copies int) []*crosscheck.Article {
	dir := filepath.Dir(corpus.Path(b, "seeds/expected.json"))
	files, _ := filepath.Glob(filepath.Join(dir, "0*.txt"))
	var articles []*crosscheck.Article
	for copy := range copies {
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
			articles = append(articles, analysed(b, fmt.Sprintf("%s-%d", filepath.Base(f), copy), kept,
				crosscheck.Meta{Published: "2025-12-03", Source: fmt.Sprint("outlet", copy)}))
		}
	}
	return articles
}

// analysed is a text's article, analysed.
func analysed(b testing.TB, id, text string, meta crosscheck.Meta) *crosscheck.Article {
	a, err := extract.Article(&crosscheck.Document{ID: id, Format: crosscheck.FormatText, Raw: []byte(text), Meta: meta}, extract.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return a
}

// benchReconcile times the reconciling of one story of the articles.
func benchReconcile(b *testing.B, articles []*crosscheck.Article) {
	b.ResetTimer()
	for range b.N {
		reconcile.Reconcile(crosscheck.Story{ID: "bench"}, articles, nil)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/story")
}

// BenchmarkReconcile600 reconciles a story of 600 articles: the first 600 Reuters articles
// that print a quotation, taken as one story (a wire's running coverage, many takes of one
// desk's templates), so that quotes, sentences and facts are compared across many pairs.
func BenchmarkReconcile600(b *testing.B) {
	benchReconcile(b, wireTakes(b, 600))
}

// wireTakes is the first n Reuters articles that print a quotation.
func wireTakes(b testing.TB, n int) []*crosscheck.Article {
	f, err := os.Open(corpus.Path(b, "bulk/reuters21578.jsonl.gz"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	var articles []*crosscheck.Article
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() && len(articles) < n {
		var r struct{ ID, Title, Text, Date string }
		if json.Unmarshal(sc.Bytes(), &r) != nil || !strings.Contains(r.Text, `"`) {
			continue
		}
		articles = append(articles, analysed(b, r.ID, r.Text,
			crosscheck.Meta{Title: r.Title, Published: extract.NormalizeDate(r.Date), Source: "Reuters"}))
	}
	return articles
}
