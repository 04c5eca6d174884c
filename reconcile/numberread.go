package reconcile

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// reading is what a number says in its sentence: the kind of value, its unit, the thing it
// counts, the event it counts (the verb) and whose it is.
type reading struct {
	kind  string // count, age, money, percent, score, caliber, block, ordinal, seats, duration, measure
	unit  string // "year", "USD", "gallon per minute"; for a count, the thing counted
	thing string // what is counted or measured, singular: "people", "shell", "run"
	word  string // the thing as the sentence writes it: "young men", "shells"
	verb  string // what happened to it, as written: "killed", "fired"
	owner string // whose it is: a person's surname, or the noun an age qualifies ("girl")
	label string // the value as people read it: "40", "15 years", "3000000 USD", "21%", "10-5"
	// borrowed is set on a count whose noun was said before it ("of which four exploded"):
	// its verb alone tells which count it is.
	borrowed bool
	// value, when set, is the value the reading compares by in place of the figure's: a pair
	// of ages or a range is one value of its two figures.
	value float64
	// several is set on an age of a noun ("girl") one article gives two ages of: the noun
	// names more than one person there, so its ages are no rivals.
	several bool
	// window is the span of time a count is restricted to ("since October", "this season"),
	// as written: a count over a window is no rival of one over all time.
	window string
	// sole is set on a count of a thing the story gives one figure only (markSole).
	sole bool
	// crowd is the gathering a count of people is the size of ("march", "vigil", "crowd"), or
	// "" (crowdOf).
	crowd string
	// group is the body of people a count of members is the size of ("family"), or ""
	// (asMembers).
	group string
	rule  string
}

