package number_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/analyze/number"
)

func TestNumbers(t *testing.T) {
	for _, tc := range []struct {
		text                  string
		value                 float64
		unit, counted, approx string
	}{
		{"the 28-point plan previously submitted", 28, "point", "plan", ""},
		{"lasted approximately five hours", 5, "hour", "", "approximately"},
		{"Moscow received four additional documents beyond", 4, "document", "", ""},
		{"Russia holds about one-fifth of Ukraine’s territory.", 0.2, "", "territory", "about"},
		{"to end nearly four-year long war in Ukraine", 4, "year", "war", "nearly"},
		{"a deal worth $1.2 billion was signed", 1.2e9, "USD", "", ""},
		{"sent 3,000 troops to the border", 3000, "troop", "", ""},
		{"There was a document containing 27 points.", 27, "point", "", ""},
		{"the plan had been reduced to 20 points", 20, "point", "", ""},
		{"prices rose 5 percent in March", 5, "percent", "", ""},
		// a ten or a teen is not read as the unit it begins with
		{"Sixty-five per cent of traffic was down", 65, "percent", "traffic", ""},
		{"fourteen people were hurt", 14, "people", "", ""},
		{"seventy-two villages lost power", 72, "village", "", ""},
		// the head of what is counted, past adjectives and compounds
		{"four young women who were sisters left", 4, "women", "", ""},
		{"Three army supply trucks crossed the bridge", 3, "truck", "", ""},
		{"two plainclothes police officers stopped him", 2, "officer", "", ""},
		{"more than 900 federal and state scientists signed the letter", 900, "scientist", "", "more than"},
		{"The 10, 000 FLDS followers prayed", 10000, "follower", "", ""},
		{"a 12-hour regional rail strike began", 12, "hour", "strike", ""},
		// parts and rates
		{"18 pieces of rescue equipment arrived", 18, "piece", "equipment", ""},
		{"pumps moved 2,000 gallons of water per minute", 2000, "gallon per minute", "water", ""},
		{"pumps moved 2,000 gallons a minute", 2000, "gallon per minute", "", ""},
		// figures and units as wires and tokenisers write them
		{"The 41 - year - old teacher spoke", 41, "year", "teacher", ""},
		{"about 7, 500 residents left", 7500, "resident", "", "about"},
		{"it ships with 16GB of memory", 16, "GB", "", ""},
		{"after 4 1 / 2 hours of testimony", 4.5, "hour", "testimony", ""},
		{"the race ran 3 1/2 miles", 3.5, "mile", "", ""},
		{"a $143 - billion bailout", 143e9, "USD", "bailout", ""},
		{"on that last - minute 80 yard touchdown pass", 80, "yard", "pass", ""},
		{"he ran 80 yards for a touchdown", 80, "yard", "", ""},
		{"a 45bn - euro rescue", 4.5e10, "EUR", "", ""},
		{"to save euro12 billion", 1.2e10, "EUR", "", ""},
		{"cuts of 8bn euros", 8e9, "EUR", "", ""},
		{"bought for $120m", 1.2e8, "USD", "", ""},
		{"sells for $ 1,299", 1299, "USD", "", ""},
		{"a 40 - yd gain", 40, "yard", "gain", ""},
		{"a climb of 900m to the pass", 900, "metre", "", ""},
		{"she was one of six children", 6, "children", "", ""}, // "one of" counts nothing; "six children" does
		{"the bombing, which he said killed seven", 7, "", "", ""},
		{"as many as 20, 000 people took to the streets", 20000, "people", "", "as many as"},
		// a scare-quoted modifier is passed
		{"each of the gang's 200 \"made\" or inducted soldiers", 200, "soldier", "", ""},
		{"he took 24 “spiritual” brides", 24, "bride", "", ""},
		// one sum however it is written
		{"a loan of EUR 110 billion", 1.1e11, "EUR", "", ""},
		{"a loan of 1.2 bn dollars", 1.2e9, "USD", "", ""},
		{"it raised $9.3 mln", 9.3e6, "USD", "", ""},
		{"it paid 3 million US dollars", 3e6, "USD", "", ""},
		{"a fee of 5 million pounds", 5e6, "GBP", "", ""},
		{"he weighs 200 pounds", 200, "pound", "", ""},
		{"debts of 1.5 trillion yen", 1.5e12, "JPY", "", ""},
		{"a 110 billion (Dh472.72bn) bailout", 1.1e11, "", "", ""},
	} {
		ns := number.Find(tc.text)
		if len(ns) != 1 {
			t.Errorf("%q: %d numbers %+v", tc.text, len(ns), ns)
			continue
		}
		n := ns[0]
		if !number.Equal(n.Value, tc.value) || n.Unit != tc.unit || n.Counted != tc.counted || n.Approx != tc.approx {
			t.Errorf("%q: got %+v", tc.text, n)
		}
		if tc.text[n.Start:n.End] != n.Text {
			t.Errorf("%q: offsets %d-%d", tc.text, n.Start, n.End)
		}
	}
}

