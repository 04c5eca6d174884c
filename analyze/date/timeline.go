package date

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// Timeline resolves the temporal expressions of one article in reading order. Beyond what an
// expression says alone (Resolve), it reads the sentence around it — a bare "Monday" or
// "March" in a sentence about the future is the next one, not the last — and remembers the
// last quarter the article named, which "the quarter" and "a year earlier" refer back to in
// a company report.
type Timeline struct {
	dct     time.Time
	quarter string            // the last quarter named ("1989-Q3"), or ""
	year    int               // the last year named ("in 1988"), or 0
	month   time.Time         // the last month named ("March 1989"), or zero
	days    map[string]string // "03-12" → "2024-03-12": the days named with their year
}

// NewTimeline starts the timeline of an article published at dct.
func NewTimeline(dct time.Time) *Timeline { return &Timeline{dct: dct} }

// Resolve returns the TIMEX3 value and type of expr, or "" when it cannot say; before is the
// text of its sentence up to it.
func (t *Timeline) Resolve(expr, before string) (value, typ string) {
	e := normalizeExpr(expr)
	if v, ok := t.anaphoric(e); ok {
		return v, "DATE"
	}
	if v, ok := t.referBack(e); ok {
		return v, "DATE" // "that year", "the following month"
	}
	value, typ = t.resolve(e, before)
	if typ == "DATE" || typ == "TIME" {
		t.remember(e, value)
	}
	if isQuarterValue(value) && !yearPeriodRe.MatchString(e) {
		t.quarter = value // the quarter the article is about, which later mentions refer back to
	}
	if len(value) == 10 && holdsYear(e) {
		if t.days == nil {
			t.days = map[string]string{}
		}
		t.days[value[5:]] = value
	} else if len(value) == 10 && t.days[value[5:]] != "" {
		value = t.days[value[5:]] // "March 12" after "March 12, 2024" is that day again
	}
	return value, typ
}

func (t *Timeline) resolve(e, before string) (string, string) {
	// "the 1988 quarter", "the 1989 period": that year's quarter of the one the article is about
	if m := yearPeriodRe.FindStringSubmatch(e); m != nil {
		if t.quarter != "" {
			return m[1] + t.quarter[4:], "DATE"
		}
		return m[1], "DATE"
	}
	tn := tense(before)
	if tn == 0 && strings.EqualFold(lex.LastWord(before), "by") {
		tn = 1 // "pay down the loan by February": a deadline, still to come
	}
	if v := t.direct(e, tn); v != "" {
		return v, "DATE"
	}
	// "by year-end", "since year-end": the last day of this year, or of the last one when
	// the sentence looks back
	if yearEnd[e] {
		y := t.dct.Year()
		if strings.EqualFold(lex.LastWord(before), "since") || tn < 0 {
			y--
		}
		return fmt.Sprintf("%d-12-31", y), "DATE"
	}
	if v, typ := Resolve(e, t.dct); v != "" {
		return v, typ
	}
	// "earlier this year", "early next year", "the end of 1990": the base expression's value,
	// the modifier being a part of it TIMEX3 keeps apart
	if m := modifierRe.FindStringSubmatch(e); m != nil {
		if v, typ := t.resolve(m[1], before); typ == "DATE" || typ == "TIME" {
			return v, typ
		}
	}
	// "at least 20 more years", "within 18 months", "the latest nine months": a length of
	// time behind words that bound or place it
	if m := boundRe.FindStringSubmatch(e); m != nil {
		if v, typ := t.resolve(m[1], before); typ == "DURATION" {
			return v, typ
		}
	}
	if m := moreRe.FindStringSubmatch(e); m != nil {
		if v, typ := t.resolve(m[1]+" "+m[2], before); typ == "DURATION" {
			return v, typ
		}
	}
	// "two to three weeks", "8-month-old": the first length, the unit
	for _, re := range []*regexp.Regexp{rangeRe, ageRe} {
		if m := re.FindStringSubmatch(e); m != nil {
			if v, typ := t.resolve(m[1]+" "+m[2], before); typ == "DURATION" {
				return v, typ
			}
		}
	}
	// "the next two years or so", "1994 or later", "a week or so ago": the expression without
	// the hedge
	if m := hedgeRe.FindStringSubmatch(e); m != nil {
		return t.resolve(m[1]+m[2], before)
	}
	// "this past spring" is the latest spring before now; "earlier in the year", this year
	if rest, ok := strings.CutPrefix(e, "this past "); ok {
		return t.resolve(rest, "it was")
	}
	if m := withinUnitRe.FindStringSubmatch(e); m != nil {
		return t.resolve("this "+m[1], before)
	}
	return "", ""
}

