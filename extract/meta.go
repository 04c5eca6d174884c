package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/araddon/dateparse"

	"github.com/crosscheck/crosscheck"
)

// tokenisedColon is a clock time split by a tokeniser ("07 : 44"); read as one, the minutes
// would be taken for a year.
var tokenisedColon = regexp.MustCompile(`(\d) : (\d)`)

// fourDigits and twoDigits find the numbers a date text could give its year with.
var (
	fourDigits = regexp.MustCompile(`(?:^|\D)(\d{4})(?:\D|$)`)
	twoDigits  = regexp.MustCompile(`(?:^|\D)(\d{2})(?:\D|$)`)
	allDigits  = regexp.MustCompile(`^\d{9,}$`)
)

// NormalizeDate parses a date in any common notation and returns it as RFC 3339: a date alone
// ("2025-12-03") when the input has no time of day, else the date and time in the zone the
// input gives. Input that is not a date, or that names no year ("APR 28"), gives "": a year is
// never guessed.
func NormalizeDate(s string) string {
	s = tokenisedColon.ReplaceAllString(strings.TrimSpace(s), "$1:$2")
	if s == "" {
		return ""
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil || !namesYear(s, t.Year()) {
		return ""
	}
	t = inNamedZone(t, s)
	if !strings.Contains(s, ":") {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

// zoneOffsets are the offsets of zone abbreviations news pages print (from the IANA time zone
// database), so that "21:44 EST" keeps the page's clock and zone; the parser gives an
// abbreviation it does not know offset zero. CST is read as US Central, as on American pages.
var zoneOffsets = map[string]int{
	"EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
	"AKST": -9, "AKDT": -8, "HST": -10, "WET": 0, "WEST": 1, "BST": 1, "CET": 1, "CEST": 2,
	"EET": 2, "EEST": 3, "MSK": 3, "JST": 9, "KST": 9, "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
}

// inNamedZone returns t, parsed from s, at the same clock time in the zone s names, when the
// parser named the zone (it keeps three letters of "CEST") but gave it no offset.
func inNamedZone(t time.Time, s string) time.Time {
	name, off := t.Zone()
	if off != 0 || name == "UTC" || name == "" {
		return t
	}
	for _, f := range strings.Fields(s) {
		f = strings.Trim(f, "(),.")
		if h, ok := zoneOffsets[f]; ok && strings.HasPrefix(f, name) {
			return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(),
				time.FixedZone(f, h*3600))
		}
	}
	return t
}

// namesYear reports whether text s gives year y: as four digits, as two when s has no
// four-digit number ("7/2/13"), or as a Unix timestamp.
func namesYear(s string, y int) bool {
	if allDigits.MatchString(s) {
		return true
	}
	years := fourDigits.FindAllStringSubmatch(s, -1)
	for _, m := range years {
		if n, _ := strconv.Atoi(m[1]); n == y {
			return true
		}
	}
	if len(years) > 0 {
		return false
	}
	for _, m := range twoDigits.FindAllStringSubmatch(s, -1) {
		if n, _ := strconv.Atoi(m[1]); n == y%100 {
			return true
		}
	}
	return false
}

// earliestPublished is the first year a publication date may fall in; an earlier one is a
// birth date, a founding year or a parser's zero.
const earliestPublished = 1900

// zoneAhead is how far ahead of UTC a page's own time zone can be (UTC+14), so a date alone is
// in the future only once its day has begun nowhere.
const zoneAhead = 14 * time.Hour

// clockSkew is how far a page's clock may run ahead of the fetcher's.
const clockSkew = time.Hour

// datedRule is one reason a date a page gives is refused as its publication or modification
// date; its name is the rule the article's warning says.
type datedRule struct {
	name    string
	example string
	refuse  func(t time.Time, dateOnly bool, now time.Time) bool
}

// dateRules are tried in order; the first that refuses a date names the warning.
var dateRules = []datedRule{
	{"before-1900", `"0001-01-01", "1850-05-04"`, func(t time.Time, _ bool, _ time.Time) bool {
		return t.Year() < earliestPublished
	}},
	{"future", `"2044-07-02" fetched on 2026-12-01`, func(t time.Time, dateOnly bool, now time.Time) bool {
		if !knownClock(now) {
			return false
		}
		if dateOnly {
			return t.Add(-zoneAhead).After(now)
		}
		return t.After(now.Add(clockSkew))
	}},
}

// knownClock reports whether a fetch time is a time: not zero, and not the Unix epoch that
// stands for an unknown one.
func knownClock(t time.Time) bool {
	return !t.IsZero() && t.Unix() > 0
}

// candidateDate is one date a document gives for a field, and where in the page it stands.
type candidateDate struct {
	raw    string
	source int // byte offset in the decoded page; -1 when not in it
}

// chooseDate returns the first candidate that reads as a date and that no rule refuses, in
// normal form, and a warning for each candidate refused on the way ("published-future"). A
// candidate on the day of one refused (the extractor's reading of the same stamp) is passed
// over.
func chooseDate(field string, cands []candidateDate, now time.Time) (string, []crosscheck.Removal) {
	var warnings []crosscheck.Removal
	refusedDays := map[string]bool{}
	for _, c := range cands {
		d := NormalizeDate(c.raw)
		if d == "" && c.source < 0 && strings.TrimSpace(c.raw) != "" {
			// a date the input gave in its own field (a manifest, a record, a feed) that reads as
			// no date is the user's to know about; a page's metadata is too noisy to warn on
			warnings = append(warnings, crosscheck.Removal{Text: strings.TrimSpace(c.raw), Rule: field + "-unreadable", Source: -1})
		}
		if d == "" || refusedDays[d[:10]] {
			continue // a later reading of a refused date is refused with it
		}
		t, dateOnly := parseNormal(d)
		refused := false
		for _, r := range dateRules {
			if r.refuse(t, dateOnly, now) {
				warnings = append(warnings, crosscheck.Removal{Text: strings.TrimSpace(c.raw), Rule: field + "-" + r.name, Source: c.source})
				refused, refusedDays[d[:10]] = true, true
				break
			}
		}
		if !refused {
			return inPageZone(d, t, cands), warnings
		}
	}
	return "", warnings
}

// inPageZone returns d, read as t, in the zone of a candidate that gives the same instant with
// its time of day, so that a date a feed gave in UTC keeps the page's own day:
// "2013-07-02T23:30:00-05:00", not "2013-07-03T04:30:00Z".
func inPageZone(d string, t time.Time, cands []candidateDate) string {
	if len(d) <= len("2006-01-02") {
		return d
	}
	for _, c := range cands {
		o := NormalizeDate(c.raw)
		if len(o) <= len("2006-01-02") || o == d {
			continue
		}
		if ot, _ := parseNormal(o); ot.Equal(t) {
			return o
		}
	}
	return d
}

// parseNormal reads a date NormalizeDate returned, and whether it is a date alone.
func parseNormal(d string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", d); err == nil {
		return t, true
	}
	t, _ := time.Parse(time.RFC3339, d)
	return t, false
}

// notOutlets are the values feeds and pages put where an outlet's name belongs when they have
// none (folded: lower case, trimmed).
var notOutlets = map[string]bool{
	"unknown": true, "unknown source": true, "unknown outlet": true, "unknown publisher": true,
	"n/a": true, "na": true, "none": true, "null": true, "nil": true, "undefined": true,
	"-": true, "?": true, "source": true, "anonymous": true,
}

// outletName returns s trimmed, or "" when it stands for no outlet ("Unknown", "N/A").
func outletName(s string) string {
	s = strings.TrimSpace(s)
	if notOutlets[strings.ToLower(s)] {
		return ""
	}
	return s
}

// titleSeparators part a page title from the outlet that ends it ("Fire at the mill - Valley
// Times").
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " · "}

