package entity_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/quote"
	"github.com/crosscheck/crosscheck/clean"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

func entitiesOf(text string) map[string]entity.Entity {
	m := map[string]entity.Entity{}
	for _, e := range entity.Find(text, lex.Sentences(text), lex.Tokens(text)) {
		m[e.Name] = e
	}
	return m
}

func roleTexts(e entity.Entity) []string {
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
		for _, e := range entity.Find(text, lex.Sentences(text), lex.Tokens(text)) {
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
	es := entity.Find(text, lex.Sentences(text), lex.Tokens(text))
	quotes := []quote.Quote{{Speaker: "Putin’s"}, {Speaker: "Moscow"}, {Speaker: "Russian-controlled Luhansk"}, {Speaker: "Jane Doe"}, {Speaker: "After"}, {Speaker: "March"}}
	entity.ResolveSpeakers(quotes, es)
	for i, want := range []string{"Vladimir Putin", "", "", "Jane Doe", "", ""} {
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

// A surname that is also a word opening sentences goes on with the name before it; a name
// before a place noun, or with a place's head, is a place; a run that ends in a title is no
// person; an Arabic article joined to a name leaves it a name.
func TestEntitiesNamesPlacesAndTitles(t *testing.T) {
	text := "The deal was announced by Rory Read, president and CEO, on Monday. " +
		"Shells hit Fakhura, a girls elementary school in the Jabalya refugee camp, and later shells hit al-Fakhora school. " +
		"Investors in Silicon Valley and on Wall Street cheered, said Corvin CEO Andrew Feldman. Read more."
	es := entitiesOf(text)
	if r := roleTexts(es["Rory Read"]); es["Rory Read"].Kind != "person" || !slices.Contains(r, "president and CEO") {
		t.Errorf("Rory Read: %+v", es["Rory Read"])
	}
	for name, kind := range map[string]string{"Fakhura": "place", "Jabalya": "place", "Silicon Valley": "place",
		"Wall Street": "place", "Andrew Feldman": "person"} {
		if es[name].Kind != kind {
			t.Errorf("%s: kind %q, want %q", name, es[name].Kind, kind)
		}
	}
	if _, ok := es["al-Fakhora"]; !ok {
		t.Errorf("al-Fakhora not found: %v", es)
	}
	for name, kind := range entitiesOf("Its servers use AMD Opteron chips, said Dean Lutz of Mercury Research, and Khosla Ventures paid.") {
		if kind.Kind == "person" && name != "Dean Lutz" {
			t.Errorf("%s is a person", name)
		}
	}
	for _, not := range []string{"Corvin CEO", "Read", "Rory"} {
		if e, ok := es[not]; ok {
			t.Errorf("%s is an entity: %+v", not, e)
		}
	}
}

// Roles read after a copula, fronted before a name, or over a thing named just before it.
func TestEntitiesCopularAndFrontedRoles(t *testing.T) {
	text := "Mark Pell died on Monday. Pell was deputy associate director of the bureau in 1972 when he met reporters. " +
		"As the chief judge of the county, Mr Pell heard the case. " +
		"Senior vice president of worldwide marketing, Ada Quist, gave the address. " +
		"Brill's vice president of global sales Omar Tansey said it was over. " +
		"The wife of former president Bill Vane said nothing. " +
		"Fire chief Anna Brede said the roof fell. " +
		"It is a loss, said Jo Rapp Kell, executive vice president of Friends of Owls and former director of the Bird and Bat Service, on Friday. " +
		"Ivo Marr, a former director of the Bird and Bat Service and a vice president of Friends of Owls, agreed. " +
		"The President announced his nominee, Rosa Lind, on Friday. " +
		"It was a bad omen that the judge in the case, Jack B. Weinstein, was strict. " +
		"Judge Jack B. Weinstein of Federal District Court spoke."
	es := entitiesOf(text)
	for name, want := range map[string][]string{
		"Mark Pell":         {"deputy associate director of the bureau", "chief judge of the county"},
		"Ada Quist":         {"Senior vice president of worldwide marketing"},
		"Omar Tansey":       {"vice president of global sales"},
		"Anna Brede":        {"Fire chief"},
		"Jo Rapp Kell":      {"executive vice president of Friends of Owls"},
		"Ivo Marr":          {"former director of the Bird and Bat Service"},
		"Jack B. Weinstein": {"judge in the case", "Judge"},
	} {
		got := roleTexts(es[name])
		for _, w := range want {
			if !slices.Contains(got, w) {
				t.Errorf("%s: roles %q, want %q among them", name, got, w)
			}
		}
	}
	for _, name := range []string{"Bill Vane", "Rosa Lind"} {
		for _, r := range roleTexts(es[name]) {
			if strings.Contains(r, "wife") || strings.Contains(r, "announced") {
				t.Errorf("%s: role %q is another's or a clause", name, r)
			}
		}
	}
}

// A body's name keeps the demonym that opens it ("European Union", not "Union"), and a body
// speaks as the subject of the quote's own sentence even when the verb is no cue of ours
// ("condemned the test as").
func TestResolveSpeakersKeepsBodies(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"“We will act on the tariffs within days,” the European Union said on Monday.", "European Union"},
		{"The United Nations Security Council condemned the test as “a clear threat to international peace and security in the region.”", "United Nations Security Council"},
		// a body named by an earlier cue says nothing of its own
		{"Acme Corp. told the board on Monday that it would stop the payments. In the meantime, “we will make no further payment on our notes until we move.”", ""},
	} {
		qs := quote.Find(c.text)
		if len(qs) != 1 {
			t.Fatalf("%q: %d quotes, want 1", c.text, len(qs))
		}
		entity.ResolveSpeakers(qs, entity.Find(c.text, lex.Sentences(c.text), lex.Tokens(c.text)))
		if qs[0].Speaker != c.want {
			t.Errorf("%q: speaker %q (%s), want %q", c.text, qs[0].Speaker, qs[0].Rule, c.want)
		}
	}
}

// The words of a measure or a code after a number name no one: "2400 MHz DDR4 RAM".
func TestEntitiesUnitsAfterNumbers(t *testing.T) {
	es := entitiesOf("The laptop ships with 16GB of 2400 MHz DDR4 RAM and a 512 GB SSD, said Ada Quist. Its Xeon E5 chip runs at 3.2 GHz.")
	for name, e := range es {
		if e.Kind == "person" && name != "Ada Quist" {
			t.Errorf("%s is a person", name)
		}
		if strings.ContainsAny(name, "0123456789") && e.Kind != "org" {
			t.Errorf("%s is a %s", name, e.Kind)
		}
	}
	if es["Ada Quist"].Kind != "person" {
		t.Errorf("Ada Quist: %+v", es["Ada Quist"])
	}
	// a year before a name is no measure
	if es := entitiesOf("In 2008 Omar Tansey won the seat."); es["Omar Tansey"].Kind != "person" {
		t.Errorf("Omar Tansey after a year: %+v", es)
	}
}

// A name that ends in the head of a body's name is the body's, whole: the demonym and the
// portfolio before it are not split off as a title.
func TestEntitiesBodiesEndingInHeads(t *testing.T) {
	es := entitiesOf("The Brazilian Health Ministry said cases rose. She runs the Cedar Creek Family Dental Clinic in Ohio. " +
		"The African Union met, and the Lower Valley Planning Council voted.")
	for _, name := range []string{"Brazilian Health Ministry", "Cedar Creek Family Dental Clinic", "African Union", "Lower Valley Planning Council"} {
		if es[name].Kind != "org" {
			t.Errorf("%s: %+v, want an organisation", name, es[name])
		}
	}
	for _, part := range []string{"Ministry", "Union", "Health Ministry"} {
		if _, ok := es[part]; ok {
			t.Errorf("%s is an entity of its own", part)
		}
	}
}

// A title after a body's name opens a person's role: "Senate Finance Committee Chairwoman Sen.
// Ada Quist" is Ada Quist, chairwoman of the committee; the abbreviated title goes with the name.
func TestEntitiesTitleAfterBody(t *testing.T) {
	es := entitiesOf("Senate Finance Committee Chairwoman Sen. Ada Quist, D-Ore., said she would hold hearings. " +
		"Downtown Parks Commission Director Omar Tansey agreed.")
	for name, role := range map[string]string{"Ada Quist": "Senate Finance Committee Chairwoman", "Omar Tansey": "Downtown Parks Commission Director"} {
		if e := es[name]; e.Kind != "person" || !slices.Contains(roleTexts(e), role) {
			t.Errorf("%s: %+v, want a person with role %q", name, e, role)
		}
	}
}

// A company known from how the text uses it ("X CEO", "X Inc.", "acquired X", "X chips") is
// no place, whatever the preposition before it.
func TestEntitiesCompaniesFromUse(t *testing.T) {
	text := "Brill agreed to acquire cloud storage specialist Quorvex for $90 million. The servers run on chips from Tandem, " +
		"and Tandem chips are cheap. Quorvex CEO Ada Quist said the deal was good. Shares of Norlan Inc. fell, and traders in Norlan " +
		"sold. Lisbon officials said nothing, and investors in Lisbon waited."
	es := entitiesOf(text)
	for _, name := range []string{"Quorvex", "Tandem", "Norlan"} {
		if es[name].Kind != "org" {
			t.Errorf("%s: %+v, want an organisation", name, es[name])
		}
	}
	if es["Lisbon"].Kind != "place" {
		t.Errorf("Lisbon: %+v, want a place", es["Lisbon"])
	}
	if r := roleTexts(es["Ada Quist"]); !slices.Contains(r, "Quorvex CEO") && !slices.Contains(r, "CEO") {
		t.Errorf("Ada Quist's roles %q", r)
	}
}

// A country's name in a person's slot is the person's: a given name before a surname, and
// the given name alone before a verb of saying once the person is named whole.
func TestEntitiesCountryNameAsGivenName(t *testing.T) {
	text := "“Tariffs are a tax,” said Chad Vollmer, a fellow at the institute. Chad said prices would rise. " +
		"Troops from Chad and Georgia Evans arrived. The Jordan Valley was quiet, and Chad sent aid to Niger."
	es := entitiesOf(text)
	if e := es["Chad Vollmer"]; e.Kind != "person" || len(e.Mentions) != 2 {
		t.Errorf("Chad Vollmer: %+v, want a person named twice", e)
	}
	if es["Georgia Evans"].Kind != "person" {
		t.Errorf("Georgia Evans: %+v", es["Georgia Evans"])
	}
	if es["Chad"].Kind != "place" || es["Jordan Valley"].Kind != "place" {
		t.Errorf("Chad %+v, Jordan Valley %+v: want places", es["Chad"], es["Jordan Valley"])
	}
}

// A surname run into an initialled name that follows it is two names: "… ousted Lyndon W.
// Mark Pell, the former official" names Mark Pell, not "Lyndon W. Mark Pell".
func TestEntitiesSurnameBeforeInitialledName(t *testing.T) {
	es := entitiesOf("The inquiry that ousted Lyndon W. Mark Pell, the former bureau official, ended. George W. Bush spoke. J. Edgar Hoover ruled.")
	for name := range es {
		if strings.HasPrefix(name, "Lyndon") {
			t.Errorf("%q: two names taken for one", name)
		}
	}
	for _, name := range []string{"W. Mark Pell", "George W. Bush", "J. Edgar Hoover"} {
		if es[name].Kind != "person" {
			t.Errorf("%s: %+v", name, es[name])
		}
	}
}

// A law's or a pact's name is no person's; a name that holds "of" inside is a body's; a run that
// ends in a company's name, known from use, is no person ("to Acquire Server Innovator Quorvex").
func TestEntitiesLawsAndBodiesOfNoOne(t *testing.T) {
	es := entitiesOf("Congress passed the Clean Rivers Act. Friends of the Owls sued, and Keepers of Wildlife joined. " +
		"Brill to Buy Storage Pioneer Quorvex. Brill will acquire Quorvex, said Quorvex CEO Ada Quist.")
	for name, e := range es {
		if e.Kind == "person" && name != "Ada Quist" {
			t.Errorf("%s is a person", name)
		}
	}
	if es["Keepers of Wildlife"].Kind != "org" {
		t.Errorf("Keepers of Wildlife: %+v", es["Keepers of Wildlife"])
	}
	if r := roleTexts(es["Ada Quist"]); !slices.Contains(r, "Quorvex CEO") {
		t.Errorf("Ada Quist's roles %q, want the company's CEO", r)
	}
}

// A word written with a capital inside after a prefix that opens no name is a brand's:
// "Nvidia GeForce" and "Mini DisplayPort" name no one; "Ada McQuist" and "Omar DeLuca" do.
func TestEntitiesBrandWords(t *testing.T) {
	es := entitiesOf("It has Nvidia GeForce graphics, a Mini DisplayPort and AirPort Extreme, said Ada McQuist. Omar DeLuca agreed.")
	for name, e := range es {
		if e.Kind == "person" && name != "Ada McQuist" && name != "Omar DeLuca" {
			t.Errorf("%s is a person", name)
		}
	}
	for _, name := range []string{"Ada McQuist", "Omar DeLuca"} {
		if es[name].Kind != "person" {
			t.Errorf("%s: %+v", name, es[name])
		}
	}
}

// The head of a body's name alone ("the Union") stands for the body named whole before it, as
// an entity and as a speaker.
func TestBodyHeadAlone(t *testing.T) {
	text := "The African Union said on Monday it would act. “We will not accept this,” the Union added."
	es := entitiesOf(text)
	if e := es["African Union"]; e.Kind != "org" || len(e.Mentions) != 2 {
		t.Errorf("African Union: %+v, want an organisation named twice", e)
	}
	if _, ok := es["Union"]; ok {
		t.Errorf("Union is an entity of its own")
	}
	qs := quote.Find(text)
	entity.ResolveSpeakers(qs, entity.Find(text, lex.Sentences(text), lex.Tokens(text)))
	if len(qs) != 1 || qs[0].Speaker != "African Union" {
		t.Errorf("got %+v, want one quote of the African Union", qs)
	}
}
