package reconcile

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
)

// analyzed is an article of text analysed as ingest analyses it, in a story of its own.
func analyzed(t *testing.T, text string) *article {
	t.Helper()
	return storyOf(t, text).arts[0]
}

// Each rule of the cascade, on a sentence that shows its kind: the first number of the
// sentence is read by the rule named, with the label and owner given.
func TestNumberRules(t *testing.T) {
	for _, tc := range []struct {
		rule, text, label, owner, thing, verb string
	}{
		{"score", "Leeds went into the break with a 21 - 7 halftime lead.", "21-7", "halftime", "halftime score", ""},
		{"score", "The win lifted the Rovers (8 - 3) into second place.", "8-3", "rovers", "record", ""},
		{"score", "The Hawks stand at 6 - 6 with four games left.", "6-6", "hawks", "record", ""},
		{"score", "They won 3 - 1 on Sunday.", "3-1", "", "score", ""},
		{"score", "The Hawks led 14 - 10 at the half.", "14-10", "halftime", "halftime score", ""},
		{"score", "The Hawks lost at home and dropped their record to 5 - 7.", "5-7", "hawks", "record", ""},
		{"caliber", "Police found a .45-caliber pistol in the car.", ".45-caliber pistol", "", "caliber", ""},
		{"block", "He was shot in the 4300 block of West 41st Street on Friday.", "4300 block of West 41st Street", "", "street block", ""},
		{"seats", "The Socialists hold a majority of 160 in the 300 - seat Parliament.", "160 of 300 seats", "parliament", "seats", ""},
		{"seats", "The party won 42 of the 120 seats in parliament.", "42 of 120 seats", "parliament", "seats", ""},
		{"ordinal", "The crowd walked to the 42nd Precinct on Friday.", "42nd Precinct", "precinct", "precinct", ""},
		{"numbered", "The letter ran on page 14 of the paper.", "14", "page", "page", ""},
		{"numbered", "He marked page twenty of the reporter's copy.", "20", "page", "page", ""},
		{"age-pair", "She leaves daughters, ages 9 and 4.", "4 and 9", "girl", "", ""},
		{"age-pair", "The sons, aged 10 and 13, were hurt.", "10 and 13", "boy", "", ""},
		{"age-pair", "The sisters - 7 - and 11 - year - old girls - saw it.", "7 and 11", "girl", "", ""},
		{"age-pair", "He took a 13 - year old girl and a 16 - year girl as wives.", "13 and 16", "girl", "", ""},
		{"age-pair", "He took a 13-year-old girl and a 16-year-old girl as wives.", "13 and 16", "girl", "", ""},
		{"range", "The men got prison terms ranging from five to 40 years.", "5-40 years", "", "terms", ""},
		{"range", "They received sentences of between two and 30 years.", "2-30 years", "", "sentences", ""},
		{"age-year-old", "The 52-year-old teacher was hurt.", "52", "teacher", "", ""},
		{"age-year-old", "Police shot 19 - year - old Marcus Webb on Friday.", "19", "webb", "", ""},
		{"age-year-old", "said 70 - year - old Dimitris Karras on Friday.", "70", "karras", "", ""},
		{"age-year-noun", "He took a 14 - year girl as a wife.", "14", "girl", "", ""},
		{"duration", "He was hailed as a 30-year veteran of the force.", "30 years", "", "veteran", ""},
		{"age-apposition", "Officer Dana Pruitt, 44, was wounded.", "44", "pruitt", "", ""},
		{"age-aged", "The singer Ann Moor died at 81 in her home.", "81", "moor", "", ""},
		{"age-aged", "Ruth Kline was 88.", "88", "kline", "", ""},
		{"age-aged", "She was 85.", "85", "", "", ""},
		{"money", "The council approved a $2 million bond on Monday.", "2000000 USD", "", "bond", "approved"},
		{"money", "Orbis agreed to buy the mill for $75 million.", "75000000 USD", "", "price", ""},
		{"money", "The fund will lend 40 billion euros in loans.", "40000000000 EUR", "", "loans", ""},
		{"money", "Orbis is paying $281m in cash and $53m in stock to buy the mill.", "281000000 USD", "", "cash", "paying"},
		{"money", "Orbis will buy the mill for $75 million in cash.", "75000000 USD", "", "price", ""},
		{"money", "The startup, which raised $35m in two rounds of funding, was sold.", "35000000 USD", "", "funding", "raised"},
		{"money", "The laptop comes with a price tag of $2,799.", "2799 USD", "", "price", ""},
		{"money", "The firms signed a $4.5 billion deal on Monday.", "4500000000 USD", "", "price", "signed"},
		{"money", "The shop offers a matte screen on the laptop for $50 extra.", "50 USD", "", "", ""},
		{"percent", "Shares plunged 6.2 per cent on Friday.", "6.2%", "", "", ""},
		{"duration", "She served for 12 years on the board.", "12 years", "", "", "served"},
		{"duration", "The town voted five months ago.", "5 months", "", "time since", "voted"},
		{"duration", "He feigned madness for three decades.", "30 years", "", "", ""},
		{"duration", "After a quarter - century of feigned madness he admitted it.", "25 years", "", "", ""},
		{"measure", "Pumps moved 2,000 gallons of water per minute.", "2000 gallons per minute", "", "water", "rate"},
		{"measure", "At its height, 2,000 gallons of water were poured on the blaze every minute.", "2000 gallons per minute", "", "water", "rate"},
		{"measure", "It left a crater about three metres wide.", "3 metres", "", "crater", "width"},
		{"measure", "The 15 '' model weighs less than the old one.", "15 inches", "", "", "size"},
		{"measure", "It ships with a 2.66-GHz Core 2 Duo processor.", "2.66 GHz", "", "processor", "speed"},
		{"measure", "It is, as the maker puts it, \"the thinnest yet, '' at under an inch thick (0.9 '' to be exact).", "0.9 inches", "", "", "thickness"},
		{"measure", "The road runs for three miles.", "3 miles", "", "", "distance"},
		{"measure", "The men were trapped 250 metres below the surface.", "250 metres", "", "", "depth"},
		{"count", "Three young men died when the roof fell.", "3 men", "", "men", "died"},
		{"count", "Officers fired 14 shots at the car.", "14 shots", "", "shot", "fired"},
		{"count", "The blast left 30 dead and 55 wounded.", "30 people", "", "people", "dead"},
		{"count", "He said 20 were wounded in the raid.", "20 people", "", "people", "wounded"},
		{"count", "Two plainclothes police officers fatally shot the boy.", "2 officers", "", "officer", "shot"},
		{"count", "He spoke of the raid on Guffa, which he said killed seven.", "7 people", "", "people", "killed"},
		{"count", "Six missiles were fired and four exploded.", "6 missiles", "", "missile", "fired"},
		{"count", "He shot the guard once in the head and fled.", "1 time", "", "time", "shot"},
		{"count", "Songs on the store will now have three-tiered pricing.", "3 tiers in the pricing", "", "tier", ""},
		{"count", "The hotel stood beside a three - storied house.", "3 stories in the house", "", "story", ""},
		{"count", "At least 12 of one family were killed in the strike.", "12 members of family", "", "member", "killed"},
	} {
		a := analyzed(t, tc.text)
		var got reading
		found := false
		for _, n := range a.numbersWithTimes() {
			if r, ok := a.readNumber(n); ok {
				got, found = r, true
				break
			}
		}
		if !found || got.rule != tc.rule || got.label != tc.label || got.owner != tc.owner || got.thing != tc.thing || got.verb != tc.verb {
			t.Errorf("%q: got %+v (found %v), want rule %s label %q owner %q thing %q verb %q", tc.text, got, found,
				tc.rule, tc.label, tc.owner, tc.thing, tc.verb)
		}
	}
}

