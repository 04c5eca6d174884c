package lex

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Alternatives matches `^(?:a|b|…)` as the one pattern would, leftmost-first: the
// first alternative that matches at the start gives the match. Each alternative is its own
// pattern, tried only on text whose first byte it can begin with, so that a text is read by
// the few alternatives it may start, each small enough for the regexp package's backtracker,
// instead of by the whole alternation in its slower automaton.
type Alternatives struct {
	patterns []*regexp.Regexp
	first    [][256]bool // the bytes each pattern can begin with
	all      *regexp.Regexp
}

// NewAlternatives compiles the alternatives, in their order.
func NewAlternatives(alternatives []string) *Alternatives {
	a := &Alternatives{all: regexp.MustCompile(`^(?:` + strings.Join(alternatives, "|") + `)`)}
	for _, alt := range alternatives {
		expr := `^(?:` + alt + `)`
		a.patterns = append(a.patterns, regexp.MustCompile(expr))
		a.first = append(a.first, firstBytes(expr))
	}
	return a
}

// One is the alternation as one pattern, which FindIndex answers as.
func (a *Alternatives) One() *regexp.Regexp { return a.all }

// FindIndex returns the start and end of the match at the start of b, or nil.
func (a *Alternatives) FindIndex(b []byte) []int {
	if len(b) == 0 {
		return a.all.FindIndex(b)
	}
	for i, p := range a.patterns {
		if a.first[i][b[0]] {
			if m := p.FindIndex(b); m != nil {
				return m
			}
		}
	}
	return nil
}

// firstBytes returns the bytes a match of expr can begin with: every byte for a pattern that
// can match the empty text, the first byte of every character it can begin with otherwise
// (any byte of a multi-byte character's start, which are not told apart).
func firstBytes(expr string) (set [256]bool) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	seen := make([]bool, len(prog.Inst))
	var walk func(pc uint32)
	walk = func(pc uint32) {
		if seen[pc] {
			return
		}
		seen[pc] = true
		switch in := &prog.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out)
			walk(in.Arg)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for c := range set {
				set[c] = set[c] || c >= utf8.RuneSelf || in.MatchRune(rune(c))
			}
		default: // a match, or an instruction not known here: anything may follow
			for c := range set {
				set[c] = true
			}
		}
	}
	walk(uint32(prog.Start))
	return set
}