// numberRule is one step of the cascade that reads a number: the first whose match returns
// true decides its kind.
type numberRule struct {
	name    string
	example string
	match   func(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool
}

// numberContext is the sentence around a number: the text before it and after it.
type numberContext struct {
	before, after string
}

// contextWindow bounds the text on each side of a figure that its readers look at, so that a
// sentence of thousands of figures costs a bounded read per figure, not the whole sentence each
// (a reader's patterns run over what they are given). News sentences are shorter than this
// almost always; a longer one is read from the whole words nearest the figure.
const contextWindow = 400

// pairReach bounds how far back from a figure the figure it may be the second of starts: a
// pair's first figure ends at most 8 bytes before it, and no figure's text is this long.
const pairReach = 200

// ctxBefore is the last contextWindow bytes of before, from a word's start.
func ctxBefore(before string) string {
	if len(before) <= contextWindow {
		return before
	}
	cut := len(before) - contextWindow
	if sp := strings.IndexByte(before[cut:], ' '); sp >= 0 {
		cut += sp + 1
	}
	return before[cut:]
}

// ctxAfter is the first contextWindow bytes of after, to a word's end.
func ctxAfter(after string) string {
	if len(after) <= contextWindow {
		return after
	}
	cut := contextWindow
	if sp := strings.LastIndexByte(after[:cut], ' '); sp > 0 {
		cut = sp
	}
	return after[:cut]
}

// numberRules are the cascade, in order.
var numberRules = []numberRule{
	{"pair-second", "the 16 of “sons, ages 6 and 16”, the 6 of “from 6 to 75 years”, “6-75 years”: read with the first", pairSecond},
	{"score-second", "the 5 of “led 10-5”: read with the 10", scoreSecond},
	{"score", "“a 13-3 halftime lead”, “the Colts (10-5)”", score},
	{"caliber", "“a .38-caliber revolver”", caliber},
	{"block", "“the 12200 block of East 223rd Street”", streetBlock},
	{"numbered", "“page 20”, “page twenty”", numbered},
	{"age-pair", "“two sons, ages 6 and 16”, “the two girls, 12 and 15,”, “8- and 10-year-old girls”", agePair},
	{"range", "“sentences ranging from six to 75 years”, “between six and 75 years”", valueRange},
	{"seats", "“a majority of 160 in the 300-seat Parliament”, “won 160 of the 300 seats”", seats},
	{"ordinal", "“the 67th Precinct”", ordinal},
	{"age-year-old", "“the 35-year-old deputy”, “16-year-old Kimani Gray”", ageYearOld},
	{"age-year-noun", "“a 15-year girl”: a span of years that qualifies a girl, a boy or a child is an age", ageYearNoun},
	{"age-apposition", "“Jose Luis Orozco, 27, a parolee”", ageApposition},
	{"age-aged", "“aged 22”, “at the age of 91”, “died at 95”, “He was 95.”", ageAged},
	{"prices", "“three price tiers: $0.69, $0.99 and $1.29”, “69 cents, 99 cents and $1.29”", moneyList},
	{"money", "“a $3 million bond”, “110 billion euros”", money},
	{"fraction", "“one quarter the power”, “a sixth of the space”", fraction},
	{"percent", "“Greek stocks plunged 5.4 per cent”", percent},
	{"duration", "“served for 15 years”, “a 24-hour strike”", duration},
	{"measure", "“an 86-yard touchdown run”, “5,000 gallons per minute”", measure},
	{"away", "“found three doors away”, “three houses from the scene”", away},
	{"count", "“three young men died”, “fired 11 shots”", count},
}

// readNumber reads n in its sentence, or reports that it states no fact: a bare figure, a
// year, a time of day.
func (a *article) readNumber(n crosscheck.Number) (reading, bool) {
	i := a.sentenceAt(n.Start)
	if i < 0 {
		return reading{}, false
	}
	sp := a.sentences[i].span
	ctx := numberContext{before: a.Text[sp[0]:max(sp[0], n.Start)], after: a.Text[min(n.End, sp[1]):sp[1]]}
	ctx.before, ctx.after = ctxBefore(ctx.before), ctxAfter(ctx.after)
	for _, rule := range numberRules {
		r := reading{}
		if rule.match(a, n, ctx, &r) {
			if r.kind == "" {
				return reading{}, false
			}
			r.rule = rule.name
			return r, true
		}
	}
	return reading{}, false
}

var (
	scoreAfter  = mustGate(`^\s?[-–]\s?(\d{1,2})\b`)
	scoreBefore = mustGate(`\d\s?[-–]\s?$`)
	ordinalEnd  = mustGate(`^(st|nd|rd|th)\s+(?:[A-Z][a-z]+\s+)*?([A-Za-z]+)`)
)

// scoreSecond: the second figure of a score belongs to the first.
func scoreSecond(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	return n.Approx == "" && (n.Unit == "" || !isUnit(n.Unit) && !strings.Contains(n.Text, "-")) && scoreBefore.MatchString(ctx.before) // "a 7 - 0 lead", "a 20 - 13 victory"; not "April 27 - More than 1,300"
}

// score: two figures joined by a dash, a score or a win-loss record.
func score(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	rest := a.Text[n.Start+len(figureText(n.Text)):]
	m := scoreAfter.FindStringSubmatch(rest)
	if m == nil || n.Value >= 100 || n.Value != math.Trunc(n.Value) || strings.HasPrefix(strings.TrimLeft(rest[len(m[0]):], " "), "-") || n.Unit == "percent" || pairNext.MatchString(rest[len(m[0]):]) {
		return false
	}
	r.kind, r.unit, r.label = "score", "score", strconv.Itoa(int(n.Value))+"-"+m[1]
	r.thing = "score"
	if team := recordOwner(ctx.before); team != "" {
		r.thing, r.owner = "record", team
	} else if halftime.MatchString(ctx.before + ctx.after) {
		r.thing, r.owner = "halftime score", "halftime" // the score at halftime is one fact
	}
	return true
}

// pairNext is what follows the first figure of a pair of ages, not the second of a score:
// "sisters - 8 - and 10 - year - old".
var pairNext = mustGate(`^\s?-\s?and\b`)

var (
	recordParen = mustGate(`([A-Z][\pL]+)\s*\(\s*$`)
	recordTheir = mustGate(`([A-Z][\pL]+)\b[^.;A-Z]*\b(?:moved|improved|raised|lifted|dropped|fell) (?:their|its) record to\s*$`)
	recordVerb  = mustGate(`([A-Z][\pL]+)(?:\s*[’']s?)?\s+(?:record\s+)?(?:stand at|stands at|are|were|is|was|(?:rose|improved|fell|dropped|moved) to|(?:moved|improved) their record to)(?:\s+an?\s+[\pL-]+)?\s*$`)
)

// recordOwner finds the team a win-loss record belongs to: "the Colts (10-5)", "the Colts
// stand at 10-5", "Indianapolis’ record rose to 9-5".
func recordOwner(before string) string {
	if m := recordParen.FindStringSubmatch(before); m != nil {
		return strings.ToLower(m[1])
	}
	if m := recordVerb.FindStringSubmatch(before); m != nil {
		return strings.ToLower(m[1])
	}
	if m := recordTheir.FindStringSubmatch(before); m != nil {
		return strings.ToLower(m[1]) // "the Colts were 4-4 on the road and moved their record to 9-1"
	}
	return ""
}

var halftime = mustGate(`(?i)\bhalf-?time\b|\bat (?:the )?half\b`)

var blockOf = mustGate(`^\s+block\s+of\s+((?:(?:East|West|North|South|[NSEW]\.?)\s+)?((?:[A-Z0-9][\pL0-9]*\s+){1,3}?(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Blvd\.|Drive|Lane|Way|Place|Court)))`)

// streetBlock: the block of a street an address names, with the street.
func streetBlock(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	m := blockOf.FindStringSubmatch(a.Text[n.Start+len(figureText(n.Text)) : min(len(a.Text), n.Start+len(figureText(n.Text))+64)])
	if m == nil {
		return false
	}
	r.kind, r.unit, r.thing = "block", "block", "street block"
	r.label = figureLabel(n.Value) + " block of " + m[1]
	return true
}

var caliberAfter = mustGate(`(?i)^\s?-?\s?(?:caliber|calibre|magnum)\b`)

// caliber: “a .38-caliber revolver”, “a .357 Magnum”.
func caliber(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	b := strings.TrimRight(a.Text[max(0, n.Start-3):n.Start], " ") // the sentence may have been cut at "a."
	if !strings.HasSuffix(b, ".") || strings.HasSuffix(b, "..") || n.Value != math.Trunc(n.Value) || !caliberAfter.MatchString(a.Text[n.Start+len(figureText(n.Text)):]) {
		return false
	}
	r.kind, r.unit, r.thing, r.label = "caliber", "caliber", "caliber", "."+figureLabel(n.Value)+"-caliber"
	if noun := n.Counted; n.Unit == "caliber" && noun != "" {
		r.label += " " + noun // ".38-caliber revolver"
	} else if n.Unit != "caliber" && n.Unit != "" {
		r.label += " " + n.Unit
	}
	return true
}

var (
	// seatsIn closes a count of seats with the size of the house: " in the 300 - seat
	// Parliament", " seats in the 300-seat assembly". Groups: the size, the house.
	seatsIn = mustGate(`^\s+(?:seats\s+)?(?:in|of)\s+the\s+(\d{2,4})\s?-\s?(?:seat|member)\s+([A-Za-z]+)`)
	// seatsOf: " of the 300 seats", " of 300 seats in parliament".
	seatsOf = mustGate(`^\s+(?:seats\s+)?of\s+(?:the\s+)?(\d{2,4})\s+seats\b(?:\s+in\s+(?:the\s+)?([A-Za-z]+))?`)
)

// seats: a share of the seats of a house, one value of its two figures ("160 of 300 seats").
func seats(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "" && n.Unit != "seat" || n.Value != math.Trunc(n.Value) {
		return false
	}
	after := a.Text[n.Start+len(figureText(n.Text)) : min(len(a.Text), n.End+64)]
	m := seatsIn.FindStringSubmatch(after)
	if m == nil {
		m = seatsOf.FindStringSubmatch(after)
	}
	if m == nil {
		return false
	}
	size, _ := strconv.Atoi(m[1])
	if size < 2 || float64(size) <= n.Value {
		return false
	}
	r.kind, r.unit, r.thing = "seats", "seat", "seats"
	r.owner = strings.ToLower(m[2]) // the house
	r.label = figureLabel(n.Value) + " of " + m[1] + " seats"
	r.value = n.Value*1e4 + float64(size)
	return true
}

// ordinal: a figure with an ordinal ending that names a thing.
func ordinal(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "" {
		return false
	}
	m := ordinalEnd.FindStringSubmatch(a.Text[n.End:min(len(a.Text), n.End+48)])
	if m == nil {
		return false
	}
	w := strings.TrimPrefix(a.Text[n.End:n.End+len(m[0])], m[1])
	first := strings.Fields(w)[0]
	if lex.Stopwords[strings.ToLower(first)] {
		return false // "the 13th and 14th": no noun yet
	}
	if ordinalNames[strings.ToLower(first)] {
		r.kind = "" // "the 20th century", "East 223rd Street", "an 11th hour rule": a name or a time, no fact of the story
		return true
	}
	r.kind, r.unit, r.thing, r.owner = "ordinal", "ordinal", strings.ToLower(first), strings.ToLower(first)
	r.label = figureText(n.Text) + m[1] + " " + first
	return true
}

// ordinalNames are nouns an ordinal names rather than ranks: centuries, hours of idioms,
// numbered streets.
var ordinalNames = wordSet("century centuries hour street avenue st ave")

// ageYearOld: “the 35-year-old deputy”.
func ageYearOld(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "year" || !yearOld.MatchString(n.Text) {
		return false
	}
	r.kind, r.unit, r.label = "age", "year", figureLabel(n.Value)
	if n.Counted == "old" {
		n.Counted = a.elidedAgeNoun(n) // "the assault on the 12-year-old": the girl of "a 12-year-old girl" before
	}
	switch {
	case a.personAfter(n.End) != "":
		r.owner = a.personAfter(n.End) // "16-year-old Kimani Gray"
	case a.personCalled(n.Counted) != "":
		r.owner = a.personCalled(n.Counted) // "the 35-year-old deputy", when the article calls Ortiz "the deputy"
	case n.Counted != "" && isCapital(headWord(n)):
		r.owner = strings.ToLower(headWord(n)) // "61-year-old Anargyros Biziani", a name analysis did not take for a person
	case n.Counted != "":
		r.owner, r.word = n.Counted, n.Counted // "the 12-year-old girl"
	default:
		r.owner = a.personNear(n.Start, n.End)
	}
	return true
}

// yearSpan is a figure written as a span of years: "15-year", "15 - years".
var yearSpan = mustGate(`\d\s?-\s?years?\b`)

// ageYearNoun: “a 15-year girl”, the age of a noun of a young person or a person's sex.
func ageYearNoun(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "year" || !ageNouns[n.Counted] || !yearSpan.MatchString(n.Text) {
		return false
	}
	r.kind, r.unit, r.label, r.owner, r.word = "age", "year", figureLabel(n.Value), n.Counted, n.Counted
	return true
}

// ageNouns are the nouns a span of years before them gives the age of ("a 15-year girl"),
// unlike those it gives a length of service or life of ("a 30-year veteran", "a 50-year
// career").
var ageNouns = wordSet("girl boy child kid baby toddler teen teenager son daughter man woman")

var appositionAfter = mustGate(`^\s?(?:,|\)|\.\s|\.$)`)

// ageApposition: a figure between commas after a person's name.
func ageApposition(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "" || n.Value < 1 || n.Value > 115 || n.Value != math.Trunc(n.Value) || !appositionAfter.MatchString(ctx.after) {
		return false
	}
	b := strings.TrimRight(ctx.before, " ")
	if m := thenBefore.FindStringIndex(b); m != nil {
		b = b[:m[0]+1] // "the girl, then 12,"
	}
	if !strings.HasSuffix(b, ",") {
		return false
	}
	comma := n.Start - len(ctx.before) + len(b) - 1 // where the comma stands in the text
	owner := a.personEndingAt(comma)
	if owner == "" {
		owner = capitalBefore(a.Text[:comma]) // a name analysis did not take for a person
	}
	word := ""
	if owner == "" {
		owner = appositionNoun(a.Text[max(0, comma-40):comma]) // "a boy, 8,"
		word = owner
	}
	if owner == "" {
		return false
	}
	r.kind, r.unit, r.label, r.owner, r.word = "age", "year", figureLabel(n.Value), owner, word
	return true
}

var agedBefore = mustGate(`(?i)\b(?:aged|age|ages|age of|died at|dies at|died aged)\s*$|(?:\b(?:[Hh]e|[Ss]he)|[A-Z][\pL]+)\s+was\s*$`)

// ageAged: “aged 22”, “at the age of 91”, “died at 95”, “She was 85.”
func ageAged(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "" || n.Value < 1 || n.Value > 115 || !agedBefore.MatchString(ctx.before) {
		return false
	}
	if ageLimit.MatchString(ctx.before) || ageLimitAfter.MatchString(ctx.after) {
		r.kind = "" // "the first physician under age 40", "leaders age 40 and under": a limit, no one's age
		return true
	}
	if strings.HasSuffix(strings.TrimSpace(ctx.before), "was") && !strings.HasPrefix(strings.TrimLeft(ctx.after, " "), ".") {
		return false // "she was 85." ends its sentence; "he was 85 miles away" does not
	}
	r.kind, r.unit, r.label = "age", "year", figureLabel(n.Value)
	switch m := pronounWas.FindStringSubmatch(ctx.before); {
	case m != nil && m[1] != "":
		r.owner = strings.ToLower(m[1]) // "Mark Felt was 95."
	case m != nil:
		// "He was 95.": whose, a pronoun does not say here
	default:
		r.owner = a.sentencePerson(n.Start) // "Mark Felt, known as Deep Throat, died aged 95"
	}
	return true
}

var (
	ageLimit      = mustGate(`(?i)\b(?:under|over|below|above|beyond|past|until|till|from|minimum|maximum|legal|voting|retirement|drinking)\s+(?:the\s+)?age(?:\s+of)?\s*$`)
	ageLimitAfter = mustGate(`(?i)^\s*(?:and|or)\s+(?:under|over|older|younger|above|below)\b`)
)

var pronounWas = mustGate(`(?:\b(?:[Hh]e|[Ss]he)|([A-Z][\pL]+))\s+was\s*$`)

// sentencePerson is the surname of the first person named in the sentence before at: the
// subject an age after a verb belongs to.
func (a *article) sentencePerson(at int) string {
	i := a.sentenceAt(at)
	if i < 0 {
		return ""
	}
	sp := a.sentences[i].span
	best, bestAt := "", at
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if e.Kind == "person" && m.Start >= sp[0] && m.End <= at && m.Start < bestAt {
				best, bestAt = surname(e.Name), m.Start
			}
		}
	}
	return best
}

