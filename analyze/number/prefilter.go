package number

import "strings"

// The expressions below are tried where NextStart points, at every "a", "at", "as", "some" and
// "over" of a text, and most tries find nothing. Trying numberRe and aUnitAway costs far more
// than reading whether they can match at all, so a scan of what each must begin with decides
// first: it says yes wherever the expression could match (and sometimes where it cannot), so
// that nothing is found or lost by it. TestPrefiltersAdmitEveryMatch holds them to that.

// numberApprox are the approximations numberRe may open with (its group 1), in its order.
var numberApprox = phrases(`nearly almost about around approximately roughly some more_than over less_than
	under up_to at_least at_most just_over just_under as_many_as as_much_as`)

// unitApprox are the approximations aUnitAway may open with (its group 1).
var unitApprox = phrases(`about around nearly almost roughly just_over just_under more_than less_than under over`)

// phrases are the fields of s, with "_" for the spaces inside a phrase.
func phrases(s string) []string {
	l := strings.Fields(s)
	for i, w := range l {
		l[i] = strings.ReplaceAll(w, "_", " ")
	}
	return l
}

// figureWords are the words a figure in words may begin with in numberRe: numWord's, and
// "half" ("half a dozen", "half of").
var figureWords = strings.Fields(`thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty
	fifty sixty seventy eighty ninety zero one two three four five six seven eight nine ten eleven twelve hundred
	dozen half`)

// aFigures are the words after "a" or "an" that make a figure with it: "a fifth", "a dozen", "a
// third", "a quarter".
var aFigures = strings.Fields(`fourth fifth sixth seventh eighth ninth tenth dozen third quarter`)

// unitWords are the units aUnitAway reads after "a" or "an", and the beginnings they share.
var unitWords = strings.Fields(`mile block kilomet yard met foot`)

// mayBeNumber reports whether numberRe may match s, the lower-cased text where a number may
// start.
func mayBeNumber(s []byte) bool { return atOrAfterApprox(s, numberApprox, figureOrSumAt) }

// mayBeUnitAway reports whether aUnitAway may match s.
func mayBeUnitAway(s []byte) bool { return atOrAfterApprox(s, unitApprox, aUnitAt) }

// atOrAfterApprox reports whether what at reads begins s, or follows one of approx and white
// space at its start.
func atOrAfterApprox(s []byte, approx []string, at func(s []byte, i int) bool) bool {
	if at(s, 0) {
		return true
	}
	for _, a := range approx {
		if !opensWith(s, a) {
			continue // most texts differ from most approximations in their first byte
		}
		if j, ok := afterWord(s, 0, a); ok && at(s, j) {
			return true
		}
	}
	return false
}

// opensWith reports whether s opens with the first byte of w, asked before whether it opens
// with w.
func opensWith(s []byte, w string) bool { return len(s) > 0 && s[0] == w[0] }

// afterWord reports whether s holds w at i followed by white space, and where the white space
// ends.
func afterWord(s []byte, i int, w string) (int, bool) {
	if !hasPrefixAt(s, i, w) {
		return 0, false
	}
	j := i + len(w)
	if j >= len(s) || !isSpaceByte(s[j]) {
		return 0, false
	}
	for j < len(s) && isSpaceByte(s[j]) {
		j++
	}
	return j, true
}

// figureOrSumAt reports a figure at i, or a currency sign or "euro" at i with a figure after
// it (or after one white space).
func figureOrSumAt(s []byte, i int) bool {
	if figureAt(s, i) {
		return true
	}
	n := 0
	for _, c := range []string{"$", "€", "£", "¥", "euro"} {
		if hasPrefixAt(s, i, c) {
			n = len(c)
			break
		}
	}
	if n == 0 {
		return false
	}
	j := i + n
	return figureAt(s, j) || j < len(s) && isSpaceByte(s[j]) && figureAt(s, j+1)
}

// figureAt reports whether a figure of numberRe's group 3 may begin at i.
func figureAt(s []byte, i int) bool {
	if i >= len(s) {
		return false
	}
	if s[i] >= '0' && s[i] <= '9' {
		return true
	}
	for _, w := range figureWords {
		if hasPrefixAt(s, i, w) {
			return true
		}
	}
	j, ok := afterArticle(s, i)
	if !ok {
		return false
	}
	for _, w := range aFigures {
		if hasPrefixAt(s, j, w) {
			return true
		}
	}
	return false
}

