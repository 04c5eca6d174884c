package reconcile

import (
	"github.com/crosscheck/crosscheck/analyze/syntax"
	"github.com/crosscheck/crosscheck/nlp"
)

// parsed is one sentence read by the parser: its words as the article's tokens, their byte
// spans in the article's text, and each word's part of speech and arc.
type parsed struct {
	syntax.Sentence
	spans [][2]int // by word, its span in the article's text
}

// parse returns the parse of the article's i-th sentence, made on first use and kept. Every
// fact reader that needs a sentence's structure (which noun a number counts, a verb's
// subject) goes through here, so the parse is made once per sentence and a stored one can
// take its place.
func (a *article) parse(i int) *parsed {
	if i < 0 || i >= len(a.sentences) {
		return &parsed{}
	}
	if a.parses == nil {
		a.parses = make([]*parsed, len(a.sentences))
	}
	if p := a.parses[i]; p != nil {
		return p
	}
	sp := a.sentences[i].span
	p := &parsed{}
	var words []string
	for _, t := range nlp.Tokens(a.Text[sp[0]:sp[1]]) {
		words = append(words, a.Text[sp[0]+t[0]:sp[0]+t[1]])
		p.spans = append(p.spans, [2]int{sp[0] + t[0], sp[0] + t[1]})
	}
	p.Sentence = syntax.Analyze(words)
	a.parses[i] = p
	return p
}

// wordAt returns the index of the parsed word covering byte offset off of the article's
// text, or -1.
func (p *parsed) wordAt(off int) int {
	for i, s := range p.spans {
		if off >= s[0] && off < s[1] {
			return i
		}
	}
	return -1
}
