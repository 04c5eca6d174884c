package date

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
)

// Dates as they are spoken and as news hedges or bounds them: "March eighth", "the eighth of
// March", "this coming Sunday, March eighth" (transcripts of broadcasts write days in words),
// "about 1970", "between 1998 and 2002", "through 1998".

// dayOrdinals are the ordinal words of the days of a month; the tens before them ("twenty-",
// "thirty-") are read apart (see ordinalDay).
var dayOrdinals = map[string]int{"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
	"fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
	"twentieth": 20, "thirtieth": 30}

const dayOrdinalRe = `((?:twenty|thirty)[\s-])?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth)`

// spokenPhrase finds a day said in words where Find tries a date phrase: "March eighth",
// "the eighth of March". It is tried apart from datePhrase, and only where mayBeSpokenDay
// finds an ordinal word, so that it costs the phrases of digits nothing.
var spokenPhrase = regexp.MustCompile(`^(?:` + monthRe + `\s+(?:the\s+)?` + dayOrdinalRe + `\b|(?:the\s+)?` + dayOrdinalRe + `\s+of\s+` + monthRe + `)`)

// dayOrdinalWords are the words one of which a day said in words starts with.
var dayOrdinalWords = [][]byte{[]byte("first"), []byte("second"), []byte("third"), []byte("fourth"), []byte("fifth"),
	[]byte("sixth"), []byte("seventh"), []byte("eighth"), []byte("ninth"), []byte("tenth"), []byte("eleventh"),
	[]byte("twelfth"), []byte("thirteenth"), []byte("fourteenth"), []byte("fifteenth"), []byte("sixteenth"),
	[]byte("seventeenth"), []byte("eighteenth"), []byte("nineteenth"), []byte("twentieth"), []byte("twenty"),
	[]byte("thirtieth"), []byte("thirty")}

// startsOrdinal reports lower-case text that starts with an ordinal word of a day.
func startsOrdinal(b []byte) bool {
	for _, w := range dayOrdinalWords {
		if bytes.HasPrefix(b, w) {
			return true
		}
	}
	return false
}

// mayBeSpokenDay reports a window of text where a day said in words may start: a month that
// datePhrase read alone (m) with an ordinal word after it ("march eighth"), or "the" and an
// ordinal word ("the eighth of march").
func mayBeSpokenDay(lower []byte, m []int) bool {
	if m == nil {
		return bytes.HasPrefix(lower, []byte("the ")) && startsOrdinal(lower[4:])
	}
	after := bytes.TrimPrefix(bytes.TrimLeft(lower[m[1]:], " "), []byte("the "))
	return m[1] < len(lower) && lower[m[1]] == ' ' && startsOrdinal(after)
}

// saysDayInWords reports lower-case text that holds an ordinal word of a day.
func saysDayInWords(lower []byte) bool {
	for _, w := range dayOrdinalWords {
		if bytes.Contains(lower, w) {
			return true
		}
	}
	return false
}

var (
	monthDayWordRe = regexp.MustCompile(`\b` + monthRe + `\s+(?:the\s+)?` + dayOrdinalRe + `\b`)
	dayWordMonthRe = regexp.MustCompile(`\b(?:the\s+)?` + dayOrdinalRe + `\s+of\s+` + monthRe + `\b`)
	// a weekday said before the day it is: "this coming Sunday, March 8" is March 8
	weekdayBeforeDayRe = regexp.MustCompile(`^(?:(?:this coming|this past|coming|past|next|last|this|on)\s+)?` + weekdayRe + `,?\s+(` + monthRe + `\s+\d)`)
	// "this coming Sunday" is the next one, "this past Sunday" the last
	comingWeekdayRe = regexp.MustCompile(`^this (coming|past) ` + weekdayRe + `$`)
)

// spokenDays writes the days of e said in words as digits, and drops a weekday said before
// the day of the month it is: "this coming sunday, march eighth" → "sunday, march 8".
func spokenDays(e string) string {
	if saysDayInWords([]byte(e)) {
		e = monthDayWordRe.ReplaceAllStringFunc(e, func(s string) string {
			m := monthDayWordRe.FindStringSubmatch(s)
			if d := ordinalDay(m[2], m[3]); d <= 31 {
				return m[1] + " " + strconv.Itoa(d)
			}
			return s // "thirty-ninth" is no day
		})
		e = dayWordMonthRe.ReplaceAllStringFunc(e, func(s string) string {
			m := dayWordMonthRe.FindStringSubmatch(s)
			if d := ordinalDay(m[1], m[2]); d <= 31 {
				return m[3] + " " + strconv.Itoa(d)
			}
			return s
		})
	}
	if !strings.Contains(e, "day") {
		return e // no weekday
	}
	if m := comingWeekdayRe.FindStringSubmatch(e); m != nil {
		if m[1] == "coming" {
			return "next " + m[2]
		}
		return "last " + m[2]
	}
	if m := weekdayBeforeDayRe.FindStringSubmatchIndex(e); m != nil {
		e = e[m[2]:m[3]] + ", " + e[m[4]:]
	}
	return e
}

// ordinalDay is the day of a month an ordinal word says, with its tens ("twenty-") apart.
func ordinalDay(tens, unit string) int {
	n := dayOrdinals[unit]
	switch strings.TrimRight(tens, " -") {
	case "twenty":
		n += 20
	case "thirty":
		n += 30
	}
	return n
}

// hedgedYearRe reads a hedged year: "about 1970".
var hedgedYearRe = regexp.MustCompile(`^(?:about|around|approximately|roughly|circa)\s+((?:19|20)\d{2})$`)

// hedgedYear resolves a year a hedge makes approximate to the year.
func hedgedYear(e string) string {
	if m := hedgedYearRe.FindStringSubmatch(e); m != nil {
		return m[1]
	}
	return ""
}

// countAfterYear reports a hedged figure that counts the word after it, no year: "about 2000
// people". A year is followed by punctuation, a function word or a name ("about 1970 for
// bribery", "around 1970, when").
func countAfterYear(after string) bool {
	f := strings.Fields(after)
	if len(f) == 0 || strings.ContainsAny(after[:min(len(after), 1)], ",.;:)") {
		return false
	}
	w := strings.Trim(f[0], ",.;:()\"'")
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return false
	}
	return !functionAfterYear[w]
}

// functionAfterYear are the words that may follow a year and leave it a year.
var functionAfterYear = map[string]bool{"and": true, "or": true, "to": true, "for": true, "in": true, "on": true,
	"at": true, "by": true, "when": true, "while": true, "after": true, "before": true, "until": true,
	"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "the": true, "a": true, "as": true,
	"with": true, "of": true, "from": true, "that": true, "was": true, "were": true, "had": true, "is": true}

// secondYearRe matches the second year of a span or a pair after the first: "1998 and 2002",
// "1995 to 1998", "1983-2005", "1988 or 1989".
var secondYearRe = regexp.MustCompile(`^(?:\s*(?:and|or|to|through|thru|until|till)\s+|\s*[-–]\s*)((?:19|20)\d{2})\b`)

// secondYear returns the start and end in text of the year that ends a span or a pair whose
// first year ends at end, or -1.
func secondYear(text string, end int) (int, int) {
	m := secondYearRe.FindStringSubmatchIndex(text[end:min(len(text), end+16)])
	if m == nil || end+m[3] < len(text) && isDigitByte(text[end+m[3]]) {
		return -1, -1
	}
	return end + m[2], end + m[3]
}
