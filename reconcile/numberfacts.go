package reconcile

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// partitives count a thing by its parts or members (nlp reads "31 pieces of apparatus" as
// 31 pieces, counted apparatus).
var partitives = wordSet("piece member unit pair round group set batch")

var durationUnits = map[string]bool{"second": true, "minute": true, "hour": true, "day": true, "week": true,
	"month": true, "year": true, "decade": true, "century": true}

// ownerKinds are the kinds whose values conflict only when they are known to be one
// person's or one thing's: two ages, two distances, two ordinals.
var ownerKinds = map[string]bool{"age": true, "ordinal": true, "score": true}

// numberFacts aligns the numbers by what they are: kind, unit and the thing counted.
func (s *story) numberFacts() []crosscheck.Fact {
	byKey := map[string][]claim{}
	var keys []string
	for _, a := range s.arts {
		for _, n := range a.numbersWithTimes() {
			r, ok := a.readNumber(n)
			if !ok {
				continue
			}
			c := a.claim(n.Start, n.End)
			c.value, c.approx, c.label, c.read = n.Value, hedges[n.Approx], r.label, r
			c.subject, c.owner, c.bound = r.thing, r.owner, boundOf(n.Approx)
			c.owner, c.named = a.firmOwner(n.Start, r.owner)
			if n.Approx == "at least" && casualty[r.verb] != "" {
				c.bound = "" // "at least 3 people were killed" is the toll reported: three
			}
			if withinBefore.MatchString(a.Text[max(0, n.Start-12):n.Start]) {
				c.bound = "upper" // "within 20 miles of Tel Aviv"
			}
			c.listed = listAfter.MatchString(a.Text[n.Start+len(figureText(n.Text)):min(len(a.Text), n.End+24)]) || listBefore.MatchString(a.Text[max(0, n.Start-24):n.Start])
			if r.kind == "score" {
				c.value = scoreValue(r.label)
			}
			if r.value != 0 {
				c.value, c.listed = r.value, false // a pair or a range read whole is no item of a list
			}
			c.crowded = r.kind == "percent" || r.kind == "score" || r.kind == "ordinal" // 24% and 27% are seldom one fact
			key := r.kind + "|" + r.unit
			if p := a.elsewhere(n.Start); p != "" {
				key += "|in " + p // another city's crowd is a count of its own
			}
			if byKey[key] == nil {
				keys = append(keys, key)
			}
			byKey[key] = append(byKey[key], c)
		}
	}
	markSeveral(byKey["age|year"], byKey["age|year pair"])
	s.joinNamedTwoWays(byKey, keys)
	markSole(byKey)
	var sets [][]claim
	for _, key := range keys {
		for _, f := range s.assignKey(byKey[key]) {
			f = preciseOverHedges(dropCompatibleBounds(f), numbersAgree)
			if !severalArticles(f) {
				continue
			}
			labelFirst(f, key)
			sets = append(sets, f)
		}
	}
	s.joinZeroCounts(sets)
	out := make([]crosscheck.Fact, 0, len(sets))
	for _, f := range sets {
		out = append(out, s.fact(f, f[0].read.kind, s.numberSubject(f), numbersAgree))
	}
	return out
}

// markSeveral marks the ages of a noun ("the 12-year-old girl") when one article gives two
// different ages of that noun ("a 12-year-old girl and a 15-year-old girl"), alone or as a
// pair: in the story the noun is more than one person.
func markSeveral(ages, pairs []claim) {
	values := map[[2]string]float64{}
	several := map[string]bool{}
	for _, c := range pairs {
		several[c.owner] = true
	}
	for _, c := range ages {
		if c.owner == "" || !strings.EqualFold(c.read.word, c.owner) {
			continue // a person's age, by name
		}
		k := [2]string{c.art.ID, c.owner}
		if v, ok := values[k]; ok && !number.Equal(v, c.value) {
			several[c.owner] = true
		}
		values[k] = c.value
	}
	for i := range ages {
		if several[ages[i].owner] && strings.EqualFold(ages[i].read.word, ages[i].owner) {
			ages[i].read.several = true
		}
	}
}

