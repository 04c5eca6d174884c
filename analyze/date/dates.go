package date

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
)

// Temporal expressions: a phrase that names a time ("Tuesday", "last month", "March 12, 2024",
// "the fourth quarter", "five hours") resolved against the article's publication date to a
// TIMEX3 value — "2025-12-02", "2025-11", "1989-Q4", "PT5H" — whose length is its granularity.

// Resolve returns the TIMEX3 value and type (DATE, TIME, DURATION, SET) of a temporal
// expression published at dct, or "" when it cannot say.
func Resolve(expr string, dct time.Time) (value, typ string) {
	return resolveOnce(expr, dct, resolve)
}

// resolve is Resolve, worked out.
func resolve(expr string, dct time.Time) (value, typ string) {
	e := normalizeExpr(expr)
	for _, r := range resolvers {
		if v, t := r(e, dct); v != "" {
			return v, t
		}
	}
	return "", ""
}

// exprPunct is how normalizeExpr spells curly quotes and dashes (built once: a Replacer's
// tables cost more than the replacing).
var exprPunct = strings.NewReplacer("’", "'", "‘", "'", "—", " ", "–", "-")

func normalizeExpr(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if strings.IndexByte(s, 0xE2) >= 0 { // the first byte of every mark exprPunct replaces
		s = exprPunct.Replace(s)
	}
	s = strings.Trim(s, ".,;:!? ")
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if strings.Contains(s, " : ") || strings.Contains(s, ". m") {
		s = splitClockRe.ReplaceAllString(s, "$1:$2")
		s = splitMeridiemRe.ReplaceAllString(s, "$1.m")
	}
	return spokenDays(s)
}

// singleSpaced reports an ASCII s whose words are parted by single spaces, with none at its
// ends: strings.Fields and a join by spaces give s back.
func singleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0x80 || b >= '\t' && b <= '\r':
			return false
		case b == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' '):
			return false
		}
	}
	return true
}

// splitClockRe and splitMeridiemRe join a clock time split into tokens: "3 : 33 a. m." is
// "3:33 a.m.".
var (
	splitClockRe    = regexp.MustCompile(`(\d) : (\d)`)
	splitMeridiemRe = regexp.MustCompile(`\b([ap])\. m\b`)
)

var resolvers = []func(e string, dct time.Time) (string, string){
	refs, sets, times, explicitDate, relativeDay, weekday, monthDay, monthYear, monthRelYear, month,
	quarter, half, season, relativeUnit, year, wordYear, decade, century, ago, vague, duration,
}

var weekdays = map[string]time.Weekday{"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3,
	"thursday": 4, "friday": 5, "saturday": 6}

const monthRe = `(january|jan|february|feb|march|mar|april|apr|may|june|jun|july|jul|august|aug|september|sept|sep|october|oct|november|nov|december|dec)\.?`
const weekdayRe = `(sunday|monday|tuesday|wednesday|thursday|friday|saturday)`

func refs(e string, dct time.Time) (string, string) {
	e = strings.TrimPrefix(e, "the ")
	switch e {
	case "now", "current", "currently", "present", "at present", "nowadays", "these days", "right now",
		"today's", "immediately", "this time", "the moment", "moment", "yet", "so far", "to date", "already":
		return "PRESENT_REF", "DATE"
	case "recently", "recent", "previously", "formerly", "past", "earlier", "once", "in the past",
		"lately", "before", "former", "last", "ago", "the past", "once again", "more recently",
		"then current", "then-current":
		return "PAST_REF", "DATE"
	case "future", "soon", "later", "eventually", "someday", "coming", "next", "in the future", "near future",
		"upcoming", "shortly", "ahead", "the future", "near term", "short term", "as soon as possible",
		"a later date", "later date", "sooner or later":
		return "FUTURE_REF", "DATE"
	}
	if strings.HasPrefix(e, "future ") {
		return "FUTURE_REF", "DATE" // "future quarters"
	}
	return "", ""
}

