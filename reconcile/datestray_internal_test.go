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
		"When Marsh left office on Aug. 9, 1974, the two reporters shared the secret with their editor.",
		"The scandal ultimately led to the resignation of Governor Marsh in 1974.",
	)
	if want := []string{"agree: 1974 a,b"}; !slices.Equal(got, want) {
		t.Errorf("the year of a day: date facts = %q, want %q", got, want)
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

// The days no fact took that two articles tie to one verb date one act, and conflict when
// they differ; a verb one article ties to two days dates several acts.
func TestDaysOfOneVerb(t *testing.T) {
	got := dateFactsOf(t,
		"Planes bombed the camp on Thursday. The president would not retaliate for the reported bombing of Guffa in the north on Tuesday, which killed seven.",
		"Planes bombed the camp on Thursday, officials said. The Wednesday bombings in the north drew condemnation from the United Nations.",
	)
	if want := []string{"agree: Thursday a,b", "conflict: Tuesday a | Wednesday b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
	got = dateFactsOf(t,
		"Planes bombed the camp on Thursday. The president would not retaliate for the reported bombing of Guffa in the north on Tuesday, which killed seven.",
		"Planes bombed the camp on Thursday, officials said. The Wednesday bombings in the north drew condemnation, as did the Monday bombings in the east.",
	)
	if want := []string{"agree: Thursday a,b"}; !slices.Equal(got, want) {
		t.Errorf("a verb of two days in one article: date facts = %q, want %q", got, want)
	}
}

// Two verbs of one act ("was built", "was constructed") date one event; a verb of another
// act ("was sold") does not.
func TestVerbsOfOneAct(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"built", "constructed", true},
		{"arrested", "detained", true},
		{"bombed", "shelled", true}, // an attack
		{"convicted", "sentenced", false},
		{"built", "sold", false},
		{"built", "", false},
	} {
		if got := oneAct(verbStem(tc.a), verbStem(tc.b)); got != tc.want {
			t.Errorf("oneAct(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	got := dateFactsOf(t,
		"The old creamery, which stands on the corner of Main Street, was built in 1935 by the colony's farmers.",
		"Firefighters said the wooden warehouse was constructed in 1935, predating statehood by two decades.",
	)
	if want := []string{"agree: 1935 a,b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}