// hedgeTolerance is how far apart a hedged figure and another may be and still be one value:
// "about 3,000" is 2,900, not 2,700 (a twentieth).
const hedgeTolerance = 0.05

// hedges are the approximations that allow hedgeTolerance either way ("about 3,000" and 2,900);
// "at least" and "more than" are bounds instead (boundOf).
var hedges = wordSet("about around nearly almost approximately roughly some")

var withinBefore = mustGate(`(?i)\bwithin\s+$`)

// boundOf reads an approximation as a bound: "more than 40" is at least 40.
func boundOf(approx string) string {
	switch approx {
	case "more than", "over", "just over", "at least":
		return "lower"
	case "less than", "under", "up to", "at most", "just under", "as many as", "as much as":
		return "upper"
	}
	return ""
}

// numbersAgree reports whether two numbers can be the same value of one count's event: equal, or within
// hedgeTolerance of each other when either is hedged ("about 3,000", "nearly 100"); a bound
// is its figure.
func numbersAgree(a, b claim) bool {
	if ownersDiffer(a, b) {
		return false // "Newton's record of 4,051 yards", "he [Luck] passed for 4,051 yards": two people's figures
	}
	if (a.read.borrowed || b.read.borrowed) && eventOf(a.read.verb) != eventOf(b.read.verb) {
		return false // "four bombs were dropped", "of which four exploded": one figure, two events
	}
	if number.Equal(a.value, b.value) {
		return a.label == b.label || a.read.kind != "score"
	}
	approx := a.approx && a.bound == "" || b.approx && b.bound == ""
	return approx && math.Abs(a.value-b.value) <= hedgeTolerance*math.Max(math.Abs(a.value), math.Abs(b.value))
}

// dropCompatibleBounds leaves out of a conflict the claims that are bounds the other values
// satisfy: "more than 40" does not contradict 43, and says nothing 43 does not.
func dropCompatibleBounds(f []claim) []claim {
	var out []claim
	for _, c := range f {
		if c.bound != "" && satisfiedByAll(c, f) {
			continue
		}
		out = append(out, c)
	}
	if len(out) == 0 {
		return f
	}
	return out
}

func satisfiedByAll(b claim, f []claim) bool {
	other := false
	for _, c := range f {
		if numbersAgree(b, c) {
			continue
		}
		other = true
		if b.bound == "lower" && c.value < b.value || b.bound == "upper" && c.value > b.value {
			return false
		}
	}
	return other
}

// significantDigits counts the digits of v without its trailing zeros: 2799 has 4, 2000 has 1.
func significantDigits(v float64) int {
	t := strings.Trim(strings.ReplaceAll(figureLabel(math.Abs(v)), ".", ""), "0")
	return len(t)
}

// dayLength is a length of days or weeks in days, else 0.
func dayLength(c claim) float64 {
	switch c.read.unit {
	case "day":
		return c.value
	case "week":
		return 7 * c.value
	}
	return 0
}

// sameOwnedValue reports two sets of ages, or of exact figures of three significant digits or
// more, of one value whose owners agree (or one names none): "Ortiz, 35," and "the
// 35-year-old deputy", "a price tag of $2,799" and "for $2,799", are one fact however little
// else their sentences share ("He was 95.").
func sameOwnedValue(a, b []claim, agree func(a, b claim) bool) bool {
	if a[0].read.kind != b[0].read.kind || !shareValue(a, b, agree) {
		return false
	}
	if a[0].read.kind != "age" && (a[0].approx || b[0].approx || significantDigits(a[0].value) < specificDigits(a[0])) {
		return false // "100 people" twice may be two crowds; "$2,799" twice is one price
	}
	if a[0].read.kind == "score" {
		return true // "Indianapolis (10-5)" and "the Colts (10-5)": one team named two ways
	}
	owner := func(c claim) string { return c.owner }
	return shareSome(a, b, owner)
}

