package reconcile

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
)

// Two spellings of one name differ in one word by a letter or two; a first name of the other
// gender, a name's adjective, an acronym or a word that only begins alike is another name.
func TestSpellings(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Dana Kell", "Dana Kel", true},              // a letter dropped
		{"Tomas Brill", "Thomas Brill", true},        // a letter added
		{"Lottie Moor", "Lotty Moor", true},          // two letters, same start
		{"Ana Delgado", "Ana Delgada", true},         // a letter changed
		{"Joan Pell", "John Pell", false},            // two people: a woman and a man
		{"Pell", "Pells", false},                     // a short word and its plural
		{"Kenya", "Kenyan", false},                   // a place and its adjective
		{"LCD", "LED", false},                        // acronyms
		{"Stage", "States", false},                   // begins alike, two words
		{"Harbor Inc.", "Harbor Inc", false},         // a dot
		{"Mara Voss Kell", "Mara Kell", false},       // more and less of one name
		{"Ivo Mandl", "Ivan Mandl", false},           // two letters apart, short
		{"Ruth Amsel Ober", "Ruth Amzel Ober", true}, // the middle word
		{"al-Qadira", "Qadera", true},                // an Arabic article, a letter changed
		{"al-Qadira", "Qadira", false},               // the article alone
	} {
		if got := spellings(strings.Fields(tc.a), strings.Fields(tc.b)); got != tc.want {
			t.Errorf("spellings(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// A name loses the role before it and what follows a lower-case word.
func TestNameWords(t *testing.T) {
	for name, want := range map[string]string{
		"Harbor Master Director Lena Ortiz": "Lena Ortiz",
		"Amir Holt of the Island Times":     "Amir Holt",
		"Calden":                            "Calden",
		"Chief Executive Officer Ruth Ober": "Ruth Ober",
		"Port Aldy":                         "Port Aldy",
		"al-Qadira school":                  "al-Qadira",
	} {
		if got := strings.Join(nameWords(name), " "); got != want {
			t.Errorf("nameWords(%q) = %q, want %q", name, got, want)
		}
	}
}

// A date's subject is the clause that holds it, without the date and the words that tie it in.
func TestDatedPhrase(t *testing.T) {
	for _, tc := range []struct{ sentence, date, want string }{
		{"It was built in 1935 by farmers.", "1935", "it was built"},
		{"The mill filed for bankruptcy in 1983, and the state took it over.", "1983", "mill filed for bankruptcy"},
		{"In 1990, she founded a clinic in the bayou.", "1990", "she founded a clinic"},
		{"Voters in 2009 approved a bond for the land.", "2009", "Voters approved a bond for the land"},
		{"Jeffs was sentenced to life in a Texas prison on Tuesday.", "Tuesday", "Jeffs was sentenced to life in a Texas prison"},
		{"A storm hit on Tuesday.", "Tuesday", "storm hit"},
		{"A fire swept through a warehouse on Sunday, the fire service said.", "Sunday", "fire swept through a warehouse"},
		{"It ended with a July 1997 fraud conviction.", "July 1997", "it ended with a fraud conviction"},
		{"On Friday.", "Friday", ""},
	} {
		i := strings.Index(tc.sentence, tc.date)
		if got := datedPhrase(tc.sentence, i, i+len(tc.date)); got != tc.want {
			t.Errorf("datedPhrase(%q, %q) = %q, want %q", tc.sentence, tc.date, got, tc.want)
		}
	}
}

// A day is the day of a statement when nothing but the statement comes before it.
func TestSaidOn(t *testing.T) {
	for before, want := range map[string]bool{
		"The mayor said on ":                 true,
		"Officials told reporters ":          true,
		"A friend says he died ":             false,
		"The company said the plant closed ": false,
		"The minister announced new rules ":  false, // an announcement is an event
	} {
		if got := saidOn(before); got != want {
			t.Errorf("saidOn(%q) = %v, want %v", before, got, want)
		}
	}
}

// A place keeps the state it is written with.
func TestStateAfter(t *testing.T) {
	for after, want := range map[string]string{
		", Mo., officials said":  ", Mo.",
		", New Mexico, where":    ", New Mexico",
		", Tenn.":                ", Tenn.",
		", the company said":     "",
		" on Monday":             "",
		", Washington, D.C., on": ", Washington",
	} {
		if got := stateAfter(after); got != want {
			t.Errorf("stateAfter(%q) = %q, want %q", after, got, want)
		}
	}
}

// A role reads as its title or as written; roles of one agreement that say less fold into the
// one that says most; a relation to the story turns into the fact of who holds it.
func TestRoles(t *testing.T) {
	for role, want := range map[string]string{
		"former U.S. President":       "former President",
		"the governor of Unity state": "governor of Unity state",
		"the commissioner of Pariang County in South Sudan's Unity State": "commissioner of Pariang County", // a place after a role of something
		"commissioner of Pariang county in Unity state":                   "commissioner of Pariang county",
		"director of operations in the region":                            "director of operations in the region",
		"top official in Gaza":                                            "top official in Gaza",
		"sister of the boy":                                               "sister of the boy",
		"official":                                                        "",
		"a close friend of the mayor's":                                   "",
	} {
		if got := roleText(role); got != want {
			t.Errorf("roleText(%q) = %q, want %q", role, got, want)
		}
	}
	v := func(value string, arts ...string) crosscheck.FactValue {
		return crosscheck.FactValue{Value: value, Articles: arts}
	}
	folded := foldRoles([]crosscheck.FactValue{v("Harbor Secretary", "a", "b"), v("Harbor", "c"), v("secretary", "d"), v("Secretary of Harbor", "e")})
	if len(folded) != 1 || folded[0].Value != "Harbor Secretary" || len(folded[0].Articles) != 5 {
		t.Errorf("foldRoles = %+v, want one Harbor Secretary of five articles", folded)
	}
	initials := foldRoles([]crosscheck.FactValue{v("director of HBW's Science Program", "a"), v("director of the Union of Harbor Bird Watchers' Science Program", "b", "c")})
	if len(initials) != 1 || len(initials[0].Articles) != 3 || !strings.Contains(initials[0].Value, "Union") {
		t.Errorf("foldRoles kept a body written by its initials apart: %+v", initials)
	}
	if kept := foldRoles([]crosscheck.FactValue{v("director of HBW", "a"), v("director of the Harbor Watch", "b")}); len(kept) != 2 {
		t.Errorf("foldRoles folded initials that spell another body: %+v", kept)
	}
	if kept := foldRoles([]crosscheck.FactValue{v("Port Director", "a"), v("Harbor Master", "b")}); len(kept) != 2 {
		t.Errorf("foldRoles folded two offices: %+v", kept)
	}
	judge := crosscheck.Fact{Subject: "Ann Vell’s role", Kind: "role", Verdict: "agree", Values: []crosscheck.FactValue{v("District Judge", "a", "b")}}
	if f, ok := whoIs(judge, "Ann Vell"); !ok || f.Subject != "name of the District Judge" || f.Values[0].Value != "Ann Vell" {
		t.Errorf("whoIs(judge) = %+v, %v", f, ok)
	}
	mayor := crosscheck.Fact{Subject: "Ann Vell’s role", Kind: "role", Verdict: "agree", Values: []crosscheck.FactValue{v("Mayor", "a", "b")}}
	if f, ok := whoIs(mayor, "Ann Vell"); ok {
		t.Errorf("whoIs(mayor) = %+v, want no fact: an office, not a relation", f)
	}
}

// What someone died of is read after "died of", "died from" and "after suffering from", to the
// words that end it; who died is the name before "died", or the last person named.
func TestCauseOfDeath(t *testing.T) {
	for _, tc := range []struct{ text, word, cause string }{
		{"Vell died of heart failure Thursday at her home.", "Vell", "heart failure"},
		{"The actor, a Calden native, died yesterday from Parkinson's disease at a hospice.", "native", "Parkinson's disease"},
		{"Vell died Monday in Calden after suffering from kidney failure for years.", "Vell", "kidney failure"},
		{"My father died of a stroke, she said.", "father", "stroke"},
		{"Vell died on the island of Skerrin.", "", ""},
	} {
		m := causeCue.FindStringSubmatchIndex(tc.text)
		word, cause := "", ""
		if m != nil {
			word = tc.text[m[2]:m[3]]
			cause, _ = causeWords(tc.text[m[1]:])
		}
		if word != tc.word || cause != tc.cause {
			t.Errorf("%q: died %q of %q, want %q of %q", tc.text, word, cause, tc.word, tc.cause)
		}
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{{"heart failure", "congestive heart failure", true}, {"heart failure", "Alzheimer's disease", false}} {
		if sameCause(tc.a, tc.b) != tc.same {
			t.Errorf("sameCause(%q, %q) = %v", tc.a, tc.b, !tc.same)
		}
	}
}

// A nickname is read after "nickname", "moniker" and "dubbed".
func TestNicknameCue(t *testing.T) {
	for text, want := range map[string]string{
		`a gang member known by the nickname "Kiko"`:   "Kiko",
		"known by the street moniker of Kico":          "Kico",
		`dubbed the "Harbor King" by the papers`:       "Harbor",
		`whose nickname was "The Ox," the court heard`: "Ox",
		"the nickname stuck":                           "",
	} {
		got := ""
		if m := nicknameCue.FindStringSubmatch(text); m != nil {
			got = m[1]
		}
		if got != want {
			t.Errorf("nickname in %q = %q, want %q", text, got, want)
		}
	}
}

// A spelling is found in text as whole words only.
func TestWordIndex(t *testing.T) {
	for _, tc := range []struct {
		text, w string
		want    int
	}{{"Heffner told the AP", "Heffner", 0}, {"the Heffners came", "Heffner", -1}, {"said Ann Vell.", "Ann Vell", 5}} {
		if got := wordIndex(tc.text, tc.w); got != tc.want {
			t.Errorf("wordIndex(%q, %q) = %d, want %d", tc.text, tc.w, got, tc.want)
		}
	}
}

// Two offices of one kind over different things conflict; two descriptions that end in a place
// do not.
func TestOtherPortfolio(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Mining Minister", "Labour Minister", true},
		{"head of the agency in Calden", "top Harbor official in Calden", false},
	} {
		if got := otherPortfolio(tc.a, tc.b); got != tc.want {
			t.Errorf("otherPortfolio(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

// Titles of another rung of one office conflict; a spokesman named for his body in two ways
// does not; roles that neither conflict nor fold into one agree on nothing.
func TestRoleRanksAndAgreements(t *testing.T) {
	v := func(value string, arts ...string) crosscheck.FactValue {
		return crosscheck.FactValue{Value: value, Articles: arts}
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"deputy associate director", "associate director", true},
		{"senior vice president of marketing", "vice president of marketing", true},
		{"Interior Secretary", "Interior", false},
		{"UNRWA spokesman", "Relief Agency spokesman", false},
		{"Mining Minister", "Labour Minister", true},
	} {
		if got := titlesConflict([]crosscheck.FactValue{v(tc.a, "x"), v(tc.b, "y")}); got != tc.want {
			t.Errorf("titlesConflict(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
	if got := agreedRole(foldRoles([]crosscheck.FactValue{v("owner", "a"), v("attorney", "b")})); got != nil {
		t.Errorf("owner and attorney agree: %+v", got)
	}
	got := agreedRole(foldRoles([]crosscheck.FactValue{v("executive director and chief executive", "a"), v("executive director and CEO", "b")}))
	if len(got) != 1 || len(got[0].Articles) != 2 {
		t.Errorf("a chief executive is the CEO: %+v", got)
	}
	judge := crosscheck.Fact{Verdict: "agree", Values: []crosscheck.FactValue{v("judge in the case", "a", "b")}}
	if f, ok := whoIs(judge, "Ann Vell", v("judge in the case", "a", "b"), v("District Judge", "c"), v("mayor", "d")); !ok ||
		f.Subject != "name of the judge in the case" || !slices.Equal(f.Values[0].Articles, []string{"a", "b", "c"}) {
		t.Errorf("whoIs(judge in the case) = %+v, %v", f, ok)
	}
	k := personKeys{}
	mark, full, audrey, phil, philip := k.of("Mark Felt"), k.of("W. Mark Felt"), k.of("Audrey Felt"), k.of("Phil Hale"), k.of("Philip Hale")
	if mark != full || mark == audrey || phil != philip {
		t.Errorf("keys: Mark %q, W. Mark %q, Audrey %q, Phil %q, Philip %q", mark, full, audrey, phil, philip)
	}
}

func TestVerbBeforeAClockTime(t *testing.T) {
	for before, want := range map[string]string{
		"Starting at about ":                                 "start", // the participle that opens the sentence
		"Police said the protest began around ":              "begin",
		"Shells hit the school, according to officials, at ": "hit", // "according to" tells whose word it is
		"Redford said at ":                                   "",
	} {
		if got := verbBefore(before); got != want {
			t.Errorf("verbBefore(%q) = %q, want %q", before, got, want)
		}
	}
}

// A day reads as its month too, and a month as itself; a weekday or a year is no month.
func TestReadMonth(t *testing.T) {
	for value, want := range map[string]string{"1997-07-25": "1997-07", "2007-12": "2007-12", "1997": "", "XXXX-WXX-2": ""} {
		_, got, ok := readMonth(crosscheck.Date{Type: "DATE", Value: value})
		if got != want || ok != (want != "") {
			t.Errorf("readMonth(%q) = %q, %v, want %q", value, got, ok, want)
		}
	}
}

// A date no fact took joins the one fact of its value, unless its article is in that fact
// already or several facts hold the value.
func TestStrayDates(t *testing.T) {
	arts := map[string]*article{}
	c := func(art string, value float64) claim {
		if arts[art] == nil {
			arts[art] = &article{Article: &crosscheck.Article{ID: art}}
		}
		return claim{art: arts[art], start: len(arts) * 10, value: value}
	}
	one, two := c("a", 1), c("b", 1)
	other, again := c("c", 2), c("d", 2)
	stray, lone, twice, present := c("e", 1), c("f", 3), c("g", 2), c("a", 1)
	present.start++
	facts := strayDates([]claim{one, two, other, again, stray, lone, twice, present},
		[][]claim{{one, two}, {other}, {again}})
	got := func(f []claim) (ids []string) {
		for _, x := range f {
			ids = append(ids, x.art.ID)
		}
		return ids
	}
	if g := got(facts[0]); !slices.Equal(g, []string{"a", "b", "e"}) {
		t.Errorf("the fact of value 1 holds %v, want [a b e]", g)
	}
	if len(facts[1]) != 1 || len(facts[2]) != 1 {
		t.Errorf("a value of two facts took a stray: %v, %v", got(facts[1]), got(facts[2]))
	}
}

// A clause that says someone passed away dates a death, as one that says they died.
func TestPassedAway(t *testing.T) {
	for words, want := range map[string]bool{"passed away": true, "passed quietly away": true, "passed the bill": false, "passed": false} {
		if got := passedAway(strings.Fields(words)); got != want {
			t.Errorf("passedAway(%q) = %v, want %v", words, got, want)
		}
	}
}

// A date's subject is the clause the tree reads when it holds the words the window around the
// date reads, since it says whose they are.
func TestClauseSubjectPrefersTheWholeClause(t *testing.T) {
	var arts []*crosscheck.Article
	for i, text := range []string{"But the creamery building, which stood by the road, was burned down by teenagers in 2003.",
		"A fire set by teenagers destroyed the store in 2003."} {
		a, err := extract.Article(&crosscheck.Document{ID: string(rune('a' + i)), Format: crosscheck.FormatText, Raw: []byte(text)}, extract.Options{})
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	s := newStory(arts)
	var subjects []string
	for _, f := range s.dateFacts() {
		subjects = append(subjects, f.Subject)
	}
	if want := "year creamery building was burned down by teenagers"; !slices.Contains(subjects, want) {
		t.Errorf("date subjects = %q, want %q", subjects, want)
	}
}

// The time left on a game's clock is its own fact: two outlets' clocks for one play
// conflict, and clocks of different periods do not.
func TestGameClockFacts(t *testing.T) {
	story := func(texts ...string) *story {
		var arts []*crosscheck.Article
		for i, text := range texts {
			arts = append(arts, &crosscheck.Article{ID: string(rune('a' + i)), Text: text})
		}
		return newStory(arts)
	}
	facts := story("The Hawks tied the game at 10-10 with a field goal with 6 : 00 to play in the third quarter.",
		"Kicker Dana Kell tied the game at 10-10 with a long field goal with 10:03 remaining in the third quarter.").gameClockFacts()
	if len(facts) != 1 || facts[0].Verdict != "conflict" || facts[0].Values[0].Value != "6:00" || facts[0].Values[1].Value != "10:03" {
		t.Errorf("one play's clocks = %+v, want a conflict of 6:00 and 10:03", facts)
	}
	facts = story("The Hawks tied the game at 10-10 with a field goal with 6:00 left in the third quarter.",
		"The Hawks tied the game at 17-17 with a field goal with 4:08 left in the fourth quarter.").gameClockFacts()
	if len(facts) != 0 {
		t.Errorf("clocks of two quarters = %+v, want none", facts)
	}
}

// Two dates of sentences that print one quotation date one utterance, whatever verb each
// outlet tells it with.
func TestDatesOfOneQuote(t *testing.T) {
	if n := longestRun(strings.Fields("i am the one they used"), strings.Fields("yes, I am the one, they said")); n != 4 {
		t.Errorf("longestRun = %d, want 4", n)
	}
	got := dateFactsOf(t,
		`The reporters continued to keep her name a secret, but in 2005 Dana Kell told the Harbor Times, "I am the one they used to call the Night Owl."`,
		`It was thirty years before she broke cover, admitting in 2006: "I am the one they used to call the Night Owl."`,
	)
	if want := []string{"conflict: 2005 a | 2006 b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}

// Two dates of sentences that name one thing of three capitalised words or more date that
// thing, whatever verb each outlet tells it with.
func TestDatesOfOneThing(t *testing.T) {
	got := dateFactsOf(t,
		"Fans adopted her look, and the film The Harbor Light Story about her life opened in 2005.",
		"Critics praised the film The Harbor Light Story about her life, which premiered in 2006.",
	)
	if want := []string{"conflict: 2005 a | 2006 b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}

// dateFactsOf extracts each text as an article ("a", "b", …) and lists the story's date facts
// as "verdict: value articles | …".
func dateFactsOf(t *testing.T, texts ...string) []string {
	t.Helper()
	return dateFactLines(articlesOf(t, texts...))
}

// Roles read from the words after a name: an apposition, two roles it joins by "and", a party
// tag and a place passed over; a clause is no role.
func TestRolesAroundAName(t *testing.T) {
	for _, tc := range []struct {
		text, who string
		want      []string
	}{
		{"The rule is bad, said Ada Roon, executive vice president of Friends of Herons and former director of the Fish and Game Service.",
			"Roon", []string{"executive vice president of Friends of Herons", "former director of the Fish and Game Service"}},
		{"Ada Roon, a former director of the Fish and Game Service and a vice president of Friends of Herons, spoke on Monday.",
			"Roon", []string{"former director of the Fish and Game Service", "vice president of Friends of Herons"}},
		{"It was a loss, said Ada Roon, a heron expert and director of the Union of Bird Watchers' Science Program.",
			"Roon", []string{"director of the Union of Bird Watchers' Science Program"}},
		{"Ada Roon, the founder and CEO of the Calden Rural Clinic, spoke on Monday.",
			"Roon", []string{"founder and CEO of the Calden Rural Clinic"}},
		{"Rep. Ivo Mandl (D) of West Calden, the chairman of the House Harbor Committee, says he will act.",
			"Mandl", []string{"chairman of the House Harbor Committee"}},
		{"Ivo Mandl, who was stabbed while working as a corrections officer, was buried on Monday.", "Mandl", nil},
	} {
		a := analyzed(t, tc.text)
		var got []string
		for _, e := range a.Entities {
			if e.Kind == "person" && strings.Contains(e.Name, tc.who) {
				for _, r := range a.rolesOf(e) {
					if !slices.Contains(got, r.title) && r.title != "Rep." { // "Rep.": the finder's
						got = append(got, r.title)
					}
				}
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("roles of %s in %q = %q, want %q", tc.who, tc.text, got, tc.want)
		}
	}
}

// The titles of one role fold when they say one thing in more or fewer words and conflict
// when they hold another rank; a title given with "a" is one of several; the organisation
// every title is of goes to the subject; the same words in another order stay as written.
func TestRoleFactsOfOneRole(t *testing.T) {
	arts := map[string]*article{}
	claim := func(art, title string, indefinite bool) roleMention {
		if arts[art] == nil {
			arts[art] = &article{Article: &crosscheck.Article{ID: art}}
		}
		return roleMention{art: arts[art], title: title, indefinite: indefinite}
	}
	values := func(f crosscheck.Fact) []string {
		var out []string
		for _, v := range f.Values {
			out = append(out, v.Value+":"+strings.Join(slices.Sorted(slices.Values(v.Articles)), ","))
		}
		return out
	}
	for _, tc := range []struct {
		name    string
		claims  []roleMention
		subject string
		verdict string
		want    []string
	}{
		{"ranks", []roleMention{claim("a", "senior VP for worldwide product marketing", false),
			claim("b", "Senior Vice President of Worldwide Marketing", false), claim("c", "senior vice president of worldwide product marketing", false),
			claim("d", "vice president of worldwide marketing", false), claim("e", "vice president of worldwide product marketing", false)},
			"Ann Vell’s role", "conflict", []string{"senior vice president of worldwide product marketing:a,b,c", "vice president of worldwide product marketing:d,e"}},
		{"one of several", []roleMention{claim("a", "executive vice president of Friends of Herons", false), claim("b", "vice president of Friends of Herons", true)},
			"Ann Vell’s role", "agree", []string{"executive vice president of Friends of Herons:a,b"}},
		{"of one body", []roleMention{claim("a", "deputy associate director of the FBI", false), claim("b", "deputy associate director of the FBI", false),
			claim("c", "associate director of the FBI", false)},
			"Ann Vell’s title at the FBI", "conflict", []string{"deputy associate director:a,b", "associate director:c"}},
		{"another qualifier", []roleMention{claim("a", "senior adviser to the president", false), claim("b", "foreign policy adviser to the president", false)},
			"", "", nil},
		{"another order", []roleMention{claim("a", "Mining Minister", false), claim("b", "Minister of Mining", false), claim("c", "Labour Minister", false)},
			"Ann Vell’s role", "conflict", []string{"Mining Minister:a", "Minister of Mining:b", "Labour Minister:c"}},
	} {
		f, _, ok := roleFact("Ann Vell", tc.claims)
		if !ok {
			if tc.verdict != "" {
				t.Errorf("%s: no fact, want %s %v", tc.name, tc.verdict, tc.want)
			}
			continue
		}
		if tc.verdict == "" || f.Subject != tc.subject || f.Verdict != tc.verdict || !slices.Equal(values(f), tc.want) {
			t.Errorf("%s: %q %s %v, want %q %s %v", tc.name, f.Subject, f.Verdict, values(f), tc.subject, tc.verdict, tc.want)
		}
	}
}
