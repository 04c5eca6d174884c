package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A length followed by "after" or "before" an event dates an act against that event; a
// length of anything else measures it.
func TestRelativeTime(t *testing.T) {
	for _, tc := range []struct {
		text, length, value, want string
	}{
		{"He first spoke with the source two days after the break-in.", "two days", "P2D", "2 days after the break-in"},
		{"Orozco was found about three hours after the shooting at the apartment.", "about three hours", "PT3H", "3 hours after the shooting"},
		{"She was released one week before her trial began.", "one week", "P1W", "1 week before her trial"},
		{"The talks lasted two days in the capital.", "two days", "P2D", ""},
		{"She died two days after suffering a stroke.", "two days", "P2D", ""}, // no noun phrase: the act is told by a verb
		{"Three months after the merger of the two firms, it closed.", "Three months", "P3M", "3 months after the merger"},
	} {
		at := strings.Index(tc.text, tc.length)
		d := crosscheck.Date{Text: tc.length, Start: at, End: at + len(tc.length), Value: tc.value, Type: "DURATION"}
		got, ok := relativeTime(tc.text, d)
		if got != tc.want || ok != (tc.want != "") {
			t.Errorf("relativeTime(%q) = %q, %v; want %q", tc.text, got, ok, tc.want)
		}
	}
	got := dateFactsOf(t,
		"The two met from June 19, 1972, two days after the break-in, to November 1973.",
		"Woodward said he first spoke with the source about the scandal two days after the break-in.",
	)
	if !strings.Contains(strings.Join(got, " "), "agree: 2 days after the break-in a,b") {
		t.Errorf("date facts = %q, want the time after the break-in in a and b", got)
	}
}
