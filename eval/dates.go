package eval

import (
	"strings"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// DateScores count temporal expressions resolved to their gold value.
type DateScores struct {
	// Strict takes a gold X literally: "1989-WXX" is then matched by no numbered week.
	Strict bool `json:"strict"`

	Total    int               `json:"expressions"`
	Right    int               `json:"right"`    // under the reading Strict chooses
	Accuracy float64           `json:"accuracy"` // under the reading Strict chooses
	ByType   map[string][2]int `json:"by_type"`  // type → [right, total], under that reading

	// The three readings side by side: the value exactly as the gold writes it; a finer value
	// starting with the gold's counted too, with the gold's X literal; and with X any digit.
	Exact         int     `json:"exact"`
	ExactAccuracy float64 `json:"exact_accuracy"`
	StrictRight   int     `json:"strict_right"`
	AnyDigitRight int     `json:"any_digit_right"`
}

// Add scores one resolution: right when it equals the gold value at the gold's granularity.
// A resolution finer than the gold ("1997-12-05" for "1997-12", "T17:00" for "T17") counts
// when it starts with it, and a digit the gold leaves unspecified ("1989-WXX", "1988-QX")
// matches any digit.
func (s *DateScores) Add(typ, gold, got string) bool {
	if s.ByType == nil {
		s.ByType = map[string][2]int{}
	}
	ok := got != "" && matchesAt(got, gold, s.Strict)
	if got != "" && got == gold {
		s.Exact++
	}
	if got != "" && matchesAt(got, gold, true) {
		s.StrictRight++
	}
	if got != "" && matchesAt(got, gold, false) {
		s.AnyDigitRight++
	}
	c := s.ByType[typ]
	c[1]++
	s.Total++
	if ok {
		c[0]++
		s.Right++
	}
	s.ByType[typ] = c
	s.Accuracy = rate(s.Right, s.Total)
	s.ExactAccuracy = rate(s.Exact, s.Total)
	return ok
}

// SentenceBefore returns the words of context, a window of a document, from the start of the
// sentence that holds byte offset at up to it.
func SentenceBefore(context string, at int) string {
	for _, s := range lex.Sentences(context) {
		if s[0] <= at && at < s[1] {
			return context[s[0]:at]
		}
	}
	return ""
}

// matchesAt reports whether got equals gold where gold specifies it: gold's X stands for any
// digit unless strict, and got may go on past gold to a finer unit.
func matchesAt(got, gold string, strict bool) bool {
	if got == gold {
		return true
	}
	// a trailing part the gold leaves unspecified says nothing: "1990-XX-XX" is 1990, "19XX"
	// the century 19
	for !strict && strings.HasSuffix(gold, "-XX") {
		gold = strings.TrimSuffix(gold, "-XX")
	}
	if !strict && len(gold) == 4 && strings.HasSuffix(gold, "XX") {
		gold = gold[:2]
	}
	if got == gold {
		return true
	}
	if len(got) < len(gold) || len(gold) < 4 {
		return false
	}
	for i := range len(gold) {
		if gold[i] != got[i] && !(!strict && gold[i] == 'X' && got[i] >= '0' && got[i] <= '9') {
			return false
		}
	}
	return len(got) == len(gold) || got[len(gold)] == '-' || got[len(gold)] == ':'
}
