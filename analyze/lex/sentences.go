package lex

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// Span is a byte range [start, end) of an article's clean text.
type Span = crosscheck.Span

// Sentences splits text into sentences. A line break always ends one, so a headline without a
// full stop stands alone. Within a line, a full stop, question or exclamation mark ends a
// sentence when the next word starts with a capital, a digit or an opening quote — unless the
// mark closes a title ("Mr."), a month ("Oct."), an initial ("John F. Kennedy") or, before a word
// that rarely opens a sentence, a dotted abbreviation ("U.S. officials"). Closing quotes and
// brackets after the mark stay with the sentence they close, so a quote of several sentences
// splits where its sentences do and '"Are you sure?" he asked.' stays one sentence.
func Sentences(text string) []Span {
	var out []Span
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		out = splitLine(text, ls, le, out)
		ls = le + 1
	}
	return out
}

func splitLine(text string, ls, le int, out []Span) []Span {
	start := skipSpace(text, ls, le)
	stops := stopFinder{line: text[:le], at: [3]int{-1, -1, -1}}
	for i := stops.next(start); i < le; i = stops.next(i + 1) {
		c := text[i]
		end := i + 1
		for end < le {
			r, n := utf8.DecodeRuneInString(text[end:])
			if !isCloseMark(r) && r != '.' && r != '!' && r != '?' {
				break
			}
			end += n
		}
		next := skipSpace(text, end, le)
		if next == end || next >= le || !OpensSentence(text[next:le]) {
			i = end - 1
			continue
		}
		if c == '.' && !stopEnds(text[start:i], text[next:le]) {
			i = end - 1
			continue
		}
		out = append(out, Span{start, end})
		start, i = next, next-1
	}
	if e := TrimSpaceEnd(text, start, le); e > start {
		out = append(out, Span{start, e})
	}
	return out
}

// A stopFinder finds the marks that may end a sentence in a line, each mark by a search of its
// own: a line is searched for its full stops, not read byte by byte.
type stopFinder struct {
	line string // the text up to the end of the line
	at   [3]int // where the next of each of sentenceStops is, as last found, or -1
}

// sentenceStops are the marks that may end a sentence.
const sentenceStops = ".!?"

// next returns the offset of the first mark at or after i, or len(line).
func (f *stopFinder) next(i int) int {
	first := len(f.line)
	for k := range f.at {
		if f.at[k] < i {
			if j := strings.IndexByte(f.line[i:], sentenceStops[k]); j >= 0 {
				f.at[k] = i + j
			} else {
				f.at[k] = len(f.line)
			}
		}
		first = min(first, f.at[k])
	}
	return first
}

func skipSpace(text string, i, end int) int {
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	return i
}

// TrimSpaceEnd moves end back over the white space that ends text[start:end].
func TrimSpaceEnd(text string, start, end int) int {
	for end > start {
		r, n := utf8.DecodeLastRuneInString(text[start:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	return end
}

func isCloseMark(r rune) bool {
	return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || r == '»'
}

// OpensSentence reports whether s starts as a sentence does: a capital, a digit or an opening
// quote or bracket.
func OpensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || r == '"' || r == '“' || r == '‘' || r == '(' || r == '\'' || r == '«'
}

// stopEnds decides whether a full stop after before, followed by next, ends a sentence.
func stopEnds(before, next string) bool {
	j := len(before)
	for j > 0 && (IsASCIIWord(before[j-1]) || before[j-1] == '.') {
		j--
	}
	word := before[j:]
	lw := strings.ToLower(word)
	switch {
	case word == "":
		return true
	case lw == "no" || lw == "nos":
		return !unicode.IsDigit(rune(next[0])) // "No. 5"
	case titleAbbrev[lw] || monthAbbrev[lw]:
		return false
	case len(word) == 1 && isUpperByte(word[0]):
		return false // an initial
	case strings.Contains(word, ".") || IsAbbreviation(lw):
		// "U.S.", "a.m.", "Inc.": the end of a sentence only before a word that usually opens one
		return sentenceOpeners[strings.ToLower(firstWord(next))]
	}
	return true
}

func firstWord(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) {
			return s[:i]
		}
	}
	return s
}

// titleAbbrev are abbreviations that stand before a name and never end a sentence.
var titleAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "st": true, "prof": true, "rev": true, "sgt": true,
	"capt": true, "cmdr": true, "adm": true, "pres": true, "maj": true, "vs": true, "mt": true,
	"ft": true, "cpl": true, "pvt": true, "hon": true, "supt": true, "insp": true, "jr": true, "sr": true}