// aUnitAt reports whether "a" or "an", white space and a unit of aUnitAway may begin at i.
func aUnitAt(s []byte, i int) bool {
	j, ok := afterArticle(s, i)
	if !ok {
		return false
	}
	for j < len(s) && isSpaceByte(s[j]) {
		j++
	}
	for _, w := range unitWords {
		if hasPrefixAt(s, j, w) {
			return true
		}
	}
	return false
}

// afterArticle reports "a" or "an" and one white space at i, and where what follows begins.
func afterArticle(s []byte, i int) (int, bool) {
	if i >= len(s) || s[i] != 'a' {
		return 0, false
	}
	j := i + 1
	if j < len(s) && s[j] == 'n' {
		j++
	}
	if j >= len(s) || !isSpaceByte(s[j]) {
		return 0, false
	}
	return j + 1, true
}

func hasPrefixAt(s []byte, i int, w string) bool {
	return i <= len(s) && len(s)-i >= len(w) && string(s[i:i+len(w)]) == w
}

// isSpaceByte is \s of the expressions: [\t\n\f\r ].
func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' }

// The readers of what follows a figure (readSpacedScale, readGluedUnit, coordinated)
// lower-case a window of the text after it and match an anchored expression there, and most
// figures are followed by nothing they read. The scans below read the window's first bytes
// as written and say whether the expression may match the window lower-cased: a byte past
// ASCII, which lower-casing may turn into another, makes them say yes.

// foldsToOneOf reports whether b, lower-cased, is one of set's bytes, or b is past ASCII.
func foldsToOneOf(b byte, set string) bool {
	if b >= 0x80 {
		return true
	}
	if b >= 'A' && b <= 'Z' {
		b += 'a' - 'A'
	}
	return strings.IndexByte(set, b) >= 0
}

// mayBeSpacedScale reports whether spacedScale may match the lower-cased text from end: one
// white space, then "bn", "mln", "mn" or "m".
func mayBeSpacedScale(text string, end int) bool {
	return end+1 < len(text) && isSpaceByte(text[end]) && foldsToOneOf(text[end+1], "bm")
}

// mayBeGluedUnit reports whether gluedUnit may match the lower-cased text from end: its units
// begin with g, m, t, k or b.
func mayBeGluedUnit(text string, end int) bool {
	return end < len(text) && foldsToOneOf(text[end], "gmtkb")
}

// mayBeCoordinated reports whether coordinatedPair may match the lower-cased window: white
// space, a word of letters, white space, then "and" or "or" and white space.
func mayBeCoordinated(window string) bool {
	for i := 0; i < len(window); i++ {
		if window[i] >= 0x80 {
			return true
		}
	}
	i := 0
	skip := func(in func(b byte) bool) int {
		j := i
		for j < len(window) && in(window[j]) {
			j++
		}
		return j - i
	}
	if i += skip(isSpaceByte); i == 0 {
		return false
	}
	n := skip(isLetterByte)
	if i += n; n == 0 {
		return false
	}
	if n = skip(isSpaceByte); n == 0 {
		return false
	}
	i += n
	lower := func(k int) byte {
		if b := window[k]; b >= 'A' && b <= 'Z' {
			return b + 'a' - 'A'
		}
		return window[k]
	}
	for _, w := range [...]string{"and", "or"} {
		if len(window)-i > len(w) && isSpaceByte(window[i+len(w)]) {
			k := 0
			for k < len(w) && lower(i+k) == w[k] {
				k++
			}
			if k == len(w) {
				return true
			}
		}
	}
	return false
}

// mayBeScale reports whether scaleRe may match s, the lower-cased text after a figure: white
// space, a hyphen at most and white space, then a scale's or "percent"'s first letter, or a
// percent sign.
func mayBeScale(s []byte) bool {
	i := 0
	for i < len(s) && isSpaceByte(s[i]) {
		i++
	}
	if i < len(s) && s[i] == '-' {
		for i++; i < len(s) && isSpaceByte(s[i]); i++ {
		}
	} else if i < len(s) && s[i] == '%' {
		return true
	}
	return i < len(s) && strings.IndexByte("tmbp", s[i]) >= 0
}
