package reconcile

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// A dateKind is one grain of the dates the articles give: the values of one kind compare
// with one another, never with another kind's ("1997" does not contradict "1997-07").
type dateKind struct {
	name string // the fact's kind and the first word of its subject: "day", "year"
	read func(d crosscheck.Date) (value float64, label string, ok bool)
}

// dateKinds are the grains, in the order the report lists their facts.
var dateKinds = []dateKind{
	{"day", readDay},         // "June 24, 2005" → 2005-06-24
	{"weekday", readWeekday}, // "Tuesday" in an article of unknown date → Tuesday
	{"day", readMonthDay},    // "June 24" in an article of unknown date, no year given → June 24
	{"month", readMonth},     // "December 2007" → 2007-12
	{"year", readYear},       // "in 1983" → 1983
	{"time", readClock},      // "3:33 a.m." → 03:33
}

func readDay(d crosscheck.Date) (float64, string, bool) {
	if d.Type != "DATE" || date.Granularity(d.Value) != "day" {
		return 0, "", false
	}
	t, err := time.Parse("2006-01-02", d.Value)
	if err != nil {
		return 0, "", false
	}
	return float64(t.Unix() / 86400), d.Value, true
}

var undatedWeekday = mustGate(`^XXXX-WXX-([1-7])(?:T(?:MO|AF|EV|NI))?$`)

func readWeekday(d crosscheck.Date) (float64, string, bool) {
	m := undatedWeekday.FindStringSubmatch(d.Value)
	if m == nil {
		return 0, "", false
	}
	n, _ := strconv.Atoi(m[1])
	return float64(n), time.Weekday(n % 7).String(), true
}

// readMonth reads the month of a date that names it: "December 2007", and "July 25, 1997",
// which agrees with "July 1997".
func readMonth(d crosscheck.Date) (float64, string, bool) {
	if g := date.Granularity(d.Value); d.Type != "DATE" || g != "month" && g != "day" {
		return 0, "", false
	}
	y, err1 := strconv.Atoi(d.Value[:4])
	m, err2 := strconv.Atoi(d.Value[5:7])
	if err1 != nil || err2 != nil {
		return 0, "", false
	}
	return float64(y*12 + m), d.Value[:7], true
}

// readYear reads the year of a date that names it: "in 1983", and "November 1983", which
// agrees with "in 1983".
func readYear(d crosscheck.Date) (float64, string, bool) {
	if g := date.Granularity(d.Value); d.Type != "DATE" || g != "year" && g != "month" && g != "day" || !date.NamesYear(d.Text) {
		return 0, "", false // "last year" dates nothing in an article of unknown date
	}
	y, err := strconv.Atoi(d.Value[:4])
	if err != nil {
		return 0, "", false
	}
	return float64(y), d.Value[:4], true
}

var clockRe = mustGate(`T(\d{2}):(\d{2})$`)

// readClock reads a clock time of any day: "XXXX-XX-XXT03:33" or "2025-12-02T22:00" → 03:33, 22:00.
func readClock(d crosscheck.Date) (float64, string, bool) {
	m := clockRe.FindStringSubmatch(d.Value)
	if d.Type != "TIME" || m == nil {
		return 0, "", false
	}
	h, _ := strconv.Atoi(m[1])
	mi, _ := strconv.Atoi(m[2])
	return float64(h*60 + mi), m[1] + ":" + m[2], true
}

// dateFacts aligns the days, weekdays, months, years and clock times the articles give for
// the events they tell, each named by what it dates.
func (s *story) dateFacts() []crosscheck.Fact {
	var out []crosscheck.Fact
	for _, k := range dateKinds {
		claims := s.dateClaims(k)
		kind := "date"
		if k.name == "time" {
			kind = "time"
		}
		var founded [][]claim // an organisation's start goes first: its words join it, not the year's value
		if k.name == "year" {
			founded = foundings(claims, nil)
			claims = untaken(claims, founded)
		}
		facts := s.assign(claims, sameDay)
		if k.name == "time" {
			facts = splitClocks(facts)
			facts = append(facts, clocksOfOneAct(claims, facts)...)
		}
		if k.name == "day" || k.name == "weekday" {
			facts = ledeDays(claims, facts)
		}
		if k.name == "day" || k.name == "month" {
			facts = strayDates(claims, facts)
		}
		if k.name == "day" || k.name == "weekday" {
			facts = daysOfOneVerb(claims, facts)
		}
		if k.name == "year" {
			facts = append(founded, strayYears(claims, careerStarts(claims, facts))...)
		}
		for _, f := range facts {
			if (k.name == "year" || k.name == "month") && !slices.ContainsFunc(f, func(c claim) bool { return !c.approx }) {
				continue // finer dates alone: their own facts say them
			}
			out = append(out, s.fact(f, kind, s.clauseSubject(k.name, f), sameDay))
		}
	}
	out = append(out, s.relativeTimeFacts()...)
	out = append(out, s.gamePeriodFacts()...)
	return append(out, s.gameClockFacts()...)
}