// specificDigits is how many significant digits make a figure specific enough that two of
// one unit are one fact: three ("4,051 yards", "$334 million"), two for a sum ("$9.3 million"),
// and one for a count of ten or more of a noun other than people ("80 employees": a count of
// ten or more things is specific already).
func specificDigits(c claim) int {
	switch {
	case c.read.kind == "money":
		return 2
	case c.read.kind == "count" && c.value >= 10 && c.read.unit != "people":
		return 1
	}
	return 3
}

// rivalPairs reports two pairs of ages of the same people ("girls, 6 and 8", "8- and
// 10-year-old girls"): a pair of ages is rare enough in a story that two of one kind of people
// are one fact, however little else their sentences share.
func rivalPairs(a, b []claim) bool {
	return a[0].read.unit == "year pair" && b[0].read.unit == "year pair" && shareKnown(a, b, func(c claim) string { return c.owner }) ||
		sumsOfOneThing(a, b) || soleCounts(a, b) || numberRivals(a, b)
}

// sumsOfOneThing reports two sets of sums that name one thing they are of ("$60 million in
// funding", "raised $35m in two rounds of funding"), or of thousands of one noun other than
// people: a story seldom tells two of them, so they are rivals however little else their
// sentences share.
func sumsOfOneThing(a, b []claim) bool {
	if a[0].read.kind == "distance" {
		return b[0].read.kind == "distance" // "three doors away", "five buildings away": seldom two in a story
	}
	if a[0].read.kind == "count" && b[0].read.kind == "count" {
		return a[0].read.unit != "people" && min(a[0].value, b[0].value) >= bigCount // "nearly 300,000 comments", "250,000 written comments"
	}
	return a[0].read.kind == "money" && b[0].read.kind == "money" && shareKnown(a, b, func(c claim) string { return c.subject })
}

// bigCount is the size from which two counts of one noun other than people are rivals
// whatever their sentences: a story seldom tells two thousands of one thing.
const bigCount = 1000

// ownerWeight is what a known owner both sets name adds to their match: two records of the
// Colts, two ages of Ortiz, are about one thing whatever else their sentences say (not two
// ordinals of one noun: the 7th game and the 13th are two games).
func ownerWeight(a, b []claim) float64 {
	if sumsOfOneThing(a, b) || numberRivals(a, b) {
		return 0.25
	}
	if k := a[0].read.kind; k != "age" && k != "score" || !shareKnown(a, b, func(c claim) string { return c.owner }) {
		return 0
	}
	return 0.25
}

// mayConflict reports whether two sets of numbers of different values can be rival values
// of one fact: not items of one list, not far apart (a fourth of the other or less: "4
// members" against "10,000 members" are two counts), and about one owner (sameOwner).
func mayConflict(a, b []claim, sim float64) bool {
	for _, c := range append(a[:len(a):len(a)], b...) {
		if c.listed {
			return false
		}
	}
	lo, hi := math.Min(a[0].value, b[0].value), math.Max(a[0].value, b[0].value)
	switch k := a[0].read.kind; {
	case k == "numbered" || k == "range":
		return false // page 20 and page 3 are two pages; ranges are seldom read whole

	case (k == "count" || k == "money") && lo < hi/4:
		return false
	case k == "measure" && lo < 0.9*hi:
		return false // outlets round or misprint a length; one a tenth off or more is another length (two field goals)
	}
	if mostCommon(a, window) != mostCommon(b, window) {
		return false // "arrested four times", "arrested three times since October": two spans of time
	}
	verb := func(c claim) string { return eventOf(c.read.verb) }
	thing := func(c claim) string { return c.subject }
	owner := func(c claim) string { return c.owner }
	switch k := a[0].read.kind; {
	case k == "duration" && dayLength(a[0]) > 0 && math.Abs(dayLength(a[0])-dayLength(b[0])) <= 2:
		return false // "11 days of fighting" and "12 days": one more day of coverage, an update
	case (k == "measure" || k == "money") && !shareSome(a, b, thing):
		return false // the length of a run against the length of a pass; a sum in stock against one in funding
	case k == "duration" || k == "measure":
		// lengths and distances are everywhere in a story: two conflict only about one known
		// thing, event or owner ("married two weeks ago", "married three weeks before")
		if !shareKnown(a, b, thing) && !shareKnown(a, b, verb) && !shareKnown(a, b, owner) {
			return false
		}
	case k == "count" && hi < 10 && !shareKnown(a, b, verb) && sim < smallCountSim:
		return false // "two", "three": small counts of one noun are many things unless one event or one sentence counts them
	}
	return (sameOwner(a, b) || oneOfSeveral(a, b, sim)) && (shareSome(a, b, verb) || hi >= 10 && !casualtyApart(a, b))
}

