package reconcile

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/extract"
)

// A date dates the verb the tree ties it to, not the nearest verb before it, which may be of
// a clause in between.
func TestDatedVerbIsTheVerbOfTheTree(t *testing.T) {
	text := "Ortiz followed Orozco to an apartment complex, to the home of a friend whom the deputy knew from earlier fights, at about 3:30 p.m."
	s := newStory([]*crosscheck.Article{analysedText(t, "a", text)})
	a := s.arts[0]
	at := strings.Index(text, "3:30")
	if got := verbBefore(text[:at]); got != lex.Stem("know") {
		t.Fatalf("verbBefore = %q, want the verb of the relative clause (the case the tree is for)", got)
	}
	if got, want := a.datedVerb(0, at, at+len("3:30 p.m.")), lex.Stem("followed"); got != want {
		t.Errorf("datedVerb = %q, want %q", got, want)
	}
	var verbs []string
	for _, c := range s.dateClaims(dateKinds[len(dateKinds)-1]) {
		verbs = append(verbs, c.verb)
	}
	if want := []string{lex.Stem("followed")}; !slices.Equal(verbs, want) {
		t.Errorf("the clock time's claim dates %q, want %q", verbs, want)
	}
	// a date that modifies the noun after it dates the act the noun names
	text = "The Wednesday bombings in the north drew condemnation from the United Nations."
	a = newStory([]*crosscheck.Article{analysedText(t, "c", text)}).arts[0]
	if got, want := a.datedVerb(0, 4, 4+len("Wednesday")), verbStem("bombing"); got != want || want == "" {
		t.Errorf("datedVerb of a modifier = %q, want %q", got, want)
	}
	// a date that is the subject dates no verb's act
	text = "Tuesday was a quiet day in the town."
	a = newStory([]*crosscheck.Article{analysedText(t, "b", text)}).arts[0]
	if got := a.datedVerb(0, 0, len("Tuesday")); got != "" {
		t.Errorf("datedVerb of a subject = %q, want none", got)
	}
}

// The end of a span of years ("from 1995 to 1998") dates no event of its own: it is no claim,
// so it does not join the award of the same year told in other articles.
func TestEndsSpan(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"She served on the board from 1995 to 1998.", true},
		{"She served on the board from 1995 through 1998.", true},
		{"Some 2 million died in the latest war, from 1983 - 2005.", true},
		{"Between 1998 and 2002, the agency listed 60 species.", true},
		{"He had open heart surgery twice, in 1988 and 1996.", false},
		{"She joined the board in 1995. In 1998 she won the award.", false},
	} {
		dates := yearDatesOf(c.text) // both years, as the date reader reads them or not
		if endsSpan(c.text, dates, 0) {
			t.Errorf("%q: the first date ends a span", c.text)
		}
		if got := endsSpan(c.text, dates, 1); got != c.want {
			t.Errorf("%q: endsSpan = %v, want %v", c.text, got, c.want)
		}
	}
	// an end told without its start ("through 2012") is an end all the same
	text := "The cuts aim to save 30 billion through 2012."
	if !endsSpan(text, yearDatesOf(text), 0) {
		t.Errorf("%q: endsSpan = false, want true", text)
	}
	got := dateFactsOf(t,
		"Dana Kell received the Harbor Medal for Health in 1998.",
		"Kell received the Harbor Medal for Health in 1998, among other honors.",
		"Kell chaired the Harbor Medal for Health board and served on its trustees from 1995 to 1998.",
	)
	if want := []string{"agree: 1998 a,b"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}

// yearDatesOf reads every year of text as a date.
func yearDatesOf(text string) []crosscheck.Date {
	var out []crosscheck.Date
	for _, m := range regexp.MustCompile(`\b(?:19|20)\d\d\b`).FindAllStringIndex(text, -1) {
		out = append(out, crosscheck.Date{Text: text[m[0]:m[1]], Start: m[0], End: m[1], Value: text[m[0]:m[1]], Type: "DATE"})
	}
	return out
}

// articlesOf extracts each text as an article ("a", "b", …).
func articlesOf(t *testing.T, texts ...string) []*crosscheck.Article {
	t.Helper()
	var arts []*crosscheck.Article
	for i, text := range texts {
		arts = append(arts, analysedText(t, string(rune('a'+i)), text))
	}
	return arts
}