// gameClockRe matches the time left on a game's clock: "with 4:08 to go", "with 6:00
// minutes remaining in the third quarter", "with 10 : 03 to play".
var gameClockRe = mustGate(`(?i)\bwith\s+(\d{1,2})\s?:\s?([0-5]\d)\s+(?:minutes?\s+)?(?:to go|to play|remaining|left)\b`)

// gameClockFacts aligns the times left on a game's clock when something happened: a clock
// that counts down is no time of day, so these are their own facts ("time left when the
// field goal tied the game": 10:03 against 6:00), named by the clause they date.
func (s *story) gameClockFacts() []crosscheck.Fact {
	var claims []claim
	for _, a := range s.arts {
		for _, m := range gameClockRe.FindAllStringSubmatchIndex(a.Text, -1) {
			mins, secs := atoiOr(a.Text[m[2]:m[3]]), atoiOr(a.Text[m[4]:m[5]])
			c := a.claim(m[0], m[1])
			if c.sentence < 0 {
				continue
			}
			// a game's clock is read a few times a story, so near values count towards one fact
			c.value, c.label = float64(mins*60+secs), fmt.Sprintf("%d:%02d", mins, secs)
			if q := periodRe.FindStringSubmatch(a.Text[m[1]:min(len(a.Text), m[1]+40)]); q != nil {
				c.owner = strings.ToLower(q[1]) // the quarter or period the clock is of
			}
			sp := a.sentences[c.sentence].span
			c.verb = a.verbBeforeIn(c.sentence, m[0]) // the play the clock dates is told before it
			c.subject = datedPhrase(a.Text[sp[0]:sp[1]], m[0]-sp[0], m[1]-sp[0])
			claims = append(claims, c)
		}
	}
	var out []crosscheck.Fact
	for _, f := range s.assign(claims, sameDay) {
		for _, part := range byPeriod(f) {
			out = append(out, s.fact(part, "time", s.clauseSubject("time left when", part), sameDay))
		}
	}
	return out
}

// periodRe matches the period of a game a clock time is of: "in the third quarter".
var periodRe = mustGate(`(?i)^\s*(?:in|of)\s+the\s+(first|second|third|fourth|1st|2nd|3rd|4th|final)\s+(?:quarter|period|half)\b`)

// byPeriod parts a fact of clock times told of different periods of the game: 6:00 left in
// the third quarter does not contradict 6:00 or 4:08 left in the fourth. Each value stated by
// several articles stays an agreement.
func byPeriod(f []claim) [][]claim {
	periods := map[string]bool{}
	for _, c := range f {
		if c.owner != "" {
			periods[c.owner] = true
		}
	}
	if len(periods) < 2 {
		return [][]claim{f}
	}
	byValue := map[float64][]claim{}
	var order []float64
	for _, c := range f {
		if byValue[c.value] == nil {
			order = append(order, c.value)
		}
		byValue[c.value] = append(byValue[c.value], c)
	}
	var out [][]claim
	for _, v := range order {
		if severalArticles(byValue[v]) {
			out = append(out, byValue[v])
		}
	}
	return out
}

// atoiOr is the number of digits, 0 if they are none.
func atoiOr(digits string) int {
	n, _ := strconv.Atoi(digits)
	return n
}

// dateClaims reads the claims of one grain of date the articles give: each with the verb it
// dates and the clause it is about, leaving out the days of statements.
func (s *story) dateClaims(k dateKind) []claim {
	var claims []claim
	years := s.dayYears()
	for _, a := range s.arts {
		for i, d := range a.Dates {
			d = anchored(d, years)
			v, label, ok := k.read(d)
			if !ok || endsSpan(a.Text, a.Dates, i) {
				continue
			}
			if saidOn(a.Text[max(0, d.Start-120):d.Start]) {
				continue // the day something was said dates the saying, not the story's events
			}
			if h := timeHedge(a.Text[max(0, d.Start-30):d.Start]); k.name == "time" && h != "" {
				label = h + " " + label // "about 20:00", "shortly after 15:30"
			} else if h := hedgedText(d.Text); k.name == "year" && h != "" && date.Granularity(d.Value) == "year" {
				label = h + " " + label // "about 1970"
			}
			c := a.claim(d.Start, d.End)
			c.value, c.label, c.crowded = v, label, true
			if k.name == "year" || k.name == "month" {
				c.approx = date.Granularity(d.Value) != k.name // a year or a month read from a finer date
			}
			lo, hi := readerWindow(a.Text, a.sentences[max(c.sentence, 0)].span, d.Start, d.End)
			c.verb = a.datedVerb(c.sentence, d.Start, d.End)
			if c.verb == "" {
				c.verb = verbBefore(a.Text[lo:d.Start])
			}
			if c.verb == "" {
				c.verb = verbAfter(a.Text[min(d.End, hi):hi]) // a date may run past its sentence's end
			}
			c.subject = datedPhrase(a.Text[lo:hi], d.Start-lo, d.End-lo)
			claims = append(claims, c)
		}
	}
	return claims
}

func sameDay(a, b claim) bool { return a.value == b.value }

// isDateClaim reports a claim of a date: its values crowd, and it reads no number.
func isDateClaim(c claim) bool { return c.crowded && c.read.kind == "" }

// quoteRun is how many words in a row two quotations must share to be one utterance.
const quoteRun = 5

