package reconcile

import (
	"slices"
	"testing"
)

// The year a career began, told by its start or by its first work, is one fact; a first of a
// life ("her first marriage") is none of it.
func TestCareerStarts(t *testing.T) {
	got := dateFactLines(articlesOf(t,
		"Born in Dayton, Lina Marsh left her job as a clerk to begin a career in singing in 1961.",
		"Lina Marsh recorded her first album in 1958, and by the 1960s her songs were everywhere.",
		"Her career began in May 1961 when Lina Marsh sang at a fair in Dayton.",
	))
	if want := []string{"conflict: 1961 a,c | 1958 b"}; !slices.Equal(got, want) {
		t.Errorf("career years = %q, want %q", got, want)
	}
	got = dateFactLines(articlesOf(t,
		"Lina Marsh began a career in singing in 1961.",
		"Lina Marsh was married for the first time in 1958; her first marriage ended in 1960.",
	))
	if len(got) != 0 {
		t.Errorf("a first marriage joined the career's start: %q", got)
	}
	for text, want := range map[string]bool{
		"She posed for her first pin-up photos in 1947":   true,
		"He made his professional debut in 1961":          true,
		"His career took off in 1970":                     true,
		"She had her first child in 1947":                 false,
		"The company began its expansion in 1947":         false,
		"She ended her career in 1947 and retired there.": false,
	} {
		arts := articlesOf(t, text)
		s := newStory(arts)
		var read bool
		for _, c := range s.dateClaims(yearKind()) {
			read = read || startsCareer(c)
		}
		if read != want {
			t.Errorf("startsCareer(%q) = %v, want %v", text, read, want)
		}
	}
}

// yearKind is the grain of years of dateKinds.
func yearKind() dateKind {
	for _, k := range dateKinds {
		if k.name == "year" {
			return k
		}
	}
	panic("no year grain")
}
