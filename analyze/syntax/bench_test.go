package syntax_test

import (
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// articles is the number of Reuters articles a benchmark reads.
const articles = 1000

// reuters is the sentences of the first n Reuters articles, as the analysis tokenises them.
func reuters(b *testing.B, n int) (sents [][]string, words int) {
	for _, text := range reutersTexts(b, n) {
		for _, ws := range sentenceWords(text) {
			sents = append(sents, ws)
			words += len(ws)
		}
	}
	return sents, words
}

// BenchmarkTag tags the sentences of 1,000 Reuters articles; tokens/s is the figure.
func BenchmarkTag(b *testing.B) {
	benchSentences(b, func(s []string, _ []string) { syntax.Tag(s) })
}

// BenchmarkParse parses the tagged sentences of 1,000 Reuters articles.
func BenchmarkParse(b *testing.B) {
	benchSentences(b, func(s, tags []string) { syntax.Parse(s, tags) })
}

// BenchmarkAnalyze tags and parses the sentences of 1,000 Reuters articles.
func BenchmarkAnalyze(b *testing.B) {
	benchSentences(b, func(s, _ []string) { syntax.Analyze(s) })
}

// benchSentences runs f over the sentences of the Reuters articles, with their tags.
func benchSentences(b *testing.B, f func(words, tags []string)) {
	sents, words := reuters(b, articles)
	tags := make([][]string, len(sents))
	for i, s := range sents {
		tags[i] = syntax.Tag(s)
	}
	b.ResetTimer()
	start := cpuTime()
	for range b.N {
		for i, s := range sents {
			f(s, tags[i])
		}
	}
	report(b, words, start)
}

// report gives tokens and articles per second of the benchmark's time, and per second of
// processor time (the figure that holds on a busy machine).
func report(b *testing.B, words int, start time.Duration) {
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(articles*b.N)/b.Elapsed().Seconds(), "articles/s")
	if cpu := cpuTime() - start; cpu > 0 {
		b.ReportMetric(float64(words*b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}