func TestNumbersSkipYearsAndBareWords(t *testing.T) {
	if ns := number.Find("In 2024 one of them said no."); len(ns) != 0 {
		t.Fatalf("%+v", ns)
	}
}

// A bare word number names an item after a noun that numbers a series ("page twenty"), and
// nowhere else.
func TestNumbersWordAfterPage(t *testing.T) {
	if ns := number.Find("he circled page twenty of the copy"); len(ns) != 1 || ns[0].Value != 20 || ns[0].Text != "twenty" {
		t.Errorf("page twenty: %+v", ns)
	}
	if ns := number.Find("he circled the Page twenty of them liked"); len(ns) != 0 {
		t.Errorf("a name before a bare word: %+v", ns)
	}
	if v, ok := number.FigureValue("Twenty-Four"); !ok || v != 24 {
		t.Errorf("FigureValue: %v %v", v, ok)
	}
}

// A year before what it dates, or a figure before a time zone, counts nothing.
func TestNumbersYearsAndClocksCountNothing(t *testing.T) {
	for _, text := range []string{"the 2012 general election", "a 1998 agreement with the union", "at 0730 GMT", "161,000 vs 150,000"} {
		for _, n := range number.Find(text) {
			if n.Unit != "" || n.Counted != "" {
				t.Errorf("%q: %+v counts something", text, n)
			}
		}
	}
	if ns := number.Find("several dozen people were hurt"); len(ns) != 0 {
		t.Errorf("a vague dozen: %+v", ns)
	}
	if ns := number.Find("2000 people came"); len(ns) != 1 || ns[0].Unit != "people" {
		t.Errorf("a count of people that looks like a year: %+v", ns)
	}
}

func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"28-point plan", "$1.2 billion", "one-fifth of X's land", "nearly four-year long war", "1,000,000.5 %", "twenty-four-hour"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, n := range number.Find(text) {
			if n.Start < 0 || n.End > len(text) || n.Start >= n.End || text[n.Start:n.End] != n.Text {
				t.Fatalf("bad number %+v in %q", n, text)
			}
		}
	})
}

// A casualty verb before a figure, with a hedge or none, makes the figure a count of people,
// in words as in digits; the verb is what reconcile names the count by.
func TestCasualtyVerb(t *testing.T) {
	for _, c := range []struct{ before, want string }{
		{"the bombing, which he said killed ", "killed"},
		{"an attack Wounding at least ", "wounding"},
		{"the blast injured about ", "injured"},
		{"the shelling killing more than ", "killing"},
		{"the blast killed the ", ""},
		{"the killed ", "killed"},
		{"he skilled ", ""},
	} {
		if got := number.CasualtyVerb(c.before); got != c.want {
			t.Errorf("CasualtyVerb(%q) = %q, want %q", c.before, got, c.want)
		}
	}
	for _, text := range []string{"The strike, which he said killed seven.", "The strike killed around seven, officials said."} {
		if ns := number.Find(text); len(ns) != 1 || ns[0].Value != 7 {
			t.Errorf("Find(%q) = %+v, want seven", text, ns)
		}
	}
}