func window(c claim) string { return c.read.window }

// smallCountSim is how alike the sentences of two small counts with no verb in common must be
// to make them rival values ("a red warning for seven districts", "nine districts under a red
// warning").
const smallCountSim = 0.2

// shareKnown reports whether two sets of claims have a key in common.
func shareKnown(a, b []claim, key func(claim) string) bool {
	ka := map[string]bool{}
	for _, c := range a {
		ka[key(c)] = true
	}
	for _, c := range b {
		if k := key(c); k != "" && ka[k] {
			return true
		}
	}
	return false
}

// shareSome reports whether two sets of claims have a key in common, or one of them names none.
func shareSome(a, b []claim, key func(claim) string) bool {
	ka := map[string]bool{}
	for _, c := range a {
		if k := key(c); k != "" {
			ka[k] = true
		}
	}
	some := false
	for _, c := range b {
		if k := key(c); k != "" {
			if ka[k] {
				return true
			}
			some = true
		}
	}
	return len(ka) == 0 || !some
}

var (
	listAfter  = mustGate(`^\s?(?:,|and\b|or\b)\s*(?:and\s+)?[$€£]?\s?\d`)
	listBefore = mustGate(`\d\s?(?:,|and|or)\s*(?:and\s+)?[$€£]?\s?$`)
)

// sameOwner reports whether two sets of numbers can be about one person or thing: unless each
// names owners and they share none. Ages, records and ordinals need an owner both know.
func sameOwner(a, b []claim) bool {
	owner := func(c claim) string { return c.owner }
	if ownerKinds[a[0].read.kind] && (mostCommon(a, owner) == "" || mostCommon(b, owner) == "") {
		return false
	}
	for _, c := range append(a[:len(a):len(a)], b...) {
		if c.read.several {
			return false // "the girl" is two girls here
		}
	}
	return shareSome(a, b, owner)
}