// A year, a time zone's clock, the second figure of a score, a measure given again and one of
// a thing with no event state no fact of their own.
func TestNumbersThatStateNoFact(t *testing.T) {
	for text, want := range map[string]int{
		"They won 3 - 1 on Sunday.":                                  1, // the score, once
		"The 2012 general election was close.":                       0,
		"It began at 0730 GMT.":                                      0,
		"The hole is three metres (9.8 feet) deep.":                  1, // the metres, once
		"One son lives in Leeds.":                                    0,
		"She was the first doctor under age 40 to sit on the board.": 0, // an age limit
		"He was named one of the leaders age 40 and under.":          0,
		"The laptop has three USB 2.0 ports.":                        1, // three USB, not 2.0 ports
		"The blast came at 3 p. m. on Monday.":                       0, // a letter is no noun
		"The first 9 - 1 - 1 call came at dawn.":                     0, // an emergency number: no score, no count
		"The cells hold three times the charge of the old ones.":     0, // a ratio
		"Butler ran it back for a 7 - 0 lead.":                       1, // the score, not a count of leads
		"They accused one another of backing the rebels.":            0,
		"He is survived by his wife, two sons, and mother.":          0, // two of a thing with no event
		"It was the bloodiest battle of the 20th century.":           0, // an ordinal that names a time
		"He kept a townhouse on East 77th Street.":                   0, // an ordinal that names a street
		"He said \"the score was 42 '' and left the hall.":           0, // a quotation closed, no inch mark
		"The old barn once housed the dairy.":                        0, // "once": formerly
		"The roof seemed to go up in flames at once.":                0,
		"He was handed the reins once again.":                        0,
	} {
		a := analyzed(t, text)
		var got []string
		for _, num := range a.numbersWithTimes() {
			if r, ok := a.readNumber(num); ok {
				got = append(got, r.rule+" "+r.label)
			}
		}
		if len(got) != want {
			t.Errorf("%q: facts read %q, want %d", text, got, want)
		}
	}
}

