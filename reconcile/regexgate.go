package reconcile

import (
	"regexp"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode/utf8"
)

// The readers' patterns run over every sentence, or every article's whole text, and Go's
// matcher tries a pattern at every position of what it is given: most of a report's time went
// on patterns that could not match because a word they cannot match without is not there. A
// gatedRegexp asks first whether one of those words is there, and runs the pattern only then;
// what it finds is what the pattern finds.

// A gatedRegexp is a pattern with the literals one of which every match holds (read from
// the pattern itself, see requiredLiterals), compiled when first used: the package's hundreds
// of patterns would otherwise cost every start of every command (about 35 ms), though only
// the reports run them.
type gatedRegexp struct {
	expr string
	once sync.Once
	c    gate
}

// A gate is a gatedRegexp's compiled pattern and what it reads of the pattern.
type gate struct {
	*regexp.Regexp
	need []literal // nil: no literal is required, the pattern always runs
	fold bool      // one of need is matched case-insensitively
	// starts, when set, are the literals every match starts with (after a word boundary
	// when boundary): the pattern is tried only where one of them stands, anchored there.
	starts   []string
	boundary bool
	anchored *regexp.Regexp
}

// literal is a string a match holds, matched case-insensitively when fold.
type literal struct {
	text string // lower case when fold
	fold bool
}

// gatedRegexps are every gated pattern of the package, for the test that they find what
// their patterns find.
var gatedRegexps []*gatedRegexp

// mustGate is expr gated by the literals it requires, compiled when first used as
// regexp.MustCompile compiles (TestGatedPatternsCompile compiles every one).
func mustGate(expr string) *gatedRegexp {
	g := &gatedRegexp{expr: expr}
	gatedRegexps = append(gatedRegexps, g)
	return g
}

// compiled is g's pattern, compiled on the first call.
func (g *gatedRegexp) compiled() *gate {
	g.once.Do(func() { g.c = compileGate(g.expr) })
	return &g.c
}

func compileGate(expr string) gate {
	g := gate{Regexp: regexp.MustCompile(expr)}
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil && !anchoredAtStart(re) {
		g.need = requiredLiterals(re)
		if g.starts, g.boundary = startLiterals(re); g.starts != nil {
			g.anchored = regexp.MustCompile(`\A(?:` + expr + `)`)
		}
	}
	for _, l := range g.need {
		g.fold = g.fold || l.fold
	}
	return g
}

// anchoredAtStart reports a pattern that matches only at the start of the text: it fails at
// once where it does not match, and a look for a literal would cost more.
func anchoredAtStart(re *syntax.Regexp) bool {
	for re.Op == syntax.OpConcat || re.Op == syntax.OpCapture {
		if len(re.Sub) == 0 {
			return false
		}
		re = re.Sub[0]
	}
	return re.Op == syntax.OpBeginText || re.Op == syntax.OpBeginLine
}

// startLiterals returns the case-sensitive literals one of which every match of re starts
// with, and whether a word boundary stands before them: "new" of `\bnew(?:ly)? \w+`. It
// returns nil when it finds none, or when the boundary stands before a literal that does not
// start with a word character.
func startLiterals(re *syntax.Regexp) ([]string, bool) {
	boundary := false
	if re.Op == syntax.OpConcat && len(re.Sub) > 1 && re.Sub[0].Op == syntax.OpWordBoundary {
		boundary = true
		re = &syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]}
	}
	starts := prefixLiterals(re)
	for _, l := range starts {
		if len(l) < minGate || boundary && !isWordByte(l[0]) {
			return nil, false // a letter is found everywhere: the pattern is tried as it is
		}
	}
	return starts, boundary
}