// numberSubject names a number fact from what its claims read: "age of Ortiz", "number of
// people killed", "length of the strike", "amount of the bond".
func (s *story) numberSubject(f []claim) string {
	r := f[0].read
	thing := mostCommon(f, func(c claim) string { return c.read.thing })
	word := mostCommon(f, func(c claim) string { return strings.ToLower(c.read.word) })
	verb := mostCommon(f, func(c claim) string { return c.read.verb })
	owner := mostCommon(f, func(c claim) string { return c.owner })
	if word == "" {
		word = thing
	}
	switch r.kind {
	case "age":
		if r.unit == "year pair" {
			if owner == "child" {
				return "ages of the children"
			}
			return "ages of the " + plural(owner, 2) // "ages of the girls"
		}
		if owner != "" && owner == word {
			return "age of the " + owner // the noun it qualifies
		}
		if owner != "" {
			return "age of " + titleWord(owner)
		}
		return "age of a person"
	case "score":
		if thing == "record" && owner != "" {
			return "record of the " + titleWord(owner)
		}
		return thing
	case "ordinal":
		return "the " + thing + " by number"
	case "numbered":
		return "number of the " + thing
	case "range":
		if thing != "" {
			return "range of the " + thing
		}
		return "range in " + plural(r.unit, 2) + " of " + s.event(f)
	case "prices":
		return "prices listed, in " + r.unit
	case "distance":
		return "how far away, in " + plural(r.unit, 2)
	case "fraction":
		return "fraction of the " + thing
	case "block":
		return "street block of the address"
	case "seats":
		if owner != "" {
			return "seats held in the " + owner // "160 of 300 seats": in the parliament
		}
		return "seats held"
	case "caliber":
		if f := strings.Fields(f[0].label); len(f) > 1 {
			return "caliber of the " + f[len(f)-1] // ".38-caliber revolver"
		}
		return "caliber of the gun"
	case "money":
		switch {
		case thing != "":
			return "amount of the " + thing
		case verb != "":
			return "amount " + verb
		}
		return "amount in " + r.unit + " of " + s.event(f)
	case "percent":
		switch {
		case thing != "":
			return "percent of the " + thing
		case strings.HasPrefix(word, "how "):
			return word
		case word != "" && r.unit == "percent":
			return "percent " + word + " in " + s.event(f)
		case word != "":
			return plural(r.unit, 2) + " " + word + " in " + s.event(f)
		}
		return r.unit + " of " + s.event(f)
	case "duration":
		switch {
		case thing == "time since":
			return "time since " + s.sinceWhat(f)
		case thing != "":
			return "length of the " + thing
		case verb != "":
			return "time " + verb
		}
		return "a length in " + plural(r.unit, 2) + " of " + s.event(f)
	case "measure":
		dim := mostCommon(f, func(c claim) string { return c.read.verb })
		of := ""
		named := mostCommon(f, func(c claim) string {
			if w := c.read.word; w != thing && strings.HasSuffix(w, " "+thing) {
				return w // "Mat Maid complex"
			}
			return ""
		})
		switch {
		case named != "":
			of = " of the " + named
		case thing != "":
			of = " of the " + thing
		case owner != "":
			of = " of " + titleWord(owner)
		}
		return dim + " in " + plural(strings.SplitN(r.unit, " per ", 2)[0], 2) + of
	}
	if crowd := crowdSubject(f); crowd != "" {
		return crowd // "number of people at the march"
	}
	if word == "" {
		word = plural(thing, 2)
	}
	if c, ok := casualty[verb]; ok {
		verb = c // "number of people killed", whether they died or were killed
	}
	if pastOnly[verb] {
		verb = "" // "interceptions threw": only a participle reads after its noun
	}
	if strings.HasSuffix(verb, "ing") && actsAfter(f, verb) {
		verb = "" // "three students attending": what they do needs its object
	}
	verb = participle(verb) // "firing three attorneys": the number of attorneys fired
	if verb != "" {
		if where := mostCommon(sampled(f, true), func(c claim) string { return c.art.eventPlace(c) }); where != "" {
			return "number of " + word + " " + verb + " " + where // "number of people killed in the civil war"
		}
		return "number of " + word + " " + verb
	}
	return "number of " + word
}

// actsAfter reports a verb that follows the count in most claims that read it ("students
// attending"): the things counted do it, rather than undergo it.
func actsAfter(f []claim, verb string) bool {
	after, n := 0, 0
	for _, c := range f {
		if c.read.verb != verb {
			continue
		}
		n++
		rest := c.art.Text[c.end:min(len(c.art.Text), c.end+40)]
		if slices.Contains(strings.Fields(strings.ToLower(rest)), verb) {
			after++
		}
	}
	return after*2 > n
}

