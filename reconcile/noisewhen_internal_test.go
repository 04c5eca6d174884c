package reconcile

import (
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// A forecast or a condition is no rival of what was done; two forecasts are, and a plan's
// price ("will pay") is the same figure as the price agreed.
func TestFutureApart(t *testing.T) {
	s := storyOf(t,
		"Ruiz ran for 40 yards on Sunday.",
		"Coaches say Ruiz could get 45 yards against the Hawks.",
		"Ruiz ran for 48 yards on Sunday.",
		"Harrow will pay $4.5 billion for Aldwick.",
		"Harrow agreed to pay $4.2 billion for Aldwick.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "40 yards", "40 yards"),
		factValue(s, "b", "45 yards", "45 yards"),
		factValue(s, "c", "48 yards", "48 yards"),
	}
	if got := valueList(s.futureApart("measure", values)); !slices.Equal(got, []string{"40 yards", "48 yards"}) {
		t.Errorf("futureApart = %q, want the forecast out", got)
	}
	if got := s.futureApart("measure", []crosscheck.FactValue{values[1], values[0]}); len(got) != 2 {
		t.Errorf("futureApart dropped a done figure against a first value told ahead: %q", valueList(got))
	}
	deal := []crosscheck.FactValue{
		factValue(s, "e", "$4.2 billion", "4200000000 USD"),
		factValue(s, "d", "$4.5 billion", "4500000000 USD"),
	}
	if got := s.futureApart("money", deal); len(got) != 2 {
		t.Errorf("futureApart dropped a plan's price: %q", valueList(got))
	}
}

// The day something will happen dates another act than the day something happened.
func TestFutureDaysApart(t *testing.T) {
	s := storyOf(t,
		"Payton said he spoke with him on Tuesday.",
		"The Saints will visit the Lions this Sunday.",
		"The Saints said they would sign Ruiz, who scored on Sunday.")
	days := []crosscheck.FactValue{
		factValue(s, "a", "Tuesday", "Tuesday"),
		factValue(s, "b", "Sunday", "Sunday"),
	}
	if got := valueList(s.futureApart("date", days)); !slices.Equal(got, []string{"Tuesday"}) {
		t.Errorf("futureApart = %q, want the day ahead out", got)
	}
	if got := s.futureApart("name", days); len(got) != 2 {
		t.Errorf("futureApart read a name fact: %q", valueList(got))
	}
	past := []crosscheck.FactValue{days[0], factValue(s, "c", "Sunday", "Sunday")}
	if got := s.futureApart("date", past); len(got) != 2 {
		t.Errorf("futureApart dropped a day after the clause's comma: %q", valueList(got))
	}
}

// A blog's "posted in … on" line dates the post, not what it reports.
func TestPostDaysDropped(t *testing.T) {
	s := storyOf(t,
		"On behalf of Dana Reyes, Esq. posted in Pedestrian Accidents on Wednesday, September 18, 2013.",
		"The crash happened on Friday, September 13, 2013.")
	values := []crosscheck.FactValue{
		factValue(s, "a", "September 18, 2013", "2013-09-18"),
		factValue(s, "b", "September 13, 2013", "2013-09-13"),
	}
	if got := valueList(s.dropPostDays(values)); !slices.Equal(got, []string{"2013-09-13"}) {
		t.Errorf("dropPostDays = %q, want the post's day out", got)
	}
}

// Either end of a span of years is no year of one event; a year said alone is.
func TestSpanEndsDropped(t *testing.T) {
	s := storyOf(t,
		"Between 1991 and 1998, Hale was in and out of prison.",
		"Hale was convicted in 1998 of assault.",
		"Records show three convictions spanning from 1990 to 1991.",
		"He had a prior conviction from 1992.")
	values := []crosscheck.FactValue{
		factValue(s, "b", "1998", "1998"),
		factValue(s, "a", "1991", "1991"),
		factValue(s, "c", "1990", "1990"),
		factValue(s, "d", "1992", "1992"),
	}
	if got := valueList(s.dropSpanEnds(values)); !slices.Equal(got, []string{"1998", "1992"}) {
		t.Errorf("dropSpanEnds = %q, want the spans' ends out", got)
	}
	end := []crosscheck.FactValue{factValue(s, "a", "1998", "1998")}
	if got := s.dropSpanEnds(end); len(got) != 0 {
		t.Errorf("dropSpanEnds kept a span's last end: %q", valueList(got))
	}
}

// The small hours after a night are that night, not a second day; two days told plainly are
// two.
func TestOneNight(t *testing.T) {
	s := storyOf(t,
		"Hale checked into the clinic late Thursday.",
		"Early Friday morning, around 1:30 a.m., Hale checked into the clinic.",
		"Hale checked into the clinic on Friday.",
		"Hale checked into the clinic on Thursday.")
	night := []crosscheck.FactValue{
		factValue(s, "a", "Thursday", "Thursday"),
		factValue(s, "b", "Friday", "Friday"),
	}
	if got := valueList(s.oneNight(night)); !slices.Equal(got, []string{"Thursday"}) {
		t.Errorf("oneNight = %q, want the small hours folded into the night", got)
	}
	if got := valueList(s.oneNight([]crosscheck.FactValue{night[1], night[0]})); !slices.Equal(got, []string{"Friday"}) {
		t.Errorf("oneNight with the small hours first = %q, want the night out", got)
	}
	days := []crosscheck.FactValue{
		factValue(s, "d", "Thursday", "Thursday"),
		factValue(s, "c", "Friday", "Friday"),
	}
	if got := s.oneNight(days); len(got) != 2 {
		t.Errorf("oneNight folded two plain days: %q", valueList(got))
	}
}
