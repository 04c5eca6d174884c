package eval

import (
	"testing"

	"github.com/crosscheck/crosscheck"
)

func TestSameValue(t *testing.T) {
	for _, c := range []struct {
		gold, got string
		want      bool
	}{
		{"35", "35", true},
		{"35", "35 years", true}, // the gold gives no unit: any will do
		{"15 years", "15 years", true},
		{"15 years", "15 year", true},
		{"15 years", "15 months", false}, // the unit the gold gives must be there
		{"15 years", "15", false},
		{"6 and 16", "6 points", false}, // every figure, not the first
		{"6 and 16", "6 and 16", true},
		{"28", "28 points", true},
		{"28", "2", false}, // a shared first digit is no match
		{"2", "28", false},
		{"3000000 USD", "$3000000", true},
		{"3000000 USD", "$3,000,000", true},
		{"3000000 USD", "$3 million", true},
		{"3000000 USD", "3000000 EUR", false},
		{"21%", "21 percent", true},
		{"21%", "21", false},
		{"06:40", "6:40 a.m.", true},
		{"20:00", "8:00 p.m.", true},
		{"06:40", "6:45", false},
		{"10-5", "10-5", true},
		{"10-5", "10", false},
		{".38", "0.38", true},
		{".38", ".357", false},
		{"about 130", "130", true}, // hedges aside
		{"12200 block of 223rd Street", "12200 block of East 223rd Street", true},
		{"12200 block of 223rd Street", "12200", false},
		{"Jon Owen", "jon owen", true},
		{"Jon Owen", "John Owen", false},
		{"(congestive) heart failure", "heart failure", true},
		{"(congestive) heart failure", "congestive heart failure", true},
		{"3 doors/houses away", "3 houses away", true},
		{"Tuesday", "Tuesday", true},
		{"Tuesday", "2024-03-12", false},
		{"2007-12", "2007-12", true},
	} {
		if got := sameValue(c.gold, c.got); got != c.want {
			t.Errorf("sameValue(%q, %q) = %v, want %v", c.gold, c.got, got, c.want)
		}
	}
}

func TestAboutSubject(t *testing.T) {
	fact := func(subject string, values ...string) crosscheck.Fact {
		f := crosscheck.Fact{Subject: subject}
		for _, v := range values {
			f.Values = append(f.Values, crosscheck.FactValue{Value: v})
		}
		return f
	}
	for _, c := range []struct {
		gold string
		f    crosscheck.Fact
		want bool
	}{
		{"Deputy Jerry Ortiz's age", fact("age of Jerry Ortiz", "35"), true},
		{"ladder trucks (aerials) used", fact("number of ladders", "3 ladders"), true}, // the counted noun
		{"Ortiz's years of service", fact("a length in years", "15 years"), true},      // the unit
		{"people killed", fact("number of peoples", "40 peoples"), true},
		{"price per share", fact("number of USDs", "$12"), false},
		{"place of the meeting", fact("place: Moscow", "Moscow"), false}, // "place" alone says nothing
		{"day Gray was shot", fact("date of the meeting", "Saturday"), false},
		{"the number of the dead", fact("number of the points", "4 points"), false}, // "the", "of", "number" never match
	} {
		if got := aboutSubject(c.gold, c.f); got != c.want {
			t.Errorf("aboutSubject(%q, %q) = %v, want %v", c.gold, c.f.Subject, got, c.want)
		}
	}
}

// One reported fact cannot serve two gold facts: of two gold facts that one reported fact
// matches, one is matched, and a second reported fact that only one of them allows goes to it.
func TestMatchOneToOne(t *testing.T) {
	allowed := map[[2]int]bool{{0, 0}: true, {1, 0}: true, {1, 1}: true}
	got := matchOneToOne(2, 2, func(g, r int) bool { return allowed[[2]int{g, r}] })
	if got[0] != 0 || got[1] != 1 {
		t.Errorf("got %v, want [0 1]", got)
	}
	got = matchOneToOne(2, 1, func(g, r int) bool { return true })
	if got[0] == got[1] {
		t.Errorf("one reported item matched twice: %v", got)
	}
}

// A report group that holds the variants of two gold utterances fails both; one that holds an
// outlet's single span of what another printed in two pieces does not.
func TestMergedQuoteGroup(t *testing.T) {
	g := &ReportGold{}
	g.Quotes = append(g.Quotes, struct {
		ID          string            `json:"id"`
		Speaker     string            `json:"speaker"`
		AltSpeakers []string          `json:"alt_speakers"`
		Variants    map[string]string `json:"variants"`
		Differs     *bool             `json:"differs"`
	}{ID: "Q1", Speaker: "Ann Lee", Variants: map[string]string{"a": "we will rebuild", "b": "we will rebuild"}})
	g.Quotes = append(g.Quotes, g.Quotes[0])
	g.Quotes[1].ID, g.Quotes[1].Variants = "Q2", map[string]string{"a": "the river rose fast", "b": "the river rose fast"}
	v := func(article, text string) crosscheck.QuoteVariant {
		return crosscheck.QuoteVariant{Article: article, Text: text, Speaker: "Ann Lee"}
	}
	merged := &crosscheck.Report{Quotes: []crosscheck.QuoteGroup{{Speaker: "Ann Lee", Variants: []crosscheck.QuoteVariant{
		v("a", "we will rebuild"), v("b", "we will rebuild"), v("a", "the river rose fast"), v("b", "the river rose fast")}}}}
	for _, c := range SeedReport(g, merged) {
		if c.Section == "quotes" && c.Pass {
			t.Errorf("%s passes in a merged group", c.Article)
		}
	}
	spanning := &crosscheck.Report{Quotes: []crosscheck.QuoteGroup{{Speaker: "Ann Lee", Variants: []crosscheck.QuoteVariant{
		v("a", "we will rebuild, and the river rose fast"), v("b", "we will rebuild"), v("b", "the river rose fast")}}}}
	for _, c := range SeedReport(g, spanning) {
		if c.Section == "quotes" && !c.Pass {
			t.Errorf("%s fails beside one outlet's single span: %s", c.Article, c.Detail)
		}
	}
	if c := CountReport(g, merged); c.Quotes.TP != 0 || c.Quotes.FP != 1 {
		t.Errorf("merged group counted %+v, want no utterance found and one false group", c.Quotes)
	}
}

func TestSameSpeaker(t *testing.T) {
	for _, c := range []struct {
		gold, got string
		want      bool
	}{
		{"Jon Owen", "Jon Owen", true},
		{"Jon Owen", "Palmer Public Safety Director Jon Owen", true},
		{"Vincent Gigante", "Gigante", true},
		{"Vincent Gigante", "Rita Gigante", false},
		{"march participants (chant)", "March", false},
		{"NYPD statement", "After", false},
		{"Jon Owen", "", false},
		{"Jumaane Williams", "Jumaane D. Williams", true}, // a middle initial one outlet prints
		{"J. James Rohack", "James Rohack", true},
	} {
		if got := sameSpeaker(c.gold, nil, c.got); got != c.want {
			t.Errorf("sameSpeaker(%q, %q) = %v, want %v", c.gold, c.got, got, c.want)
		}
	}
}