// A fraction in two words is one before what it is a fraction of, whose head it counts; before
// another noun its second word is an ordinal or a noun.
func TestSpacedFractions(t *testing.T) {
	for _, tc := range []struct {
		text    string
		value   float64
		counted string
	}{
		{"The chips use one quarter the power of the old ones.", 0.25, "power"},
		{"It fits in a sixth of the usual space.", 1.0 / 6, "space"},
		{"Voters gave two thirds of the seats to them.", 2.0 / 3, "seat"},
		{"It runs on one-fourth the energy.", 0.25, "energy"},
		{"He won a third of the vote.", 1.0 / 3, "vote"},
		{"They walked a quarter of a mile.", 0.25, ""},
	} {
		ns := number.Find(tc.text)
		if len(ns) != 1 || !number.Equal(ns[0].Value, tc.value) || ns[0].Counted != tc.counted {
			t.Errorf("%q: %+v, want %v of %q", tc.text, ns, tc.value, tc.counted)
		}
	}
	for _, text := range []string{"She won a fifth term in office.", "He served one quarter at the firm."} {
		for _, n := range number.Find(text) {
			if n.Value < 1 {
				t.Errorf("%q: read a fraction %+v", text, n)
			}
		}
	}
}

// Two modifiers joined by "and" qualify the plural noun after them; a plural or a figure after
// the conjunction is another count.
func TestCoordinatedModifiers(t *testing.T) {
	for text, want := range map[string]string{
		"More than 1, 300 federal and independent scientists signed it.": "scientist",
		"It hit 40 military and civilian targets overnight.":             "target",
		"three women and two men died":                                   "women",
		"the 1,247 animal and 747 plant species listed":                  "animal",
	} {
		ns := number.Find(text)
		if len(ns) == 0 || ns[0].Unit != want {
			t.Errorf("%q: %+v, want the first counting %q", text, ns, want)
		}
	}
}

// "Dozen" multiplies the count before it; a span of years before "-old" whose noun is left
// out is still an age's ("a 15-year-old was arrested").
func TestDozensAndElidedAges(t *testing.T) {
	for _, tc := range []struct {
		text          string
		value         float64
		unit, counted string
	}{
		{"About two dozen protesters broke off.", 24, "protester", ""},
		{"Three dozen eggs broke.", 36, "egg", ""},
		{"About a dozen people were hurt.", 12, "people", ""},
		{"Half a dozen boats sank.", 6, "boat", ""},
		{"A 15-year-old was arrested.", 15, "year", "old"},
		{"said a 22 year - old resident of the village", 22, "year", "old"},
		{"The 55 year-old was arrested.", 55, "year", "old"},
		{"He fought a 15-year war.", 15, "year", "war"},
	} {
		ns := number.Find(tc.text)
		if len(ns) != 1 || ns[0].Value != tc.value || ns[0].Unit != tc.unit || ns[0].Counted != tc.counted {
			t.Errorf("%q: %+v, want %v %q %q", tc.text, ns, tc.value, tc.unit, tc.counted)
		}
	}
	if ns := number.Find("Dozens of people marched."); len(ns) != 0 {
		t.Errorf("dozens read as a figure: %+v", ns)
	}
}

// A modifier tokenised with a spaced hyphen ("single - core") is one word before the noun
// counted; a plural before a spaced dash is the noun counted already.
func TestSpacedHyphenModifiers(t *testing.T) {
	for text, want := range map[string]string{
		"a chassis crammed with 512 single - core Atom servers": "server",
		"He fired two anti - tank rockets.":                     "rocket",
		"Hours earlier, three young men - all cousins - died.":  "men",
	} {
		ns := number.Find(text)
		if len(ns) != 1 || ns[0].Unit != want {
			t.Errorf("%q: %+v, want a count of %q", text, ns, want)
		}
	}
}

// An acronym inside a run of plurals qualifies the plural after it.
func TestAcronymBeforeNounCounted(t *testing.T) {
	for text, want := range map[string]string{
		"Two plainclothes NYPD officers shot him.": "officer",
		"Three shells UN officials said hit it.":   "shell",
	} {
		ns := number.Find(text)
		if len(ns) != 1 || ns[0].Unit != want {
			t.Errorf("%q: %+v, want a count of %q", text, ns, want)
		}
	}
}

