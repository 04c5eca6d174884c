package date_test

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/analyze/date"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

func TestResolve(t *testing.T) {
	dct := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct{ expr, value, typ string }{
		{"Tuesday", "2025-12-02", "DATE"},
		{"on Wednesday", "2025-12-03", "DATE"},
		{"last Tuesday", "2025-12-02", "DATE"},
		{"next Monday", "2025-12-08", "DATE"},
		{"March 12, 2024", "2024-03-12", "DATE"},
		{"Oct. 23", "2025-10-23", "DATE"},
		{"last month", "2025-11", "DATE"},
		{"last year", "2024", "DATE"},
		{"the fourth quarter", "2025-Q4", "DATE"},
		{"over the weekend", "2025-W48-WE", "DATE"}, // the weekend that has begun: Nov. 29–30
		{"the weekend", "2025-W48-WE", "DATE"},
		{"6:41 last night", "2025-12-02T18:41", "TIME"},
		{"9.30 in the evening", "2025-12-03T21:30", "TIME"},
		{"2:30 last night", "2025-12-03T02:30", "TIME"}, // after midnight: the night just past
		{"each Thursday", "XXXX-WXX-4", "SET"},
		{"Tuesday nights", "XXXX-WXX-2TNI", "SET"},
		{"its fourth quarter", "2025-Q4", "DATE"},
		{"next year's first quarter", "2026-Q1", "DATE"},
		{"April", "2025-04", "DATE"},
		{"January", "2026-01", "DATE"}, // one of the next three months: announced
		{"the full year", "2025", "DATE"},
		{"two days ago", "2025-12-01", "DATE"},
		{"five hours", "PT5H", "DURATION"},
		{"nearly four-year", "P4Y", "DURATION"},
		{"the past three months", "P3M", "DURATION"},
		{"two decades", "P20Y", "DURATION"},
		{"recently", "PAST_REF", "DATE"},
		{"now", "PRESENT_REF", "DATE"},
		{"this morning", "2025-12-03TMO", "TIME"},
		{"10 p.m. Tuesday", "2025-12-02T22:00", "TIME"},
		{"nineteen ninety-six", "1996", "DATE"},
		{"the late 1970s", "197", "DATE"},
		{"each year", "P1Y", "SET"},
		{"2 1/2 years", "P2Y6M", "DURATION"},
		{"a minute and a half", "PT1M30S", "DURATION"},
		{"two and a half hours", "PT2H30M", "DURATION"},
		{"a three-year period", "P3Y", "DURATION"},
		{"the next few days", "PXD", "DURATION"},
		{"midnight Friday", "2025-11-28T24", "TIME"},
		{"the winter of nineteen ninety-four", "1994-WI", "DATE"},
		{"the last half of 2024", "2024-H2", "DATE"},
		{"the first two quarters of 2026", "2026-H1", "DATE"},
		{"last November", "2024-11", "DATE"}, // the month just past would be "last month"
		{"last October", "2025-10", "DATE"},
		{"future quarters", "FUTURE_REF", "DATE"},
		{"already", "PRESENT_REF", "DATE"},
	} {
		v, typ := date.Resolve(tc.expr, dct)
		if v != tc.value || typ != tc.typ {
			t.Errorf("Resolve(%q) = %q %q, want %q %q", tc.expr, v, typ, tc.value, tc.typ)
		}
	}
}

func FuzzResolve(f *testing.F) {
	for _, s := range []string{"Tuesday", "10 p.m. Wednesday", "nineteen ninety-six", "the 99th century", "99999 years ago", "Feb. 30", "noon x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, expr string) {
		date.Resolve(expr, time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC))
	})
}