var everyRe = regexp.MustCompile(`^(?:each|every|per|a)\s+(year|month|week|day|quarter|hour)$`)
var everyNamedRe = regexp.MustCompile(`^(?:each|every)\s+(\w+)$|^(\w+day)(?:s|\s+(morning|afternoon|evening|night)s)$`)

func sets(e string, _ time.Time) (string, string) {
	switch e {
	case "daily", "every day", "each day":
		return "XXXX-XX-XX", "SET"
	case "annually", "yearly", "every year", "each year", "a year", "per year":
		return "P1Y", "SET"
	case "monthly":
		return "P1M", "SET"
	case "weekly":
		return "P1W", "SET"
	case "hourly":
		return "PT1H", "SET"
	case "quarterly":
		return "P1Q", "SET"
	}
	if m := everyRe.FindStringSubmatch(e); m != nil {
		return "P1" + unitCode(m[1]), "SET"
	}
	if m := everyNamedRe.FindStringSubmatch(e); m != nil {
		name := m[1] + m[2]
		if wd, ok := weekdays[name]; ok {
			return fmt.Sprintf("XXXX-WXX-%d%s", (int(wd)+6)%7+1, partsOfDay[m[3]]), "SET"
		}
		if mo, ok := lex.MonthNames[name]; ok && m[1] != "" && len(name) > 3 {
			return fmt.Sprintf("XXXX-%02d", mo), "SET"
		}
	}
	return "", ""
}

var partsOfDay = map[string]string{"morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI",
	"tonight": "TNI", "overnight": "TNI"}

var timeRe = regexp.MustCompile(`^(?:(?:around|about|at|by)\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m|p\.?m)\.?(?:\s+(?:est|edt|pst|pdt|cst|cdt|gmt|utc|et|pt))?(?:,?\s+(.*))?$`)

func times(e string, dct time.Time) (string, string) {
	e = strings.TrimPrefix(e, "the ")
	day := dct
	rest := e
	for _, pre := range []string{"mid-", "mid ", "early ", "late ", "later "} {
		rest = strings.TrimPrefix(rest, pre)
	}
	words := strings.Fields(rest)
	if len(words) == 0 {
		return "", ""
	}
	if v := clockOfPart(rest, dct); v != "" {
		return v, "TIME"
	}
	// "this morning", "last night", "Thursday evening", "mid-afternoon yesterday"
	if code, ok := partsOfDay[words[len(words)-1]]; ok || len(words) > 1 {
		var dayWords []string
		for _, w := range words {
			if c, ok := partsOfDay[w]; ok {
				code = c
				continue
			}
			dayWords = append(dayWords, w)
		}
		if code == "" {
			goto clock
		}
		d := strings.Join(dayWords, " ")
		switch d {
		case "", "this", "today":
		case "last", "yesterday":
			day = dct.AddDate(0, 0, -1)
			if d == "last" && code != "TNI" {
				return "", ""
			}
		case "tomorrow":
			day = dct.AddDate(0, 0, 1)
		default:
			if v, _ := weekday(d, dct); v != "" {
				t, err := time.Parse("2006-01-02", v)
				if err != nil {
					return "", ""
				}
				day = t
			} else {
				return "", ""
			}
		}
		if rest == "tonight" || rest == "overnight" {
			code = "TNI"
		}
		return day.Format("2006-01-02") + code, "TIME"
	}
clock:
	switch {
	case strings.HasPrefix(rest, "midnight"):
		// midnight ends the day it is named with: "midnight Friday" is Friday's T24
		if d := strings.TrimSpace(strings.TrimPrefix(rest, "midnight")); d != "" {
			if v := resolveDay(d, dct); v != "" {
				return v + "T24", "TIME"
			}
			return "", ""
		}
		return dct.Format("2006-01-02") + "T24", "TIME"
	case strings.HasPrefix(rest, "noon"):
		if d := strings.TrimSpace(strings.TrimPrefix(rest, "noon")); d != "" {
			if v, _ := weekday(d, dct); v != "" {
				return v + "T12:00", "TIME"
			}
		}
		return dct.Format("2006-01-02") + "T12:00", "TIME"
	}
	if m := timeRe.FindStringSubmatch(rest); m != nil {
		h, _ := strconv.Atoi(m[1])
		if h == 0 || h > 12 {
			return "", "" // "30 a.m." is the end of "5.30 a.m." read from its dot
		}
		if strings.HasPrefix(m[3], "p") && h < 12 {
			h += 12
		} else if strings.HasPrefix(m[3], "a") && h == 12 {
			h = 0 // 12:30 a.m. is half an hour after midnight
		}
		min := "00"
		if m[2] != "" {
			min = m[2]
		}
		d := dct.Format("2006-01-02")
		if m[4] != "" {
			if v := resolveDay(normalizeExpr(m[4]), dct); v != "" {
				d = v
			}
		}
		return fmt.Sprintf("%sT%02d:%s", d, h, min), "TIME"
	}
	return "", ""
}

