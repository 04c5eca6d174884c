package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// factList writes each fact as factValues does.
func factList(facts []crosscheck.Fact) []string {
	var out []string
	for _, f := range facts {
		out = append(out, factValues(f))
	}
	return out
}

// factValues writes a fact as "subject: verdict value:articles | …".
func factValues(f crosscheck.Fact) string {
	var vs []string
	for _, v := range f.Values {
		vs = append(vs, v.Value+":"+strings.Join(slices.Sorted(slices.Values(v.Articles)), ","))
	}
	return f.Subject + ": " + f.Verdict + " " + strings.Join(vs, " | ")
}

// Where a company is based, before it ("Based in Calden, California, Norvik …") or as its
// adjective ("the Calden, Calif.-based Norvik"); the state as agencies abbreviate it.
func TestSeatFacts(t *testing.T) {
	s := storyOf(t,
		"The deal closed on Monday. Based in Calden, California, Norvik makes small servers.",
		"Analysts said the Calden, Calif. - based Norvik had 80 employees.",
		"The Opteron-based Servers were shown. Norvik was sold.")
	got := factList(s.seatFacts())
	if want := []string{"headquarters of Norvik: agree Calden, Calif.:a,b"}; !slices.Equal(got, want) {
		t.Errorf("seatFacts = %q, want %q", got, want)
	}
}

// Died at home against died in a hospice near the home: a conflict; two homes agree, and are
// left to placeFacts.
func TestDeathPlaceFacts(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  []string
	}{
		{[]string{"Ivo Mandl died of heart failure Thursday at his home in Calden, Calif., his family said.",
			"Ivo Mandl died Thursday at his home in Calden, Calif.",
			"Ivo Mandl died yesterday at a hospice near his home in Calden, California, a newspaper said."},
			[]string{"where Ivo Mandl died: conflict at his home in Calden:a,b | at a hospice near his home in Calden:c"}},
		{[]string{"Ivo Mandl died Thursday at his home in Calden.", "Ivo Mandl died at his home in Calden on Thursday."}, nil},
	} {
		got := factList(storyOf(t, tc.texts...).deathPlaceFacts())
		if !slices.Equal(got, tc.want) {
			t.Errorf("deathPlaceFacts(%q) = %q, want %q", tc.texts, got, tc.want)
		}
	}
}

// A place few articles name is a fact when two name it as the place of one act.
func TestActPlace(t *testing.T) {
	s := storyOf(t,
		"Three groups filed a lawsuit in U.S. District Court in San Francisco on Thursday. The rule protects herons.",
		"Several groups filed a lawsuit in federal court in San Francisco hours later. The rule protects herons.",
		"The rule protects herons, officials said.",
		"The rule protects herons and egrets, officials said.",
		"Officials said the rule protects herons.")
	for _, f := range s.placeFacts() {
		if f.Values[0].Value == "San Francisco" {
			if got := factValues(f); !strings.Contains(got, "filed a lawsuit") || !strings.HasSuffix(got, "agree San Francisco:a,b") {
				t.Errorf("place of the lawsuit = %q", got)
			}
			return
		}
	}
	t.Errorf("no place for the lawsuit in %+v", s.placeFacts())
}

// The school of each degree a profile gives, the degree written any of its ways; two names of
// one school agree, shown as most write it or in most words; another school conflicts.
func TestDegreeFacts(t *testing.T) {
	s := storyOf(t,
		"Ana Vell leads the clinic. Vell received her BS in Chemistry from Calden University, Port Aldy, and an MD degree from the University of Norvik, Aldy. She completed her residency in family medicine at the Medical Center of East Calden.",
		"Ana Vell leads the clinic. Vell earned a bachelor's degree in 1979 from Calden University of Aldy and a doctor of medicine degree from the University of Norvik at Aldy in 1984. She earned a master's degree in business administration in 1991 from Orrin University.",
		"Ana Vell leads the clinic. Vell completed her undergraduate degree at Calden University in Port Aldy. She holds an MBA from Tessel University.")
	got := factList(s.degreeFacts())
	want := []string{
		"school of Ana Vell’s undergraduate degree: agree Calden University:a,b,c",
		"school of Ana Vell’s medical degree: agree University of Norvik at Aldy:a,b",
		"school of Ana Vell’s MBA: conflict Orrin University:b | Tessel University:c",
	}
	if !slices.Equal(got, want) {
		t.Errorf("degreeFacts =\n%q\nwant\n%q", got, want)
	}
}

// Two spellings of a surname that an article gives two of a family are the surname's
// spellings; one person's name spelled two ways stays a name.
func TestFamilySpelling(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string
	}{
		{[]string{"The army said Hamas men Omar Abu Salem and Rami Abu Salem were killed in the raid.",
			"The dead included Hamas men Omar and Rami Abu Saleem, the army said."},
			"spelling of the surname Abu Salem: conflict Abu Salem:a | Abu Saleem:b"},
		{[]string{"The army said Rami Abu Salem was killed in the raid.", "The dead included Rami Abu Saleem, the army said."},
			"spelling of the name of Rami Abu Salem: conflict Rami Abu Salem:a | Rami Abu Saleem:b"},
	} {
		got := factList(storyOf(t, tc.texts...).nameFacts())
		if !slices.Contains(got, tc.want) {
			t.Errorf("nameFacts(%q) = %q, want %q among them", tc.texts, got, tc.want)
		}
	}
}

// One person told with another given name of the same initial, in sentences about one thing:
// a conflict of given names; a short form of a given name, or names said of other things, are
// no conflict.
func TestGivenNameRivals(t *testing.T) {
	for _, tc := range []struct {
		texts []string
		want  string // "" for no conflict of Tessel's given name
	}{
		{[]string{"Dario Tessel also featured the dancer in \"The Lantern Knight\" comics from the early 1980s.",
			"She inspired a character in Dale Tessel's 1982 comic series The Lantern Knight, and a film."},
			"given name of Tessel (The Lantern Knight): conflict Dario Tessel:a | Dale Tessel:b"},
		{[]string{"Phil Tessel showed the new laptop on Tuesday.", "Philip Tessel showed the new laptop on Tuesday."}, ""},
		{[]string{"Dario Tessel won the race in Calden.", "Dale Tessel sold his bakery to a chain last spring."}, ""},
	} {
		got := ""
		for _, f := range storyOf(t, tc.texts...).nameFacts() {
			if strings.Contains(f.Subject, "Tessel") {
				got = factValues(f)
			}
		}
		if got != tc.want {
			t.Errorf("nameFacts(%q) = %q, want %q", tc.texts, got, tc.want)
		}
	}
}

// The author of a piece, "who wrote" it or the piece "by" them: one piece when the words of
// one name are in the other's; a piece named by its noun alone is no fact.
func TestAuthorFacts(t *testing.T) {
	s := storyOf(t,
		"The ranger died on Monday, said family friend Omar Tessel, who wrote the 2005 Harbor Monthly article on the case.",
		"Omar Tessel, a family friend who wrote the 2005 Harbor Monthly article, spoke on Monday.",
		"His secret came out in a Harbor Monthly article by his family's lawyer, Omar Tessel, in 2005.",
		"She read a letter by her stepson, Rami Vell, in court.",
		"A letter written by Rami Vell was read.")
	got := factList(s.authorFacts())
	if want := []string{"author of the 2005 Harbor Monthly article: agree Omar Tessel:a,b,c"}; !slices.Equal(got, want) {
		t.Errorf("authorFacts = %q, want %q", got, want)
	}
}