// tellOneQuote reports two dates whose sentences print one quotation, quoteRun words of it
// in a row at least: "in 2005, Felt told Vanity Fair, 'I'm the guy they used to call Deep
// Throat'" and "admitting in 2006: 'I'm the guy they used to call Deep Throat'" date one
// utterance, and differ.
func tellOneQuote(a, b claim) bool {
	qa, qb := a.quotedWords(), b.quotedWords()
	for _, x := range qa {
		for _, y := range qb {
			if longestRun(x, y) >= quoteRun {
				return true
			}
		}
	}
	return false
}

// quotedWords are the lower-case words of each quotation the claim's sentence holds.
func (c claim) quotedWords() [][]string {
	if c.sentence < 0 {
		return nil
	}
	sp := c.art.sentences[c.sentence].span
	var out [][]string
	for _, q := range c.art.Quotes {
		if q.Start < sp[1] && q.End > sp[0] {
			out = append(out, strings.Fields(strings.ToLower(q.Text)))
		}
	}
	return out
}

// longestRun is the length of the longest run of words a and b share in the same order.
func longestRun(a, b []string) int {
	best := 0
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if strings.Trim(a[i], ".,;:!?\"'“”‘’") == strings.Trim(b[j], ".,;:!?\"'“”‘’") {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			}
		}
		prev = cur
	}
	return best
}

// strayDates files the dates no fact took with the one fact that holds their value: a day or
// a month of the calendar named in several articles is one event's, also where an article
// tells it in other words ("the jury on July 25, 1997, convicted him" beside "a July 1997
// racketeering conviction"). A value held by several facts dates several events and is left
// alone, and so is a stray in an article that gives the fact another value.
func strayDates(claims []claim, facts [][]claim) [][]claim {
	taken := map[[2]any]bool{}
	holders := map[float64][]int{}
	for i, f := range facts {
		seen := map[float64]bool{}
		for _, c := range f {
			taken[[2]any{c.art, c.start}] = true
			if !seen[c.value] {
				seen[c.value] = true
				holders[c.value] = append(holders[c.value], i)
			}
		}
	}
	for _, c := range claims {
		h := holders[c.value]
		if taken[[2]any{c.art, c.start}] || len(h) != 1 {
			continue
		}
		f := facts[h[0]]
		if slices.ContainsFunc(f, func(o claim) bool { return o.art == c.art }) {
			continue // the article is there already, with this value or another
		}
		facts[h[0]] = append(f, c)
	}
	return facts
}

// splitClocks parts a conflict of clock times whose values no verb ties together: the times
// of one story are mostly of different moments ("left port at 5:30 a.m.", "struck rocks
// shortly after 7 a.m."), so two are one fact only when their sentences name the same verb
// near them. Each value stated by several articles stays an agreement.
func splitClocks(facts [][]claim) [][]claim {
	var out [][]claim
	for _, f := range facts {
		byValue := map[float64][]claim{}
		var order []float64
		for _, c := range f {
			if byValue[c.value] == nil {
				order = append(order, c.value)
			}
			byValue[c.value] = append(byValue[c.value], c)
		}
		tied := len(order) > 1
		for _, v := range order[1:] {
			tied = tied && verbsMeet(byValue[order[0]], byValue[v])
		}
		if len(order) == 1 || tied {
			out = append(out, f)
			continue
		}
		for _, v := range order {
			if severalArticles(byValue[v]) {
				out = append(out, byValue[v])
			}
		}
	}
	return out
}

// actVerbs sorts the verbs of what a clock time most often dates into kinds of act: an
// attack is told as "attacked", "bombed", "dropped bombs", "shells hit"; a march or a game
// as "began", "started", "kicked off".
var actVerbs = map[string]string{}

func init() {
	for kind, verbs := range map[string][]string{
		"attack": {"attacked", "bombed", "dropped", "shelled", "struck", "hit", "fired", "shot", "raided", "exploded"},
		"begin":  {"began", "started", "starting", "kicked", "opened"},
	} {
		for _, v := range verbs {
			actVerbs[verbStem(v)] = kind
		}
	}
}

// genericVerbs tell that something happened, not what: the act is the noun before them ("the
// shooting occurred about 3:10 p.m.").
var genericVerbs = map[string]bool{verbStem("occurred"): true, verbStem("happened"): true, verbStem("came"): true}

// actNouns name the acts of actVerbs.
var actNouns = map[string]string{"attack": "attack", "shooting": "attack", "bombing": "attack", "strike": "attack",
	"raid": "attack", "explosion": "attack", "blast": "attack", "shelling": "attack"}

// actBefore is the kind of the last act verb or noun of the words before a clock time in its
// sentence, or "".
func actBefore(before string) string {
	f := strings.Fields(before)
	for i := len(f) - 1; i >= 0; i-- {
		w := strings.ToLower(strings.Trim(f[i], ",;:()\"'“”’"))
		if k := actNouns[w]; k != "" {
			return k
		}
		if k := actVerbs[verbStem(w)]; k != "" && verbStem(w) != "" {
			return k
		}
	}
	return ""
}