var currencyUnits = number.Currencies

// money: a sum in a currency.
func money(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if !currencyUnits[n.Unit] {
		return false
	}
	r.kind, r.unit, r.label = "money", n.Unit, figureLabel(n.Value)+" "+n.Unit
	r.thing, r.word = n.Counted, n.Counted
	if sumAdverbs[n.Counted] {
		r.thing, r.word = "", "" // "$50 extra", "$5 apiece": how the sum is paid, not what it is of
	}
	rest, in := a.Text[n.End:min(len(a.Text), n.End+48)], false
	if m := moneyIn.FindStringSubmatchIndex(rest); r.thing == "" && m != nil && !lex.Stopwords[rest[m[2]:m[3]]] {
		r.thing, in = rest[m[2]:m[3]], sumAfter.MatchString(rest[m[1]:]) || sumBefore.MatchString(ctx.before) // "$281 million in cash"
		r.word = r.thing
		if from := sumSource(a.Text[n.End+m[1] : min(len(a.Text), n.End+m[1]+64)]); from != "" {
			r.thing, r.word = r.thing+" from "+from, r.thing+" from "+from // "$9.3m in funding from the US government"
		}
	}
	if m := moneyOf.FindStringSubmatch(ctx.before); r.thing == "" && m != nil && !lex.Stopwords[m[1]] {
		r.thing, r.word = m[1], m[1] // "a price of $2,799"
	}
	r.verb = verbNear(ctx.before, "")
	if buyingBefore(ctx.before) && (r.thing == "" || payment[r.thing] && !in) || deals[r.thing] {
		r.thing, r.word = "price", "price" // "AMD will pay $334 million", "buy SeaMicro for $334 million in cash"
	}
	return true
}

var (
	moneyIn = mustGate(`^\s+in\s+(?:[a-z0-9]+\s+(?:rounds?|tranches?|instal+ments?)\s+of\s+)?([a-z]+)\b`)
	moneyOf = mustGate(`\b([a-z]+)\s+of\s+(?:about\s+|some\s+|nearly\s+|approximately\s+|US)?$`)
)

// sumAfter and sumBefore find a sum split into parts by what each part is paid in: "$281m in
// cash and $53m in stock". Each part is a fact of its own, not the price.
var (
	sumAfter  = mustGate(`^\s*(?:,|and)\s*(?:US)?[$€£]`)
	sumBefore = mustGate(`[$€£]\s?[\d.,]+\s?(?:m|bn|million|billion)?\s+in\s+[a-z]+\s*(?:,|and)\s*(?:US)?$`)
)

// buyingBefore reports a verb of buying or selling among the eight words before a sum: "agreed
// to buy its smaller rival Aldwick Ales for $4.2 billion".
func buyingBefore(before string) bool {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i >= 0 && i >= len(f)-8; i-- {
		w := strings.Trim(f[i], ",.;:()\"'“”’")
		if buying[w] {
			return true
		}
		if isVerbForm(w) {
			return false // "SeaMicro, which raised $35m": the nearest verb is another
		}
	}
	return false
}

// sumAdverbs follow a sum without naming what it is of: "for $50 extra", "$5 apiece".
var sumAdverbs = wordSet("extra additional more less apiece each total overall")

// deals are the nouns a sum names a purchase or its price by: "a $4.5 billion deal", "a price
// tag of $2,799" are the price.
var deals = wordSet("deal deals takeover acquisition purchase buyout merger bid offer tag")

// payment are what a price is paid in: "for $4.2 billion in cash" is the price.
var payment = wordSet("cash stock stocks shares equity")