// prefixLiterals returns the case-sensitive literals one of which every match of re starts
// with, or nil.
func prefixLiterals(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		text := string(re.Rune)
		if re.Flags&syntax.FoldCase != 0 || strings.ContainsRune(text, utf8.RuneError) {
			return nil
		}
		return []string{text}
	case syntax.OpCapture, syntax.OpPlus:
		return prefixLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return prefixLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		if len(re.Sub) == 0 {
			return nil
		}
		first := prefixLiterals(re.Sub[0])
		if re.Sub[0].Op != syntax.OpLiteral || first == nil || len(re.Sub) == 1 {
			return first
		}
		// a whole literal, then what follows it: "s" of "s(?:igned|ent)" is "signed", "sent"
		rest := prefixLiterals(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[1:]})
		if rest == nil {
			return first
		}
		var all []string
		for _, r := range rest {
			all = append(all, first[0]+r)
		}
		return all
	case syntax.OpAlternate:
		return everyBranch(re.Sub, prefixLiterals)
	}
	return nil
}

// everyBranch is what of reads of each branch of an alternation, together, or nil when it
// reads nothing of one of them: a match matches one branch or another.
func everyBranch[T any](branches []*syntax.Regexp, of func(*syntax.Regexp) []T) []T {
	var all []T
	for _, b := range branches {
		l := of(b)
		if l == nil {
			return nil
		}
		all = append(all, l...)
	}
	return all
}

// isWordByte is a byte of an ASCII word character, as \b reads them.
func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_'
}

// findAll is FindAllStringSubmatchIndex (n < 0: all) by trying the anchored pattern at each
// place one of the start literals stands, from the end of the last match on: a match starts
// at one of them, and the earliest that matches is the leftmost match.
func (g *gate) findAll(s string, n int) [][]int {
	var out [][]int
	next := make([]int, len(g.starts)) // where each literal next stands at or after pos, -1: nowhere
	for i := range next {
		next[i] = -2
	}
	for pos := 0; n < 0 || len(out) < n; {
		p := -1
		for i, l := range g.starts {
			if next[i] == -1 {
				continue
			}
			if next[i] < pos {
				if k := strings.Index(s[pos:], l); k >= 0 {
					next[i] = pos + k
				} else {
					next[i] = -1
					continue
				}
			}
			if p < 0 || next[i] < p {
				p = next[i]
			}
		}
		if p < 0 {
			break
		}
		if g.boundary && p > 0 && isWordByte(s[p-1]) {
			pos = p + 1
			continue
		}
		m := g.anchored.FindStringSubmatchIndex(s[p:])
		if m == nil || m[1] == 0 {
			pos = p + 1
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += p
			}
		}
		out = append(out, m)
		pos = m[1]
	}
	return out
}

// minGate is the shortest literal worth a look before the pattern: a shorter one is found
// almost everywhere.
const minGate = 2

