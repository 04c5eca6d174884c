package eval

import (
	"strings"

	"github.com/crosscheck/crosscheck/nlp"
)

// DateScores count temporal expressions resolved to their gold value.
type DateScores struct {
	Total    int               `json:"expressions"`
	Right    int               `json:"right"`
	Accuracy float64           `json:"accuracy"`
	ByType   map[string][2]int `json:"by_type"` // type → [right, total]
}

// Add scores one resolution: right when it equals the gold value at the gold's granularity —
// a resolution finer than the gold ("1997-12-05" for "1997-12") counts when it starts with it.
func (s *DateScores) Add(typ, gold, got string) bool {
	if s.ByType == nil {
		s.ByType = map[string][2]int{}
	}
	ok := got != "" && (got == gold || (len(gold) >= 4 && len(got) > len(gold) && strings.HasPrefix(got, gold) && got[len(gold)] == '-'))
	c := s.ByType[typ]
	c[1]++
	s.Total++
	if ok {
		c[0]++
		s.Right++
	}
	s.ByType[typ] = c
	s.Accuracy = rate(s.Right, s.Total)
	return ok
}

// SentenceBefore returns the words of context, a window of a document, from the start of the
// sentence that holds byte offset at up to it.
func SentenceBefore(context string, at int) string {
	for _, s := range nlp.Sentences(context) {
		if s[0] <= at && at < s[1] {
			return context[s[0]:at]
		}
	}
	return ""
}
