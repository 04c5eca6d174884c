package group_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

type base struct{ title, text string }

// bases reads the real articles the stream is made from.
func bases(b *testing.B) []base {
	var out []base
	for _, rel := range []string{"bulk/reuters21578.jsonl.gz", "ecbplus/docs.jsonl"} {
		for it := range ingest.Read(context.Background(), []string{corpus.Path(b, rel)}, ingest.Options{}) {
			if it.Err == nil {
				out = append(out, base{it.Doc.Meta.Title, string(it.Doc.Raw)})
			}
		}
	}
	return out
}

// perturb makes a new article from a real one: sentences dropped and reordered, words and
// numbers changed, as another outlet or a later update would.
func perturb(r *rand.Rand, b base) base {
	sentences := strings.SplitAfter(b.text, ". ")
	var kept []string
	for _, s := range sentences {
		if r.Float64() < 0.8 {
			kept = append(kept, s)
		}
	}
	if len(kept) > 2 && r.Float64() < 0.5 {
		i, j := r.IntN(len(kept)), r.IntN(len(kept))
		kept[i], kept[j] = kept[j], kept[i]
	}
	words := strings.Fields(strings.Join(kept, ""))
	for i, w := range words {
		switch {
		case w[0] >= '0' && w[0] <= '9' && r.Float64() < 0.3:
			words[i] = fmt.Sprint(r.IntN(1000))
		case r.Float64() < 0.03:
			words[i] = "changed"
		}
	}
	return base{b.title, strings.Join(words, " ")}
}

// BenchmarkGroupScaling streams 200,000 articles through near-duplicate detection and story
// grouping and compares the time per article of the first and last tenth, which must stay
// within 1.5× of each other, and reports the heap per article.
func BenchmarkGroupScaling(b *testing.B) {
	src := bases(b)
	const n = 200_000
	r := rand.New(rand.NewPCG(7, 7))
	stream := make([]base, n)
	dates := make([]time.Time, n)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range stream {
		stream[i] = perturb(r, src[r.IntN(len(src))])
		dates[i] = start.Add(time.Duration(i) * 5 * time.Minute) // two years of news, in order
	}
	b.ResetTimer()
	for iter := 0; iter < b.N; iter++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		c := group.NewClusterer(group.DefaultOptions)
		var tenth [10]time.Duration
		for i, a := range stream {
			t0 := time.Now()
			c.Duplicate(fmt.Sprint(i), group.Sign(a.title+"\n"+a.text))
			c.Add(fmt.Sprint(i), group.Extract(a.title, a.text), dates[i])
			tenth[i*10/n] += time.Since(t0)
		}
		b.StopTimer()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(n/10) }
		b.ReportMetric(per(tenth[0]), "µs/article-first10%")
		b.ReportMetric(per(tenth[9]), "µs/article-last10%")
		b.ReportMetric(per(tenth[9])/per(tenth[0]), "last/first")
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/n, "heap-bytes/article")
		b.ReportMetric(float64(len(c.Stories())), "stories")
		if ratio := per(tenth[9]) / per(tenth[0]); ratio > 1.5 {
			b.Errorf("the last tenth costs %.2f× the first", ratio)
		}
		runtime.KeepAlive(c)
		b.StartTimer()
	}
}
