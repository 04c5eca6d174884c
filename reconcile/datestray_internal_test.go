package reconcile

import (
	"slices"
	"testing"
)

// A year two outlets each give once, beside one name, dates one episode whatever verb each
// tells it with; two years with no name by them stay apart, and a year an article gives twice
// is left alone.
func TestStrayYears(t *testing.T) {
	got := dateFactsOf(t,
		"Back in 1970, Hale struck up a conversation with a stranger while both were waiting in a crowded hallway of the ministry.",
		"The friendship that shaped a generation of reporters began about 1970 when Hale was a young naval officer.",
	)
	if want := []string{"agree: 1970 a,b"}; !slices.Equal(got, want) {
		t.Errorf("a name by both years: date facts = %q, want %q", got, want)
	}
	got = dateFactsOf(t,
		"In 1947, she filed for divorce and moved to the city.",
		"She posed for her first photographs on a beach in 1947.",
	)
	if len(got) != 0 {
		t.Errorf("no name by either year: date facts = %q, want none", got)
	}
	got = dateFactsOf(t,
		"Back in 1970, Hale struck up a conversation with a stranger while both were waiting in a crowded hallway of the ministry.",
		"The friendship that shaped a generation of reporters began about 1970 when Hale was a young naval officer. His daughter was born in 1970.",
	)
	if len(got) != 0 {
		t.Errorf("a year given twice by one article: date facts = %q, want none", got)
	}
}

// The words before a clock time or a year that hedge or bound it stay in its label.
func TestTimeHedges(t *testing.T) {
	for before, want := range map[string]string{
		"The fire was spotted shortly after ": "shortly after",
		"The shooting occurred about ":        "about",
		"Orozco was found just before ":       "just before",
		"The call came in at ":                "",
		"Police arrived at around ":           "around",
	} {
		if got := timeHedge(before); got != want {
			t.Errorf("timeHedge(%q) = %q, want %q", before, got, want)
		}
	}
	for text, want := range map[string]string{"about 1970": "about", "circa 1970": "circa", "1970": "", "June 1970": ""} {
		if got := hedgedText(text); got != want {
			t.Errorf("hedgedText(%q) = %q, want %q", text, got, want)
		}
	}
	got := dateFactsOf(t,
		"The alarm at the mill sounded shortly after 3:30 p.m. on the first floor.",
		"The alarm at the mill sounded at 3:30 p.m. on the first floor, workers said.",
	)
	if want := []string{"agree: shortly after 15:30 a,b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}
