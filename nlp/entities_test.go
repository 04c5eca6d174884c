package nlp_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/clean"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/nlp"
)

func entitiesOf(text string) map[string]nlp.Entity {
	m := map[string]nlp.Entity{}
	for _, e := range nlp.Entities(text, nlp.Sentences(text), nlp.Tokens(text)) {
		m[e.Name] = e
	}
	return m
}

func roleTexts(e nlp.Entity) []string {
	var r []string
	for _, x := range e.Roles {
		r = append(r, x.Text)
	}
	return r
}

func TestEntitiesAliasesAndRoles(t *testing.T) {
	text := "Russian President Vladimir Putin met Steve Witkoff and Jared Kushner, son-in-law of former U.S. President Donald Trump, in Moscow. " +
		"Yuri Ushakov, a senior adviser to Putin, said the talks were useful. Ushakov added that the Russian leader was open. " +
		"The Kremlin said Trump would be told.\n\nFighting went on near Pokrovsk and in Russian-controlled Luhansk."
	es := entitiesOf(text)
	putin := es["Vladimir Putin"]
	if putin.Kind != "person" || !slices.Contains(putin.Aliases, "Putin") || !slices.Contains(putin.Aliases, "the Russian leader") {
		t.Errorf("Putin: %+v", putin)
	}
	if !slices.Contains(roleTexts(putin), "Russian President") {
		t.Errorf("Putin's roles %q", roleTexts(putin))
	}
	if r := roleTexts(es["Jared Kushner"]); !slices.Contains(r, "son-in-law of Donald Trump") {
		t.Errorf("Kushner's roles %q", r)
	}
	if r := roleTexts(es["Donald Trump"]); !slices.Contains(r, "former U.S. President") {
		t.Errorf("Trump's roles %q", r)
	}
	ushakov := es["Yuri Ushakov"]
	if r := roleTexts(ushakov); !slices.Contains(r, "senior adviser to Vladimir Putin") || len(ushakov.Mentions) != 2 {
		t.Errorf("Ushakov: roles %q, %d mentions", r, len(ushakov.Mentions))
	}
	for name, kind := range map[string]string{"Moscow": "place", "Kremlin": "org", "Pokrovsk": "place", "Luhansk": "place", "Steve Witkoff": "person"} {
		if es[name].Kind != kind {
			t.Errorf("%s: kind %q, want %q", name, es[name].Kind, kind)
		}
	}
	for _, e := range es {
		for _, m := range e.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Errorf("%s: mention %q at [%d,%d) reads %q", e.Name, m.Text, m.Start, m.End, text[m.Start:m.End])
			}
		}
		for _, r := range e.Roles {
			if r.Start < 0 || r.End > len(text) || r.Start >= r.End {
				t.Errorf("%s: role %q has span [%d,%d)", e.Name, r.Text, r.Start, r.End)
			}
		}
		if e.Kind == "person" && strings.Contains(e.Name, "Luhansk") {
			t.Errorf("a place taken for a person: %q", e.Name)
		}
	}
}

func TestEntitiesIgnoreHeadlinesAndMenus(t *testing.T) {
	text := "Kushner and Witkoff Meet Putin as Ukraine Peace Efforts Continue\n1. HOME\n\nJared Kushner met Vladimir Putin on Tuesday."
	for name := range entitiesOf(text) {
		if strings.Contains(name, " and ") || strings.Contains(name, "Efforts") || name == "HOME" {
			t.Errorf("entity %q from a headline or a menu", name)
		}
	}
}

// TestSeedEntities checks the people and roles the seed gold's facts rest on.
func TestSeedEntities(t *testing.T) {
	dir := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	want := map[string]struct{ person, role string }{
		"000_6f7de8062ea9ba3a": {"Donald Trump", "former U.S. President"},
		"001_4ca82ed4cbe05626": {"Donald Trump", "President"},
		"002_3d242797057cde70": {"Donald Trump", "President"},
		"003_19817d5f41e8f76a": {"Yuri Ushakov", "foreign policy adviser to Vladimir Putin"},
		"004_62117c75850675db": {"Vladimir Putin", "Russian President"},
	}
	for id, w := range want {
		raw, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		es := entitiesOf(clean.Article(clean.Input{Text: string(raw), TitleInText: true}).Text)
		if r := roleTexts(es[w.person]); !slices.Contains(r, w.role) {
			t.Errorf("%s: %s has roles %q, want %q", id, w.person, r, w.role)
		}
		if es["Moscow"].Kind != "place" && id != "004_62117c75850675db" {
			t.Errorf("%s: Moscow is %+v", id, es["Moscow"])
		}
	}
}

func FuzzEntities(f *testing.F) {
	for _, s := range []string{"Russian President Vladimir Putin, a", "X, the ", "the Russian leader", "Mr. A’s son-in-law, B", ", , ,"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, e := range nlp.Entities(text, nlp.Sentences(text), nlp.Tokens(text)) {
			for _, m := range e.Mentions {
				if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v out of %q", m, text)
				}
			}
		}
	})
}

func TestResolveSpeakers(t *testing.T) {
	text := "Russian President Vladimir Putin met the envoys in Moscow. Fighting went on in Luhansk."
	es := nlp.Entities(text, nlp.Sentences(text), nlp.Tokens(text))
	quotes := []nlp.Quote{{Speaker: "Putin’s"}, {Speaker: "Moscow"}, {Speaker: "Russian-controlled Luhansk"}, {Speaker: "Jane Doe"}}
	nlp.ResolveSpeakers(quotes, es)
	for i, want := range []string{"Vladimir Putin", "", "", "Jane Doe"} {
		if quotes[i].Speaker != want {
			t.Errorf("quote %d: speaker %q, want %q", i, quotes[i].Speaker, want)
		}
	}
}

// An appositive role goes on over "and" to a second title or inside a name, and stops at an
// "and" that opens a clause. A role naming an organisation does not repeat its words.
func TestAppositiveRolesWithAnd(t *testing.T) {
	for _, tc := range []struct{ text, name, role string }{
		{"The deal was signed by Ruth Ober, president and CEO of Harbor Lines, on Monday.", "Ruth Ober", "president and CEO of Harbor Lines"},
		{"Amir Holt, a former director of the Fish and Wildlife Service, said the rule was weak.", "Amir Holt", "former director of the Fish and Wildlife Service"},
		{"Lena Ortiz, the mayor and her deputy, spoke.", "Lena Ortiz", ""},
	} {
		e := entitiesOf(tc.text)[tc.name]
		got := strings.Join(roleTexts(e), "|")
		if got != tc.role {
			t.Errorf("%q: roles of %s = %q, want %q", tc.text, tc.name, got, tc.role)
		}
	}
}
