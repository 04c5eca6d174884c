package extract_test

import (
	"sync"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
	"github.com/crosscheck/crosscheck/analyze/quote"
	"github.com/crosscheck/crosscheck/clean"
)

// BenchmarkAnalysersReuters runs, on one core, what analysis does besides the parse over the
// Reuters articles: cleaning, sentences and tokens, entities, quotes, numbers and dates, each
// timed by the profile under its own name.
func BenchmarkAnalysersReuters(b *testing.B) {
	articles := reutersTexts(b)
	b.ResetTimer()
	for range b.N {
		for _, a := range articles {
			text := clean.Article(clean.Input{Text: a.Text, TitleInText: true}).Text
			sentences, tokens := lex.Sentences(text), lex.Tokens(text)
			entities := entity.Find(text, sentences, tokens)
			quotes := quote.Find(text)
			entity.ResolveSpeakers(quotes, entities)
			number.Find(text)
			dct, _ := a.PublishedDay()
			date.Find(text, sentences, tokens, dct)
		}
	}
	b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkDatesNumbersReuters runs, on one core, the number and date finders alone over the
// first 3,000 Reuters articles, cleaned, split and dated once for every run, so that a count
// of instructions over runs of different lengths tells the finders' own.
func BenchmarkDatesNumbersReuters(b *testing.B) {
	articles := preparedReuters(b)
	b.ResetTimer()
	for range b.N {
		for _, a := range articles {
			number.Find(a.text)
			date.Find(a.text, a.sentences, a.tokens, a.dct)
		}
	}
	b.ReportMetric(float64(b.N*len(articles))/b.Elapsed().Seconds(), "articles/s")
}

// preparedArticle is an article's text cleaned, split and dated.
type preparedArticle struct {
	text              string
	sentences, tokens []crosscheck.Span
	dct               time.Time
}

var prepared struct {
	once     sync.Once
	articles []preparedArticle
}

// preparedReuters returns the first 3,000 Reuters articles prepared, read once.
func preparedReuters(b *testing.B) []preparedArticle {
	prepared.once.Do(func() {
		for _, a := range reutersTexts(b)[:3000] {
			text := clean.Article(clean.Input{Text: a.Text, TitleInText: true}).Text
			dct, _ := a.PublishedDay()
			prepared.articles = append(prepared.articles, preparedArticle{text, lex.Sentences(text), lex.Tokens(text), dct})
		}
	})
	return prepared.articles
}