// clockPartRe matches a clock time without a.m. or p.m. that the part of the day after it
// settles: "6:41 last night", "8:15 this morning", "9.30 in the evening".
var clockPartRe = regexp.MustCompile(`^(\d{1,2})\s?[:.]\s?(\d{2})\s+(?:(last|this|yesterday|in the)\s+)?(morning|afternoon|evening|night|tonight)$`)

// clockOfPart resolves a clock time settled by a part of the day, or "": the morning is
// before noon, the afternoon and the evening after it, the night after six in the evening
// and before six in the morning ("2:30 last night" is 02:30 of the day after).
func clockOfPart(e string, dct time.Time) string {
	m := clockPartRe.FindStringSubmatch(e)
	if m == nil {
		return ""
	}
	h, min := atoi(m[1]), m[2]
	if h == 0 || h > 12 {
		return ""
	}
	day := dct
	if m[3] == "last" || m[3] == "yesterday" {
		day = dct.AddDate(0, 0, -1)
	}
	switch part := m[4]; {
	case part == "morning":
		h %= 12
	case part == "afternoon" || part == "evening":
		h = h%12 + 12
	case h >= 6 && h < 12:
		h += 12 // "at 9 last night"
	default:
		h %= 12 // "at 2 last night" is after midnight
		day = day.AddDate(0, 0, 1)
	}
	return fmt.Sprintf("%sT%02d:%s", day.Format("2006-01-02"), h, min)
}

