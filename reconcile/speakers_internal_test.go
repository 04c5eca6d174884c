package reconcile

import (
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// A speaker is read against the entities of its article: a name an entity bears, without the
// role before it; a name cut short as the person it starts; a name no entity bears as a
// fragment, unknown; a description by its head noun.
func TestSpeakerOf(t *testing.T) {
	a := &crosscheck.Article{ID: "a", Entities: []crosscheck.Entity{
		{Name: "Ines Kolar", Kind: "person", Aliases: []string{"Kolar"}},
		{Name: "Tomas J. Brell", Kind: "person"},
		{Name: "Ana Brell", Kind: "person", Aliases: []string{"Mrs. Brell"}},
		{Name: "Delta Water Board", Kind: "org"},
	}}
	s := newStory([]*crosscheck.Article{a})
	for _, c := range []struct {
		who  string
		want speaker
	}{
		{"Ines Kolar", speaker{name: "Ines Kolar", last: "Kolar", kind: "person"}},
		{"Delta County Public Works Director Ines Kolar", speaker{name: "Ines Kolar", last: "Kolar", kind: "person"}},
		{"Kolar's", speaker{name: "Ines Kolar", last: "Kolar", kind: "person"}},
		{"Tomas J.", speaker{name: "Tomas J. Brell", last: "Brell", kind: "person"}},
		{"Mrs. Brell", speaker{name: "Ana Brell", last: "Brell", kind: "person"}},
		{"Delta Water Board", speaker{name: "Delta Water Board", last: "Board", kind: "org"}},
		{"Flood waters rose", speaker{}},
		{"Two", speaker{last: "Two"}},
		{"Although Brell", speaker{name: "Tomas J. Brell", last: "Brell", kind: "person"}},
		{"Although Quist", speaker{}},
		{"Mara Quist", speaker{name: "Mara Quist", last: "Quist", kind: "person"}},
		{"a sign at the gate", speaker{head: "sign"}},
		{"he", speaker{}},
		{"The Delta Courier", speaker{name: "The Delta Courier", last: "Courier", kind: "org"}},
		{"The Courier article", speaker{head: lex.Stem("article")}},
	} {
		if got := s.speakerOf(s.arts[0], c.who); got != c.want {
			t.Errorf("%q: %+v, want %+v", c.who, got, c.want)
		}
	}
}

// A company and a person may voice one quote; two people of other names may not.
func TestSpeakerMatchOrgAndPerson(t *testing.T) {
	amd := speaker{name: "AMD", last: "AMD", kind: "org"}
	lu := speaker{name: "Lu", last: "Lu", kind: "person"}
	su := speaker{name: "Lisa Su", last: "Su", kind: "person"}
	if got := amd.match(lu); got != 0 {
		t.Errorf("AMD and Lu: %d, want 0", got)
	}
	if got := lu.match(su); got != -1 {
		t.Errorf("Lu and Lisa Su: %d, want -1", got)
	}
}
