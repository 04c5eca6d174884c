package entity_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/analyze/entity"
)

// Storms, wars, publications and a body named after its leader are no one; a sheriff's title
// is no part of his name; a company bought from or by another is no place.
func TestThingsThatAreNoPerson(t *testing.T) {
	for _, tc := range []struct {
		text, name, kind string
	}{
		{"The clinic was rebuilt after Hurricane Katrina flooded the town.", "Hurricane Katrina", "event"},
		{"He served in the Army during World War II and came home in 1946.", "World War II", "event"},
		{"In 2005 he told Vanity Fair magazine that he was the source. According to Vanity Fair, he kept quiet.", "Vanity Fair", "org"},
		{"He was troubled by the crimes of the Nixon White House and said nothing.", "White House", "org"},
		{"\"It was an attack,\" Sheriff Lee Baca said on Sunday.", "Lee Baca", "person"},
		{"The deal follows Intel's purchase of the networking business from QLogic in January.", "Intel", "org"},
		{"She led the Human Genome Project for a decade.", "Human Genome Project", "org"},
	} {
		es := entitiesOf(tc.text)
		if got := es[tc.name].Kind; got != tc.kind {
			t.Errorf("%q: %q is %q, want %q (found %v)", tc.text, tc.name, got, tc.kind, names(es))
		}
	}
	for _, tc := range []struct{ text, name string }{
		{"\"It was an attack,\" Sheriff Lee Baca said on Sunday.", "Sheriff Lee Baca"},
		{"The deal follows Intel's purchase of the networking business from QLogic in January.", "QLogic"},
		{"He sold the chips from Intel to buyers in Asia after Intel's purchase of the unit.", "Intel"},
		{"In 2008 she won a MacArthur Fellowship for her work.", "MacArthur Fellowship"},
	} {
		if e, ok := entitiesOf(tc.text)[tc.name]; ok && (e.Kind == "place" || e.Kind == "person") {
			t.Errorf("%q: %q is a %s", tc.text, tc.name, e.Kind)
		}
	}
}

func names(es map[string]entity.Entity) []string {
	var out []string
	for n, e := range es {
		out = append(out, n+"/"+e.Kind)
	}
	return out
}

// A name before a lower-case noun of a body is the body's: "the Weather Underground movement".
func TestNameBeforeABodyNoun(t *testing.T) {
	text := "He was convicted of burglaries against the radical Weather Underground movement in 1980."
	if e, ok := entitiesOf(text)["Weather Underground"]; !ok || e.Kind != "org" {
		t.Errorf("%q: Weather Underground is %+v", text, e)
	}
}

// A title misspelt by a letter before a given name and a surname is the role, not the name;
// a given name of that spelling before a surname is a name.
func TestMisspeltTitleBeforeAName(t *testing.T) {
	es := entitiesOf("State Fire Marshall John Bond surveyed the scene on Tuesday.")
	if e, ok := es["John Bond"]; !ok || len(e.Roles) == 0 || e.Roles[0].Text != "State Fire Marshall" {
		t.Errorf("John Bond: %+v (found %v)", e, names(es))
	}
	es = entitiesOf("The report was written by Marshall Smith on Tuesday.")
	if _, ok := es["Marshall Smith"]; !ok {
		t.Errorf("Marshall Smith not found: %v", names(es))
	}
	for w, want := range map[string]string{"Marshall": "Marshal", "Senators": "", "Office": "", "Bond": ""} {
		if got := entity.TitleSpelling(w); got != want {
			t.Errorf("TitleSpelling(%q) = %q, want %q", w, got, want)
		}
	}
}
