package reconcile

import (
	"sort"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// parsed is one sentence read by the parser: its words as the article's tokens, their byte
// spans in the article's text, and each word's part of speech and arc.
type parsed struct {
	syntax.Sentence
	spans [][2]int // by word, its span in the article's text
}

// parse returns the parse of the article's i-th sentence: the one a store made before
// analysis stopped parsing holds, else the one this process made of the same words lately
// (see parses), else one made on first use; it is kept with the article. Every fact reader
// that needs a sentence's structure (which noun a number counts, a verb's subject) goes
// through here, so a report parses a sentence once at most, and only the sentences its
// readers look at. A sentence longer than maxSentence is parsed piece by piece, as reconcile
// reads it, so that a report's parsing is bounded as its reading is.
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
	first, toks := sentenceTokens(a.Article, sp)
	for _, t := range toks {
		words = append(words, a.Text[sp[0]+t[0]:sp[0]+t[1]])
		p.spans = append(p.spans, [2]int{sp[0] + t[0], sp[0] + t[1]})
	}
	stored, ok := storedParse(a.Article, first, words)
	if !ok {
		stored = parses.parse(words)
	}
	p.Sentence = stored
	a.parses[i] = p
	return p
}

// storedParse is the parse a store holds for the words from token first on, if it has one:
// analysis stored each sentence's parse until it left the parsing to reports.
func storedParse(a *crosscheck.Article, first int, words []string) (syntax.Sentence, bool) {
	if first < 0 || len(a.Syntax) != len(a.Tokens) || len(words) == 0 {
		return syntax.Sentence{}, false
	}
	return syntax.Unpack(words, a.Syntax[first:first+len(words)])
}

// sentenceTokens returns the tokens of the article's sentence at sp, as spans of the
// sentence's text, and the index of the first of them in a.Tokens. An article analysed
// without tokens has its sentence split now (first is then -1).
func sentenceTokens(a *crosscheck.Article, sp crosscheck.Span) (first int, toks []crosscheck.Span) {
	if len(a.Tokens) == 0 {
		return -1, lex.Tokens(a.Text[sp[0]:sp[1]])
	}
	first = sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k][0] >= sp[0] })
	for k := first; k < len(a.Tokens) && a.Tokens[k][1] <= sp[1]; k++ {
		toks = append(toks, crosscheck.Span{a.Tokens[k][0] - sp[0], a.Tokens[k][1] - sp[0]})
	}
	return first, toks
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