// story builds a story of analysed articles, one text each.
func storyOf(t *testing.T, texts ...string) *story {
	t.Helper()
	var list []*crosscheck.Article
	for i, text := range texts {
		a := &crosscheck.Article{ID: string(rune('a' + i)), Text: text}
		extract.Analyze(a)
		list = append(list, a)
	}
	return newStory(list)
}

func conflicts(facts []crosscheck.Fact) []string {
	var out []string
	for _, f := range facts {
		if f.Verdict == "conflict" {
			var vs []string
			for _, v := range f.Values {
				vs = append(vs, v.Value)
			}
			out = append(out, f.Subject+": "+strings.Join(vs, " / "))
		}
	}
	return out
}

// Values conflict only when they are rival values of one thing: the cases each rule of
// mayConflict and the bounds exist for.
func TestNumberConflicts(t *testing.T) {
	for _, tc := range []struct {
		name     string
		texts    []string
		conflict bool
	}{
		{"a lower bound \"at least\" the other value meets", []string{
			"Crews used at least two ladder trucks at the warehouse fire.", "Crews used three ladder trucks at the warehouse fire.",
			"The fire at the warehouse drew three ladder trucks."}, false},
		{"a toll \"at least\" gives against another", []string{
			"At least three people were killed in the warehouse fire on Sunday.", "Four people were killed in the warehouse fire on Sunday."}, true},
		{"a sum in stock against one in funding", []string{
			"Orbis is paying $281m in cash and $53m in stock to acquire the startup.", "The startup is backed with $60m in funding by three firms."}, false},
		{"two sums in funding", []string{
			"The startup is backed with $60m in funding by three firms.", "The startup, which raised $35m in funding from three firms, was sold."}, true},
		{"a count over a span of time against one over all time", []string{
			"Police said Gray had been arrested four times on charges of larceny.", "Gray had been arrested three times since October on charges of larceny."}, false},
		{"a count of people trapped since something happened", []string{
			"Eleven miners were trapped on Tuesday after a tunnel collapsed at the mine.", "Rescuers drilled to reach 12 miners trapped since a tunnel collapsed at the mine."}, true},
		{"a record and the one who broke it", []string{
			"Andrew Luck broke Cam Newton's record of 4,051 yards passing in the second quarter.", "Andrew Luck also set a rookie record for a season with 4,183 passing yards."}, false},
		{"one player's yards told twice", []string{
			"Andrew Luck also set a rookie record for a season with 4,183 passing yards.", "Andrew Luck finished the season with 4,185 yards passing, a rookie record."}, true},
		{"two sums of one named thing in sentences that share little", []string{
			"Orbis is paying $281m in cash to acquire Kelda, which raised $35m in two rounds of funding last year.",
			"Kelda was founded in 2007 and is backed with $60 million in funding by Khosla Ventures and other investors."}, true},
		{"two counts of thousands of one noun in sentences that share little", []string{
			"The department proposed the new regulations in May and since has received nearly 300,000 comments, the vast majority opposing the changes.",
			"The administration worked to get the change in place before the new president took over, corralling 15 experts to sort through 250,000 written comments from the public on the revisions in 32 hours."}, true},
		{"a lower bound the other value meets", []string{
			"More than 30 people were killed in the flood on Monday.", "The flood on Monday killed 34 people, officials said."}, false},
		{"two counts of one crowd", []string{
			"About 300 people marched to the town hall on Monday.", "Nearly 200 people marched to the town hall on Monday."}, true},
		{"the ages of two people", []string{
			"Officer Dana Pruitt, 44, was wounded in the shooting.", "The suspect, Carl Moss, 29, was wounded in the shooting."}, false},
		{"one person's age told twice", []string{
			"Officer Dana Pruitt, 44, was wounded in the shooting.", "Officer Dana Pruitt, 45, was wounded in the shooting."}, true},
		{"the counts of two people", []string{
			"Shortstop Alex Rodriguez hit 33 homers for the club this season.", "Shortstop Derek Jeter hit 13 homers for the club this season."}, false},
		{"items of a list", []string{
			"Songs cost $0.79, $0.99 and $1.19 on the store.", "Most songs on the store cost $0.99 and a few cost $1.19."}, false},
		{"counts far apart", []string{
			"The sect has about 9,000 members across the state.", "Four members of the sect were charged across the state."}, false},
		{"distances of two plays", []string{
			"Lee kicked a 48 - yard field goal in the second quarter.", "Lee kicked a 31 - yard field goal in the second quarter."}, false},
		{"a distance misprinted", []string{
			"Ruiz broke off a 76 - yard touchdown run in the third quarter.", "Ruiz broke off a 74 - yard touchdown run in the third quarter."}, true},
		{"a record told two ways", []string{
			"The win left the Hawks (9 - 4) atop the division.", "The Hawks (8 - 4) lead the division after the win."}, true},
		{"a length one day on, an update", []string{
			"The siege of the valley town has lasted 11 days.", "The siege of the valley town has lasted 12 days."}, false},
		{"ages of a noun that is two people", []string{
			"The jury heard a tape of the 11 - year - old girl in court on Monday.", "He was convicted of assaulting a 12 - year - old girl and a 15 - year - old girl.",
			"A 12 - year - old girl sold lemonade outside the court."}, false},
		{"ages of a noun that is two people, of one act told alike", []string{
			"The jury heard a tape of the 11 - year - old girl in court on Monday.", "He was convicted of assaulting a 12 - year - old girl and a 15 - year - old girl.",
			"The jury heard a tape of the 12 - year - old girl in court on Monday."}, true},
		{"the age of one noun told two ways", []string{
			"The jury heard a tape of the 11 - year - old girl in court on Monday.", "The jury heard a tape of the 12 - year - old girl in court on Monday."}, true},
		{"a length a week apart", []string{
			"The siege of the valley town has lasted 11 days.", "The siege of the valley town has lasted 18 days."}, true},
		{"within a distance", []string{
			"A rocket landed within 20 miles of the city on Monday.", "A rocket landed 17 miles from the city on Monday."}, false},
		{"one team's record in two sentences", []string{
			"For the season the Hawks are 7 - 2 in close games.", "On the road the Hawks moved their record to 6 - 2 in close games this fall."}, true},
		{"two ordinals of one noun", []string{
			"The young Hawks won their 7th game in March against the Owls.", "Snow fell at the stadium during the 13th game, a loss at home."}, false},
		{"one crowd named by two verbs", []string{
			"About 50 volunteers searched the woods near the lake on Sunday.", "More than 70 volunteers were sent to the woods near the lake on Sunday."}, true},
		{"the killed and the wounded", []string{
			"In the town 30 people were killed in the blast on Friday.", "In the town 34 people were wounded in the blast on Friday."}, false},
		{"one figure of two events", []string{
			"Five missiles were fired at the camp, of which four exploded near the school.", "Four missiles were fired at the camp near the school."}, true},
		{"two lengths of one strike", []string{
			"Nurses began a 48-hour strike at the hospital on Monday.", "Nurses began a 72-hour strike at the hospital on Monday."}, true},
	} {
		s := storyOf(t, tc.texts...)
		got := conflicts(s.numberFacts())
		if (len(got) > 0) != tc.conflict {
			t.Errorf("%s: conflicts %v, want conflict %v", tc.name, got, tc.conflict)
		}
	}
}