// maxSuffixWords bounds the words of an outlet's name at the end of a title; a longer tail is
// a part of the headline.
const maxSuffixWords = 5

// titleSuffix returns the outlet a page title ends with after a separator, or "".
func titleSuffix(title string) string {
	title = strings.TrimSpace(title)
	best := -1
	sepLen := 0
	for _, sep := range titleSeparators {
		if i := strings.LastIndex(title, sep); i > best {
			best, sepLen = i, len(sep)
		}
	}
	if best <= 0 {
		return ""
	}
	head, tail := strings.TrimSpace(title[:best]), strings.TrimSpace(title[best+sepLen:])
	words := strings.Fields(tail)
	if len(words) == 0 || len(words) > maxSuffixWords || len(tail) >= len(head) {
		return ""
	}
	if strings.ContainsAny(tail, "?!\"“”") || !looksLikeName(words) {
		return ""
	}
	return outletName(tail)
}

// nameJoiners are the small words an outlet's name may hold uncapitalised ("Times of India").
var nameJoiners = map[string]bool{"of": true, "the": true, "and": true, "&": true, "de": true, "la": true, "for": true, "on": true}

// looksLikeName reports whether words read as a name: each begins with a capital or a digit, is
// a domain ("valleytimes.com"), or joins the others. A section or a phrase ("live updates") is
// not one.
func looksLikeName(words []string) bool {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) || unicode.IsDigit(r) || strings.Contains(w, "."):
		case i > 0 && nameJoiners[strings.ToLower(w)]:
		default:
			return false
		}
	}
	return true
}

// outletRule is one place an article's outlet is read from, in order of trust.
type outletRule struct {
	name    string
	example string
}

// The places an outlet is read from, most trusted first; outletFrom returns the name of the
// one that gave it.
var outletRules = []outletRule{
	{"given", `a feed or manifest's "source": "Valley Times"`},
	{"og:site_name", `<meta property="og:site_name" content="Valley Times">`},
	{"site-name", `the extractor's site name: JSON-LD publisher, application-name`},
	{"self-named", `the text names itself: "Axar.az informs"`},
	{"title-suffix", `<title>Fire at the mill - Valley Times</title>`},
	{"url-host", `https://www.valleytimes.com/a/1 → valleytimes.com`},
}

// outletFrom returns the first non-empty outlet of values, given in the order of outletRules,
// and the name of the rule that gave it.
func outletFrom(values ...string) (outlet, rule string) {
	for i, v := range values {
		if v = outletName(v); v != "" && i < len(outletRules) {
			return v, outletRules[i].name
		}
	}
	return "", ""
}
