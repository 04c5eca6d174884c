package eval_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/eval"
)

// A speaker is right when a word other than a function word matches; a pronoun matches the
// same pronoun.
func TestSpeakerNeedsAContentWord(t *testing.T) {
	words := eval.Words("the senate voted today on the bill")
	gold := []eval.GoldQuote{{Words: words}}
	for _, tc := range []struct {
		source, speaker, mention string
		right                    bool
	}{
		{"Donald Trump", "", "Trump", true},
		{"he", "Ola Brenn", "he", true},
		{"the Times", "the senator", "the senator", false},
		{"Trump's aides", "Ola Brenn's", "Ola Brenn's", false},
		{"the head of the union", "the official", "", false},
		{"a spokesman said", "a reporter", "said", false},
		{"Ana and Piet Vos", "and", "", false},
	} {
		gold[0].Source = tc.source
		var s eval.QuoteScores
		s.Add([]eval.PredictedQuote{{Words: words, Speaker: tc.speaker, Mention: tc.mention}}, gold)
		if s.Matched != 1 || (s.SpeakerOK == 1) != tc.right {
			t.Errorf("%q against %q/%q: matched %d, speaker right %d", tc.source, tc.speaker, tc.mention, s.Matched, s.SpeakerOK)
		}
	}
}

// Content printed between two apostrophes, as some outlets print quotes, is a gold quote, and
// its words are those inside the marks.
func TestGoldQuotesInApostrophes(t *testing.T) {
	atts := []eval.Attribution{
		{Content: []eval.Span{{Text: "that the plan was ''taking a close look'' at the rules"}}, Source: []eval.Span{{Text: "Kamin"}}},
		{Content: []eval.Span{{Text: "the plan would help"}}},
		{Content: []eval.Span{{Text: "“We are ready,”"}}, HasQuoteMarks: true},
	}
	got := eval.GoldQuotes(atts)
	if len(got) != 2 || len(got[0].Words) != 4 || got[0].Words[0] != "taking" || got[1].Words[0] != "we" {
		t.Fatalf("%+v", got)
	}
}