// A share that says how much of a quality ("99.9 per cent sure") is named by it, not by a verb
// before it.
func TestPercentSubjectSaysHowMuch(t *testing.T) {
	s := storyOf(t, "After the initial investigation, the agency said it was 99.9 per cent sure there were no gunmen.",
		"We are 99.9 per cent sure that there were no gunmen in the school, the agency said.")
	for _, f := range s.numberFacts() {
		if f.Kind == "percent" {
			if want := "how sure, in percent"; f.Subject != want {
				t.Errorf("subject %q, want %q", f.Subject, want)
			}
			return
		}
	}
	t.Error("no percent")
}

// A measure of a named thing names it ("the 9-acre Mat Maid complex").
func TestMeasureSubjectNamesTheThing(t *testing.T) {
	s := storyOf(t, "The fire chief drove around the 9 - acre Mat Maid complex on Sunday.",
		"Flames tore through the 9 - acre Mat Maid complex late on Sunday.")
	for _, f := range s.numberFacts() {
		if f.Kind == "measure" {
			if want := "area in acres of the Mat Maid complex"; f.Subject != want {
				t.Errorf("subject %q, want %q", f.Subject, want)
			}
			return
		}
	}
	t.Error("no measure")
}

// A count's subject says where its event happened when its sentences say so.
func TestCountSubjectSaysWhere(t *testing.T) {
	s := storyOf(t, "Some 2 million people died in the civil war, which ended in 2005.",
		"About 2 million people were killed in the civil war between north and south.")
	for _, f := range s.numberFacts() {
		if f.Kind == "count" {
			if want := "number of people killed in the civil war"; f.Subject != want {
				t.Errorf("subject %q, want %q", f.Subject, want)
			}
			return
		}
	}
	t.Error("no count")
}

