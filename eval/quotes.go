package eval

import (
	"strings"
	"unicode"
)

// PolNeAR gold (corpus/polnear/attributions.jsonl): the gold quotes are the attributions whose
// content has quote marks; a gold quote's words are those inside the marks of its content, or
// the whole content when the marks sit just outside it. The corpus flags curly and straight
// marks; the two apostrophes some outlets print instead (''…'', as The New York Times does)
// are quote marks too.

// Attribution is one PolNeAR attribution.
type Attribution struct {
	Source        []Span `json:"source"`
	Cue           []Span `json:"cue"`
	Content       []Span `json:"content"`
	HasQuoteMarks bool   `json:"has_quote_marks"`
}

// Span is a stretch of a gold document.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// GoldQuote is one gold quote: its words and the speaker mention.
type GoldQuote struct {
	Words  []string
	Source string
}

// GoldQuotes returns a document's gold quotes.
func GoldQuotes(atts []Attribution) []GoldQuote {
	var out []GoldQuote
	for _, a := range atts {
		var content, source []string
		for _, s := range a.Content {
			content = append(content, s.Text)
		}
		if !a.HasQuoteMarks && !strings.Contains(strings.Join(content, " "), "''") {
			continue
		}
		for _, s := range a.Source {
			source = append(source, s.Text)
		}
		words := Words(insideMarks(strings.Join(content, " ")))
		if len(words) == 0 {
			continue
		}
		out = append(out, GoldQuote{Words: words, Source: strings.Join(source, " ")})
	}
	return out
}

// insideMarks returns the text inside the quote marks of s, or s when it has no pair.
func insideMarks(s string) string {
	var parts []string
	open := -1
	s = strings.ReplaceAll(s, "''", "\"")
	for i, r := range s {
		switch r {
		case '“', '«':
			open = i + len(string(r))
		case '”', '»':
			if open >= 0 {
				parts = append(parts, s[open:i])
				open = -1
			}
		case '"':
			if open >= 0 {
				parts = append(parts, s[open:i])
				open = -1
			} else {
				open = i + 1
			}
		}
	}
	if len(parts) == 0 {
		return s
	}
	return strings.Join(parts, " ")
}

// Words are the lower-case words of s, as quotes are compared.
func Words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// PredictedQuote is a quote a system found: its words, and its speaker as resolved and as
// written.
type PredictedQuote struct {
	Words            []string
	Speaker, Mention string
}

// QuoteScores are the quote extraction figures.
type QuoteScores struct {
	Docs       int     `json:"documents"`
	Gold       int     `json:"gold_quotes"`
	Predicted  int     `json:"predicted_quotes"`
	Matched    int     `json:"matched"`
	P          float64 `json:"precision"`
	R          float64 `json:"recall"`
	F1         float64 `json:"f1"`
	SpeakerOK  int     `json:"speaker_right"`
	SpeakerAcc float64 `json:"speaker_accuracy"`
}

// Add pairs predictions with gold quotes of one document: a prediction matches an unmatched
// gold quote when their shared words are at least half of each one's words; a matched speaker
// is right when the gold source mention shares a word other than a function word with the
// predicted speaker or mention. It adds the document's counts to s.
func (s *QuoteScores) Add(pred []PredictedQuote, gold []GoldQuote) {
	s.Docs++
	s.Gold += len(gold)
	s.Predicted += len(pred)
	used := make([]bool, len(gold))
	for _, p := range pred {
		for gi, g := range gold {
			if used[gi] || !overlapHalf(p.Words, g.Words) {
				continue
			}
			used[gi] = true
			s.Matched++
			if shareWord(Words(g.Source), append(Words(p.Speaker), Words(p.Mention)...)) {
				s.SpeakerOK++
			}
			break
		}
	}
}

// Finish computes the rates.
func (s *QuoteScores) Finish() {
	s.P = rate(s.Matched, s.Predicted)
	s.R = rate(s.Matched, s.Gold)
	s.F1 = f1(s.P, s.R)
	s.SpeakerAcc = rate(s.SpeakerOK, s.Matched)
}

func overlapHalf(a, b []string) bool {
	count := map[string]int{}
	for _, w := range b {
		count[w]++
	}
	shared := 0
	for _, w := range a {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return 2*shared >= len(a) && 2*shared >= len(b) && shared > 0
}

// shareWord reports whether a and b share a word other than a function word: "Trump"
// matches "Donald Trump" and a pronoun "he" a predicted "he", but "the", "of", "'s" or "said"
// make no match ("the Times" is not "the senator").
func shareWord(a, b []string) bool {
	set := map[string]bool{}
	for _, w := range a {
		if !speakerFunctionWords[w] {
			set[w] = true
		}
	}
	for _, w := range b {
		if set[w] {
			return true
		}
	}
	return false
}

// speakerFunctionWords are the words two speaker mentions may share without naming the same
// speaker: articles, possessives, prepositions, conjunctions and the cue verbs that mentions
// carry along. Personal pronouns are not among them.
var speakerFunctionWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the s of in on at to for from by with about as into over
		and or but nor that which who whom whose this these those his her its their our my your
		said says say told tells according is was are were be been has have had`) {
		m[w] = true
	}
	return m
}()

// PolNeARDoc is one record of the PolNeAR gold file.
type PolNeARDoc struct {
	ID           string        `json:"id"`
	Split        string        `json:"split"`
	Text         string        `json:"text"`
	Attributions []Attribution `json:"attributions"`
}