// requiredLiterals returns literals one of which every match of re holds, or nil when it
// finds none: a literal required by every branch of an alternation, by one part of a
// concatenation (the longest such), by a group, or by a repeat of at least once.
func requiredLiterals(re *syntax.Regexp) []literal {
	switch re.Op {
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		text := string(re.Rune)
		if strings.ContainsRune(text, utf8.RuneError) {
			return nil // an invalid byte of the text matches it
		}
		if fold {
			for _, r := range re.Rune {
				if r >= utf8.RuneSelf {
					return nil // the folds of a non-ASCII letter are not ASCII's
				}
			}
			text = strings.ToLower(text)
		}
		if len(text) < minGate {
			return nil
		}
		return []literal{{text, fold}}
	case syntax.OpCapture:
		return requiredLiterals(re.Sub[0])
	case syntax.OpPlus:
		return requiredLiterals(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredLiterals(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []literal
		for _, sub := range re.Sub {
			if l := requiredLiterals(sub); l != nil && (best == nil || betterGate(l, best)) {
				best = l
			}
		}
		return best
	case syntax.OpAlternate:
		return everyBranch(re.Sub, requiredLiterals)
	}
	return nil
}

// betterGate reports whether literals a make a sharper gate than b: a longer shortest
// literal, or as long and fewer of them.
func betterGate(a, b []literal) bool {
	ma, mb := shortest(a), shortest(b)
	return ma > mb || ma == mb && len(a) < len(b)
}

func shortest(ls []literal) int {
	m := -1
	for _, l := range ls {
		if m < 0 || len(l.text) < m {
			m = len(l.text)
		}
	}
	return m
}

// may reports whether s holds one of the literals every match needs: when it does not, the
// pattern cannot match s.
func (g *gate) may(s string) bool {
	if g.need == nil {
		return true
	}
	if g.fold && (strings.Contains(s, "\u017f") || strings.Contains(s, "\u212a")) {
		return true // ſ folds to s and the Kelvin sign to k: leave such text to the pattern
	}
	for _, l := range g.need {
		if l.fold && containsFold(s, l.text) || !l.fold && strings.Contains(s, l.text) {
			return true
		}
	}
	return false
}

// containsFold reports whether s holds lower, an ASCII lower-case string, in any case.
func containsFold(s, lower string) bool {
	n := len(lower)
	lo, up := lower[0], lower[0]
	if lo >= 'a' && lo <= 'z' {
		up = lo - 0x20
	}
	nextLo, nextUp := -2, -2 // where each case of the first byte next stands, -1: nowhere
	for i := 0; i+n <= len(s); i++ {
		if nextLo != -1 && nextLo < i {
			if nextLo = strings.IndexByte(s[i:], lo); nextLo >= 0 {
				nextLo += i
			}
		}
		if nextUp != -1 && nextUp < i {
			if nextUp = strings.IndexByte(s[i:], up); nextUp >= 0 {
				nextUp += i
			}
		}
		switch {
		case nextLo < 0 && nextUp < 0:
			return false
		case nextLo < 0:
			i = nextUp
		case nextUp < 0:
			i = nextLo
		default:
			i = min(nextLo, nextUp)
		}
		if i+n > len(s) {
			return false
		}
		j := 1
		for j < n && s[i+j]|caseBit(s[i+j]) == lower[j] {
			j++
		}
		if j == n {
			return true
		}
	}
	return false
}

// caseBit is the bit that lowers an ASCII capital letter, 0 for any other byte.
func caseBit(b byte) byte {
	if b >= 'A' && b <= 'Z' {
		return 0x20
	}
	return 0
}

// MatchString is regexp's MatchString, run only where the pattern may match.
func (g *gatedRegexp) MatchString(s string) bool {
	c := g.compiled()
	return c.may(s) && c.Regexp.MatchString(s)
}

// FindString is regexp's FindString, run only where the pattern may match.
func (g *gatedRegexp) FindString(s string) string {
	c := g.compiled()
	if !c.may(s) {
		return ""
	}
	return c.Regexp.FindString(s)
}

// FindStringIndex is regexp's FindStringIndex, run only where the pattern may match.
func (g *gatedRegexp) FindStringIndex(s string) []int {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp's FindStringSubmatch, run only where the pattern may match.
func (g *gatedRegexp) FindStringSubmatch(s string) []string {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp's FindStringSubmatchIndex, run only where the pattern
// may match.
func (g *gatedRegexp) FindStringSubmatchIndex(s string) []int {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp's FindAllString, run only where the pattern may match.
func (g *gatedRegexp) FindAllString(s string, n int) []string {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp's FindAllStringIndex, run only where the pattern may match.
func (g *gatedRegexp) FindAllStringIndex(s string, n int) [][]int {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp's FindAllStringSubmatch, run only where the pattern may
// match.
func (g *gatedRegexp) FindAllStringSubmatch(s string, n int) [][]string {
	c := g.compiled()
	if !c.may(s) {
		return nil
	}
	return c.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex, run only where the
// pattern may match.
func (g *gatedRegexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	c := g.compiled()
	if !c.may(s) || n == 0 {
		return nil
	}
	if c.anchored != nil {
		return c.findAll(s, n)
	}
	return c.Regexp.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp's ReplaceAllString (not gated).
func (g *gatedRegexp) ReplaceAllString(src, repl string) string {
	return g.compiled().Regexp.ReplaceAllString(src, repl)
}

// String is the pattern's source text.
func (g *gatedRegexp) String() string { return g.expr }