// A unit or a noun counted is written in the plural as people write it.
func TestPlural(t *testing.T) {
	for unit, want := range map[string]string{"year": "years", "catch": "catches", "inch": "inches", "story": "stories",
		"people": "people", "century": "centuries", "foot": "feet", "day": "days"} {
		if got := plural(unit, 2); got != want {
			t.Errorf("plural(%q) = %q, want %q", unit, got, want)
		}
	}
}

// Two counts of ten or more of one noun other than people, and two sums of two significant
// digits, are one fact however little else their sentences share.
func TestSpecificFiguresAgree(t *testing.T) {
	for _, texts := range [][]string{
		{"Kelda, founded in 2007, has 80 employees and big plans.", "Orbis bought the 80 - employee Silicon Valley startup on Wednesday."},
		{"The grant of $9.3 million came from the Department of Energy.", "Kelda got $9.3m in funding from the US government in 2009."},
	} {
		s := storyOf(t, texts...)
		found := false
		for _, f := range s.numberFacts() {
			if f.Verdict == "agree" && len(f.Values) == 1 && len(f.Values[0].Articles) == 2 {
				found = true
			}
		}
		if !found {
			t.Errorf("%q: no agreement of two articles", texts)
		}
	}
}

// An article does not contradict itself: two values it states are two facts, not rivals.
func TestNumberConflictNeedsTwoArticles(t *testing.T) {
	s := storyOf(t, "About 300 people marched on Monday, and later 200 people marched again.",
		"About 300 people marched on Monday, and later 200 people marched again.")
	if got := conflicts(s.numberFacts()); len(got) > 0 {
		t.Errorf("conflicts %v", got)
	}
}