// One unit of distance written with "a" is a distance of one unit where it is measured from;
// "a mile" alone is no figure.
func TestOneUnitAway(t *testing.T) {
	for _, tc := range []struct {
		text, unit, approx string
	}{
		{"He lived a block away from the school.", "block", ""},
		{"It fell about a mile from the camp.", "mile", "about"},
		{"The camp lies a kilometre south of the border.", "kilometre", ""},
	} {
		ns := number.Find(tc.text)
		if len(ns) != 1 || ns[0].Value != 1 || ns[0].Unit != tc.unit || ns[0].Approx != tc.approx {
			t.Errorf("%q: %+v, want 1 %s (%q)", tc.text, ns, tc.unit, tc.approx)
		}
	}
	for _, text := range []string{"A mile is a long way.", "He walked a mile in the rain."} {
		if ns := number.Find(text); len(ns) != 0 {
			t.Errorf("%q: %+v, want none", text, ns)
		}
	}
}

// A word number before "of those who" is a count of people said before; before "of them" it
// is none.
func TestOfThoseWho(t *testing.T) {
	if ns := number.Find("All seven of those who were tried were convicted."); len(ns) != 1 || ns[0].Value != 7 {
		t.Errorf("of those who: %+v", ns)
	}
}

// "MM" glued to a sum is millions, as the financial press writes it; glued to a bare figure
// it is no sum ("a 9mm pistol").
func TestMillionsWrittenMM(t *testing.T) {
	for text, want := range map[string]float64{
		"The Angels are at eight years and at least $160MM.": 160e6,
		"an eight - year, $200MM deal":                       200e6,
		"a three-year deal worth $45M":                       45e6,
	} {
		ns := number.Find(text)
		if len(ns) == 0 || ns[len(ns)-1].Value != want || ns[len(ns)-1].Unit != "USD" {
			t.Errorf("%q: %+v, want %v USD", text, ns, want)
		}
	}
	for _, n := range number.Find("He carried a 9mm pistol.") {
		if n.Unit == "USD" || n.Value != 9 {
			t.Errorf("a calibre read as %+v", n)
		}
	}
}

// Bare digits after a capitalised word inside a sentence are a model's, a route's or a
// version's number; after a month, a day, a function word or a currency code, or at the
// sentence's start, they are still figures.
func TestNumbersOfNames(t *testing.T) {
	for _, text := range []string{
		"T-Mobile will offer the BlackBerry Curve 8900 smartphone in February.",
		"He was driving east on state Route 52 near Interstate 805.",
		"the GeForce 9400M chip",
		"The airline flies the Boeing 737 on the route.",
	} {
		if ns := number.Find(text); len(ns) != 0 {
			t.Errorf("%q: %+v, want no figure", text, ns)
		}
	}
	for text, want := range map[string]float64{
		"On Sunday 15 people died.":                 15,
		"Police said About 40 homes burned.":        40,
		"A loan of USD 40 million was repaid.":      40e6,
		"Obama 52.3 percent of the vote was given.": 52.3,
		"Storms hit Texas, killing 12 people.":      12,
		"Officers arrested 3 men.":                  3,
	} {
		if ns := number.Find(text); len(ns) != 1 || ns[0].Value != want {
			t.Errorf("%q: %+v, want %v", text, ns, want)
		}
	}
}

// A score, a length of time or a measure after a name is still a figure.
func TestFiguresAfterNames(t *testing.T) {
	for text, want := range map[string]float64{
		"She came back with John 12 weeks ago.":   12,
		"They beat Atlanta 17 - 14 on Sunday.":    17,
		"Obama won Iowa 52 to 48.":                52,
		"He sailed past Dover 20 miles offshore.": 20,
	} {
		if ns := number.Find(text); len(ns) == 0 || ns[0].Value != want {
			t.Errorf("%q: %+v, want %v first", text, ns, want)
		}
	}
}