// clocksOfOneAct joins the clock times no fact took whose verbs tell one kind of act ("attacked
// a refugee camp at 2:53 p.m.", "planes dropped four bombs at 3:20 p.m."): times of one story
// told with such verbs in different articles are times of its one act, and when they differ
// they conflict. A kind stated more than once in one article is left alone: its times are of
// several acts.
func clocksOfOneAct(claims []claim, facts [][]claim) [][]claim {
	taken := takenClaims(facts)
	return onceEach(claims, func(c claim) string {
		kind := actVerbs[c.verb]
		if kind == "" && c.verb == "" || genericVerbs[c.verb] {
			kind = actBefore(c.art.Text[c.art.sentences[max(c.sentence, 0)].span[0]:c.start])
		}
		if strings.HasSuffix(strings.TrimRight(c.art.Text[max(0, c.start-40):c.start], " "), "(") {
			return "" // "at about 3pm on Tuesday (12am yesterday)": the same moment in another zone
		}
		if taken[[2]any{c.art, c.start}] {
			return ""
		}
		return kind
	})
}

// takenClaims are the claims the facts hold, by article and place.
func takenClaims(facts [][]claim) map[[2]any]bool {
	taken := map[[2]any]bool{}
	for _, f := range facts {
		for _, c := range f {
			taken[[2]any{c.art, c.start}] = true
		}
	}
	return taken
}

// onceEach groups the claims by key (a claim whose key is "" is left out), in the order the
// keys first come, and keeps the groups of two claims or more that take each article once.
func onceEach(claims []claim, key func(claim) string) [][]claim {
	keys, byKey := groupInOrder(claims, key)
	var out [][]claim
	for _, k := range keys {
		cs := byKey[k]
		once := true
		for i := range cs {
			for j := range i {
				once = once && cs[i].art != cs[j].art
			}
		}
		if once && len(cs) > 1 {
			out = append(out, cs)
		}
	}
	return out
}

// groupInOrder groups items by key, an item whose key is "" left out, and returns the keys in
// the order they first come.
func groupInOrder[T any](items []T, key func(T) string) ([]string, map[string][]T) {
	groups := map[string][]T{}
	var keys []string
	for _, it := range items {
		k := key(it)
		if k == "" {
			continue
		}
		if groups[k] == nil {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], it)
	}
	return keys, groups
}

// verbsMeet reports two sets of claims that name a verb in common.
func verbsMeet(a, b []claim) bool {
	for _, x := range a {
		for _, y := range b {
			if x.verb != "" && x.verb == y.verb {
				return true
			}
		}
	}
	return false
}

// clauseSubject names what a set of claims dates or places: the grain and the words of the
// clause that holds the value ("year Mat Maid filed for bankruptcy", "place of death (Gigante
// died at the federal prison)"), from the claim whose clause shares most with the others';
// else the words their sentences share.
func (s *story) clauseSubject(grain string, claims []claim) string {
	if grain == "weekday" {
		grain = "day"
	}
	// each claim's clause read two ways: by the tree (parsed only for the claims of a fact) and
	// by the words around the value
	clauses := make([]string, len(claims))
	words := make([][]string, len(claims))
	for i, c := range claims {
		if grain != "place" {
			clauses[i] = c.art.datedClause(c.sentence, c.start, c.end)
		}
		words[i] = append(contentWords(c.subject), contentWords(clauses[i])...)
	}
	best, bestScore := "", -1.0
	bestOf := map[float64]scoredText{} // the best text of each value's claims
	var values []float64
	holders := wordHolders(words) // by word, how many claims' words have it
	for i, c := range claims {
		for _, text := range []string{clauses[i], c.subject} {
			if text == "" {
				continue
			}
			mine := contentWords(text)
			if text == c.subject && clauses[i] != "" && holdsAll(contentWords(clauses[i]), mine) {
				// the tree's clause holds the window's words and says whose they are ("the
				// creamery building was burned down by teenagers"): it is read in their stead
				text = clauses[i]
			}
			shared := 0 // the other claims' words it has, a word of it as often as they have it
			for _, w := range mine {
				shared += holders[w]
				if slices.Contains(words[i], w) {
					shared--
				}
			}
			s.subjectWords += len(mine)
			// the words it shares, per word it has: a short clause all about the event beats a long one
			score := float64(shared)/float64(max(1, len(mine))) + float64(shared)/10
			if score > bestScore || score == bestScore && len(text) < len(best) {
				best, bestScore = text, score
			}
			if b, ok := bestOf[c.value]; !ok || b.better(text, score) {
				if !ok {
					values = append(values, c.value)
				}
				bestOf[c.value] = scoredText{text, score}
			}
		}
	}
	if best == "" {
		return grain + " of " + s.event(claims)
	}
	if grain == "" || grain == "place" {
		return grainSubject(grain, best)
	}
	return grainSubject(grain, best) + eachSide(best, values, bestOf)
}