// TitleAbbrev says a word is an abbreviation that stands before a name ("Dr", "Sen"), whose
// full stop ends no sentence.
func TitleAbbrev(w string) bool { return titleAbbrev[strings.ToLower(w)] }

// abbreviations are the words written with a full stop that the quote reader and the
// sentence splitter know: titles, months, "U.S.", "Inc.".
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "st": true, "jr": true, "sr": true, "prof": true,
	"u.s": true, "u.n": true, "u.k": true, "inc": true, "corp": true, "co": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true, "sep": true, "oct": true,
	"nov": true, "dec": true, "rev": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "pres": true}

// IsAbbreviation says a lower-case word is one written with a full stop ("sen", "u.s", "inc").
func IsAbbreviation(w string) bool { return abbreviations[w] }

// MonthAbbrev says a lower-case word is a month's abbreviation ("sept", "oct").
func MonthAbbrev(w string) bool { return monthAbbrev[w] }

var monthAbbrev = map[string]bool{"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true,
	"aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true}

// sentenceOpeners are words that open sentences far more often than they follow an
// abbreviation inside one.
var sentenceOpeners = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the a an he she it they we i you his her its their our this that these
		those there but and so yet or if when while after before as in on at for from with by to of
		however meanwhile still also some many most one two three no not what who why how where
		earlier later then now today yesterday tomorrow last next such both each every all other
		under over during since until although though because according asked said`) {
		m[w] = true
	}
	return m
}()

// Tokens splits text into words and punctuation marks. A word keeps inner apostrophes, hyphens,
// full stops and digit separators ("don't", "son-in-law", "U.S.", "1,200.5"), and a short
// capitalised word keeps its final full stop when it is an abbreviation ("Mr.", "Oct.").
func Tokens(text string) []Span {
	out := AppendTokens(make([]Span, 0, len(text)/5+1), text) // news runs about five bytes a token
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendTokens appends the tokens of text, as Tokens finds them, to out.
func AppendTokens(out []Span, text string) []Span {
	i := 0
	for i < len(text) {
		r, n := runeAt(text, i)
		switch {
		case isSpace(r):
			i += n
		case isLetterOrDigit(r):
			j := wordEnd(text, i)
			out = append(out, Span{i, j})
			i = j
		default:
			out = append(out, Span{i, i + n})
			i += n
		}
	}
	return out
}

func wordEnd(text string, i int) int {
	j := i
	for j < len(text) {
		if isASCIIAlnum(text[j]) {
			j++ // most of a word is ASCII letters and digits: no rune to decode
			continue
		}
		r, n := runeAt(text, j)
		if isLetterOrDigit(r) {
			j += n
			continue
		}
		if (r == '.' || r == '\'' || r == '’' || r == '-' || r == ',') && j+n < len(text) {
			r2, _ := runeAt(text, j+n)
			inner := isLetterOrDigit(r2)
			if r == ',' {
				inner = unicode.IsDigit(r2) && j > i && isDigitByte(text[j-1])
			}
			if inner {
				j += n
				continue
			}
		}
		if r == '.' {
			w := strings.ToLower(text[i:j])
			if titleAbbrev[w] || monthAbbrev[w] || IsAbbreviation(w) || strings.Contains(w, ".") || (j-i == 1 && isUpperByte(text[i])) {
				j += n
			}
		}
		break
	}
	return j
}

// runeAt is the character at text[i] and its length, an ASCII byte read without decoding.
func runeAt(text string, i int) (rune, int) {
	if b := text[i]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRuneInString(text[i:])
}

// isSpace is unicode.IsSpace(r), ASCII answered first.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIISpace(byte(r))
	}
	return unicode.IsSpace(r)
}

// isLetterOrDigit is unicode.IsLetter(r) || unicode.IsDigit(r), ASCII answered first.
func isLetterOrDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return isASCIIAlnum(byte(r))
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isASCIIAlnum reports an ASCII letter or digit: the only ASCII bytes unicode.IsLetter and
// unicode.IsDigit accept.
func isASCIIAlnum(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }

// IsASCIIWord is a character regexp's \b counts as part of a word. It is asked of every byte
// of a text many times over, and answered from a table, one load where the ranges took a
// branch each.
func IsASCIIWord(b byte) bool { return asciiWord[b] }

var asciiWord = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
	}
	return t
}()

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
