package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/quote"
	"github.com/crosscheck/crosscheck/eval"
)

func (m *Main) evalQuotes(ctx context.Context, args []string) error {
	fs := m.flags("eval quotes", "--gold FILE [--split dev] [--json]",
		`Finds the direct quotes and their speakers in each document of a PolNeAR gold file and
scores them: precision, recall and F1 of quotes (a match shares at least half the words of
both), and the speaker accuracy among matched quotes. A gold quote is an attribution whose
content has quote marks (curly, straight, or two apostrophes). A speaker is right when the
gold source mention shares a word with the predicted speaker or mention other than a function
word: "Trump" matches "Donald Trump" and a pronoun "he" a predicted "he", but "the", "of",
"'s", "said", "a" or "and" make no match.`,
		`  crosscheck eval quotes --gold ../shared/corpus/polnear/attributions.jsonl --split dev`)
	gold := fs.String("gold", "", "the gold file (PolNeAR attributions JSONL)")
	split := fs.String("split", "dev", `the split to score ("train", "dev", "annotator-training"; "" for all)`)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval quotes", "--gold FILE", *gold); err != nil {
		return err
	}
	var s eval.QuoteScores
	err := eachRecord(ctx, *gold, func(d eval.PolNeARDoc) error {
		if *split != "" && d.Split != *split {
			return nil
		}
		var pred []eval.PredictedQuote
		quotes := quote.Find(d.Text)
		sentences := lex.Sentences(d.Text)
		entity.ResolveSpeakers(quotes, entity.Find(d.Text, sentences, lex.Tokens(d.Text)))
		for _, q := range quotes {
			pred = append(pred, eval.PredictedQuote{Words: eval.Words(q.Text), Speaker: q.Speaker, Mention: q.SpeakerMention})
		}
		s.Add(pred, eval.GoldQuotes(d.Attributions))
		return nil
	})
	if err != nil {
		return err
	}
	s.Finish()
	if *asJSON {
		return newEncoder(m.Stdout).Encode(s)
	}
	fmt.Fprintf(m.Stdout, "documents %d, gold quotes %d, predicted %d, matched %d\n", s.Docs, s.Gold, s.Predicted, s.Matched)
	fmt.Fprintf(m.Stdout, "quotes    P %.3f  R %.3f  F1 %.3f\n", s.P, s.R, s.F1)
	fmt.Fprintf(m.Stdout, "speakers  %.3f of matched quotes right (%d of %d)\n", s.SpeakerAcc, s.SpeakerOK, s.Matched)
	return nil
}