var explicitDateRe = regexp.MustCompile(`^(?:` + weekdayRe + `,?\s+)?` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$`)
var dayMonthYearRe = regexp.MustCompile(`^(\d{1,2})\s+` + monthRe + `,?\s+(\d{4})$`)
var isoRe = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})$`)
var slashRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2,4})$`)

// resolveDay resolves an expression that names a day, or "".
func resolveDay(e string, dct time.Time) string {
	for _, r := range []func(string, time.Time) (string, string){explicitDate, relativeDay, weekday, monthDay} {
		if v, _ := r(e, dct); len(v) == 10 {
			return v
		}
	}
	return ""
}

func explicitDate(e string, _ time.Time) (string, string) {
	if m := explicitDateRe.FindStringSubmatch(e); m != nil {
		d, _ := strconv.Atoi(m[3])
		return fmt.Sprintf("%s-%02d-%02d", m[4], lex.MonthNames[m[2]], d), "DATE"
	}
	if m := dayMonthYearRe.FindStringSubmatch(e); m != nil {
		d, _ := strconv.Atoi(m[1])
		return fmt.Sprintf("%s-%02d-%02d", m[3], lex.MonthNames[m[2]], d), "DATE"
	}
	if m := isoRe.FindStringSubmatch(e); m != nil {
		return e, "DATE"
	}
	if m := slashRe.FindStringSubmatch(e); m != nil {
		mo, _ := strconv.Atoi(m[1])
		d, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if y < 100 {
			y += 1900
			if y < 1950 {
				y += 100
			}
		}
		return fmt.Sprintf("%04d-%02d-%02d", y, mo, d), "DATE"
	}
	return "", ""
}

func relativeDay(e string, dct time.Time) (string, string) {
	switch e {
	case "today", "this day", "the day", "that day", "the same day", "earlier today", "later today":
		return dct.Format("2006-01-02"), "DATE"
	case "yesterday", "a day earlier", "the day before":
		return dct.AddDate(0, 0, -1).Format("2006-01-02"), "DATE"
	case "tomorrow", "the next day", "a day later":
		return dct.AddDate(0, 0, 1).Format("2006-01-02"), "DATE"
	}
	return "", ""
}

var weekdayExprRe = regexp.MustCompile(`^(?:(last|this|next|on|early|late)\s+)?` + weekdayRe + `(?:'s)?$`)

// weekday resolves a weekday: bare or "this", the most recent such day on or before
// publication (news reports what happened); "last" the one before; "next" the one after.
func weekday(e string, dct time.Time) (string, string) {
	m := weekdayExprRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	want := weekdays[m[2]]
	back := (int(dct.Weekday()) - int(want) + 7) % 7
	d := dct.AddDate(0, 0, -back)
	switch m[1] {
	case "last":
		if back == 0 {
			d = d.AddDate(0, 0, -7)
		}
	case "next":
		d = dct.AddDate(0, 0, (int(want)-int(dct.Weekday())+7)%7)
		if d.Equal(dct) {
			d = d.AddDate(0, 0, 7)
		}
	}
	return d.Format("2006-01-02"), "DATE"
}

var monthDayRe = regexp.MustCompile(`^(?:` + weekdayRe + `,?\s+)?` + monthRe + `\s+(\d{1,2})(?:st|nd|rd|th)?$`)
var dayMonthRe = regexp.MustCompile(`^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRe + `$`)

// monthDay resolves a day without a year to the year that puts it nearest publication.
func monthDay(e string, dct time.Time) (string, string) {
	var mo time.Month
	var d int
	if m := monthDayRe.FindStringSubmatch(e); m != nil {
		mo, d = lex.MonthNames[m[2]], atoi(m[3])
	} else if m := dayMonthRe.FindStringSubmatch(e); m != nil {
		mo, d = lex.MonthNames[m[2]], atoi(m[1])
	} else {
		return "", ""
	}
	best := time.Time{}
	for y := dct.Year() - 1; y <= dct.Year()+1; y++ {
		t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
		// news reports the past more than the future: a future date must be clearly nearer
		if best.IsZero() || weighted(t.Sub(dct)) < weighted(best.Sub(dct)) {
			best = t
		}
	}
	return best.Format("2006-01-02"), "DATE"
}

var monthYearRe = regexp.MustCompile(`^(?:(?:early|late|mid|mid-)\s*)?` + monthRe + `,?\s+(?:of\s+)?(\d{4})$`)

func monthYear(e string, _ time.Time) (string, string) {
	if m := monthYearRe.FindStringSubmatch(e); m != nil {
		return fmt.Sprintf("%s-%02d", m[2], lex.MonthNames[m[1]]), "DATE"
	}
	return "", ""
}

var monthExprRe = regexp.MustCompile(`^(?:(last|this|next|early|late|mid|the end of|the beginning of|end of|beginning of)\s*-?\s*)?` + monthRe + `$`)

// month resolves a month without a year: "last April" the latest April before publication,
// "next" the first after, "this" the one of publication's year, bare the one nearest
// publication.
func month(e string, dct time.Time) (string, string) {
	m := monthExprRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	mo := lex.MonthNames[m[2]]
	y := dct.Year()
	switch m[1] {
	case "last":
		// the latest one before this month, but not the month just past, which would be
		// "last month": "last February" in March is a year ago
		d := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC)
		for !d.Before(time.Date(dct.Year(), dct.Month()-1, 1, 0, 0, 0, 0, time.UTC)) {
			d = d.AddDate(-1, 0, 0)
		}
		y = d.Year()
	case "next":
		if mo <= dct.Month() {
			y++
		}
	case "this":
		// this year's: "this September" in February is seven months ahead
	default:
		// a month named alone is one that has begun (news reports what happened), unless it
		// is one of the next three, which news announces
		ahead := (int(mo) - int(dct.Month()) + 12) % 12
		switch {
		case ahead >= 1 && ahead <= 3 && mo < dct.Month():
			y++
		case ahead > 3 && mo > dct.Month():
			y--
		}
	}
	return fmt.Sprintf("%04d-%02d", y, mo), "DATE"
}

var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

var quarterRe = regexp.MustCompile(`^(?:the\s+)?(?:(latest|last|this|current|previous|past|same|year-earlier|year-ago)\s+)?(?:(first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?:fiscal\s+)?quarters?(?:\s+of\s+(\d{4})|\s+(\d{4}))?$`)
var quarterYearRe = regexp.MustCompile(`^(?:the\s+)?(?:fiscal\s+)?(\d{4})(?:'s)?\s+(first|second|third|fourth)[\s-]+quarter$`)
var qRe = regexp.MustCompile(`^q([1-4])(?:\s+(\d{4}))?$`)

// quarter resolves "the fourth quarter", "third-quarter", "the quarter": a quarter of the
// publication year unless that quarter has not begun, then of the year before.
func quarter(e string, dct time.Time) (string, string) {
	curQ := (int(dct.Month())-1)/3 + 1
	e, shift := quarterOwner(e)
	if shift != 0 {
		if v, typ := quarter(e, dct); v != "" && v[4] == '-' {
			return fmt.Sprintf("%d%s", atoi(v[:4])+shift, v[4:]), typ
		}
		return "", ""
	}
	if m := quarterYearRe.FindStringSubmatch(e); m != nil {
		return fmt.Sprintf("%s-Q%d", m[1], ordinals[m[2]]), "DATE"
	}
	if m := qRe.FindStringSubmatch(e); m != nil {
		y := dct.Year()
		if m[2] != "" {
			y = atoi(m[2])
		}
		return fmt.Sprintf("%d-Q%s", y, m[1]), "DATE"
	}
	m := quarterRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	y := dct.Year()
	if m[3] != "" {
		y = atoi(m[3])
	} else if m[4] != "" {
		y = atoi(m[4])
	}
	switch {
	case m[2] != "":
		q := ordinals[m[2]]
		if q > curQ && m[3] == "" && m[4] == "" {
			y--
		}
		if m[1] == "year-earlier" || m[1] == "year-ago" {
			y--
		}
		return fmt.Sprintf("%d-Q%d", y, q), "DATE"
	case m[1] == "latest" || m[1] == "last" || m[1] == "previous" || m[1] == "past":
		q := curQ - 1
		if q == 0 {
			q, y = 4, y-1
		}
		return fmt.Sprintf("%d-Q%d", y, q), "DATE"
	case m[1] == "year-earlier" || m[1] == "year-ago":
		q := curQ - 1
		if q == 0 {
			q, y = 4, y-1
		}
		return fmt.Sprintf("%d-Q%d", y-1, q), "DATE"
	case m[1] == "this" || m[1] == "current":
		return fmt.Sprintf("%d-Q%d", y, curQ), "DATE"
	}
	return fmt.Sprintf("%d-QX", y), "DATE"
}

var quarterOwnerRe = regexp.MustCompile(`^(?:(this|next|last) year's|its|their|the fiscal|fiscal)\s*-?\s*(.*quarter)$`)

// quarterOwner strips what may stand before a quarter's number — "its", "this year's",
// "fiscal" — and says how many years "next year's" or "last year's" shifts it.
func quarterOwner(e string) (string, int) {
	m := quarterOwnerRe.FindStringSubmatch(e)
	if m == nil {
		return e, 0
	}
	switch m[1] {
	case "next":
		return m[2], 1
	case "last":
		return m[2], -1
	}
	return m[2], 0
}

var halfRe = regexp.MustCompile(`^(?:the\s+)?(first|second|last|latter|first two|last two)[\s-]+(?:half|quarters)(?:\s+of\s+(\d{4}))?$`)

func half(e string, dct time.Time) (string, string) {
	m := halfRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	y := dct.Year()
	if m[2] != "" {
		y = atoi(m[2])
	}
	if strings.HasSuffix(e, "quarters") && !strings.Contains(m[1], "two") {
		return "", "" // "the first quarters" are no half
	}
	h := 1
	if m[1] != "first" && m[1] != "first two" {
		h = 2 // "the second half", "the last half", "the last two quarters"
	}
	return fmt.Sprintf("%d-H%d", y, h), "DATE"
}

var seasons = map[string]string{"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
var seasonRe = regexp.MustCompile(`^(?:(last|this|next|early|late)\s+)?(spring|summer|fall|autumn|winter)(?:\s+of\s+(\d{4})|\s+(\d{4}))?$`)

func season(e string, dct time.Time) (string, string) {
	e = strings.TrimPrefix(e, "the ")
	// "the winter of nineteen ninety-four"
	if head, rest, ok := strings.Cut(e, " of "); ok && seasons[head] != "" {
		if y, _ := wordYear(rest, dct); y != "" {
			return y + "-" + seasons[head], "DATE"
		}
	}
	m := seasonRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	y := dct.Year()
	switch {
	case m[3] != "":
		y = atoi(m[3])
	case m[4] != "":
		y = atoi(m[4])
	case m[1] == "last":
		y--
	case m[1] == "next":
		y++
	}
	return fmt.Sprintf("%d-%s", y, seasons[m[2]]), "DATE"
}

var relUnitRe = regexp.MustCompile(`^(?:the\s+)?(last|this|next|past|previous|coming|current|latest|same)\s+(year|month|week|weekend|decade|century)$`)

// relativeUnit resolves "last year", "this month", "next week", "the weekend".
func relativeUnit(e string, dct time.Time) (string, string) {
	switch e {
	case "the year", "the current year", "year":
		return strconv.Itoa(dct.Year()), "DATE"
	case "the weekend", "this weekend", "weekend", "over the weekend":
		// the weekend that has begun: the Saturday on or before publication
		sat := dct.AddDate(0, 0, -((int(dct.Weekday()) + 1) % 7))
		y, w := sat.ISOWeek()
		return fmt.Sprintf("%d-W%02d-WE", y, w), "DATE"
	case "the full year", "the fiscal year", "the current fiscal year", "this fiscal year", "the calendar year":
		return strconv.Itoa(dct.Year()), "DATE"
	case "the month":
		return dct.Format("2006-01"), "DATE"
	case "the week":
		y, w := dct.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w), "DATE"
	}
	m := relUnitRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	shift := 0
	switch m[1] {
	case "last", "past", "previous":
		shift = -1
	case "next", "coming":
		shift = 1
	}
	switch m[2] {
	case "year":
		return strconv.Itoa(dct.Year() + shift), "DATE"
	case "month":
		return dct.AddDate(0, shift, 0).Format("2006-01"), "DATE"
	case "week", "weekend":
		y, w := dct.AddDate(0, 0, 7*shift).ISOWeek()
		if m[2] == "weekend" {
			return fmt.Sprintf("%d-W%02d-WE", y, w), "DATE"
		}
		return fmt.Sprintf("%d-W%02d", y, w), "DATE"
	case "decade":
		return fmt.Sprintf("%03d", max(0, dct.Year()/10+shift)), "DATE"
	}
	return "", ""
}

var yearRe = regexp.MustCompile(`^(?:(?:early|late|mid|mid-|fiscal|the year|calendar)\s*)?(\d{4})$`)

func year(e string, _ time.Time) (string, string) {
	if m := yearRe.FindStringSubmatch(e); m != nil {
		return m[1], "DATE"
	}
	if y := hedgedYear(e); y != "" {
		return y, "DATE" // "about 1970"
	}
	return "", ""
}

var decadeRe = regexp.MustCompile(`^(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(\d{3})0'?s$|^(?:the\s+)?'(\d)0s$`)

func decade(e string, _ time.Time) (string, string) {
	if m := decadeRe.FindStringSubmatch(e); m != nil {
		if m[1] != "" {
			return m[1], "DATE"
		}
		return "19" + m[2], "DATE"
	}
	return "", ""
}

var durationRe = regexp.MustCompile(`^(?:the\s+)?(?:(?:last|past|next|first|coming|previous|final|recent|nearly|almost|about|more than|less than|up to|over|some|roughly|at least|only|just|another|an additional)\s+)*(.*?)[\s-]*(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century|quarters?)(?:\s+(?:ago|earlier|later|long|old|period|term))?$`)

// duration resolves "five years", "the past three months", "a two-week", "weeks": P5Y, P3M,
// P2W, PXW; hours, minutes and seconds take the T.
func duration(e string, dct time.Time) (string, string) {
	if v := halfMore(e, dct); v != "" {
		return v, "DURATION"
	}
	m := durationRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	n, ok := number.Count(strings.TrimSpace(m[1]))
	if !ok {
		return "", ""
	}
	unit := unitCode(m[2])
	count := "X"
	if n > 0 {
		count = strconv.Itoa(n)
	}
	if n == 0 && strings.TrimSpace(m[1]) == "" && !strings.HasSuffix(m[2], "s") {
		count = "1"
	}
	if unit == "DE" && n > 0 {
		return "P" + strconv.Itoa(10*n) + "Y", "DURATION"
	}
	if unit == "DE" || unit == "CE" {
		return "P" + count + unit, "DURATION"
	}
	if unit == "H" || unit == "MIN" || unit == "S" {
		if unit == "MIN" {
			unit = "M"
		}
		if unit == "H" && n == 24 {
			return "P1D", "DURATION"
		}
		return "PT" + count + unit, "DURATION"
	}
	return "P" + count + unit, "DURATION"
}

// halves are half of each unit in the next smaller one, as TIMEX3 writes it.
var halves = map[string]string{"Y": "6M", "D": "T12H", "H": "30M", "MIN": "30S"}

var halfMoreRe = regexp.MustCompile(`^(.+?)\s+(?:and a half|1/2|½)\s+(years?|days?|hours?|minutes?)$|^(.+?)\s+(years?|days?|hours?|minutes?)\s+and a half$`)

// halfMore resolves a length and a half: "2 1/2 years" is P2Y6M, "a minute and a half" PT1M30S.
func halfMore(e string, dct time.Time) string {
	m := halfMoreRe.FindStringSubmatch(e)
	if m == nil {
		return ""
	}
	count, unit := m[1], m[2]
	if count == "" {
		count, unit = m[3], m[4]
	}
	whole, _ := duration(count+" "+strings.TrimSuffix(unit, "s")+"s", dct)
	half := halves[unitCode(unit)]
	if whole == "" || strings.Contains(whole, "X") || half == "" {
		return ""
	}
	if strings.HasPrefix(half, "T") && strings.Contains(whole, "T") {
		half = half[1:]
	}
	return whole + half
}

func unitCode(u string) string {
	switch strings.TrimSuffix(u, "s") {
	case "year":
		return "Y"
	case "month":
		return "M"
	case "week":
		return "W"
	case "day":
		return "D"
	case "hour":
		return "H"
	case "minute":
		return "MIN"
	case "second":
		return "S"
	case "decade":
		return "DE"
	case "centurie", "century":
		return "CE"
	case "quarter":
		return "Q"
	}
	return ""
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// weighted is a distance in time with the future counted a tenth further.
func weighted(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d + d/10
}

var monthRelYearRe = regexp.MustCompile(`^` + monthRe + `\s+(this|last|next)\s+year$`)

// monthRelYear resolves "January this year", "June last year".
func monthRelYear(e string, dct time.Time) (string, string) {
	m := monthRelYearRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	y := dct.Year()
	switch m[2] {
	case "last":
		y--
	case "next":
		y++
	}
	return fmt.Sprintf("%d-%02d", y, lex.MonthNames[m[1]]), "DATE"
}

var yearWordsRe = regexp.MustCompile(`^(?:(?:the\s+)?year\s+)?(nineteen|twenty)\s+(.+)$`)

// wordYear reads a year in words: "nineteen ninety-six", "the year two thousand".
func wordYear(e string, _ time.Time) (string, string) {
	e = strings.TrimPrefix(strings.TrimPrefix(e, "the "), "year ")
	if e == "two thousand" {
		return "2000", "DATE"
	}
	var month string
	if fs := strings.Fields(e); len(fs) > 2 {
		if mo, ok := lex.MonthNames[fs[0]]; ok {
			month = fmt.Sprintf("-%02d", mo)
			e = strings.Join(fs[1:], " ")
		}
	}
	m := yearWordsRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	n, ok := number.Count(m[2])
	if !ok || n <= 0 || n > 99 {
		return "", ""
	}
	century := 19
	if m[1] == "twenty" {
		century = 20
	}
	return fmt.Sprintf("%d%02d%s", century, n, month), "DATE"
}

var decadeWords = map[string]string{"twenties": "2", "thirties": "3", "forties": "4", "fifties": "5",
	"sixties": "6", "seventies": "7", "eighties": "8", "nineties": "9"}
var centuryRe = regexp.MustCompile(`^(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)[\s-]+century$`)

// century resolves "the 20th century" (19) and "the nineties" (199).
func century(e string, dct time.Time) (string, string) {
	if m := centuryRe.FindStringSubmatch(e); m != nil {
		return fmt.Sprintf("%02d", atoi(m[1])-1), "DATE"
	}
	w := strings.TrimPrefix(strings.TrimPrefix(e, "the "), "early ")
	if d, ok := decadeWords[w]; ok {
		c := dct.Year() / 100
		if d > strconv.Itoa(dct.Year()/10%10) {
			c--
		}
		return fmt.Sprintf("%d%s", c, d), "DATE"
	}
	return "", ""
}

var agoRe = regexp.MustCompile(`^(?:(?:nearly|almost|about|some|more than|roughly|just|only|over)\s+)?(.*?)\s+(years?|months?|weeks?|days?)\s+(ago|earlier|before)$`)

// ago resolves "two years ago" (1996), "10 days ago" (a date), "a few years ago" (199X),
// "several years ago" (PAST_REF): a point in the past at the unit's granularity.
func ago(e string, dct time.Time) (string, string) {
	m := agoRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	n, ok := number.Count(m[1])
	if !ok {
		return "", ""
	}
	unit := strings.TrimSuffix(m[2], "s")
	if n <= 0 {
		if strings.Contains(m[1], "few") && unit == "year" {
			return strconv.Itoa(dct.Year()/10) + "X", "DATE"
		}
		return "PAST_REF", "DATE"
	}
	switch unit {
	case "year":
		return strconv.Itoa(dct.Year() - n), "DATE"
	case "month":
		return dct.AddDate(0, -n, 0).Format("2006-01"), "DATE"
	case "week":
		return dct.AddDate(0, 0, -7*n).Format("2006-01-02"), "DATE"
	}
	return dct.AddDate(0, 0, -n).Format("2006-01-02"), "DATE"
}

var vagueRe = regexp.MustCompile(`^(?:the\s+)?(recent|coming|next few|last few|past few|upcoming|following|past several|last several)\s+(years|months|weeks|days|quarters)$`)

// vague resolves an uncounted stretch of time around publication: "recent days" is the past,
// "coming months" the future.
func vague(e string, _ time.Time) (string, string) {
	m := vagueRe.FindStringSubmatch(e)
	if m == nil {
		return "", ""
	}
	switch m[1] {
	case "next few", "last few", "past few", "past several", "last several":
		// "the next few days" is a stretch of uncounted length
		return "PX" + unitCode(m[2]), "DURATION"
	case "coming", "upcoming", "following":
		return "FUTURE_REF", "DATE"
	}
	return "PAST_REF", "DATE"
}