// buying are the verbs a sum is the price of.
var buying = wordSet("pay pays paid paying buy buys bought buying acquire acquires acquired acquiring sell sells sold selling cost costs costing priced")

// percent: a share or a change.
func percent(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit != "percent" && n.Unit != "percentage point" {
		return false
	}
	r.kind, r.unit, r.thing, r.word = "percent", n.Unit, n.Counted, n.Counted
	if n.Counted != "" && !strings.Contains(strings.ToLower(n.Text), " of ") {
		r.thing, r.word = "", "how "+n.Counted+", in percent" // "40% larger", "99.9 per cent sure": how much, not of what
		if who := a.personNear(n.Start, n.End); who != "" && qualities[n.Counted] {
			r.word = "how " + n.Counted + " " + titleWord(who) + " was, in percent" // "Gunness said it left him 99.9 per cent sure"
		}
	}
	r.label = figureLabel(n.Value) + "%"
	if n.Unit != "percent" {
		r.label = figureLabel(n.Value) + " percentage points"
	}
	if r.thing == "" && r.word == "" {
		r.word = verbBack(ctx.before, 6) // "raised its main rate by half a percentage point": named, not keyed, by the verb
	}
	return true
}

// qualities are the states of mind a share of a person states: "99.9 per cent sure".
var qualities = wordSet("sure certain confident convinced positive")

// verbBack is the nearest verb form among the last reach words of before.
func verbBack(before string, reach int) string {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i >= 0 && i >= len(f)-reach; i-- {
		if w := strings.Trim(f[i], ",.;:()\"'“”’"); isVerbForm(w) {
			return w
		}
	}
	return ""
}

// duration: a length of time.
func duration(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if !durationUnits[n.Unit] {
		return false
	}
	r.kind, r.unit, r.thing, r.word = "duration", n.Unit, n.Counted, n.Counted
	r.label = figureLabel(n.Value) + " " + plural(n.Unit, n.Value)
	if years, ok := yearsIn[n.Unit]; ok {
		// "three decades", "a quarter-century": lengths in years, as other outlets give them
		r.unit, r.value = "year", n.Value*years
		r.label = figureLabel(r.value) + " " + plural("year", r.value)
	}
	if r.verb = verbNear(ctx.before, ""); r.verb == "" { // "served for 15 years", "married two weeks ago"
		r.verb = verbNear("", ctx.after)
	}
	if strings.HasPrefix(strings.TrimSpace(ctx.after), "ago") && r.thing == "" {
		r.thing, r.word = "time since", "time since" // "four months ago"
	}
	if t := sentenceThing(ctx); t != "" && (r.thing == "" || r.thing == "sentence") {
		r.thing, r.word = t, t // "adding three years to his sentence", "sentenced to seven years"
	}
	if t := batteryThing(n, ctx); t != "" {
		r.thing, r.word = t, t // "eight hours on a single charge", "eight hours of battery life"
	}
	if r.thing == "sentence" {
		r.verb = "sentenced" // "received a five-year sentence", "was sentenced to seven years": one event, the sentence
	}
	return true
}

// yearsIn are the lengths of time counted in years: a decade is ten.
var yearsIn = map[string]float64{"decade": 10, "century": 100}

// measureUnits name what a unit measures.
var measureUnits = map[string]string{"yard": "distance", "mile": "distance", "metre": "distance", "kilometre": "distance",
	"foot": "distance", "inch": "size", "acre": "area", "hectare": "area", "pound": "weight", "kilogram": "weight",
	"ton": "weight", "tonne": "weight", "gallon": "volume", "litre": "volume", "barrel": "volume", "GB": "memory",
	"MB": "memory", "TB": "memory", "GHz": "speed", "MHz": "speed", "degree": "temperature"}

// measure: a distance, a size, a weight, a rate.
func measure(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	if n.Unit == "" && inchMark(n, ctx) {
		n.Unit = "inch" // "the 17'' MacBook Pro", "(0.98 '' to be precise)"
	}
	if n.Unit == "" && ofThem.MatchString(ctx.after) {
		n.Unit = a.measureBefore(n.Start) // "gave up 507 total yards, 352 of them on the ground"
	}
	base, _, rate := strings.Cut(n.Unit, " per ")
	dim, ok := measureUnits[base]
	if !ok {
		return false
	}
	r.kind, r.unit, r.thing, r.word = "measure", n.Unit, n.Counted, n.Counted
	if noun := nounAfterName(a.Text, n); noun != "" {
		r.thing, r.word = noun, noun // "a 2.66-GHz Core 2 Duo processor": the processor's speed, not Core's
	} else if named := namedNoun(n); named != "" {
		r.word = named // "the 9-acre Mat Maid complex": the complex, named
	}
	if m := rateLater.FindStringSubmatch(ctx.after); !rate && m != nil {
		rate, r.unit = true, n.Unit+" per "+strings.ToLower(m[1]) // "5,000 gallons of water were poured onto the blaze every minute"
	}
	if rate {
		dim = "rate"
	}
	r.verb = dim // two measures of one dimension
	switch {
	case base == "GB" || base == "MB" || base == "TB":
		r.label = figureLabel(n.Value) + base
	case base == "GHz" || base == "MHz":
		r.label = figureLabel(n.Value) + " " + base
	default:
		r.label = figureLabel(n.Value) + " " + pluralUnit(r.unit, n.Value)
	}
	r.owner = a.ownerByParse(n.Start) // "Newton's record of 4,051 yards"
	if r.owner == "" {
		r.owner = a.holderNear(n.Start) // the runner of "Charles ran for 226 yards"
	}
	if m := dimensionAfter.FindStringSubmatch(strings.ToLower(a.Text[n.Start+len(figureText(n.Text)) : min(len(a.Text), n.End+16)])); m != nil {
		r.verb, r.thing, r.word = dimensions[m[1]], nounBefore(ctx.before), "" // "a crater about two metres wide"
	}
	if m := dimensionParen.FindStringSubmatch(strings.ToLower(ctx.before)); m != nil {
		r.verb = dimensions[m[1]] // "less than an inch thick (0.98 inches to be precise)"
	}
	if conversion.MatchString(ctx.before) {
		r.kind = "" // "two metres (6.6 feet)": the same length again
	}
	return true
}

// nameThenNoun is a name (capitalised words and figures) and the noun it qualifies, at the end
// of a measure's text: "Core 2 Duo processor".
var nameThenNoun = mustGate(`^(?:\s+(?:[A-Z][\pL]*|\d+))*\s+([a-z]{3,})\b`)

// nounAfterName is the noun a measure qualifies when analysis took the name before it for the
// noun ("2.66-GHz Core" of "a 2.66-GHz Core 2 Duo processor"), or "".
func nounAfterName(text string, n crosscheck.Number) string {
	if n.Counted == "" || !strings.HasSuffix(strings.ToLower(n.Text), n.Counted) || !isCapital(n.Text[len(n.Text)-len(n.Counted):]) {
		return ""
	}
	m := nameThenNoun.FindStringSubmatch(text[n.End:min(len(text), n.End+48)])
	if m == nil || lex.Stopwords[m[1]] || isVerbForm(m[1]) {
		return ""
	}
	return singularNoun(m[1])
}

// unitThenName is a unit and the name of the noun a measure qualifies, to the end of its
// text: "acre Mat Maid complex". Groups: the name and noun.
var unitThenName = mustGate(`[a-z]\s?-?\s+((?:[A-Z][\pL]+\s+)+[a-z]+)$`)

