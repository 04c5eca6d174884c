package reconcile

import (
	"slices"
	"strconv"
	"time"

	"github.com/crosscheck/crosscheck"
)

// yearless matches the value of a day of no known year, as the date reader keeps it in an
// article of unknown date: "June 24" → "XXXX-06-24".
var yearless = mustGate(`^XXXX-(\d\d)-(\d\d)$`)

// dayYears lists, for each day of the calendar ("-06-24"), the years the story's articles give
// it with ("June 24, 2005" → 2005).
func (s *story) dayYears() map[string][]string {
	out := map[string][]string{}
	for _, a := range s.arts {
		for _, d := range a.Dates {
			if d.Type != "DATE" || len(d.Value) != 10 || d.Value[0] < '0' || d.Value[0] > '9' {
				continue
			}
			key, year := d.Value[4:], d.Value[:4]
			if !slices.Contains(out[key], year) {
				out[key] = append(out[key], year)
			}
		}
	}
	return out
}

// anchored gives a day of no known year ("June 24" in an article of unknown date) the year
// another article of the story gives that same day with ("his June 24, 2005 murder"), when
// the story gives it with one year only: the articles tell one day, and only one of them
// says the year. A day the story gives with no year, or with two, stays as it is.
func anchored(d crosscheck.Date, years map[string][]string) crosscheck.Date {
	if !yearless.MatchString(d.Value) {
		return d
	}
	if ys := years[d.Value[4:]]; len(ys) == 1 {
		d.Value = ys[0] + d.Value[4:]
	}
	return d
}

// readMonthDay reads a day of no known year that no article gives with its year: "June 24"
// against "June 20" compares the month and the day, and invents no year.
func readMonthDay(d crosscheck.Date) (float64, string, bool) {
	m := yearless.FindStringSubmatch(d.Value)
	if d.Type != "DATE" || m == nil {
		return 0, "", false
	}
	mo, _ := strconv.Atoi(m[1])
	day, _ := strconv.Atoi(m[2])
	if mo < 1 || mo > 12 || day < 1 || day > 31 {
		return 0, "", false
	}
	return float64(mo*100 + day), time.Month(mo).String() + " " + strconv.Itoa(day), true
}
