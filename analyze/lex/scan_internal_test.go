package lex

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// appendTokensByRune is AppendTokens decoding every character, without its ASCII paths: the
// reference they keep to.
func appendTokensByRune(out []Span, text string) []Span {
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := wordEndByRune(text, i)
			out = append(out, Span{i, j})
			i = j
		default:
			out = append(out, Span{i, i + n})
			i += n
		}
	}
	return out
}
func wordEndByRune(text string, i int) int {
	j := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j += n
			continue
		}
		if (r == '.' || r == '\'' || r == '’' || r == '-' || r == ',') && j+n < len(text) {
			r2, _ := utf8.DecodeRuneInString(text[j+n:])
			inner := unicode.IsLetter(r2) || unicode.IsDigit(r2)
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

var tokenTexts = []string{"", "U.S. officials said 1,200.5 people—or 3,4 of them—left.", "Mr. O’Brien's co-op", "naïve café\u00a0x\u2003y",
	"\xff\xfe a.b. Jan. 5", "x\x85y\tz\v", "A. B. c.", "e.g. it's 12,345"}

func checkTokens(t *testing.T, s string) {
	if got, want := AppendTokens(nil, s), appendTokensByRune(nil, s); !slices.Equal(got, want) {
		t.Fatalf("AppendTokens(%q) = %v, want %v", s, got, want)
	}
}

func TestTokensReadASCIIAsEveryCharacter(t *testing.T) {
	for _, s := range tokenTexts {
		checkTokens(t, s)
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	f.Fuzz(checkTokens)
}

// splitLineByByte is splitLine reading the line byte by byte for the marks that may end a
// sentence: the reference its search by mark keeps to.
func splitLineByByte(text string, ls, le int, out []Span) []Span {
	start := skipSpace(text, ls, le)
	for i := start; i < le; i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
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

// sentencesByByte is Sentences splitting its lines with splitLineByByte.
func sentencesByByte(text string) []Span {
	var out []Span
	for ls := 0; ls < len(text); {
		le := strings.IndexByte(text[ls:], '\n')
		if le < 0 {
			le = len(text)
		} else {
			le += ls
		}
		out = splitLineByByte(text, ls, le, out)
		ls = le + 1
	}
	return out
}

func checkSentences(t *testing.T, s string) {
	if got, want := Sentences(s), sentencesByByte(s); !slices.Equal(got, want) {
		t.Fatalf("Sentences(%q) = %v, want %v", s, got, want)
	}
}

func TestSentencesFindStopsByMark(t *testing.T) {
	for _, s := range append(tokenTexts, "He left. She stayed! Why? \"Are you sure?\" he asked.\nNo. 5 is U.S. Mr. Smith... Done?!", "a.\n.b", "?") {
		checkSentences(t, s)
	}
}

func FuzzSentencesByMark(f *testing.F) {
	for _, s := range tokenTexts {
		f.Add(s)
	}
	f.Fuzz(checkSentences)
}
