package number

import "github.com/crosscheck/crosscheck/analyze/lex"

// Most numbers are figures in digits, and every figure is followed by a try of tailPart. The
// scans below read them as the expressions do, without the regexp package's backtracker, which
// cost most of the reading of a number; TestScannersMatchTheirPatterns holds them to the
// expressions.

// digitFigureEnd is where the figure in digits that begins s ends, as the first three of
// figureAlternatives match it, the first that matches winning — a mixed fraction ("4 1/2",
// "4 1 / 2"), digits in groups of three ("1,200", "20, 000.5"), digits ("3.5") — or 0.
func digitFigureEnd(s []byte) int {
	digits := digitRun(s, 0)
	if digits == 0 {
		return 0
	}
	if e := mixedFractionEnd(s, digits); e > 0 {
		return e
	}
	if e := groupedDigitsEnd(s, digits); e > 0 {
		return e
	}
	return decimalsEnd(s, digits)
}

// mixedFractionEnd is the end of `\d+ \d ?/ ?[2-9]\b` where its first digits end at i, or 0.
func mixedFractionEnd(s []byte, i int) int {
	if !byteAt(s, i, ' ') || !isDigit(s, i+1) {
		return 0
	}
	i += 2
	if byteAt(s, i, ' ') {
		i++
	}
	if !byteAt(s, i, '/') {
		return 0
	}
	i++
	if byteAt(s, i, ' ') {
		i++
	}
	if i >= len(s) || s[i] < '2' || s[i] > '9' || !wordEnds(s, i+1) {
		return 0
	}
	return i + 1
}

// groupedDigitsEnd is the end of `\d{1,3}(?:, ?\d{3}\b)+(?:\.\d+)?` where its first digits
// end at i, or 0.
func groupedDigitsEnd(s []byte, i int) int {
	if i > 3 {
		return 0
	}
	groups := 0
	for byteAt(s, i, ',') {
		j := i + 1
		if byteAt(s, j, ' ') {
			j++
		}
		if digitRun(s, j) != 3 || !wordEnds(s, j+3) {
			break
		}
		i, groups = j+3, groups+1
	}
	if groups == 0 {
		return 0
	}
	return decimalsEnd(s, i)
}

// decimalsEnd is the end of `(?:\.\d+)?` at i, after a figure's whole digits.
func decimalsEnd(s []byte, i int) int {
	if byteAt(s, i, '.') {
		if n := digitRun(s, i+1); n > 0 {
			return i + 1 + n
		}
	}
	return i
}

// digitRun is the number of digits from i on.
func digitRun(s []byte, i int) int {
	n := 0
	for isDigit(s, i+n) {
		n++
	}
	return n
}

func isDigit(s []byte, i int) bool { return i < len(s) && s[i] >= '0' && s[i] <= '9' }

func byteAt(s []byte, i int, b byte) bool { return i < len(s) && s[i] == b }

// wordEnds reports `\b` at i after a word byte: the end of s or a byte that is no word byte.
func wordEnds(s []byte, i int) bool { return i >= len(s) || !lex.IsASCIIWord(s[i]) }

// tailGroups are tailPart's match and groups as FindSubmatchIndex gives them: the match, the
// unit after a hyphen, the noun after it, the words after white space.
type tailGroups [2 * 4]int

// matchTail matches tailPart at the start of s, the lower-cased text after a figure and its
// scale, as tailRe does: a unit joined by a hyphen and the noun after it ("-year long war",
// " - point plan"), or else one or two words after white space ("additional documents").
func matchTail(s []byte) (g tailGroups, ok bool) {
	g = tailGroups{0, 0, -1, -1, -1, -1, -1, -1}
	if end, ok := hyphenUnit(s, &g); ok {
		g[1] = end
		return g, true
	}
	i := spaceRun(s, 0)
	words := letterRun(s, i)
	if i == 0 || words == 0 {
		return tailGroups{}, false
	}
	end := i + words
	if j := end + spaceRun(s, end); j > end {
		if n := letterRun(s, j); n > 0 {
			end = j + n
		}
	}
	g[1], g[6], g[7] = end, 0, end
	return g, true
}

// hyphenUnit matches ` ?- ?([a-z]+)(?:[\s-]+(?:long\s+|old\s+)?([a-z]+))?`, tailPart's first
// way, writing its groups into g, and says where it ends.
func hyphenUnit(s []byte, g *tailGroups) (int, bool) {
	i := 0
	if byteAt(s, i, ' ') {
		i++
	}
	if !byteAt(s, i, '-') {
		return 0, false
	}
	i++
	if byteAt(s, i, ' ') {
		i++
	}
	n := letterRun(s, i)
	if n == 0 {
		return 0, false
	}
	g[2], g[3] = i, i+n
	i += n
	j := i
	for j < len(s) && (isSpaceByte(s[j]) || s[j] == '-') {
		j++
	}
	if j == i {
		return i, true
	}
	noun := j
	for _, w := range [...]string{"long", "old"} {
		if hasPrefixAt(s, j, w) {
			if k := j + len(w) + spaceRun(s, j+len(w)); k > j+len(w) && letterRun(s, k) > 0 {
				noun = k // "four-year long war": the noun after "long"
			}
			break
		}
	}
	n = letterRun(s, noun)
	if n == 0 {
		return i, true
	}
	g[4], g[5] = noun, noun+n
	return noun + n, true
}

// spaceRun is the number of white space bytes (\s) from i on.
func spaceRun(s []byte, i int) int {
	n := 0
	for i+n < len(s) && isSpaceByte(s[i+n]) {
		n++
	}
	return n
}

// letterRun is the number of bytes of [a-z] from i on.
func letterRun(s []byte, i int) int {
	n := 0
	for i+n < len(s) && s[i+n] >= 'a' && s[i+n] <= 'z' {
		n++
	}
	return n
}
