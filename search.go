package crosscheck

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// SearchHit is an article that matches a search, with a passage around the match: the
// matched words are between \x02 and \x03.
type SearchHit struct {
	Article string `json:"article"`
	Story   string `json:"story,omitempty"`
	Title   string `json:"title"`
	Source  string `json:"source"`
	Date    string `json:"published"`
	Snippet string `json:"snippet"`
}

// StoryQuery selects stories for the story list: those with an article that matches Q, from
// Outlet, published between From and To (dates as YYYY-MM-DD; empty: any).
type StoryQuery struct {
	Q, Outlet, From, To string
	Limit, Offset       int
}

// Outlet is a source and how many articles it has in the store.
type Outlet struct {
	Name     string `json:"name"`
	Articles int    `json:"articles"`
}

// A search's work is bounded: at most MaxSearchWords distinct words of at most
// MaxSearchWordLen bytes each are looked up, a word shorter than three letters only as a whole
// word (as a prefix it would match most of the index), and a passage is cut from the first
// PassageWindow bytes of an article only.
const (
	MaxSearchWords   = 8
	MaxSearchWordLen = 64
	PassageWindow    = 64 << 10
)

// SearchTerms are the words of what a person types that a search looks up, folded, once each.
func SearchTerms(q string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range strings.FieldsFunc(q, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		w = strings.ToLower(w)
		if len(w) > MaxSearchWordLen || seen[w] {
			continue
		}
		seen[w] = true
		if out = append(out, w); len(out) == MaxSearchWords {
			break
		}
	}
	return out
}

// WholeWordTerm reports whether a search term is looked up only as a whole word: one of one or
// two letters, which as a prefix would match most of the index.
func WholeWordTerm(t string) bool { return len([]rune(t)) < 3 }

// Passage is the words around the first of the terms in text, about sixteen of them, with each
// matched word between \x02 and \x03: a word matches a term it starts with (a term of one or
// two letters, a word it equals), case and diacritics aside.
func Passage(text string, terms []string) string {
	words := strings.Fields(text)
	matches := func(w string) bool {
		f := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }))
		f = FoldDiacritics(f)
		for _, t := range terms {
			t = FoldDiacritics(t)
			if WholeWordTerm(t) && f == t || !WholeWordTerm(t) && strings.HasPrefix(f, t) {
				return true
			}
		}
		return false
	}
	first := 0
	for i, w := range words {
		if matches(w) {
			first = i
			break
		}
	}
	from, to := max(0, first-6), min(len(words), first+10)
	var b strings.Builder
	if from > 0 {
		b.WriteString("…")
	}
	for i := from; i < to; i++ {
		if i > from {
			b.WriteByte(' ')
		}
		if matches(words[i]) {
			b.WriteString("\x02" + words[i] + "\x03")
		} else {
			b.WriteString(words[i])
		}
	}
	if to < len(words) {
		b.WriteString("…")
	}
	return b.String()
}

// FoldDiacritics drops the marks on letters ("é" → "e"), as search indexes fold them.
func FoldDiacritics(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