// namedNoun is the noun a measure qualifies with the name before it ("Mat Maid complex" of
// "9 - acre Mat Maid complex"), or "".
func namedNoun(n crosscheck.Number) string {
	if n.Counted == "" || !strings.HasSuffix(n.Text, n.Counted) {
		return ""
	}
	if m := unitThenName.FindStringSubmatch(n.Text); m != nil {
		return m[1]
	}
	return ""
}

// rateLater is the span of time a measure is given per, later in its clause: "5,000 gallons
// of water were being poured onto the blaze every minute".
var rateLater = mustGate(`(?i)^[^.;,:]{0,60}?\b(?:every|each|per)\s+(second|minute|hour|day)\b`)

// ofThem follows a bare figure that counts part of what a figure before it measured.
var ofThem = mustGate(`^\s+of\s+(?:them|those|which)\b`)

// measureBefore is the unit of the last measure before at in its sentence ("yards" of "507
// total yards, 352 of them"), or "".
func (a *article) measureBefore(at int) string {
	i := a.sentenceAt(at)
	if i < 0 {
		return ""
	}
	unit := ""
	for _, n := range a.Numbers {
		if n.Start >= a.sentences[i].span[0] && n.End <= at && measureUnits[strings.SplitN(n.Unit, " per ", 2)[0]] != "" {
			unit = n.Unit
		}
	}
	return unit
}

// inchMarkAfter is an inch mark right after a figure: two apostrophes, as tokenised text
// writes a closing quote, or a straight double quote.
var inchMarkAfter = mustGate(`^\s?(?:''|")`)

// figureInch and figureInchStraight are the inch marks of figures before ("the 17-inch mark
// model"), two apostrophes or a straight double quote after a figure.
var (
	figureInch         = mustGate(`\d\s?''`)
	figureInchStraight = mustGate(`\d\s?"`)
)

// inchMark reports a figure followed by an inch mark rather than by the close of a quotation:
// every quotation opened before it in its sentence is closed. In tokenised text two
// apostrophes close a quotation and mark inches alike: the mark after 0.98 in “"the thinnest
// 17-inch notebook," [closed] coming in at an inch thick (0.98 [mark] to be precise)” is an
// inch mark.
func inchMark(n crosscheck.Number, ctx numberContext) bool {
	if n.Value > 120 || !inchMarkAfter.MatchString(ctx.after) || n.Approx != "" && !strings.Contains(n.Text, n.Approx) {
		return false
	}
	b := ctx.before
	opens := strings.Count(b, "“") + strings.Count(b, "``")
	closes := strings.Count(b, "”") + strings.Count(b, "''") - len(figureInch.FindAllString(b, -1))
	straight := strings.Count(b, `"`) - len(figureInchStraight.FindAllString(b, -1))
	return opens+straight == closes || opens == closes && straight%2 == 0
}

// dimensionAfter is the word that says which way a measure runs: "two metres wide",
// "0.98 inches thick", "400 metres below the surface".
var dimensionAfter = mustGate(`^[^.;,]*?\b(wide|long|deep|tall|high|thick|thin|across|below|underground|beneath|under)\b`)

// dimensionParen is the word that says which way a measure runs, right before the bracket the
// measure opens: "an inch thick (0.98 inches".
var dimensionParen = mustGate(`\b(wide|long|deep|tall|high|thick|thin|across)\s*\(\s*$`)

var dimensions = map[string]string{"wide": "width", "across": "width", "long": "length", "deep": "depth",
	"tall": "height", "high": "height", "thick": "thickness", "thin": "thickness", "below": "depth",
	"underground": "depth", "beneath": "depth", "under": "depth"}

// nounBefore is the noun a measure follows, past its hedge: "crater" of "a crater about".
func nounBefore(before string) string {
	f := strings.Fields(strings.ToLower(before))
	for i := len(f) - 1; i >= 0 && i >= len(f)-3; i-- {
		w := strings.Trim(f[i], ",.;:()\"'“”’")
		if approxWords[w] || w == "only" || w == "just" {
			continue
		}
		if lex.Stopwords[w] || isVerbForm(w) || w == "" || w[0] < 'a' || w[0] > 'z' {
			return ""
		}
		return lex.Stem(w)
	}
	return ""
}

// conversion is the opening of a measure given again in other units: "10 miles (".
var conversion = mustGate(`(?i)\b(?:yards?|miles?|met(?:re|er)s?|kilomet(?:re|er)s?|km|feet|foot|inch(?:es)?|acres?|hectares?|pounds?|kilograms?|kg|tons?|tonnes?|gallons?|lit(?:re|er)s?)\s*\(\s*(?:about\s+|some\s+)?$`)

// count: a number of things.
func count(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	thing := n.Unit
	if m := bareCasualty.FindStringSubmatch(ctx.after); thing == "" && n.Counted == "" && m != nil {
		thing = strings.ToLower(m[1]) // "12 people were killed and 20 were wounded": 20 wounded
	}
	if v := number.CasualtyVerb(ctx.before); thing == "" && n.Counted == "" && v != "" && bareEnd.MatchString(ctx.after) {
		thing = v // "the bombing, which he said killed seven"
	}
	estimated := thing == "" && n.Counted == "" && crowdEstimate.MatchString(ctx.before)
	if estimated {
		thing = "people" // "estimated the crowd at 70": 70 people
	}
	ofThose := false
	if thing == "" && n.Counted == "" {
		if noun, verb := a.ofThoseBefore(n, ctx.after); noun != "" {
			thing, ctx.after, ofThose = noun, " "+verb, true // "Eleven men were charged. All seven of those who were tried were convicted"
		}
	}
	partOf, afterPart := "", ""
	if m := ofCollective.FindStringSubmatch(ctx.after); thing == "" && n.Counted == "" && m != nil {
		thing, partOf, afterPart = "member", strings.ToLower(m[1]), ctx.after[len(m[0]):] // "at least 12 of one family": 12 members of the family
	}
	if thing == "" || n.Value != math.Trunc(n.Value) || n.Value < 0 {
		return false
	}
	if multiplier.MatchString(ctx.after) && thing == "time" {
		r.kind = "" // "three times the energy": a ratio, not a count of times
		return true
	}
	if len(thing) < 2 || thing == "another" {
		r.kind = "" // "3 p. m.", "2 U.N. aircraft": a letter is no noun counted
		return true
	}
	if f := strings.TrimLeft(figureText(n.Text), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ "); strings.Contains(f, ".") {
		if v, err := strconv.ParseFloat(strings.ReplaceAll(f, ",", ""), 64); err == nil && v == n.Value {
			r.kind = "" // "three USB 2.0 ports": a version, not a count of ports
			return true
		}
	}
	r.kind, r.unit, r.thing = "count", thing, thing
	r.word = headWord(n)
	if estimated {
		r.word = "people"
	}
	if _, irregular := irregularPeople[thing]; ofThose && irregular {
		r.word = thing // "men", as written
	} else if ofThose {
		r.word = plural(thing, 2)
	}
	if n.Counted != "" && partitives[n.Unit] {
		r.word = plural(n.Unit, 2) + " of " + n.Counted // "31 pieces of fire apparatus"
	} else if n.Counted != "" {
		r.word = plural(n.Unit, 2) + " in the " + n.Counted // "the 28-point plan"
	}
	if _, ok := timesAdverbs[strings.ToLower(n.Text)]; ok {
		r.verb = a.verbOfTimes(n.Start) // "shot Ortiz once"
	} else if partitives[n.Unit] && n.Counted != "" {
		r.verb = verbNear("", ctx.after) // "seven members of the sect have been convicted": the verb of the parts
	} else if n.Counted == "" { // "the 28-point plan submitted": the plan was, not its points
		r.verb = verbNear(ctx.before, ctx.after)
		if thereWas.MatchString(ctx.before) {
			r.verb = verbNear("", ctx.after) // "there was one arrest": "was" is no event
		} else if r.verb == "" && n.Value <= 2 { // where the verb decides whether the count is a fact
			r.verb = a.verbByParse(n.Start) // "two plainclothes police officers fatally shot"
		} else if r.verb == "" {
			if v := a.verbByParse(n.Start); casualty[v] != "" {
				r.verb = v // "three cousins who had taken refuge in a school were killed": a toll, past the clause between
			}
		}
		if m := tollAfterClause.FindStringSubmatch(ctx.after); r.verb == "" && m != nil {
			r.verb = strings.ToLower(m[1] + m[2]) // "three young men who were cousins died", "three young men - all cousins - died"
		}
	}
	switch {
	case casualty[thing] != "": // "55 wounded", "30 dead", "20 were wounded"
		r.verb, r.thing, r.unit, r.word = thing, "people", "people", "people"
	case hyphenedNoun(n) != "":
		// "three-tiered pricing", "a two-storied house": the figure counts the noun the adjective is made of
		noun := hyphenedNoun(n)
		r.thing, r.unit, r.word = noun, noun, plural(noun, 2)+" in the "+n.Counted
	case strings.HasSuffix(n.Unit, "ed") && isVerbForm(n.Unit):
		// "Five bombs were dropped, of which four exploded": the count's noun is one said before
		prev := a.countBefore(n.Start)
		if prev == "" {
			r.kind = "" // a count of nothing named: no fact
			return true
		}
		r.verb, r.thing, r.unit, r.word, r.borrowed = n.Unit, prev, prev, plural(prev, 2), true
	}
	if partOf != "" {
		r.word = "members of " + partOf
		if r.verb == "" {
			r.verb = verbNear("", afterPart) // "12 of one family were killed"
		}
	}
	if peopleWord(r.thing, r.word) {
		r.unit = "people" // "350 Palestinians", "40 people": people all the same
	}
	if _, ok := timesAdverbs[strings.ToLower(n.Text)]; ok {
		r.word = plural("time", n.Value) // "once": 1 time
	}
	r.label = figureLabel(n.Value) + " " + r.word
	r.owner = a.holderNear(n.Start)
	r.window = countWindow(ctx.after)
	r.crowd = crowdOf(*r, ctx)
	asTimesMarried(r, ctx.before) // "her three husbands": three times married
	asMembers(r, n, ctx.before)   // "the family's 200 soldiers": 200 members of the family
	if n.Value <= 2 && r.verb == "" && !thereWas.MatchString(ctx.before) {
		r.kind = "" // "one son", "two sons", "one more thing": one or two of a thing are a count only of an event ("one person was arrested", "there was one arrest")
	}
	return true
}

