package date

import (
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// Every phrase Find reports is read by the small expressions below, and the regexp package's
// set-up of a match costs more than the reading; they are scans, which
// TestScansAnswerAsTheirPatterns holds to the expressions they replace.

// holdsYear reports a word of four digits in s, as `\b\d{4}\b` finds one: "in 1988", "1990s"
// is none.
func holdsYear(s string) bool {
	for i := 0; i < len(s); {
		if !lex.IsASCIIWord(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && lex.IsASCIIWord(s[j]) {
			j++
		}
		if j-i == 4 && isDigitByte(s[i]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) && isDigitByte(s[i+3]) {
			return true
		}
		i = j
	}
	return false
}

// monthNamed reports an expression that names a month ("March", "Oct. 23"), as
// `\b(?:monthRe)(?:\s|,|$)` finds one: a month's name or abbreviation as a word, a full stop
// at most after it, then white space, a comma or the end.
func monthNamed(e string) bool {
	for i := 0; i < len(e); {
		if !isLowerByte(e[i]) || i > 0 && lex.IsASCIIWord(e[i-1]) {
			i++
			continue
		}
		j := i
		for j < len(e) && isLowerByte(e[j]) {
			j++
		}
		if _, ok := lex.MonthNames[e[i:j]]; ok {
			k := j
			if k < len(e) && e[k] == '.' {
				k++
			}
			if k == len(e) || isSpace(e[k]) || e[k] == ',' {
				return true
			}
		}
		i = j
	}
	return false
}

// isQuarterValue reports a quarter's value, as `^\d{4}-Q[1-4]$` reads one: "1989-Q3".
func isQuarterValue(v string) bool {
	return len(v) == 7 && isDigitByte(v[0]) && isDigitByte(v[1]) && isDigitByte(v[2]) && isDigitByte(v[3]) &&
		v[4] == '-' && v[5] == 'Q' && v[6] >= '1' && v[6] <= '4'
}

// prepositions are the words stripPreposition takes off a phrase.
var prepositions = lex.WordSet(`in since by until from to of during on over through thru between`)

// maxPreposition bounds the prepositions' length, for a buffer on the stack.
const maxPreposition = 8

// stripPreposition takes a preposition and the white space after it off the start of p ("in
// March" is "March"), as leadingPreposition does: in any case, and, where a letter past ASCII
// may fold to one of them ("ſince"), by the pattern itself.
func stripPreposition(p string) string {
	j := 0
	for j < len(p) && (isLetter(p[j]) || p[j] >= 0x80) {
		if p[j] >= 0x80 {
			if loc := leadingPreposition.FindStringIndex(p); loc != nil {
				return p[loc[1]:]
			}
			return p
		}
		j++
	}
	if j == 0 || j > maxPreposition || j == len(p) || !isSpace(p[j]) {
		return p
	}
	var buf [maxPreposition]byte
	if !prepositions[string(lex.LowerASCII(buf[:0], p[:j]))] {
		return p
	}
	for j < len(p) && isSpace(p[j]) {
		j++
	}
	return p[j:]
}

func isLowerByte(b byte) bool { return b >= 'a' && b <= 'z' }

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// isSpace is \s of the expressions: [\t\n\f\r ].
func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r' }