// participle writes a verb's "-ing" form as its past participle, which reads after the noun
// it counts ("using three trucks" → "trucks used"); other forms as they are.
func participle(verb string) string {
	base, ok := strings.CutSuffix(verb, "ing")
	if !ok || len(base) < 2 {
		return verb
	}
	if p, ok := irregularParticiples[verb]; ok {
		return p
	}
	if n := len(base); strings.HasSuffix(base, "y") && !strings.ContainsRune("aeiou", rune(base[n-2])) {
		return base[:n-1] + "ied" // "carrying" → "carried"
	}
	return base + "ed" // "firing" → "fired", "stopping" → "stopped", "killing" → "killed"
}

// irregularParticiples are the "-ing" forms of common irregular verbs with their past
// participles.
var irregularParticiples = map[string]string{"making": "made", "taking": "taken", "holding": "held",
	"bringing": "brought", "leaving": "left", "keeping": "kept", "finding": "found", "sending": "sent",
	"winning": "won", "hitting": "hit", "shooting": "shot", "running": "run", "beginning": "begun",
	"giving": "given", "getting": "got", "putting": "put", "setting": "set", "cutting": "cut",
	"selling": "sold", "telling": "told", "buying": "bought", "building": "built", "having": "had",
	"seeing": "seen", "leading": "led", "paying": "paid", "meeting": "met", "losing": "lost",
	"throwing": "thrown", "driving": "driven", "writing": "written", "spending": "spent",
	"hiding": "hidden", "stealing": "stolen", "catching": "caught", "fighting": "fought",
	"breaking": "broken", "choosing": "chosen", "speaking": "spoken", "wearing": "worn", "being": "",
	"doing": "done", "going": "gone", "coming": "come", "saying": "said", "thinking": "thought"}

// participles are the irregular past participles of irregularParticiples, as a set.
var participles = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range irregularParticiples {
		m[p] = p != ""
	}
	return m
}()

// pastOnly are past forms that are not past participles: after the noun they count they
// read as a clause cut short ("interceptions threw").
var pastOnly = map[string]bool{"threw": true, "took": true, "came": true, "ran": true, "began": true,
	"drew": true, "grew": true, "knew": true, "stole": true, "spoke": true, "rose": true, "fell": true,
	"flew": true, "gave": true, "broke": true, "sank": true, "went": true, "wrote": true, "ate": true,
	"saw": true, "did": true, "chose": true, "drove": true, "rode": true, "swam": true, "sang": true}

// sinceWhat names what happened the span ago: the clause before the value, read as a date's
// clause ("South Sudan gained its independence"), the one sharing most with the others';
// else the fallback phrase.
func (s *story) sinceWhat(f []claim) string {
	cs := make([]claim, len(f))
	for i, c := range f {
		cs[i] = c
		cs[i].subject = ""
		if c.sentence >= 0 {
			sp := c.art.sentences[c.sentence].span
			if sp[0] <= c.start && c.end <= sp[1] {
				cs[i].subject = trimClause(datedPhrase(c.art.Text[sp[0]:sp[1]], c.start-sp[0], c.end-sp[0]))
			}
		}
	}
	if !slices.ContainsFunc(cs, func(c claim) bool { return c.subject != "" }) {
		return s.event(f)
	}
	return strings.TrimPrefix(s.clauseSubject("", cs), " ")
}

func isCapital(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

func titleWord(w string) string {
	if w == "" {
		return w
	}
	return strings.ToUpper(w[:1]) + w[1:]
}

// scoreValue is a score as one number, so that equal scores are equal values: 10-5 is 10005.
func scoreValue(label string) float64 {
	a, b, _ := strings.Cut(label, "-")
	x, _ := strconv.Atoi(a)
	y, _ := strconv.Atoi(b)
	return float64(x*1000 + y)
}

// casualtyApart reports counts of the killed against counts of the wounded, or of either
// against a count of something else that happened: verbs that tell counts of one noun apart
// even when the counts are large ("50 volunteers searched", "70 were sent" may be one crowd).
func casualtyApart(a, b []claim) bool {
	ca := mostCommon(a, func(c claim) string { return casualty[c.read.verb] })
	cb := mostCommon(b, func(c claim) string { return casualty[c.read.verb] })
	return ca != cb
}