// hyphenedNoun is the noun of an adjective that joins a figure with a hyphen and ends in -ed
// ("three-tiered pricing": tier; "two-storied": story), or "". Such an adjective is made of a
// noun, so the figure counts that noun, not an event.
func hyphenedNoun(n crosscheck.Number) string {
	u := n.Unit
	if n.Counted == "" || !strings.HasSuffix(u, "ed") || len(u) < 5 || !hyphenBefore.MatchString(n.Text) {
		return ""
	}
	base := u[:len(u)-2]
	n2 := len(base)
	switch {
	case strings.HasSuffix(base, "i"):
		return base[:n2-1] + "y" // storied: story
	case n2 > 2 && base[n2-1] == base[n2-2] && !strings.ContainsRune("aeiou", rune(base[n2-1])):
		return base[:n2-1] // legged: leg
	case n2 > 2 && consonantVowelConsonant(base) && !strings.ContainsRune("lrwxy", rune(base[n2-1])):
		return base + "e" // sided: side; laned: lane
	}
	return base // tiered: tier; wheeled: wheel
}

// consonantVowelConsonant reports a word that ends in a consonant, one vowel and a consonant.
func consonantVowelConsonant(w string) bool {
	vowel := func(b byte) bool { return strings.IndexByte("aeiou", b) >= 0 }
	n := len(w)
	return !vowel(w[n-1]) && vowel(w[n-2]) && !vowel(w[n-3])
}

var hyphenBefore = mustGate(`[\pL\d]\s?-\s?[a-z]+ed\b`)

// ofCollective is a group of people right after a bare figure, which counts its members: "12
// of one family", "three of the crew".
var ofCollective = mustGate(`(?i)^\s+of\s+(?:one|a|an|the|his|her|their|its|that|this)\s+(?:[a-z]+\s+)?(family|household|clan|crew|team|squad|gang|band|tribe|delegation|group)\b`)

// windowAfter is a span of time a count is restricted to, in the clause after it: "arrested
// three times since October", "scored 12 goals this season", "in the past two years" (not
// "trapped since a tunnel collapsed", which says when, not over what span).
var windowAfter = mustGate(`(?i)^[^.;,—]{0,40}?\b(since\s+(?:january|february|march|april|may|june|july|august|september|october|november|december|\d{4}\b|then\b)|so far(?:\s+this\s+\pL+)?|this\s+(?:year|season|month|week)\b|in\s+the\s+(?:past|last)\s+(?:[\pL\d]+\s+)?(?:years?|months?|weeks?|days?|seasons?)\b)`)

// countWindow is the window of a count, folded, or "".
func countWindow(after string) string {
	m := windowAfter.FindStringSubmatch(after)
	if m == nil {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
}

// multiplier follows "times" that compare: "three times the energy", "five times as many".
var multiplier = mustGate(`(?i)^\s+(?:the|as|more|less|larger|smaller|bigger|higher|lower|faster|greater|that of)\b`)

// bareEnd closes a figure after a casualty verb (number.CasualtyVerb), so that it counts the
// people ("killed seven.").
var bareEnd = mustGate(`^\s*(?:[.,;:)—]|and\b|$)`)

// bareCasualty is a casualty verb after a bare figure and an auxiliary: "20 were wounded".
var bareCasualty = mustGate(`(?i)^\s+(?:were|was|had been|have been|are)\s+(killed|wounded|injured|hurt|dead)\b`)

// isUnit reports a unit of measure, time, money or share rather than a thing counted.
func isUnit(u string) bool {
	base, _, _ := strings.Cut(u, " per ")
	return measureUnits[base] != "" || durationUnits[base] || currencyUnits[base] || u == "percent" || u == "percentage point"
}

// countBefore is the noun the last count before at in its sentence counts ("bombs" of "Five
// bombs were dropped, of which"), or "".
func (a *article) countBefore(at int) string {
	i := a.sentenceAt(at)
	if i < 0 {
		return ""
	}
	start, noun := a.sentences[i].span[0], ""
	for _, n := range a.Numbers {
		if n.Start >= start && n.End <= at && n.Unit != "" && n.Counted == "" && !isVerbForm(n.Unit) && !isUnit(n.Unit) {
			noun = n.Unit
		}
	}
	return noun
}

// speech words between a name and a number make the name the number's source, not its
// holder: "Ging said 350 people".
var speech = mustGate(`(?i)\b(?:said|says|told|according|estimated|reported|put|claimed|counted)\b`)

// holderNear is the surname of a person named at most 40 bytes before at, in its sentence,
// with no word of speech between: whose count it is ("Rodriguez hit 33 homers").
func (a *article) holderNear(at int) string {
	o := a.personNear(at, at)
	if o == "" || !a.mentionWithin(o, at, 40) {
		return ""
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			if e.Kind == "person" && surname(e.Name) == o && m.End <= at && m.End >= at-40 && speech.MatchString(a.Text[m.End:at]) {
				return ""
			}
		}
	}
	return o
}

