package date

import (
	"strconv"
	"time"
)

// Years and months told against the last one an article named: "In 1988, … that year", "The
// company was founded in 1995 and listed the following year", "in March … The following
// month".

// namedBack are the phrases that mean the year or the month the article named last, with how
// many of them later.
var namedBack = map[string]struct {
	unit  string
	shift int
}{
	"that year": {"year", 0}, "the same year": {"year", 0}, "the following year": {"year", 1},
	"the next year": {"year", 1}, "the previous year": {"year", -1}, "the prior year": {"year", -1},
	"that month": {"month", 0}, "the same month": {"month", 0}, "the following month": {"month", 1},
	"the next month": {"month", 1}, "the previous month": {"month", -1}, "the prior month": {"month", -1},
}

// referBack resolves a phrase of namedBack against the year or month the article named last,
// or ok false when it named none.
func (t *Timeline) referBack(e string) (string, bool) {
	b, ok := namedBack[e]
	if !ok {
		return "", false
	}
	switch {
	case b.unit == "year" && t.year != 0:
		return strconv.Itoa(t.year + b.shift), true
	case b.unit == "month" && !t.month.IsZero():
		return t.month.AddDate(0, b.shift, 0).Format("2006-01"), true
	}
	return "", false
}

// remember keeps the year and the month of a value the article named itself ("in 1988",
// "March 1989", "March 12"), which later phrases refer back to.
func (t *Timeline) remember(e, value string) {
	if len(value) < 4 || value[0] < '0' || value[0] > '9' {
		return
	}
	if y, err := strconv.Atoi(value[:4]); err == nil && holdsYear(e) {
		t.year = y
	}
	if len(value) >= 7 && value[4] == '-' && monthNamed(e) {
		if m, err := time.Parse("2006-01", value[:7]); err == nil {
			t.month = m
			t.year = m.Year()
		}
	}
}
