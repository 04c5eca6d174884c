package extract_test

import (
	"testing"

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
