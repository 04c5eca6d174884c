package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// valuesOf is, for the facts of the story whose values include want, each value with the
// articles that state it: "52 people=a" and "50 people=b,c".
func valuesOf(facts []crosscheck.Fact, want string) [][]string {
	var out [][]string
	for _, f := range facts {
		if !slices.ContainsFunc(f.Values, func(v crosscheck.FactValue) bool { return v.Value == want }) {
			continue
		}
		var vs []string
		for _, v := range f.Values {
			arts := slices.Clone(v.Articles)
			slices.Sort(arts)
			vs = append(vs, v.Value+"="+strings.Join(arts, ","))
		}
		slices.Sort(vs)
		out = append(out, vs)
	}
	return out
}

// wantValues fails the test unless the facts whose values include value are want.
func wantValues(t *testing.T, facts []crosscheck.Fact, value string, want ...[]string) {
	t.Helper()
	if got := valuesOf(facts, value); !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("%s: values = %q, want %q", value, got, want)
	}
}

// An article that hedges a figure and also gives it exactly is counted for the exact one
// alone; a hedge an article gives alone stays its value.
func TestPreciseOverHedges(t *testing.T) {
	s := storyOf(t,
		"A rocket strike that killed about 50 villagers hit the market on Monday. Doctors at the clinic said 52 people were killed in the market strike.",
		"Officials said 50 people were killed in the rocket strike on the market on Monday.",
		"Medics said about 50 people were killed in the rocket strike on the market on Monday.")
	wantValues(t, s.numberFacts(), "52 people", []string{"50 people=b,c", "52 people=a"})
}

// A figure of one person is not a value of another's: the record one player broke and the
// total another set with the same figure are two facts, and the second rivals the total the
// same player is given elsewhere. "He" stands for the person the sentences before name.
func TestOwnersApart(t *testing.T) {
	s := storyOf(t,
		"Dana Reyes broke Tom Morgan's record of 3,412 yards passing on Sunday.",
		"Denver quarterback Tom Morgan held the old record at 3,412 yards.",
		"Dana Reyes was sharp all day. He also set a rookie record for a season with 3,412 yards passing.",
		"Dana Reyes also set a rookie record for a season with 3,530 passing yards.")
	facts := s.numberFacts()
	wantValues(t, facts, "3530 yards", []string{"3412 yards=c", "3530 yards=d"})
	var morgan []string
	for _, f := range facts {
		if len(f.Values) == 1 && f.Values[0].Value == "3412 yards" {
			morgan = f.Values[0].Articles
		}
	}
	if slices.Sort(morgan); !slices.Equal(morgan, []string{"a", "b"}) {
		t.Errorf("Morgan's record stated in %q, want [a b]", morgan)
	}
}

// The person a subject pronoun stands for is the one named first in the nearest sentence
// before that does not open on a pronoun itself.
func TestAntecedent(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"Dana Reyes was poor early on. But after that he found Lee Park deep for a score. And he set a record with 300 yards.", "reyes"},
		{"Dana Reyes threw early. It rained. The crowd left. The lights went out. The band played. He set a record with 300 yards.", ""},
	} {
		a := analyzed(t, tc.text)
		if got := a.antecedent(len(a.sentences) - 1); got != tc.want {
			t.Errorf("antecedent in %q = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// A name written after "the" is a team's or a body's: its figures are no person's.
func TestFirmOwner(t *testing.T) {
	for _, tc := range []struct {
		text, owner string
		firm        bool
	}{
		{"Lee Park (101 yards) and Dana Reyes (226 yards) led the attack.", "reyes", true},
		{"Dana Reyes held the old record at 3,412 yards.", "reyes", true},
		{"Dana Reyes picked off a pass from Lee Park and took it back 32 yards.", "", false},
	} {
		a := analyzed(t, tc.text)
		n := a.Numbers[len(a.Numbers)-1]
		r, _ := a.readNumber(n)
		if owner, firm := a.firmOwner(n.Start, r.owner); firm != tc.firm || firm && owner != tc.owner {
			t.Errorf("firmOwner in %q = %q, %v; want %q, %v", tc.text, owner, firm, tc.owner, tc.firm)
		}
	}
	a := analyzed(t, "The Hawks gave up 400 yards. Coach Ann Hawks said the Hawks were tired.")
	if !a.calledThe("hawks") || a.calledThe("ann") {
		t.Errorf("calledThe: the Hawks are a team, Ann is not")
	}
}

// A thing the whole story counts by one figure is one count, in whatever words each
// article puts it; a thing counted by two figures, people, or a hedged figure are left to
// the sentences to sort.
func TestSoleFigure(t *testing.T) {
	s := storyOf(t,
		"Its songs will now have three-tiered pricing, the company said on Tuesday.",
		"The flat rate gave way to three price tiers.",
		"Jobs unveiled a new three-tier pricing for the catalogue.")
	wantValues(t, s.numberFacts(), "3 tiers in the pricing", []string{"3 tiers in the pricing=a,b,c"})
	a, b := &article{}, &article{}
	count := func(art *article, thing string, v float64, approx bool) claim {
		return claim{art: art, value: v, approx: approx, read: reading{kind: "count", thing: thing, unit: thing}}
	}
	for _, tc := range []struct {
		name   string
		claims []claim
		want   bool
	}{
		{"one figure of a thing", []claim{count(a, "tier", 3, false), count(b, "tier", 3, false)}, true},
		{"two figures of a thing", []claim{count(a, "port", 3, false), count(b, "port", 2, false), count(b, "port", 3, false)}, false},
		{"people", []claim{count(a, "nurse", 3, false), count(b, "nurse", 3, false)}, false},
		{"a hedge", []claim{count(a, "tier", 3, true), count(b, "tier", 3, false)}, false},
	} {
		if got := soleFigure(tc.claims); got != tc.want {
			t.Errorf("%s: soleFigure = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// A hedged figure after a dateline's dash is a count, not the second figure of a score, and
// two modifiers joined by "and" before the counted noun leave it the noun.
func TestDatelineCount(t *testing.T) {
	a := analyzed(t, "WASHINGTON - May 4 - More than 900 federal and state scientists urged the agency to act.")
	r, ok := a.readNumber(a.Numbers[0])
	if !ok || r.rule != "count" || r.label != "900 scientists" {
		t.Errorf("read %+v, %v; want the count 900 scientists", r, ok)
	}
}

// Things counted by the people they came from are the count of the things.
func TestThingsFromPeople(t *testing.T) {
	s := storyOf(t,
		"The council ignored letters from 2,000 residents and approved the tower.",
		"Since March the council has received about 2,000 letters on the tower plan.",
		"Some 2,000 letters on the tower plan reached the council.")
	wantValues(t, s.numberFacts(), "2000 letters", []string{"2000 letters=a,b,c"})
}
