package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A part of a run, a streak and a margin are no rivals of a plain count; two plain counts
// are, and so are two parts.
func TestScopesApart(t *testing.T) {
	s := storyOf(t,
		"Hale played 15 seasons in the league.",
		"Hale spent his first 11 seasons with the Comets.",
		"The Comets had lost 10 games by March.",
		"The Comets are on a three-game losing streak.",
		"Pryor had 17 points for the Comets.",
		"The Comets led by 18 points at the half.",
		"Hale played 14 seasons in the league.",
		"Hale spent his last 12 seasons with the Comets.",
		"Pryor scored 19 points.")
	cases := []struct {
		kind  string
		a, b  [3]string // article, text, value
		apart bool
	}{
		{"count", [3]string{"a", "15 seasons", "15 seasons"}, [3]string{"b", "11 seasons", "11 seasons"}, true},
		{"count", [3]string{"c", "10 games", "10 games"}, [3]string{"d", "three-game", "3 games"}, true},
		{"count", [3]string{"e", "17 points", "17 points"}, [3]string{"f", "18 points", "18 points"}, true},
		{"count", [3]string{"a", "15 seasons", "15 seasons"}, [3]string{"g", "14 seasons", "14 seasons"}, false},
		{"count", [3]string{"b", "11 seasons", "11 seasons"}, [3]string{"h", "12 seasons", "12 seasons"}, false},
		{"count", [3]string{"e", "17 points", "17 points"}, [3]string{"i", "19 points", "19 points"}, false},
		{"measure", [3]string{"a", "15 seasons", "15 seasons"}, [3]string{"b", "11 seasons", "11 seasons"}, false},
	}
	for _, c := range cases {
		values := []crosscheck.FactValue{factValue(s, c.a[0], c.a[1], c.a[2]), factValue(s, c.b[0], c.b[1], c.b[2])}
		got := valueList(s.scopesApart(c.kind, values))
		want := []string{c.a[2], c.b[2]}
		if c.apart {
			want = want[:1]
		}
		if !slices.Equal(got, want) {
			t.Errorf("scopesApart(%s, %q, %q) = %q, want %q", c.kind, c.a[1], c.b[1], got, want)
		}
	}
}

// A count tallied over a run of games or seasons is no rival of one tallied over another run
// or over none; two counts over one run are.
func TestRunsApart(t *testing.T) {
	s := storyOf(t,
		"Ruiz finished the year with 33 homers and 121 RBIs.",
		"With the Comets he hit 13 homers in 54 games.",
		"Ruiz hit 30 homers in each of the past five seasons.",
		"Ruiz has hit 26 homers in each of the past five seasons, one outlet says.",
		"Ruiz hit 31 homers this year.")
	cases := []struct {
		a, b  [3]string
		apart bool
	}{
		{[3]string{"a", "33 homers", "33 homers"}, [3]string{"b", "13 homers", "13 homers"}, true},
		{[3]string{"c", "30 homers", "30 homers"}, [3]string{"d", "26 homers", "26 homers"}, false},
		{[3]string{"c", "30 homers", "30 homers"}, [3]string{"b", "13 homers", "13 homers"}, true},
		{[3]string{"a", "33 homers", "33 homers"}, [3]string{"e", "31 homers", "31 homers"}, false},
	}
	for _, c := range cases {
		values := []crosscheck.FactValue{factValue(s, c.a[0], c.a[1], c.a[2]), factValue(s, c.b[0], c.b[1], c.b[2])}
		got := valueList(s.runsApart("count", values))
		want := []string{c.a[2], c.b[2]}
		if c.apart {
			want = want[:1]
		}
		if !slices.Equal(got, want) {
			t.Errorf("runsApart(%q, %q) = %q, want %q", c.a[1], c.b[1], got, want)
		}
	}
}

// Distances that run in other directions or from other places are two distances; one
// direction written two ways is one.
func TestBearingsApart(t *testing.T) {
	s := storyOf(t,
		"The quake was centred 23 miles north of Santa Rosa.",
		"I live 25 miles south of the quake.",
		"The epicentre was 35 miles southwest of Bandar Abbas.",
		"It struck about 58km (36 miles) south - west of Bandar Abbas.",
		"The quake was 26 miles from the city.")
	cases := []struct {
		a, b  [3]string
		apart bool
	}{
		{[3]string{"a", "23 miles", "23 miles"}, [3]string{"b", "25 miles", "25 miles"}, true},
		{[3]string{"c", "35 miles", "35 miles"}, [3]string{"d", "36 miles", "36 miles"}, false},
		{[3]string{"a", "23 miles", "23 miles"}, [3]string{"e", "26 miles", "26 miles"}, false},
	}
	for _, c := range cases {
		values := []crosscheck.FactValue{factValue(s, c.a[0], c.a[1], c.a[2]), factValue(s, c.b[0], c.b[1], c.b[2])}
		got := valueList(s.bearingsApart("measure", values))
		want := []string{c.a[2], c.b[2]}
		if c.apart {
			want = want[:1]
		}
		if !slices.Equal(got, want) {
			t.Errorf("bearingsApart(%q, %q) = %q, want %q", c.a[1], c.b[1], got, want)
		}
	}
}

// A sum paid by the period is no rival of a total; two rates are rivals.
func TestRatesApart(t *testing.T) {
	s := storyOf(t,
		"The club will still pay Hale $2 million.",
		"His deal paid him about $4 million a year.",
		"Ruiz signed for $23 million per season.",
		"Ruiz signed for $25 million a season.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "$2 million", "2000000 USD"),
		factValue(s, "b", "$4 million", "4000000 USD"),
	}
	if got := valueList(s.ratesApart("money", values)); !slices.Equal(got, []string{"2000000 USD"}) {
		t.Errorf("ratesApart = %q, want the rate apart from the total", got)
	}
	rates := []crosscheck.FactValue{
		factValue(s, "c", "$23 million", "23000000 USD"),
		factValue(s, "d", "$25 million", "25000000 USD"),
	}
	if got := s.ratesApart("money", rates); len(got) != 2 {
		t.Errorf("ratesApart dropped a rival rate: %q", valueList(got))
	}
}

// A figure whose span runs past the end of its sentence (a sentence cut inside "5 mln dlrs.")
// has no words after it to read, and reading them does not slice past the sentence.
func TestScopesOfFigurePastSentence(t *testing.T) {
	s := storyOf(t, "Sales rose 5 seasons. Then they fell 4 games in a row.")
	a := s.byID["a"]
	sp, ok := a.figureSentence(0, 1)
	if !ok {
		t.Fatal("no sentence")
	}
	start := strings.Index(a.Text, "5 seasons")
	end := sp[1] + len(" Then")
	if end <= sp[1] || start >= sp[1] {
		t.Fatalf("sentence %v does not end between %d and %d", sp, start, end)
	}
	if got := a.countScope(start, end); got != "" {
		t.Errorf("countScope = %q, want \"\"", got)
	}
	if got := a.tallyRun(start, end); got != "" {
		t.Errorf("tallyRun = %q, want \"\"", got)
	}
}