// casualty are the words a count of people killed or hurt uses for its verb, with the one
// the report says; they are one event whichever an outlet prints.
var casualty = map[string]string{"killed": "killed", "dead": "killed", "died": "killed", "death": "killed",
	"wounded": "wounded", "injured": "wounded", "hurt": "wounded"}

// tollAfterClause is a verb of dying after a clause or an aside that follows the noun counted:
// "who were cousins died", "- all cousins - died", "who had fled were killed". The clause's
// own verb of killing ("who killed") is what they did, not what befell them.
var tollAfterClause = mustGate(`^\s*(?:(?:who|that)\s+(?:[\pL'’]+\s+){1,6}?|[-–—]\s+(?:[\pL'’]+\s+){1,4}?[-–—]\s+)(?:(died)|(?:were|was)\s+(killed))\b`)

// peopleWord: a count of people or of a people ("Palestinians", "Gazans") counts people.
func peopleWord(thing, word string) bool {
	if thing == "people" || thing == "person" {
		return true
	}
	return word != "" && word[0] >= 'A' && word[0] <= 'Z' && strings.HasSuffix(word, "s") && !strings.Contains(word, " ")
}

// headWord is the thing a count counts as its text writes it: "young men" → "men".
func headWord(n crosscheck.Number) string {
	f := strings.Fields(strings.NewReplacer("-", " ").Replace(n.Text))
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",.;:")
}

// auxiliaries stand between a count and its verb: "were killed", "have been arrested"; a
// light verb says nothing of its own ("350 people were taking shelter").
// hedgedPassive is a verb of saying that hedges the verb after it: "is believed to have been
// arrested", "were reported to have been killed".
var hedgedPassive = mustGate(`(?i)^(\s+(?:is|are|was|were))\s+(?:believed|said|reported|thought|feared|understood|known)\s+to\s+(?:have\s+been|be)\b`)

// thereWas opens a count of events: "there was one arrest", "there were two explosions".
var thereWas = mustGate(`(?i)\bthere\s+(?:was|were|has been|have been|had been)\s+$`)

var auxiliaries = wordSet("were was are is be been being have has had also reportedly all later allegedly then taking having getting making")

// verbNear finds the verb a number is the subject or object of: a past participle or -ing
// form right after it ("40 people were killed") or right before it ("killing 12", "fired
// 11 shots"), and returns it as written.
func verbNear(before, after string) string {
	after = hedgedPassive.ReplaceAllString(after, " ") // "one person is believed to have been arrested": arrested
	if w := firstVerb(strings.Fields(strings.ToLower(after)), auxiliaries); w != "" {
		return w
	}
	b := strings.Fields(strings.ToLower(before))
	slices.Reverse(b)
	return firstVerb(b, approxWords)
}

// firstVerb is the verb among the first four words, past those in skip, or "" when another
// word comes first.
func firstVerb(words []string, skip map[string]bool) string {
	for i := 0; i < len(words) && i < 4; i++ {
		w := strings.Trim(words[i], ",.;:()\"'“”’$")
		if skip[w] {
			continue
		}
		if _, ok := casualty[w]; ok || isVerbForm(w) {
			return w
		}
		break
	}
	return ""
}

// approxWords stand between a verb and its number: "killed at least 12", "fired a total of".
var approxWords = wordSet("at least more than about around nearly almost some over up to a an the total of just approximately roughly another further for")

// notVerbs end like verbs but are not the events a number counts.
var notVerbs = wordSet("including according during following regarding red bed need speed hundred feed seed united")

func isVerbForm(w string) bool {
	if notVerbs[w] || len(w) < 4 {
		return false
	}
	if _, ok := irregularPast[w]; ok {
		return true
	}
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")
}

// eventOf is the verb two numbers must share to be one event: "died" and "killed" are one.
func eventOf(verb string) string {
	if v, ok := casualty[verb]; ok {
		return v
	}
	if base, ok := irregularPast[verb]; ok {
		return lex.Stem(base)
	}
	return lex.Stem(verb)
}

// wordSet is the set of the words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// figureText is the leading approximation and figure of a number's text: "at least 43" of
// "at least 43 people".
func figureText(text string) string {
	i := strings.IndexFunc(text, func(r rune) bool { return r >= '0' && r <= '9' })
	if i < 0 {
		return text
	}
	j := i
	for j < len(text) && (text[j] >= '0' && text[j] <= '9' || text[j] == ',' || text[j] == '.' && j+1 < len(text) && text[j+1] >= '0' && text[j+1] <= '9') {
		j++
	}
	return text[:j]
}

