package nlp

import (
	"strings"
	"testing"
)

// A weekday after a capitalised run ends no person's name: "he" is never "Le Parisien
// Wednesday".
func TestWeekdayEndsNoName(t *testing.T) {
	text := `Ana Ruiz said in an interview with Le Parisien Wednesday. But, he said, "the situation would be worse."`
	for _, q := range Quotes(text) {
		if strings.Contains(q.Speaker, "Wednesday") {
			t.Errorf("%q attributed to %q", q.Text, q.Speaker)
		}
	}
}