// An age told in a short sentence of its own joins the age of the same value others give,
// however little else the sentences share.
func TestOneAgeToldTwoWays(t *testing.T) {
	s := storyOf(t, "The poet Ann Moor, who wrote of the northern coast for sixty years, died at her home on Monday. She was 81.",
		"Ann Moor, the poet of the northern coast, died at 81 on Monday at her home in the hills.",
		"Ann Moor, 81, wrote about the sea.")
	for _, f := range s.numberFacts() {
		if f.Kind == "age" {
			if len(f.Values) != 1 || len(f.Values[0].Articles) != 3 {
				t.Errorf("%s: %+v", f.Subject, f.Values)
			}
			return
		}
	}
	t.Error("no age fact")
}

// An exact figure of three significant digits or more given twice is one fact, however
// little else the sentences share; a round one is not.
func TestDistinctiveFigureToldTwoWays(t *testing.T) {
	joined := func(texts ...string) bool { return joinedOnce(t, "money", texts...) }
	if !joined("The laptop carries a price tag of $1,849.", "Buyers in the shops will pay $1,849 for it from June.") {
		t.Error("$1,849 twice is not one fact")
	}
	if joined("The laptop carries a price tag of $2,000.", "Shoppers in town spent $2,000 on food in June.") {
		t.Error("$2,000 twice joined with nothing else in common")
	}
}

// A pair of ages and a range are one value each: their other figure states no fact of its own;
// pairs of the same ages agree in whichever order they are given, and pairs of one couple of
// people that differ conflict.
func TestPairsAndRanges(t *testing.T) {
	for text, want := range map[string]string{
		"She leaves two daughters, ages 9 and 4.":                       "4 and 9",
		"The men got prison terms ranging from 5 to 40 years.":          "5-40 years",
		"The two boys, 10 and 13, were at school.":                      "10 and 13",
		"A scuffle left 10 and 13 people hurt at school on Friday.":     "",
		"The team won 2 and 3 games in the two cup runs of the season.": "",
	} {
		a := analyzed(t, text)
		var got []string
		for _, n := range a.Numbers {
			if r, ok := a.readNumber(n); ok && (r.kind == "age" || r.kind == "range") {
				got = append(got, r.label)
			}
		}
		if strings.Join(got, "; ") != want {
			t.Errorf("%q: read %q, want %q", text, got, want)
		}
	}
	a := analyzed(t, "The men got prison terms of 5-40 years.")
	n := 0
	for _, num := range a.Numbers {
		if _, ok := a.readNumber(num); ok {
			n++
		}
	}
	if n != 1 {
		t.Errorf("a range read as %d facts, want 1", n)
	}
	agree := storyOf(t, "The girl's mother leaves two daughters, ages 9 and 4, at home.", "The two daughters, aged 4 and 9, were at home with the girl's mother.")
	found := false
	for _, f := range agree.numberFacts() {
		found = found || f.Subject == "ages of the girls" && f.Verdict == "agree" && len(f.Values) == 1 && f.Values[0].Value == "4 and 9"
	}
	if !found {
		t.Errorf("the pair told in two orders is not one agreement: %+v", agree.numberFacts())
	}
	rival := storyOf(t, "The shooting was seen by the woman's two daughters, ages 6 and 8, from the porch.", "The shooting was seen by the woman's two daughters, ages 8 and 10, from the porch.")
	if got := conflicts(rival.numberFacts()); len(got) != 1 || got[0] != "ages of the girls: 6 and 8 / 8 and 10" {
		t.Errorf("rival pairs: conflicts %q", got)
	}
	pages := storyOf(t, "He circled page 20 of the paper to ask for a meeting.", "To ask for a meeting he circled page 3 of the paper.")
	if got := conflicts(pages.numberFacts()); len(got) > 0 {
		t.Errorf("two pages: conflicts %q", got)
	}
}

