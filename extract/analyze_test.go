package extract_test

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// reutersTexts reads the Reuters articles' texts and dates.
func reutersTexts(tb testing.TB) []crosscheck.Article {
	f, err := os.Open(corpus.Path(tb, "bulk/reuters21578.jsonl.gz"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	var out []crosscheck.Article
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		var r struct{ Text, Date string }
		if json.Unmarshal(sc.Bytes(), &r) == nil && strings.TrimSpace(r.Text) != "" {
			out = append(out, crosscheck.Article{Text: r.Text, Published: extract.NormalizeDate(r.Date)})
		}
	}
	return out
}

// BenchmarkAnalyzeReuters runs analysis alone — sentences, tokens, entities, quotes, numbers
// and dates — over the 19,043 Reuters articles on every core.
func BenchmarkAnalyzeReuters(b *testing.B) {
	articles := reutersTexts(b)
	b.ResetTimer()
	total := 0
	for range b.N {
		var next atomic.Int64
		var wg sync.WaitGroup
		for range runtime.GOMAXPROCS(0) {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := int(next.Add(1)) - 1
					if i >= len(articles) {
						return
					}
					a := articles[i]
					extract.Analyze(&a)
				}
			}()
		}
		wg.Wait()
		total += len(articles)
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
}

// TestAnalyzePathologicalText runs analysis over texts built to be slow: a megabyte of quote
// marks in one paragraph, 100,000 numbers, a megabyte of capitalised words, of full stops and
// of date words. Each must finish (the test's deadline bounds it) with sane output.
func TestAnalyzePathologicalText(t *testing.T) {
	for name, text := range map[string]string{
		"quote marks":      strings.Repeat(`"“”'‘’`, 1<<20/15),
		"numbers":          strings.Repeat("12,345.6 ", 100000),
		"capitalised":      strings.Repeat("Vladimir Putin Of The Kremlin ", 1<<20/30),
		"full stops":       strings.Repeat("U.S. Mr. A. ", 1<<20/12),
		"date words":       strings.Repeat("last Tuesday March 12 five hours ago ", 1<<20/38),
		"one long word":    strings.Repeat("a", 1<<20),
		"appositive chain": strings.Repeat("Yuri Ushakov, a senior adviser to ", 1<<20/34),
	} {
		a := crosscheck.Article{Text: text, Published: "2025-12-03"}
		extract.Analyze(&a)
		for _, s := range a.Sentences {
			if s[0] < 0 || s[1] > len(text) || s[0] >= s[1] {
				t.Fatalf("%s: sentence %v", name, s)
			}
		}
	}
}