// figureLabel writes a value in full, without thousands separators: "3000000", "4.5".
func figureLabel(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// plural writes a unit for a value: "1 year", "15 years".
func plural(unit string, v float64) string {
	if v == 1 || strings.HasSuffix(unit, "s") || strings.ToLower(unit) != unit || unit == "people" {
		return unit
	}
	switch {
	case unit == "century":
		return "centuries"
	case unit == "foot":
		return "feet"
	case strings.HasSuffix(unit, "ch") || strings.HasSuffix(unit, "sh") || strings.HasSuffix(unit, "x"):
		return unit + "es" // "inches", "catches"
	case len(unit) > 2 && strings.HasSuffix(unit, "y") && !strings.ContainsRune("aeiou", rune(unit[len(unit)-2])):
		return unit[:len(unit)-1] + "ies" // "two-story building": stories
	}
	return unit + "s"
}

// pluralUnit writes a rate's first unit in the plural: "5000 gallons per minute".
func pluralUnit(unit string, v float64) string {
	base, per, ok := strings.Cut(unit, " per ")
	if !ok {
		return plural(unit, v)
	}
	return plural(base, v) + " per " + per
}

// numberedBefore is a noun that numbers the items of a series, right before a figure: "page
// 20", "chapter 11". Written in lower case, not a name ("Bettie Page, 85").
var numberedBefore = mustGate(`\b(page|chapter|section|exit|gate|platform|route|pier)\s+$`)

// numbered: the number of a page or another item of a numbered series. It names the item; two
// items of one series are seldom one fact, so numbered items agree and never conflict.
func numbered(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	m := numberedBefore.FindStringSubmatch(ctx.before)
	if m == nil || n.Unit != "" || n.Value != math.Trunc(n.Value) || n.Value < 1 {
		return false
	}
	r.kind, r.unit, r.thing, r.owner = "numbered", m[1], m[1], m[1]
	r.label = figureLabel(n.Value)
	return true
}

var (
	// pairJoin joins the first figure of a pair to the second: "6 and 16", "8 - and 10".
	pairJoin = mustGate(`^\s?(?:-\s?)?(?:and|&)\s+(\d{1,3})\b`)
	// pairAged opens a pair of ages with the people they are of: "sons, ages", "girls age",
	// "two girls, aged".
	pairAged = mustGate(`(?i)\b([a-z]+s|children)\s*,?\s*(?:ages?|aged)\s*$`)
	// pairTwo opens a pair of ages set between commas after two people: "the two girls, 12
	// and 15, who", "two sons, 11 and 14."
	pairTwo = mustGate(`(?i)\b(?:two|2)\s+(?:[a-z]+\s+)?([a-z]+s|children)\s*,\s*$`)
	// pairEnd closes a pair of ages: a comma, a stop, a dash, a bracket, or the end.
	pairEnd = mustGate(`^\s*(?:[,.;:)\-]|$)`)
)

// kinOwner folds the people of a pair of ages into one word: sons and boys are boys.
var kinOwner = map[string]string{"son": "boy", "boy": "boy", "brother": "boy", "daughter": "girl", "girl": "girl",
	"sister": "girl", "children": "child", "kid": "child", "child": "child"}

// agePairOf reads n as the first figure of a pair of ages: "two sons, ages 6 and 16", "two
// girls, 12 and 15,", "girls age 6 and 8", "two sisters - 8 - and 10 - year - old girls". It
// returns the two ages, in order, and the people they are of.
func (a *article) agePairOf(n crosscheck.Number, before string) (lo, hi float64, owner string, ok bool) {
	if n.Value != math.Trunc(n.Value) || n.Value < 1 || n.Value > 115 {
		return 0, 0, "", false
	}
	if m := nextYearOld.FindStringSubmatch(a.Text[n.End:min(len(a.Text), n.End+40)]); m != nil && n.Unit == "year" && n.Counted != "" && singularNoun(m[2]) == n.Counted {
		// "a 12-year-old girl and a 15-year-old girl": two ages of one noun
		second, _ := strconv.Atoi(m[1])
		if second < 1 || second > 115 || float64(second) == n.Value {
			return 0, 0, "", false
		}
		owner = n.Counted
		if k, ok := kinOwner[owner]; ok {
			owner = k
		}
		return math.Min(n.Value, float64(second)), math.Max(n.Value, float64(second)), owner, true
	}
	rest := a.Text[n.Start+len(figureText(n.Text)):]
	m := pairJoin.FindStringSubmatchIndex(rest)
	if m == nil {
		return 0, 0, "", false
	}
	second, _ := strconv.Atoi(rest[m[2]:m[3]])
	after := rest[m[3]:]
	var noun string
	switch {
	case n.Unit == "" && pairAged.MatchString(before):
		noun = pairAged.FindStringSubmatch(before)[1]
	case n.Unit == "" && pairTwo.MatchString(before):
		noun = pairTwo.FindStringSubmatch(before)[1]
	case n.Unit == "and" || n.Unit == "":
		// "8- and 10-year-old girls": the second figure is an age of the people after it
		y := yearOldAfter.FindStringSubmatch(after)
		if y == nil {
			return 0, 0, "", false
		}
		noun, after = y[1], ""
	default:
		return 0, 0, "", false
	}
	if second < 1 || second > 115 || !pairEnd.MatchString(after) {
		return 0, 0, "", false
	}
	noun = strings.ToLower(noun)
	owner = strings.TrimSuffix(noun, "s")
	if k, ok := kinOwner[owner]; ok {
		owner = k
	}
	lo, hi = math.Min(n.Value, float64(second)), math.Max(n.Value, float64(second))
	return lo, hi, owner, true
}

// nextYearOld is a second age of the noun an age qualifies, right after it: " and a 15 -
// year - old girl", " and a 15-year girl".
var nextYearOld = mustGate(`^\s+and\s+an?\s+(\d{1,3})\s?-\s?years?(?:\s?-?\s?old)?\s+([a-z]+)\b`)

// singularNoun is a plural noun in the singular, as analysis writes a counted noun: "girls" →
// "girl", "stories" → "story".
func singularNoun(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

var yearOldAfter = mustGate(`^\s?-?\s?years?\s?-?\s?olds?\s+([a-z]+)`)

// agePair: a pair of ages, one value: "ages 6 and 16" says what "ages 16 and 6" does.
func agePair(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	lo, hi, owner, ok := a.agePairOf(n, ctx.before)
	if !ok {
		return false
	}
	r.kind, r.unit, r.owner, r.word = "age", "year pair", owner, owner
	r.label = figureLabel(lo) + " and " + figureLabel(hi)
	r.value = lo*1000 + hi
	return true
}

var (
	// rangeBefore is the first figure of a range before its second: "between six and",
	// "from six to", "6 to". Groups: 1 the figure.
	rangeBefore = mustGate(`(?i)(?:\bbetween\s+(\d+|[a-z]+)\s+and|(?:\bfrom\s+)?\b(\d+|[a-z]+)\s*(?:to|[-–]))\s*$`)
	// rangeOf is the noun a range is of: "sentences of between", "sentences ranging from".
	rangeOf = mustGate(`(?i)\b([a-z]+)\s+(?:of\s+|ranging\s+|that\s+ranged?\s+)?(?:between|from)\s+(?:\d+|[a-z]+)\s*(?:and|to|[-–])\s*$`)
)

// rangeFirst is the first figure of the range that ends at the number n, when n is a length
// or a measure: "six" of "from six to 75 years".
func rangeFirst(n crosscheck.Number, before string) (float64, bool) {
	if !durationUnits[n.Unit] && measureUnits[n.Unit] == "" || n.Approx != "" {
		return 0, false
	}
	m := rangeBefore.FindStringSubmatch(before)
	if m == nil {
		return 0, false
	}
	f := m[1] + m[2]
	v, ok := number.FigureValue(f)
	if !ok || v != math.Trunc(v) || v >= n.Value || strings.HasSuffix(strings.TrimSpace(before), "-") && !isDigits(f) {
		return 0, false
	}
	return v, true
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// valueRange: a range of lengths or measures, one value: "from six to 75 years" is 6-75 years.
func valueRange(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	lo, ok := rangeFirst(n, ctx.before)
	if !ok {
		return false
	}
	r.kind, r.unit, r.label = "range", n.Unit, figureLabel(lo)+"-"+figureLabel(n.Value)+" "+plural(n.Unit, 2)
	if m := rangeOf.FindStringSubmatch(ctx.before); m != nil && !lex.Stopwords[strings.ToLower(m[1])] && !isVerbForm(strings.ToLower(m[1])) {
		r.thing, r.word = strings.ToLower(m[1]), strings.ToLower(m[1])
	}
	r.value = lo*1e6 + n.Value
	return true
}

// pairSecond: the second figure of a pair of ages, and the first figure of a range, belong to
// the reading of the other.
func pairSecond(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	k := sort.Search(len(a.Numbers), func(j int) bool { return a.Numbers[j].Start >= n.Start })
	for j := k - 1; j >= 0 && n.Start-a.Numbers[j].Start <= pairReach; j-- { // the figures just before
		p := a.Numbers[j]
		if p.Start >= n.Start || n.Start-p.End > 8 {
			continue
		}
		i := a.sentenceAt(p.Start)
		if i < 0 || a.sentenceAt(n.Start) != i {
			continue
		}
		if _, _, _, ok := a.agePairOf(p, ctxBefore(a.Text[a.sentences[i].span[0]:p.Start])); ok {
			return true // the second of a pair
		}
	}
	if n.Unit != "" && n.Unit != "to" && n.Unit != "and" {
		return false
	}
	for j := k; j < len(a.Numbers) && a.Numbers[j].Start-n.End <= 8; j++ { // the figures just after
		p := a.Numbers[j]
		if p.Start <= n.Start || p.Start-n.End > 8 {
			continue
		}
		i := a.sentenceAt(n.Start)
		if i < 0 || a.sentenceAt(p.Start) != i {
			continue
		}
		if _, ok := rangeFirst(p, ctxBefore(a.Text[a.sentences[i].span[0]:p.Start])); ok {
			return true // the first of a range
		}
	}
	return false
}