// grainSubject names what the clause best dates or places: "year of birth (born in the
// Bronx)", "birthplace (born in Nashville)", "year Mat Maid filed for bankruptcy".
func grainSubject(grain, best string) string {
	for i, w := range strings.Fields(strings.ToLower(best)) {
		if passedAway(strings.Fields(strings.ToLower(best))[i:]) {
			w = "died" // "she passed away": a death
		}
		if n := eventNouns[w]; n != "" && grain != "place" {
			return grain + " of " + n + " (" + best + ")" // "year of birth (born in the Bronx)"
		}
	}
	if grain == "place" {
		for _, w := range strings.Fields(strings.ToLower(best)) {
			if n := placeNouns[w]; n != "" {
				return n + " (" + best + ")" // "birthplace (born in Nashville)"
			}
		}
		return "place where " + best // "place where protesters targeted stores"
	}
	return grain + " " + best
}

// scoredText is a clause that may name a fact and how much it shares with the fact's others.
type scoredText struct {
	text  string
	score float64
}

// better reports whether text, scored score, names the fact better than b: it shares more,
// or as much in fewer letters.
func (b scoredText) better(text string, score float64) bool {
	return score > b.score || score == b.score && len(text) < len(b.text)
}

// eachSide names the acts the other values of a conflict are told with, where the clause that
// names the fact leaves their words out: outlets that disagree on a time often tell the act
// in their own words ("time Sudan Armed Forces attacked a refugee camp / planes dropped four
// bombs"), and a reader looks for each. values are in the order they come; bestOf holds the
// best clause of each. A clause of more than maxSideWords words is left out.
func eachSide(best string, values []float64, bestOf map[float64]scoredText) string {
	if len(values) < 2 {
		return ""
	}
	held := contentWords(best)
	var out strings.Builder
	for _, v := range values {
		t := bestOf[v].text
		if f := strings.Fields(t); len(f) > 1 && (f[0] == "s" || f[0] == "’s" || f[0] == "'s") {
			t = strings.Join(f[1:], " ") // the possessive of a name the clause left out ("Quinn ’ s")
		}
		w := contentWords(t)
		if len(strings.Fields(t)) > maxSideWords || newWords(held, w) < 2 {
			continue // one word more is a name or a spelling, not the act told otherwise
		}
		out.WriteString(" / " + t)
		held = append(held, w...)
	}
	return out.String()
}

// newWords counts the words of part that whole does not hold.
func newWords(whole, part []string) int {
	n := 0
	for _, w := range part {
		if !slices.Contains(whole, w) {
			n++
		}
	}
	return n
}

// maxSideWords is the length of the longest clause eachSide adds to a fact's name.
const maxSideWords = 12

// passedAway reports words that open with "passed away", which says "died", also with a
// word between ("passed quietly away").
func passedAway(words []string) bool {
	if len(words) < 2 || words[0] != "passed" {
		return false
	}
	return words[1] == "away" || len(words) > 2 && words[2] == "away"
}

// holdsAll reports whether every word of part is in whole.
func holdsAll(whole, part []string) bool {
	for _, w := range part {
		if !slices.Contains(whole, w) {
			return false
		}
	}
	return true
}

// placeNouns name the place of an event of a life: where one was born is a birthplace.
var placeNouns = map[string]string{"born": "birthplace", "died": "place of death", "buried": "burial place",
	"met": "place of the meeting"}

// eventNouns name the events whose verb a reader does not search by: one looks up
// a birth, not a "born".
var eventNouns = map[string]string{"born": "birth", "died": "death", "wed": "wedding", "buried": "burial",
	"met": "meeting", "shot": "shooting", "sold": "sale"}

// clauseStops end the clause a date is read in: punctuation, and words that open another clause.
var clauseStops = map[string]bool{"and": true, "but": true, "which": true, "who": true, "when": true,
	"while": true, "where": true, "after": true, "before": true, "because": true, "although": true,
	"though": true, "as": true, "since": true, "until": true, "said": true, "says": true}

// leadingWords are dropped from the start and the end of a clause's words: connectives,
// prepositions and articles left over once the date is cut out.
var leadingWords = map[string]bool{"in": true, "on": true, "at": true, "by": true, "of": true, "from": true,
	"during": true, "the": true, "a": true, "an": true, "then": true, "also": true, "that": true,
	"until": true, "to": true, "for": true, "about": true, "around": true, "early": true, "late": true,
	"shortly": true, "just": true, "some": true, "sometime": true, "back": true, "ago": true, "last": true}