var (
	boundRe = regexp.MustCompile(`^(?:at least|at most|no more than|no less than|more than|less than|fewer than|within|nearly|almost|the latest|the year-earlier|the year-ago|the first|the final)\s+(.+)$`)
	moreRe  = regexp.MustCompile(`^(\S+)\s+(?:more|additional|further|trading|business|working|calendar)\s+(\S+)$`)
	hedgeRe = regexp.MustCompile(`^(.+?)\s+(?:or so|or later|or earlier|and beyond|or more|or less|or longer)(\s+ago)?$`)
	rangeRe = regexp.MustCompile(`^(\S+)\s+(?:to|or)\s+\S+\s+(\S+)$`)
	ageRe   = regexp.MustCompile(`^(\S+)-(\S+?)-old$`)

	withinUnitRe = regexp.MustCompile(`^(?:earlier|later) in the (year|month|week)$`)
)

var yearEnd = map[string]bool{"year-end": true, "year end": true, "year's end": true, "the year's end": true,
	"the end of the year": true, "end of the year": true, "the year-end": true}

var yearPeriodRe = regexp.MustCompile(`^(?:the\s+)?(\d{4})\s+(?:quarter|period)$`)

var modifierRe = regexp.MustCompile(`^(?:earlier|later|early|late|sometime|some time|around|about|by|until|since|through|the end of|end of|the middle of|the beginning of|the start of|the rest of|the remainder of|the balance of|much of|most of|the latter part of|the first part of|the (?:first|second|last|latter) half of|mid-?)\s+(.+)$`)

// referBack are the phrases that, after a quarter was named, mean that quarter again; yearBack
// those that mean the same quarter a year before.
var (
	referBack = map[string]bool{"the quarter": true, "that quarter": true, "the latest quarter": true,
		"the period": true, "the latest period": true, "that period": true, "the same period": true,
		"the same quarter": true, "this quarter": true, "the recent quarter": true, "the most recent quarter": true}
	yearBack = map[string]bool{"a year ago": true, "a year earlier": true, "year-earlier": true, "year-ago": true,
		"the year-earlier period": true, "the year-ago period": true, "year-ago period": true,
		"year-earlier period": true, "the year-ago quarter": true, "the year-earlier quarter": true,
		"the comparable period": true, "the corresponding quarter": true, "the comparable quarter": true, "the year before": true, "a year before": true}
)

// anaphoric resolves a phrase that points back at the quarter the article is about.
func (t *Timeline) anaphoric(e string) (string, bool) {
	q := t.quarter
	if q == "" || e == "the latest quarter" || e == "the most recent quarter" {
		if !referBack[e] && !(yearBack[e] && strings.Contains(e, "quarter")) {
			return "", false
		}
		if t.dct.IsZero() {
			return "", false // no date to count back from
		}
		q = lastQuarter(t.dct) // a report on a quarter comes out after it ends
	}
	y, n := atoi(q[:4]), q[6:]
	switch {
	case referBack[e]:
		return q, true
	case yearBack[e]:
		return fmt.Sprintf("%d-Q%s", y-1, n), true
	}
	return "", false
}

