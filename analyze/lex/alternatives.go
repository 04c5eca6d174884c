package lex

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// Alternatives matches `^(?:a|b|…)` as the one pattern would, leftmost-first: the
// first alternative that matches at the start gives the match. Each alternative is its own
// pattern, tried only on text whose first bytes it can begin with, so that a text is read by
// the few alternatives it may start, each small enough for the regexp package's backtracker,
// instead of by the whole alternation in its slower automaton.
type Alternatives struct {
	patterns []*regexp.Regexp
	prefix   []prefixBytes // the bytes each pattern can begin with
	all      *regexp.Regexp
}

// prefixLen is how many of a text's first bytes are read to choose the patterns to try.
const prefixLen = 8

// prefixBytes are, for each of the first prefixLen bytes of a match, the bytes it can be.
type prefixBytes [prefixLen][256]bool

// NewAlternatives compiles the alternatives, in their order.
func NewAlternatives(alternatives []string) *Alternatives {
	a := &Alternatives{all: regexp.MustCompile(`^(?:` + strings.Join(alternatives, "|") + `)`)}
	for _, alt := range alternatives {
		expr := `^(?:` + alt + `)`
		a.patterns = append(a.patterns, regexp.MustCompile(expr))
		a.prefix = append(a.prefix, prefixOf(expr))
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
		if a.prefix[i].admits(b) {
			if m := p.FindIndex(b); m != nil {
				return m
			}
		}
	}
	return nil
}

// admits reports whether a match can begin with the first bytes of b.
func (p *prefixBytes) admits(b []byte) bool {
	for k := range min(len(b), prefixLen) {
		if !p[k][b[k]] {
			return false
		}
	}
	return true
}

// prefixOf returns the bytes each of the first prefixLen bytes of a match of expr can be.
// Where a match may end, or hold a character of more than one byte, every byte is taken for
// that place and the ones after it, which are not told apart.
func prefixOf(expr string) (set prefixBytes) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		panic(err)
	}
	anyFrom := func(k int) {
		for ; k < prefixLen; k++ {
			for c := range set[k] {
				set[k][c] = true
			}
		}
	}
	seen := make([][prefixLen]bool, len(prog.Inst))
	var walk func(pc uint32, k int)
	walk = func(pc uint32, k int) {
		if k >= prefixLen || seen[pc][k] {
			return
		}
		seen[pc][k] = true
		switch in := &prog.Inst[pc]; in.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			walk(in.Out, k)
			walk(in.Arg, k)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			walk(in.Out, k)
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			for c := range set[k] {
				set[k][c] = set[k][c] || c >= utf8.RuneSelf || in.MatchRune(rune(c))
			}
			if wide(in) {
				anyFrom(k + 1) // a character of several bytes: the places after it are not known
			}
			walk(in.Out, k+1)
		default: // a match, or an instruction not known here: anything may follow
			anyFrom(k)
		}
	}
	walk(uint32(prog.Start), 0)
	return set
}

// wide reports whether a rune instruction may match a character of more than one byte.
func wide(in *syntax.Inst) bool {
	switch in.Op {
	case syntax.InstRune1:
		return in.Rune[0] >= utf8.RuneSelf
	case syntax.InstRune:
		if syntax.Flags(in.Arg)&syntax.FoldCase != 0 {
			return true // "k" folds to the Kelvin sign
		}
		for i := 1; i < len(in.Rune); i += 2 {
			if in.Rune[i] >= utf8.RuneSelf {
				return true
			}
		}
		return len(in.Rune) == 1 && in.Rune[0] >= utf8.RuneSelf
	}
	return true
}