// datedPhrase returns the words of the clause of sentence that holds the date at [start, end):
// up to six words before it and six after, within the clause, without the date ("It was built
// in 1935" → "it was built"); "" when the clause has none.
func datedPhrase(sentence string, start, end int) string {
	end = min(end, len(sentence)) // a date may run past the sentence's end
	start = min(start, end)
	left := clauseWords(sentence[:start], true)
	after := sentence[end:]
	if slices.ContainsFunc(left, func(w string) bool { return verbStem(w) != "" }) && strings.HasPrefix(strings.TrimLeft(after, " "), ",") {
		after = "" // "a fire swept through … on Sunday, the fire service said": the comma ends the clause
	}
	right := clauseWords(after, false)
	// the words before reach back to their verb and its subject ("Jeffs was sentenced to life
	// in prison on Tuesday"); those after count only when the words before have no verb
	from := max(0, len(left)-6)
	if v := slices.IndexFunc(left, func(w string) bool { return verbStem(w) != "" }); v >= 0 && v < from+2 {
		from = min(from, max(0, v-3, len(left)-12)) // and the name before the verb: "South Sudan gained"
	}
	// "said in the video that the meeting Tuesday was": a clause opened by "that" is the date's own
	if t := slices.IndexFunc(left, func(w string) bool { return w == "that" }); t >= 0 && t < len(left)-1 && (determiners[strings.ToLower(left[t+1])] || isCapital(left[t+1])) {
		left, from = left[t+1:], max(0, from-t-1)
		if np := left; len(np) >= 2 && len(np) <= 4 && determiners[strings.ToLower(np[0])] && !slices.ContainsFunc(np[2:], func(w string) bool { return verbStem(w) != "" || isVerbWord(w) }) && !isVerbWord(np[1]) {
			return "of " + strings.Join(np, " ") // "day of the meeting"
		}
	}
	modifier := len(left) > 0 && determiners[strings.ToLower(left[len(left)-1])] // "a July 1997 racketeering conviction"
	if modifier {
		left = append(trimWords(left[from:len(left)-1]), left[len(left)-1])
	} else {
		left = trimWords(left[from:])
	}
	if !modifier && slices.ContainsFunc(left, func(w string) bool { return verbStem(w) != "" }) {
		right = nil
	}
	right = right[:min(len(right), 6)]
	for len(right) > 0 && leadingWords[strings.ToLower(right[len(right)-1])] {
		right = right[:len(right)-1]
	}
	words := append(left, right...)
	if len(words) < 2 {
		return ""
	}
	if w := words[0]; len(w) > 1 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'a' && w[1] <= 'z' && lex.Stopwords[strings.ToLower(w)] {
		words[0] = strings.ToLower(w) // "It was built" → "it was built"
	}
	return strings.Join(words, " ")
}

// trimClause drops the adverbs and measure words left at the end of a clause's words ("became
// the newest country only" → "became the newest country").
func trimClause(phrase string) string {
	f := strings.Fields(phrase)
	for len(f) > 0 {
		w := strings.ToLower(f[len(f)-1])
		if !(strings.HasSuffix(w, "ly") || measureWords[strings.TrimSuffix(w, "s")] || leadingWords[w]) {
			break
		}
		f = f[:len(f)-1]
	}
	if len(f) < 2 {
		return ""
	}
	return strings.Join(f, " ")
}

// isVerbWord reports the forms of "be" and "have", which verbStem does not read.
func isVerbWord(w string) bool {
	switch strings.ToLower(w) {
	case "is", "was", "were", "are", "be", "been", "has", "had", "have", "will", "would":
		return true
	}
	return false
}

// determiners before a date make it a modifier of the noun after it: "a July 1997 conviction".
var determiners = map[string]bool{"a": true, "an": true, "the": true, "his": true, "her": true, "its": true, "their": true}

// trimWords drops the connectives, prepositions and articles at both ends of words.
func trimWords(words []string) []string {
	for len(words) > 0 && leadingWords[strings.ToLower(words[0])] {
		words = words[1:]
	}
	for len(words) > 0 && leadingWords[strings.ToLower(words[len(words)-1])] {
		words = words[:len(words)-1]
	}
	return words
}

// clauseWords splits text into words and keeps those of the clause next to the date: the end
// of text when before, its start otherwise, up to punctuation or a word that opens a clause.
func clauseWords(text string, before bool) []string {
	f := strings.Fields(text)
	var out []string
	keep := func(w string) bool {
		t := strings.Trim(w, "\"“”'’()")
		if t == "" || strings.ContainsAny(t, ";:—") || t == "-" || t == "--" {
			return false
		}
		if !before && clauseStops[strings.ToLower(strings.TrimRight(t, ",.;:"))] {
			return false
		}
		out = append(out, t)
		return !strings.ContainsAny(t, ",.")
	}
	if before {
		for i := len(f) - 1; i >= 0; i-- {
			w := strings.Trim(f[i], "\"“”'’()")
			if w == "," || w == "." || strings.HasSuffix(w, ",") || w == "" || strings.ContainsAny(w, ";:") || clauseStops[strings.ToLower(w)] {
				break
			}
			out = append(out, w)
		}
		slices.Reverse(out)
		return out
	}
	for len(f) > 0 && strings.Trim(f[0], ",.") == "" {
		f = f[1:] // "In 1990, she founded …"
	}
	for _, w := range f {
		if !keep(w) {
			break
		}
	}
	for i, w := range out {
		out[i] = strings.TrimRight(w, ",.")
	}
	return slices.DeleteFunc(out, func(w string) bool { return w == "" })
}

// sameEvent reports whether two sets of dates can date one event: unless each names verbs
// and they share none — and, for dates, their sentences neither print one quotation (see
// tellOneQuote) nor name one thing (nameOneThing), whatever verb each outlet chose, nor tell
// one act with two verbs (actsMeet: "was arrested", "was detained").
func sameEvent(a, b []claim) bool {
	var va []string
	for _, c := range a {
		if c.verb != "" {
			va = append(va, c.verb)
		}
	}
	some := false
	for _, c := range b {
		if c.verb != "" {
			some = true
			if slices.Contains(va, c.verb) {
				return true
			}
		}
	}
	if len(va) == 0 || !some {
		return true
	}
	return isDateClaim(a[0]) && isDateClaim(b[0]) && (tellOneQuote(a[0], b[0]) || nameOneThing(a[0], b[0]) || actsMeet(a, b))
}

