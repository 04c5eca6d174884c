package reconcile

import "testing"

// A count of people that each send or cast one thing counts the things: "comments from
// 300,000 citizens" are 300,000 comments; "letters from 1,300 scientists" stay scientists.
func TestEachFrom(t *testing.T) {
	for text, want := range map[string]string{
		"The agency ignored comments from 300,000 citizens and went ahead.": "300000 comments",
		"The agency ignored letters from 1,300 scientists and went ahead.":  "1300 scientists",
		"The party won votes from nearly 40,000 farmers in the north.":      "40000 votes",
	} {
		a := analyzed(t, text)
		got := ""
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok {
				got = r.label
			}
		}
		if got != want {
			t.Errorf("%q: read %q, want %q", text, got, want)
		}
	}
}
