package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// The main-text extractor can fall back on two other algorithms (Readability and DOM
// Distiller) when it judges its own result poor. The fallback raises recall on pages whose
// article is split over several containers, but it can also take a reader comment for the
// article or keep the breadcrumbs and share bar around it. Both extractions are made and one
// is chosen per page by what the fallback adds.

// proseWords is how many words make a line of running text rather than page furniture.
const proseWords = 12

// maxProseLinks is the share of a line's text inside links above which it is navigation.
const maxProseLinks = 0.3

// minOverlap is the share of the default extraction's words the fallback must hold to count
// as the same article: below it, the two took different parts of the page.
const minOverlap = 0.5

// minDefaultWords is the size below which the default extraction is no article at all, and
// any fallback is better.
const minDefaultWords = 25

// chooseExtraction returns the default extraction's lines, or the fallback's when it holds
// the same article and adds more running text (long lines, few links) than furniture.
func chooseExtraction(plain, fallback []block) []block {
	pw := wordSet(plain)
	fw := wordSet(fallback)
	switch {
	case len(fw.has) == 0:
		return plain
	case pw.total < minDefaultWords:
		if fw.total > pw.total {
			return fallback
		}
		return plain
	case overlap(pw, fw) < minOverlap:
		return plain
	}
	if prose, furniture := novelText(fallback, pw); prose >= proseWords && prose > furniture {
		return fallback
	}
	return plain
}

// novelText counts the words of lines that are mostly missing from known: those in running
// text (long lines, few links), and the others.
func novelText(lines []block, known words) (prose, furniture int) {
	var folded []byte
	for _, b := range lines {
		n, novel := 0, 0
		eachWord(b.text, func(w string) {
			n++
			if isLowerASCII(w) {
				if !known.has[w] {
					novel++
				}
				return
			}
			folded = appendLower(folded[:0], w)
			if !known.has[string(folded)] {
				novel++
			}
		})
		if novel*2 <= n {
			continue // a line known has too
		}
		if n >= proseWords && float64(b.linkBytes) <= maxProseLinks*float64(len(b.text)) {
			prose += novel
		} else {
			furniture += novel
		}
	}
	return prose, furniture
}

// needsFallback reports whether the page holds running text the default extraction lacks:
// when it holds none, the fallback can add only furniture, and is not worth making.
func needsFallback(doc *html.Node, plain []block) bool {
	pw := wordSet(plain)
	if pw.total < minDefaultWords {
		return true
	}
	prose, _ := novelText(blockLines(doc), pw)
	return prose >= proseWords
}

// words is the set of folded words of an extraction, and how many words it has.
type words struct {
	has   map[string]bool
	total int
}

func wordSet(lines []block) words {
	w := words{has: map[string]bool{}}
	for _, b := range lines {
		// the words are keys of the map: cut from one folded copy of the line, not each made
		eachWord(strings.ToLower(b.text), func(x string) {
			w.has[x] = true
			w.total++
		})
	}
	return w
}

// overlap is the share of a's distinct words that b holds.
func overlap(a, b words) float64 {
	if len(a.has) == 0 {
		return 0
	}
	n := 0
	for w := range a.has {
		if b.has[w] {
			n++
		}
	}
	return float64(n) / float64(len(a.has))
}

// eachWord calls f with each word of s in turn: each run of letters and digits. A word of a
// folded line is the folded word of the line, so lines may be split first and their words
// folded after, one at a time.
func eachWord(s string, f func(w string)) {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
		} else if start >= 0 {
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// isLowerASCII reports whether s is ASCII without a capital, which folding leaves as it is.
func isLowerASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// appendLower appends s folded as strings.ToLower folds it.
func appendLower(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// joinLines writes lines one a line.
func joinLines(lines []block) string {
	var sb strings.Builder
	for i, b := range lines {
		if i > 0 {
			sb.WriteByte('\n')
		}
		sb.WriteString(b.text)
	}
	return sb.String()
}