// analysedText is a text's article, analysed.
func analysedText(t *testing.T, id, text string) *crosscheck.Article {
	t.Helper()
	a, err := extract.Article(&crosscheck.Document{ID: id, Format: crosscheck.FormatText, Raw: []byte(text)}, extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// The days the articles' ledes give for one weekday are one fact, whatever verb each outlet
// tells the event with; a day told later in an article is left to the sentences it matches.
func TestLedeDays(t *testing.T) {
	got := dateFactsOf(t,
		"Hooded youths hurled firebombs at a branch of Marfin Bank, killing three clerks Wednesday. Talks resume on Friday.",
		"Riots over new taxes engulfed the streets of the capital on Wednesday.",
		"Marchers set fire to offices and shops on Wednesday, and a pregnant woman died. The mayor spoke on Friday.",
	)
	if want := []string{"agree: Wednesday a,b,c"}; !slices.Equal(got, want) {
		t.Errorf("date facts = %q, want %q", got, want)
	}
}

// A day of no known year ("June 24" in an article of unknown date) takes the year another
// article gives that day with, when the story gives one; else it is compared as what it says,
// the month and the day.
func TestYearlessDays(t *testing.T) {
	texts := []string{
		"Kell was convicted of the June 24, 2005 murder of Deputy Ortiz in Harbor City.",
		"Deputy Ortiz was killed on June 24 outside an apartment in Harbor City.",
		"The murder of Deputy Ortiz on June 24 shocked Harbor City.",
	}
	got := yearlessFactsOf(t, texts...)
	if want := []string{"agree: 2005-06-24 a,b,c"}; !slices.Equal(got, want) {
		t.Errorf("with the year in one article: date facts = %q, want %q", got, want)
	}
	got = yearlessFactsOf(t, texts[1:]...)
	if want := []string{"agree: June 24 a,b"}; !slices.Equal(got, want) {
		t.Errorf("with no year: date facts = %q, want %q", got, want)
	}
	texts[0] = strings.Replace(texts[0], "June 24, 2005", "June 24, 2005 and the June 24, 2006", 1)
	got = yearlessFactsOf(t, texts...)
	if want := []string{"agree: June 24 b,c"}; !slices.Equal(got, want) {
		t.Errorf("with two years: date facts = %q, want %q", got, want)
	}
}

// yearlessFactsOf is dateFactsOf of articles of unknown date whose days of no year ("June 24")
// the date reader keeps as "XXXX-06-24".
func yearlessFactsOf(t *testing.T, texts ...string) []string {
	t.Helper()
	arts := articlesOf(t, texts...)
	for _, a := range arts {
		text := a.Text
		for _, m := range regexp.MustCompile(`June 24\b(?:, \d{4})?`).FindAllStringIndex(text, -1) {
			if !strings.Contains(text[m[0]:m[1]], ",") {
				a.Dates = append(a.Dates, crosscheck.Date{Text: "June 24", Start: m[0], End: m[1], Value: "XXXX-06-24", Type: "DATE"})
			}
		}
		slices.SortFunc(a.Dates, func(x, y crosscheck.Date) int { return x.Start - y.Start })
	}
	return dateFactLines(arts)
}

// dateFactLines lists the date facts of a story of arts as "verdict: value articles | …".
func dateFactLines(arts []*crosscheck.Article) []string {
	return factLines(newStory(arts).dateFacts(), false)
}

// factLines lists facts as "verdict: value articles | …", or with subject as "verdict:
// subject: value articles | …".
func factLines(facts []crosscheck.Fact, subject bool) []string {
	var got []string
	for _, f := range facts {
		var vs []string
		for _, v := range f.Values {
			vs = append(vs, v.Value+" "+strings.Join(v.Articles, ","))
		}
		line := f.Verdict + ": "
		if subject {
			line += f.Subject + ": "
		}
		got = append(got, line+strings.Join(vs, " | "))
	}
	return got
}

// The day a saying's noun dates ("in a statement Thursday") is the day of the saying, not of
// the story's events; a speech or a meeting may be the event, and stays.
func TestStatementDays(t *testing.T) {
	for before, want := range map[string]bool{
		"Kiir denied those claims in a statement ":                                          true,
		"Kiir denied those claims in a statement on ":                                       true,
		"the minister said in an interview published in French newspaper Le Parisien ":      true,
		"the company said during a conference call with analysts late on ":                  true,
		"Obama laid out his plan in a speech in Cairo on ":                                  false,
		"The statement was read aloud. Police arrested him ":                                false,
		"In a statement, the police said the suspect, who fled the scene, was arrested on ": false, // the arrest's day
	} {
		if got := saidOn(before); got != want {
			t.Errorf("saidOn(%q) = %v, want %v", before, got, want)
		}
	}
}

// A fact whose claims all join the ledes' fact is gone, not left empty.
func TestLedeDaysEmptyAFact(t *testing.T) {
	var arts []*article
	for _, id := range []string{"a", "b", "c", "d"} {
		arts = append(arts, &article{Article: &crosscheck.Article{ID: id}})
	}
	lede := func(i int) claim { return claim{art: arts[i], value: 3, start: 10, sentence: 0} }
	claims := []claim{lede(0), lede(1), lede(2), lede(3)}
	got := ledeDays(claims, [][]claim{{lede(0), lede(1)}, {lede(2), lede(3)}})
	if len(got) != 1 || len(got[0]) != 4 {
		t.Fatalf("ledeDays = %d facts (%v), want the one of all four ledes", len(got), got)
	}
}