// joinedOnce reports whether the numbers of the texts make a fact of the kind with one value
// that two articles state.
func joinedOnce(t *testing.T, kind string, texts ...string) bool {
	t.Helper()
	for _, f := range storyOf(t, texts...).numberFacts() {
		if f.Kind == kind && len(f.Values) == 1 && len(f.Values[0].Articles) == 2 {
			return true
		}
	}
	return false
}

// One count of one event named by two nouns is one fact ("fired seven attorneys", "fired
// seven lawyers"); counts of two events, or of two figures, stay apart.
func TestCountNamedTwoWays(t *testing.T) {
	joined := func(texts ...string) bool { return joinedOnce(t, "count", texts...) }
	if !joined("Before the trial the mayor fired seven attorneys in six months.", "The mayor fired seven lawyers before the trial, and then spoke for himself.") {
		t.Error("seven attorneys and seven lawyers fired are not one count")
	}
	if joined("Before the trial the mayor fired seven attorneys in six months.", "The mayor hired seven lawyers before the trial, and then spoke for himself.") {
		t.Error("lawyers fired and lawyers hired joined")
	}
	if joined("Before the trial the mayor fired seven attorneys in six months.", "The mayor fired eight lawyers before the trial, and then spoke for himself.") {
		t.Error("seven and eight joined")
	}
}

// Each rule of countJoins joins the counts of its example, and only counts of one figure.
func TestCountJoinRules(t *testing.T) {
	joined := func(texts ...string) bool { return joinedOnce(t, "count", texts...) }
	for _, tc := range []struct {
		rule string
		a, b string
		want bool
	}{
		{"people-two-ways", "The startup currently employs 80 people in its offices.", "The startup has 80 employees.", true},
		{"people-two-ways", "The sect is believed to have about 10,000 followers.", "The sect, which has at least 10,000 members nationwide, lives apart.", true},
		{"people-two-ways", "The startup currently employs 80 people in its offices.", "The startup has 80 desks.", false},
		{"people-two-ways", "The startup currently employs 80 people in its offices.", "The startup has 90 employees.", false},
		{"people-two-ways", "Twelve women sat on the panel that met on Friday.", "Twelve men sat on the panel that met on Friday.", false},
		{"times-of-verb", "The battery can be recharged up to 1,000 times.", "The battery allows up to 1,000 recharges.", true},
		{"times-of-verb", "He had been arrested four times before.", "He has four prior arrests.", true},
		{"times-of-verb", "The battery can be recharged up to 1,000 times.", "The battery lasts up to 1,000 charges in a lifetime.", true},
		{"times-of-verb", "The battery can be recharged up to 1,000 times.", "The battery allows up to 1,000 users.", false},
	} {
		if got := joined(tc.a, tc.b); got != tc.want {
			t.Errorf("%s: %q, %q joined %v, want %v", tc.rule, tc.a, tc.b, got, tc.want)
		}
	}
}

// A bare figure "of them" after a measure measures part of it, in its unit.
func TestPartOfAMeasure(t *testing.T) {
	a := analyzed(t, "The Hawks gave up 400 total yards, 250 of them on the ground.")
	var got []string
	for _, n := range a.Numbers {
		if r, ok := a.readNumber(n); ok {
			got = append(got, r.label)
		}
	}
	if strings.Join(got, "; ") != "400 yards; 250 yards" {
		t.Errorf("read %q", got)
	}
}

// A count whose noun was said before it takes that noun, and its verb tells it from the count
// the noun came with.
func TestBorrowedNoun(t *testing.T) {
	a := analyzed(t, "Six missiles were fired and four exploded.")
	var got []string
	for _, n := range a.Numbers {
		if r, ok := a.readNumber(n); ok {
			got = append(got, r.label+" "+r.verb)
		}
	}
	if strings.Join(got, "; ") != "6 missiles fired; 4 missiles exploded" {
		t.Errorf("read %q", got)
	}
}