func TestTimelineReadsTheSentence(t *testing.T) {
	dct := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC) // a Wednesday
	for _, tc := range []struct{ expr, before, value string }{
		{"Monday", "Talks resumed on", "2025-12-01"},
		{"Monday", "The envoys will meet again on", "2025-12-08"},
		{"March 3", "The vote is scheduled for", "2026-03-03"},
		{"March 3", "The vote was held on", "2025-03-03"},
		{"earlier this year", "Prices rose", "2025"},
		{"early next year", "A deal is possible", "2026"},
		{"the end of 2027", "Troops stay until", "2027"},
		{"year-end", "The deal should close by", "2025-12-31"},
		{"year-end", "The index has risen 4% since", "2024-12-31"},
	} {
		if v, _ := date.NewTimeline(dct).Resolve(tc.expr, tc.before); v != tc.value {
			t.Errorf("%q after %q = %q, want %q", tc.expr, tc.before, v, tc.value)
		}
	}
}

func TestTimelineRefersBackToTheQuarter(t *testing.T) {
	tl := date.NewTimeline(time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC))
	for _, step := range [][2]string{
		{"the third quarter", "1989-Q3"},
		{"a year earlier", "1988-Q3"},
		{"the quarter", "1989-Q3"},
		{"year-ago", "1988-Q3"},
	} {
		if v, _ := tl.Resolve(step[0], ""); v != step[1] {
			t.Errorf("%q = %q, want %q", step[0], v, step[1])
		}
	}
}

func TestUndatedTimelineLeavesTheLatestQuarterUnresolved(t *testing.T) {
	// an article of unknown date has no quarter to count back from (this panicked)
	tl := date.NewTimeline(time.Time{})
	for _, e := range []string{"the latest quarter", "the most recent quarter", "the quarter", "a year earlier"} {
		tl.Resolve(e, "")
	}
	text := "MCI said it expects this quarter to be better than the fourth quarter.\nThe latest quarter was weak."
	date.Find(text, lex.Sentences(text), lex.Tokens(text), time.Time{})
}

func TestDatesFindsAndResolvesExpressions(t *testing.T) {
	text := "Putin met Witkoff on Tuesday in Moscow. The talks lasted nearly five hours.\n\n" +
		"A previous round took place on March 12, 2024, and another in May. Officials may meet again next week."
	got := map[string]string{}
	for _, d := range date.Find(text, lex.Sentences(text), lex.Tokens(text), time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)) {
		if text[d.Start:d.End] != d.Text {
			t.Errorf("%q: offsets [%d,%d) hold %q", d.Text, d.Start, d.End, text[d.Start:d.End])
		}
		got[d.Text] = d.Value
	}
	want := map[string]string{"Tuesday": "2025-12-02", "nearly five hours": "PT5H", "March 12, 2024": "2024-03-12",
		"May": "2025-05", "next week": "2025-W50"}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%q = %q, want %q (all: %v)", k, got[k], v, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("found %v, want exactly %v", got, want)
	}
}

func FuzzDates(f *testing.F) {
	for _, s := range []string{"on Tuesday, March 12, 2024", "the 1990s and last decade", "in May. And",
		"nearly five hours ago", "the third quarter a year earlier", "5 p.m. Nov. 6, 1989"} {
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, text string, days int64) {
		dct := time.Time{}
		if days != 0 {
			dct = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days%20000))
		}
		for _, d := range date.Find(text, lex.Sentences(text), lex.Tokens(text), dct) {
			if d.Start < 0 || d.End > len(text) || d.Start > d.End || d.Value == "" {
				t.Fatalf("date %+v in %q", d, text)
			}
		}
	})
}

// Lengths of time behind bounds, hedges and ranges, and points with a hedge.
func TestTimelineBoundsAndHedges(t *testing.T) {
	dct := time.Date(2025, 12, 3, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ expr, value string }{
		{"at least 20 more years", "P20Y"},
		{"within 18 months", "P18M"},
		{"no more than sixty days", "P60D"},
		{"the latest nine months", "P9M"},
		{"Eight trading days", "P8D"},
		{"two to three weeks", "P2W"},
		{"8-month-old", "P8M"},
		{"the next two years or so", "P2Y"},
		{"2030 or later", "2030"},
		{"a week or so ago", "2025-11-26"},
		{"this past spring", "2025-SP"},
		{"earlier in the year", "2025"},
	} {
		if v, _ := date.NewTimeline(dct).Resolve(tc.expr, ""); v != tc.value {
			t.Errorf("%q = %q, want %q", tc.expr, v, tc.value)
		}
	}
}

