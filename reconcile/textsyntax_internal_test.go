package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A date's clause, read from the tree, is the verb it attaches to with that verb's subject and
// object whole, or the noun it modifies; a date the tree ties to nothing has none.
func TestDatedClause(t *testing.T) {
	for _, tc := range []struct{ sentence, date, want string }{
		{"The old mill was constructed in 1935 by farmers.", "1935", "old mill was constructed"},                                                        // the verb and its subject
		{"In 1970, he was indicted for bribing the entire police force of Old Harwick.", "1970", "he was indicted for bribing the entire police force"}, // a date that opens its sentence; the act a gerund names
		{"Mills filed for bankruptcy in November 1983.", "November 1983", "Mills filed for bankruptcy"},                                                 // the first thing after the verb
		{"In January 1955, she was the centerfold model in a fledgling magazine.", "January 1955", "she was the centerfold model"},                      // a copula's noun
		{"He admitted the ruse at an April 2003 federal hearing.", "April 2003", "he admitted the ruse at a federal hearing"},                           // a noun's modifier, and the verb the noun hangs on
		{"Dana Kell died of heart failure at her home in Harwick on Thursday.", "Thursday", "Dana Kell died of heart failure"},                          // a date after a noun hangs on the verb
		{"Tuesday.", "Tuesday", ""},
	} {
		a := &crosscheck.Article{ID: "a", Text: tc.sentence}
		s := newStory([]*crosscheck.Article{a})
		i := strings.Index(tc.sentence, tc.date)
		art := s.arts[0]
		if got := art.datedClause(art.sentenceAt(i), i, i+len(tc.date)); got != tc.want {
			t.Errorf("datedClause(%q, %q) = %q, want %q", tc.sentence, tc.date, got, tc.want)
		}
	}
}