// nameRun is how many capitalised words in a row two sentences must share to name one
// thing: a title ("The Notorious Bettie Page"), an institution ("Bayou La Batre Rural Health
// Clinic"), not a person's two names.
const nameRun = 3

// relativeWords open a clause about the noun before them.
var relativeWords = map[string]bool{"which": true, "who": true}

// nameNear is how many words from its date a name may stand to be what the date dates.
const nameNear = 10

// nameOneThing reports two dates that each stand by a name of nameRun capitalised words or
// more, the same: what they date is that thing, whatever verb each outlet tells it with ("a
// film in 2005, The Notorious Bettie Page", "the 2006 HBO movie, The Notorious Bettie Page").
func nameOneThing(a, b claim) bool {
	for _, x := range a.namesNear() {
		for _, y := range b.namesNear() {
			if longestRun(x, y) >= nameRun {
				return true
			}
		}
	}
	return false
}

// namesNear are the runs of capitalised words (the sentence's first word left out) within
// nameNear words of the claim's value and in its clause: no word that opens another clause
// ("and", "which") stands between them.
func (c claim) namesNear() [][]string {
	if c.sentence < 0 {
		return nil
	}
	sp := c.art.sentences[c.sentence].span
	type word struct {
		text  string
		start int
	}
	var words []word
	_, toks := sentenceTokens(c.art.Article, sp)
	for _, t := range toks {
		words = append(words, word{c.art.Text[sp[0]+t[0] : sp[0]+t[1]], sp[0] + t[0]})
	}
	at := slices.IndexFunc(words, func(w word) bool { return w.start >= c.start })
	end := slices.IndexFunc(words, func(w word) bool { return w.start >= c.end })
	if at < 0 {
		return nil
	}
	if end < 0 {
		end = len(words)
	}
	lo, hi := at, end
	for lo > 0 && at-lo < nameNear && (!clauseStops[strings.ToLower(words[lo-1].text)] || relativeWords[strings.ToLower(words[lo-1].text)]) {
		lo-- // a relative clause dates what it follows: "the film …, which premiered in 2006"
	}
	for hi < len(words) && hi-end < nameNear && !clauseStops[strings.ToLower(words[hi].text)] {
		hi++
	}
	var out [][]string
	var run []string
	for i := lo; i <= hi; i++ {
		if i < hi && i > 0 && (i < at || i >= end) && words[i].text[0] >= 'A' && words[i].text[0] <= 'Z' {
			run = append(run, words[i].text)
			continue
		}
		if len(run) >= nameRun {
			out = append(out, run)
		}
		run = nil
	}
	return out
}

// irregularPast are past forms without "-ed" that news uses to date events, with their base.
var irregularPast = map[string]string{"met": "meet", "held": "hold", "began": "begin", "took": "take",
	"fell": "fall", "struck": "strike", "hit": "hit", "won": "win", "lost": "lose", "broke": "break",
	"ran": "run", "left": "leave", "came": "come", "went": "go", "sank": "sink", "shot": "shoot",
	"made": "make", "set": "set", "rose": "rise", "spoke": "speak", "flew": "fly", "signed": "sign",
	"built": "build", "born": "bear", "became": "become", "wrote": "write", "sold": "sell",
	"bought": "buy", "found": "find", "led": "lead", "gave": "give", "got": "get", "quit": "quit",
	"sent": "send", "paid": "pay", "died": "die", "hid": "hide", "fled": "flee", "swept": "sweep",
	"spread": "spread", "caught": "catch", "fought": "fight", "brought": "bring", "kept": "keep",
	"stood": "stand", "threw": "throw", "drew": "draw", "stole": "steal", "grew": "grow", "knew": "know",
	"tied": "tie", "lied": "lie", "dyed": "dye", "eyed": "eye"}

// verbBefore guesses the verb a date at the end of before belongs to: the nearest word within
// ten that looks like a verb ("were trapped on Tuesday", "drilling through rock on
// Wednesday"), as a stem; "" when there is none.
func verbBefore(before string) string {
	f := strings.Fields(before)
	for i := len(f) - 1; i >= max(0, len(f)-10); i-- {
		w := f[i]
		if i == 0 && strings.HasSuffix(w, "ing") {
			w = strings.ToLower(w) // the participle that opens the sentence: "Starting at about 8 p.m., …"
		}
		if v := verbStem(w); v != "" {
			return v
		}
	}
	return ""
}

// verbAfter is verbBefore for a date that opens its clause: "In 1983, Mat Maid filed …".
func verbAfter(after string) string {
	f := strings.Fields(after)
	for _, w := range f[:min(len(f), 8)] {
		if v := verbStem(w); v != "" {
			return v
		}
	}
	return ""
}

func verbStem(w string) string {
	w = strings.Trim(w, ",;:()\"'“”’")
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return "" // a name: "Jared"
	}
	if w == "according" {
		return "" // "according to": whose word it is, not what happened
	}
	if base, ok := irregularPast[w]; ok {
		return lex.Stem(base)
	}
	if len(w) > 4 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
		return lex.Stem(w)
	}
	return ""
}

