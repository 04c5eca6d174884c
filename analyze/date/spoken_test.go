package date_test

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

func TestSpokenDays(t *testing.T) {
	dct := time.Date(1998, 3, 5, 0, 0, 0, 0, time.UTC) // a Thursday
	for _, tc := range []struct{ expr, value string }{
		{"March eighth", "1998-03-08"},
		{"the eighth of March", "1998-03-08"},
		{"March twenty-first", "1998-03-21"},
		{"March the thirty-first", "1998-03-31"},
		{"this coming Sunday", "1998-03-08"},
		{"this past Sunday", "1998-03-01"},
		{"this coming Sunday, March eighth", "1998-03-08"}, // the weekday said before its day
		{"next Tuesday, March 10", "1998-03-10"},
		{"March thirty-ninth", ""}, // no day
		{"about 1970", "1970"},
		{"circa 1970", "1970"},
	} {
		if v, _ := date.Resolve(tc.expr, dct); v != tc.value {
			t.Errorf("Resolve(%q) = %q, want %q", tc.expr, v, tc.value)
		}
	}
}

func TestBoundedAndHedgedYears(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"He served on the board through 1998.", "1998=1998"},
		{"He ran the firm between 1998 and 2002.", "1998=1998 2002=2002"}, // both ends of the span
		{"The mill ran from 1995 to 1998 and closed.", "1995=1995 1998=1998"},
		{"He was indicted about 1970 for bribery.", "about 1970=1970"}, // the hedge stays in the text
		{"About 2000 people marched on the capital.", ""},              // a count, no year
		{"The show aired on March eighth.", "March eighth=XXXX-03-08"},
	} {
		var got []string
		for _, d := range date.Find(tc.text, lex.Sentences(tc.text), lex.Tokens(tc.text), time.Time{}) {
			if tc.text[d.Start:d.End] != d.Text {
				t.Errorf("%q: offsets [%d,%d) hold %q", d.Text, d.Start, d.End, tc.text[d.Start:d.End])
			}
			got = append(got, d.Text+"="+d.Value)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Find(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// "plan" marks the future as a verb ("plans to meet on Aug. 21"), not as the noun after a
// determiner ("announced the plan Aug. 21").
func TestPlanTheNoun(t *testing.T) {
	dct := time.Date(1989, 10, 27, 0, 0, 0, 0, time.UTC)
	for before, want := range map[string]string{
		"The thrift announced the plan ": "1989-08-21",
		"The thrift plans to sell it ":   "1990-08-21",
	} {
		if v, _ := date.NewTimeline(dct).Resolve("Aug. 21", before); v != want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", "Aug. 21", before, v, want)
		}
	}
}

// A month after "by" is a deadline, still to come, unless the sentence speaks of the past.
func TestByADeadline(t *testing.T) {
	dct := time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC)
	for before, want := range map[string]string{
		"It is part of a program to pay down the bridge loan by ": "1990-02",
		"The company had repaid half of the loan by ":             "1989-02",
	} {
		if v, _ := date.NewTimeline(dct).Resolve("February", before); v != want {
			t.Errorf("Resolve(%q, %q) = %q, want %q", "February", before, v, want)
		}
	}
}

// "That year", "the following year", "the following month" refer back to the year or the
// month the article named last.
func TestYearsAndMonthsReferBack(t *testing.T) {
	dct := time.Date(1998, 4, 18, 0, 0, 0, 0, time.UTC)
	tl := date.NewTimeline(dct)
	for _, step := range []struct{ expr, want string }{
		{"the following year", ""}, // nothing named yet
		{"1995", "1995"},
		{"the following year", "1996"},
		{"that year", "1995"},
		{"March 1989", "1989-03"},
		{"The following month", "1989-04"},
		{"the previous year", "1988"},
	} {
		if v, _ := tl.Resolve(step.expr, "It happened in "); v != step.want {
			t.Errorf("Resolve(%q) = %q, want %q", step.expr, v, step.want)
		}
	}
}