// "this September" is the September of the year of publication, even months ahead.
func TestThisMonthIsThisYears(t *testing.T) {
	dct := time.Date(2026, 2, 5, 0, 0, 0, 0, time.UTC)
	if v, _ := date.NewTimeline(dct).Resolve("this September", ""); v != "2026-09" {
		t.Errorf("this September = %q, want 2026-09", v)
	}
}

// "the 1988 quarter" is the quarter of 1988 that matches the one the article is about, and it
// does not change which quarter later mentions refer back to.
func TestYearPeriod(t *testing.T) {
	tl := date.NewTimeline(time.Date(1989, 10, 26, 0, 0, 0, 0, time.UTC))
	for _, tc := range []struct{ expr, value string }{
		{"the third quarter", "1989-Q3"},
		{"the 1988 quarter", "1988-Q3"},
		{"the quarter", "1989-Q3"},
	} {
		if v, _ := tl.Resolve(tc.expr, ""); v != tc.value {
			t.Errorf("%q = %q, want %q", tc.expr, v, tc.value)
		}
	}
}

// A period that "ended" on a day is in the past; a day of the coming month stays that day in
// a sentence about the past.
func TestPastSentencesAndNearDays(t *testing.T) {
	dct := time.Date(1989, 10, 30, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct{ expr, before, value string }{
		{"March 31", "revenue of $76 million for the year ended", "1989-03-31"},
		{"Nov. 16", "The offer was extended to", "1989-11-16"},
		{"December", "The plant was closed in", "1988-12"},
	} {
		if v, _ := date.NewTimeline(dct).Resolve(tc.expr, tc.before); v != tc.value {
			t.Errorf("%q after %q = %q, want %q", tc.expr, tc.before, v, tc.value)
		}
	}
}

// An article of unknown date keeps what needs no date: weekdays and clock times of no known
// day. A clock time split into tokens ("3 : 33 a. m.") is read as one.
func TestDatesOfAnUndatedArticle(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"The plant closed on Tuesday after a fire.", "Tuesday=XXXX-WXX-2"},
		{"The alarm sounded Sunday night near the port.", "Sunday night=XXXX-WXX-7TNI"},
		{"The first call came at 3 : 33 a. m. from a neighbour.", "3 : 33 a. m=XXXX-XX-XXT03:33"},
		{"The ferry left at 5.30 a.m. for the island.", "5.30 a.m=XXXX-XX-XXT05:30"},
		{"Guards found him at 12:30 a.m. in a shed.", "12:30 a.m=XXXX-XX-XXT00:30"},
		{"The mill shut in December 2007 for good.", "December 2007=2007-12"},
		{"She died at 6 : 41 last night in a hospital.", "6 : 41 last night=XXXX-XX-XXT18:41"}, // the part of the day settles the hour
		{"The shift began at 8:15 this morning.", "8:15 this morning=XXXX-XX-XXT08:15"},
		{"She starred in the 2005 film about the mill.", "2005=2005"},        // a year between an article and its noun
		{"It ended with a July 1997 fraud conviction.", "July 1997=1997-07"}, // a month and year stay whole
		{"A neighbour heard shots at 2:30 last night.", "2:30 last night=XXXX-XX-XXT02:30"},
		{"The board met last month and again on March 12.", "March 12=XXXX-03-12"}, // a day of no known year; last month needs the date
		{"The board met in March.", ""},                                            // a month of no known year
	} {
		var got []string
		for _, d := range date.Find(tc.text, lex.Sentences(tc.text), lex.Tokens(tc.text), time.Time{}) {
			got = append(got, d.Text+"="+d.Value)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("Dates(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