// saidOnRe matches the end of the words before a date that is the day of a statement: "said on
// Monday", "told reporters on Friday", "said in a statement on Monday". An announcement, a
// report or a confirmation is often the event itself ("announced major changes Thursday").
var saidOnRe = mustGate(`(?i)\b(?:said|says|told|added|stated|warned|urged)\b((?:\s+[\p{L}’']+){0,4}?)\s+(?:on|late on|early on|last|this)?\s*$`)

// statementRe matches the end of the words before a date that a saying's noun dates: "denied
// those claims in a statement Thursday", "said in an interview published in French newspaper
// Le Parisien Wednesday". A speech or a meeting is often the story's event itself, and is left.
var statementRe = mustGate(`(?i)\b(?:in|during|at)\s+(?:a|an|the|his|her|its|their)\s+(?:[\p{L}-]+\s+){0,2}?(?:statement|interview|briefing|news conference|press conference|press release|conference call)\b[^.;:!?"“”]{0,60}?\s+(?:on|late on|early on)?\s*$`)

// saidOn reports a date that is the day of a statement, unless a verb stands between the
// statement and the date: "says he died Thursday" dates the death.
func saidOn(before string) bool {
	if statementRe.MatchString(before) {
		return true
	}
	m := saidOnRe.FindStringSubmatch(before)
	return m != nil && !slices.ContainsFunc(strings.Fields(m[1]), func(w string) bool { return verbStem(w) != "" })
}

// event names what a set of claims dates or counts when nothing nearer does: a noun phrase
// of their sentences ("the markets", "the heart attack"), built around the lower-case word
// (not a name, not a verb form) their sentences share most, the nearest to the value among
// equals, with the plain word next to it in the sentence where it stands nearest.
func (s *story) event(claims []claim) string {
	type seat struct {
		text       string
		start, end int // the word in text
		dist       int // from the value
	}
	count := map[string]int{}
	near := map[string]seat{}
	for _, c := range claims {
		if c.sentence < 0 {
			continue
		}
		sp := c.art.sentences[c.sentence].span
		text := c.art.Text[sp[0]:sp[1]]
		seen := map[string]bool{}
		_, toks := sentenceTokens(c.art.Article, sp)
		for _, t := range toks {
			w := text[t[0]:t[1]]
			if !plainWord(w) {
				continue
			}
			d := max(sp[0]+t[0]-c.end, c.start-sp[0]-t[1], 0)
			if b, ok := near[w]; !ok || d < b.dist {
				near[w] = seat{text, t[0], t[1], d}
			}
			if !seen[w] {
				seen[w] = true
				count[w]++
			}
		}
	}
	least := 2
	if len(claims) == 1 || len(count) > 0 && !slices.ContainsFunc(slices.Collect(maps.Values(count)), func(n int) bool { return n > 1 }) {
		least = 1
	}
	best := ""
	for w, n := range count {
		if n < least {
			continue
		}
		if b := count[best]; best == "" || n > b || n == b && (near[w].dist < near[best].dist || near[w].dist == near[best].dist && w < best) {
			best = w
		}
	}
	if best == "" {
		return "an event"
	}
	at := near[best]
	phrase := best
	// a plain word just before is its modifier ("heart attack"); one just after, its head
	if i := strings.LastIndexByte(strings.TrimRight(at.text[:at.start], " "), ' '); at.start > 0 && at.text[at.start-1] == ' ' {
		if w := strings.TrimLeft(at.text[i+1:at.start-1], " "); plainWord(w) {
			phrase = w + " " + phrase
		}
	}
	if rest := at.text[at.end:]; strings.HasPrefix(rest, " ") {
		if f := strings.Fields(rest); len(f) > 0 && plainWord(f[0]) && !strings.Contains(phrase, " ") {
			phrase += " " + f[0]
		}
	}
	return "the " + phrase
}

// measureWords are the words of quantities and spans themselves ("billion", "weeks", "ago"): they
// say how much, not of what.
var measureWords = map[string]bool{"percent": true, "cent": true, "billion": true, "million": true,
	"thousand": true, "hundred": true, "dozen": true, "half": true, "quarter": true, "ago": true,
	"second": true, "minute": true, "hour": true, "day": true, "week": true, "month": true, "year": true,
	"decade": true, "century": true, "centurie": true, "one": true, "two": true, "three": true, "four": true,
	"five": true, "six": true, "seven": true, "eight": true, "nine": true, "ten": true, "twelve": true,
	"twenty": true, "fifty": true, "total": true, "nearly": true, "sure": true}

// plainWord reports a lower-case word that can head or modify a noun phrase: not a name, a
// function word, a verb form or an adverb.
func plainWord(w string) bool {
	if len(w) < 3 || w[0] < 'a' || w[0] > 'z' || lex.Stopwords[w] || verbStem(w) != "" || strings.HasSuffix(w, "ly") || measureWords[strings.TrimSuffix(w, "s")] || pastOnly[w] || participles[w] {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' {
			return false
		}
	}
	return true
}