func lastQuarter(dct time.Time) string {
	q, y := (int(dct.Month())-1)/3, dct.Year()
	if q == 0 {
		q, y = 4, y-1
	}
	return fmt.Sprintf("%d-Q%d", y, q)
}

// futureWords and pastWords mark a sentence about what is still to come or what happened;
// futurePairs and pastPairs are the two-word marks, "going to" and "took place".
var (
	futureWords = lex.WordSet(`will won't shall scheduled plan plans upcoming effective starting due would`)
	futurePairs = lex.WordSet(`going_to expected_to expects_to planning_to set_to intend_to intends_to is_to are_to`)
	pastWords   = lex.WordSet(`was were had did held met signed began ended`)
	pastPairs   = lex.WordSet(`took_place`)
	// nounMarkers before "plan" make it the noun: "the plan", "its plans"
	nounMarkers = lex.WordSet(`the a an its his her their our this that these those`)
)

// tense reads the words before an expression in its sentence (at most eight): +1 when they
// speak of what is still to come ("will meet on Monday", "is scheduled for March 3"), -1 when
// of what happened ("was held on"), 0 when they do not say. A mark of the future wins.
func tense(before string) int {
	past := false
	// the words, lower-cased, and a pair of them are read in buffers, not new strings
	var wBuf, prevBuf, pairBuf [32]byte
	prev := prevBuf[:0]
	for w := range strings.FieldsSeq(before[lex.LastWordsStart(before, 8):]) {
		if strings.HasSuffix(w, "'ll") {
			return 1
		}
		lw := lex.AppendLower(wBuf[:0], strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }))
		pair := append(append(append(pairBuf[:0], prev...), '_'), lw...)
		switch {
		case (string(lw) == "plan" || string(lw) == "plans") && nounMarkers[string(prev)]:
			// "announced the plan Aug. 21": a noun, no mark of the future
		case futureWords[string(lw)], futurePairs[string(pair)]:
			return 1
		case pastWords[string(lw)], pastPairs[string(pair)]:
			past = true
		}
		prev = append(prevBuf[:0], lw...)
	}
	if past {
		return -1
	}
	return 0
}

// direct resolves a bare weekday, day or month in a sentence with a tense: in one about the
// future, the first one on or after publication; a day in one about the past, the last one on
// or before it. Otherwise it leaves them to Resolve.
func (t *Timeline) direct(e string, tense int) string {
	if tense == 0 {
		return ""
	}
	ahead := tense > 0
	if wd, ok := weekdays[strings.TrimPrefix(e, "on ")]; ok {
		if !ahead {
			return ""
		}
		d := t.dct.AddDate(0, 0, (int(wd)-int(t.dct.Weekday())+7)%7)
		return d.Format("2006-01-02")
	}
	var mo time.Month
	day := 0
	if m := monthDayRe.FindStringSubmatch(e); m != nil {
		mo, day = lex.MonthNames[m[2]], atoi(m[3])
	} else if m := dayMonthRe.FindStringSubmatch(e); m != nil {
		mo, day = lex.MonthNames[m[2]], atoi(m[1])
	} else if m := monthExprRe.FindStringSubmatch(e); m != nil && m[1] == "" {
		mo = lex.MonthNames[m[2]]
	} else {
		return ""
	}
	y := t.dct.Year()
	switch {
	case ahead && (mo < t.dct.Month() || (mo == t.dct.Month() && day > 0 && day < t.dct.Day())):
		y++
	case !ahead && (mo > t.dct.Month() || (mo == t.dct.Month() && day > t.dct.Day())):
		// a day of the coming month in a sentence about the past is still that day ("the
		// offer was extended to Nov. 16"), not one eleven months back
		if d := max(day, 1); day == 0 || time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Sub(t.dct) > 31*24*time.Hour {
			y--
		}
	}
	if day == 0 {
		return fmt.Sprintf("%04d-%02d", y, mo)
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, day)
}

