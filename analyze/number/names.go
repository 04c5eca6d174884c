package number

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// partOfName reports a figure at i that ends a name rather than counting anything: bare
// digits written right after a capitalised word inside a sentence, as model, route, flight
// and version numbers are ("BlackBerry Curve 8900", "state Route 52", "Boeing 737",
// "Internet Explorer 10"). A capitalised word that opens the sentence, a month or a day, or
// a function word ("About 52", "In 2008") is no name; nor is a figure with a thousands comma or
// decimals ("Obama 52.3"), which names do not carry.
func partOfName(text string, i, end int) bool {
	fig := text[i:end]
	if fig == "" || strings.IndexFunc(fig, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return false
	}
	if end < len(text) && (text[end] == ',' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9' || text[end] == '.' && end+1 < len(text) && text[end+1] >= '0' && text[end+1] <= '9') {
		return false
	}
	if m := figureAfterName.FindStringSubmatch(strings.ToLower(text[end:min(len(text), end+16)])); m != nil {
		if m[1] != "" {
			return false // "Evansville 91-73": a score
		}
		if w := singular(m[2]); durationWords[w] || unitNames[w] != "" || measureAfterName[w] {
			return false // "with John 12 weeks ago": a figure of time or measure after a name
		}
	}
	if i < 2 || text[i-1] != ' ' {
		return false
	}
	before := text[:i-1]
	j := strings.LastIndexFunc(before, func(r rune) bool { return !unicode.IsLetter(r) })
	word := before[j+1:]
	r, _ := utf8.DecodeRuneInString(word)
	if utf8.RuneCountInString(word) < 2 || !unicode.IsUpper(r) {
		return false
	}
	if _, month := lex.LowerKey(lex.MonthNames, word); month || lex.LowerIs(weekdays, word) || lex.LowerIs(lex.Stopwords, word) {
		return false
	}
	rest := strings.TrimRight(before[:j+1], " ")
	last, _ := utf8.DecodeLastRuneInString(rest)
	return rest != "" && !strings.ContainsRune(".!?:\"“'‘(", last) // not the sentence's first word
}

// figureAfterName is what follows a figure: a score's dash or "to" and digits (group 1), or a
// word (group 2).
var figureAfterName = regexp.MustCompile(`^(?:(\s?[-–]\s?\d|\s+to\s+\d)|\s+([a-z]+|%))`)

// measureAfterName are the words after a figure that make it a figure even after a name.
var measureAfterName = lex.WordSet("percent % per point people person mile")

var weekdays = lex.WordSet("monday tuesday wednesday thursday friday saturday sunday")