// Date is a temporal expression in an article.
type Date = crosscheck.Date

// datePhrase finds the phrases that can name a time; Timeline decides which do and what.
// It is anchored, tried only where a word of dateStarts begins (see number.NextStart), and matched
// against text in ASCII lower case, which is faster than a case-folding pattern. The phrases
// are alternatives, the first that matches wins (see lex.Alternatives).
var datePhrase = lex.NewAlternatives([]string{
	// March 12, 2024 · Tuesday, Oct. 23 · 12 March 2024 · March 2024 · March
	`(?:` + weekdayRe + `,?\s+)?` + monthRe + `\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4})?`, // not "December 20" of "December 2007"
	`\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `(?:,?\s+\d{4})?`,
	`(?:(?:last|this|next|early|late|mid-?)\s*)?` + monthRe + `(?:,?\s+(?:of\s+)?\d{4})?`,
	// last Tuesday · Tuesday morning
	`(?:(?:this coming|this past|last|this|next|on|early|late|the previous|the following)\s+)?` + weekdayRe + `(?:\s+(?:morning|afternoon|evening|night))?`,
	`(?:(?:earlier|later|late|early)\s+)?(?:today|yesterday|tomorrow|tonight)`,
	`(?:(?:earlier|later|early|late)\s+)?(?:last|this|next|past|previous|coming)\s+(?:year|month|week|weekend|decade|quarter|morning|afternoon|evening)`,
	`(?:over|during|on)\s+the\s+weekend`,
	`(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+(?:ago|earlier|later)`,
	`(?:(?:nearly|almost|about|around|approximately|roughly|some|more than|over|less than|under|at least|up to|just over|just under)\s+)?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|ninety|hundred|several|a few|a couple of|\d+(?:\.\d+)?)[\s-]+(?:minutes?|hours?|days?|weeks?|months?|years?|decades?)(?:[\s-]long)?`,
	`(?:the\s+)?(?:first|second|third|fourth)[\s-]+quarter(?:\s+of\s+\d{4})?`,
	`(?:the\s+)?(?:first|second)\s+half\s+of\s+\d{4}`,
	`(?:(?:last|this|next|early|late)\s+)?(?:spring|summer|autumn|winter)(?:\s+(?:of\s+)?\d{4})?`,
	`(?:last|this|next|the)\s+fall(?:\s+of\s+\d{4})?`,
	`\d{1,2}(?:\s?:\s?\d{2}|\.\d{2})?\s*(?:a\.\s?m\.|p\.\s?m\.|am\b|pm\b)`,                                          // 3:33 a.m. · 5.30 a.m. · 3 : 33 a. m. (text split into tokens)
	`\d{1,2}(?:\s?:\s?\d{2}|\.\d{2})\s+(?:(?:last|this|yesterday|in the)\s+)?(?:morning|afternoon|evening|night)\b`, // 6:41 last night
	`\d{4}-\d{2}-\d{2}`,
	`(?:in|since|by|until|from|to|of|during|early|late|mid-?|fiscal|through|thru|between)\s+(?:19|20)\d{2}\b`,
	`(?:about|around|approximately|roughly|circa)\s+(?:19|20)\d{2}\b`, // about 1970: unless a count ("about 2000 people"), see Find
	`(?:the|a|an)\s+(?:19|20)\d{2}\s+[a-z]`,                           // the 2005 film · a 1997 conviction: the year of the noun after it
	`(?:the\s+)?(?:19|20)\d0s`,
})

// dateStartWords are dateStarts as NextStart reads them.
var dateStartWords = number.NewStarts(dateStarts)

// dateStarts are the words a date phrase can begin with.
var dateStarts = lex.WordSet(`sunday monday tuesday wednesday thursday friday saturday january jan
		february feb march mar april apr may june jun july jul august aug september sept sep october oct
		november nov december dec last this next early late mid on the previous following earlier later
		today yesterday tomorrow tonight past coming over during a an one two three four five six seven
		eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty ninety hundred several few
		couple nearly almost about around approximately roughly some more less under at up just first
		second third fourth spring summer autumn winter fall in since by until from to of fiscal through
		thru between circa`)

// timeUnits are the words one of which every date phrase holds.
var timeUnits = func() map[string]bool {
	m := map[string]bool{}
	for w := range lex.MonthNames {
		m[w] = true
	}
	for w := range weekdays {
		m[w] = true
	}
	for _, w := range strings.Fields(`today yesterday tomorrow tonight year years month months week weeks
		weekend weekends decade decades quarter quarters morning afternoon evening night day days hour
		hours minute minutes second seconds century centuries spring summer autumn winter fall ago a.m.
		p.m. am pm half`) {
		m[w] = true
	}
	return m
}()

// timeWords returns the offsets of the words of text that name a unit of time or a year.
func timeWords(text string, tokens []crosscheck.Span) []int {
	var out []int
	for _, t := range tokens {
		w := text[t[0]:t[1]]
		if isTimeWord(w) || w == "m" && t[0] >= 3 && (text[t[0]-3:t[0]] == "a. " || text[t[0]-3:t[0]] == "p. ") {
			out = append(out, t[0])
		}
	}
	return out
}

func isTimeWord(w string) bool {
	if len(w) >= 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isDigitByte(w[2]) && isDigitByte(w[3]) {
		return true // a year, "1990s", "2024-03-12"
	}
	if w[0] >= '0' && w[0] <= '9' && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
		return false
	}
	if len(w) <= maxTimeWord && isASCII(w) {
		if isTimeUnit(w) || w[len(w)-1] == '.' && isTimeUnit(w[:len(w)-1]) {
			return true
		}
		if i := strings.LastIndexByte(w, '-'); i >= 0 {
			return isTimeUnit(w[i+1:]) || isTimeUnit(w[:i])
		}
		return false
	}
	lw := strings.ToLower(w)
	if timeUnits[lw] || timeUnits[strings.TrimSuffix(lw, ".")] {
		return true
	}
	if i := strings.LastIndexByte(lw, '-'); i >= 0 {
		return timeUnits[lw[i+1:]] || timeUnits[lw[:i]] // "five-hour", "mid-march"
	}
	return false
}

// isTimeUnit reports whether the ASCII word k, in lower case, is one of timeUnits: looked up
// only when a unit of its first letter and length is, and then lowered into a buffer on the
// stack, not a new string.
func isTimeUnit(k string) bool {
	if k == "" {
		return false
	}
	first := k[0]
	if first >= 'A' && first <= 'Z' {
		first += 'a' - 'A'
	}
	if !timeShapes.May(first, len(k)) {
		return false
	}
	var buf [maxTimeWord]byte
	return timeUnits[string(lex.LowerASCII(buf[:0], k))]
}

// timeShapes are the shapes of timeUnits.
var timeShapes = lex.ShapesOf(timeUnits)

// maxTimeWord bounds the words isTimeWord lowers on the stack; longer ones are lowered anew.
const maxTimeWord = 32

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nextWordAfter returns the offset after the word that starts at s.
func nextWordAfter(text string, s int) int {
	for s < len(text) && lex.IsASCIIWord(text[s]) {
		s++
	}
	return s + 1
}

// foldedBuffers hold the lower-cased texts Find reads, only while it runs: one buffer kept
// from a text to the next instead of a new copy of each.
var foldedBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxLead bounds the text before a date phrase's first time word: "at least a couple of hours".
const maxLead = 32

// maxDateText bounds the text a date phrase may span.
const maxDateText = 80

// Find finds the temporal expressions of text, an article published at dct, and resolves
// each in its sentence. A phrase that resolves to nothing is not reported. sentences and
// tokens are text's (lex.Sentences, lex.Tokens).
func Find(text string, sentences, tokens []crosscheck.Span, dct time.Time) []Date {
	t := NewTimeline(dct)
	var out []Date
	si := 0
	anchors := timeWords(text, tokens)
	ai := 0
	var folded []byte // the text in ASCII lower case, read in windows, made at the first try
	buf := foldedBuffers.Get().(*[]byte)
	defer func() {
		if folded != nil {
			*buf = folded[:0]
		}
		foldedBuffers.Put(buf)
	}()
	for c := 0; c < len(text); {
		s := number.NextStart(text, c, dateStartWords, false)
		if s < 0 {
			break
		}
		// every date phrase holds a time word; try the expression only where one is near
		for ai < len(anchors) && anchors[ai] < s {
			ai++
		}
		if ai == len(anchors) {
			break
		}
		if anchors[ai] >= s+maxLead {
			c = nextWordAfter(text, s)
			continue
		}
		if folded == nil {
			folded = lex.LowerASCII((*buf)[:0], text)
		}
		end := min(len(text), s+maxDateText)
		lower := folded[s:end:end]
		m := datePhrase.FindIndex(lower)
		if mayBeSpokenDay(lower, m) {
			if sm := spokenPhrase.FindIndex(lower); sm != nil && (m == nil || sm[1] > m[1]) {
				m = sm // "March eighth", where datePhrase reads "March"
			}
		}
		if m == nil {
			c = s + 1
			continue
		}
		e := s + m[1]
		c = e
		phrase := text[s:e]
		if skipPhrase(text, s, phrase) {
			continue
		}
		for si < len(sentences) && sentences[si][1] <= s {
			si++
		}
		before := ""
		if si < len(sentences) && sentences[si][0] <= s {
			before = text[max(sentences[si][0], s-120):s] // tense reads eight words back
		}
		if strings.HasSuffix(phrase, ".") && !lex.MonthAbbrev(strings.ToLower(lex.LastWord(phrase[:len(phrase)-1]))) {
			phrase, e = phrase[:len(phrase)-1], e-1 // "in May." ends the sentence
		}
		if m := yearBeforeNoun.FindStringSubmatchIndex(phrase); m != nil {
			phrase, e = phrase[m[2]:m[3]], s+m[3] // the year alone
		}
		p := stripPreposition(phrase)
		if hedgedYear(strings.ToLower(p)) != "" && countAfterYear(text[e:]) {
			continue // "about 2000 people"
		}
		v, typ := t.Resolve(p, before)
		if dct.IsZero() && typ != "DURATION" && !NamesYear(p) {
			v = undated(p, v, typ)
		}
		if v == "" {
			continue
		}
		out = append(out, Date{Text: p, Start: e - len(p), End: e, Value: v, Type: typ})
		if len(v) == 4 && strings.HasSuffix(p, v) {
			// the second year of a span or a pair: "between 1998 and 2002", "1995 to 1998"
			if s2, e2 := secondYear(text, e); s2 >= 0 {
				out = append(out, Date{Text: text[s2:e2], Start: s2, End: e2, Value: text[s2:e2], Type: "DATE"})
				c = e2
			}
		}
	}
	return out
}

// undated gives what an expression without a year says when the article's date is unknown: a
// clock time on no known day ("3:33 a.m." → "XXXX-XX-XXT03:33"), a weekday of no known week
// ("Tuesday", "Tuesday night" → "XXXX-WXX-2", "XXXX-WXX-2TNI"), a day of no known year
// ("March 12" → "XXXX-03-12"); "" for the rest ("last month", "in March"), which need the date
// to mean anything.
func undated(expr, value, typ string) string {
	if value == "" {
		return ""
	}
	e := normalizeExpr(expr)
	if typ == "TIME" && len(value) > 10 && value[10] == 'T' && (timeRe.MatchString(e) || clockPartRe.MatchString(e)) && !weekdayIn(e) {
		return "XXXX-XX-XX" + value[10:]
	}
	if typ != "DATE" && typ != "TIME" {
		return ""
	}
	part := ""
	if i := strings.IndexByte(value, 'T'); i >= 0 {
		part = value[i:]
		if !partsOfDayCode[part] {
			return ""
		}
	}
	f := strings.Fields(e)
	if len(f) == 0 || len(f) > 3 {
		return ""
	}
	for _, w := range f {
		if _, ok := lex.MonthNames[strings.TrimSuffix(w, ".")]; ok {
			if typ == "DATE" && len(value) == 10 && part == "" {
				return "XXXX" + value[4:] // "June 24", "Tuesday, March 12": a day of an unknown year
			}
			return "" // "in March": a month of an unknown year, which reconcile does not compare
		}
	}
	for _, w := range f {
		if wd, ok := weekdays[strings.TrimSuffix(w, "'s")]; ok {
			return fmt.Sprintf("XXXX-WXX-%d", (int(wd)+6)%7+1) + part
		}
	}
	return ""
}

var partsOfDayCode = map[string]bool{"TMO": true, "TAF": true, "TEV": true, "TNI": true}

func weekdayIn(e string) bool {
	for _, w := range strings.Fields(e) {
		if _, ok := weekdays[w]; ok {
			return true
		}
	}
	return false
}

// yearBeforeNoun matches a year between an article and the noun it dates: "the 2005 film".
var yearBeforeNoun = regexp.MustCompile(`(?i)^(?:the|a|an)\s+((?:19|20)\d{2})\s+[a-z]`)

var leadingPreposition = regexp.MustCompile(`(?i)^(?:in|since|by|until|from|to|of|during|on|over|through|thru|between)\s+`)

// skipPhrase rejects phrases that only look like dates: "May" the verb, "March" the walk, a
// month abbreviation that is a word ("mar", "sep"), "may" in lower case.
func skipPhrase(text string, start int, phrase string) bool {
	first := phrase
	if i := strings.IndexAny(phrase, " ,"); i >= 0 {
		first = phrase[:i]
	}
	lf := strings.ToLower(strings.TrimSuffix(first, "."))
	if _, isMonth := lex.MonthNames[lf]; isMonth && (first == phrase || lf == first) {
		// a month alone must be capitalised; "May" and "March" alone need a date word nearby
		if first[0] < 'A' || first[0] > 'Z' {
			return true
		}
		if (lf == "may" || lf == "march" || len(lf) == 3) && first == phrase {
			before := strings.ToLower(lex.LastWord(text[max(0, start-12):start]))
			return !monthLead[before]
		}
	}
	return false
}

var monthLead = map[string]bool{"in": true, "since": true, "until": true, "by": true, "of": true,
	"last": true, "next": true, "this": true, "early": true, "late": true, "mid": true, "from": true,
	"through": true, "before": true, "after": true, "during": true, "to": true}

// NamesYear reports whether a temporal expression names its year, so that it means the same
// whenever it was written.
func NamesYear(expr string) bool { return holdsYear(expr) }

// Granularity names the unit a TIMEX3 date value is precise to: "day", "week", "month",
// "quarter", "season", "year", "decade", "time", or "" for durations and references.
func Granularity(value string) string {
	switch {
	case strings.Contains(value, "T") && len(value) > 10 && value[4] == '-':
		return "time"
	case len(value) == 10 && value[4] == '-':
		return "day"
	case strings.Contains(value, "-W"):
		return "week"
	case strings.Contains(value, "-Q"), strings.Contains(value, "-H"):
		return "quarter"
	case len(value) == 7 && value[4] == '-' && value[5] >= '0' && value[5] <= '9':
		return "month"
	case len(value) == 7 && value[4] == '-':
		return "season"
	case len(value) == 4:
		if _, err := strconv.Atoi(value); err == nil {
			return "year"
		}
	case len(value) == 3:
		return "decade"
	}
	return ""
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }
