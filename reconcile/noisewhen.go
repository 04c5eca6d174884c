package reconcile

import (
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Figures of another time than the story's event (docs/noise-audit.md, third round): what is
// still to come ("The Saints will visit the Lions this Sunday", "it would make the merged
// company worth about $22 billion") against what happened, and the day a blog post went up
// ("posted in Pedestrian Accidents on Wednesday, September 18") against the day of the event.

// futureApart drops from a conflict the values whose every sentence puts the figure in a
// clause of what is still to come, when the first value's sentences do not all do so. For a
// date, any word of the future will do: the day something will happen is the day of another
// act than one that happened ("will visit the Lions this Sunday", "due to be released Oct.
// 26"). For a figure, only a forecast or a condition ("would make the company worth about $22
// billion", "is likely to get 10 to 12 carries"): a deal's price is told as what a buyer
// "will pay" as often as what it "agreed to pay", and is the same figure. Two values told
// ahead both stay rivals. Names, roles, places and ages are left alone.
func (s *story) futureApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	words := forecastWords
	switch {
	case kind == "date":
		words = aheadWords
	case !lineKinds[kind] && kind != "duration":
		return values // a name, a role, an age: whoever will or would do a thing, it is theirs
	}
	ahead := func(ev crosscheck.Evidence) bool { return s.toldAhead(ev, words) }
	if len(values) < 2 || s.everySentence(values[0], ahead) {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if !s.everySentence(v, ahead) {
			out = append(out, v)
		}
	}
	return out
}

// toldAhead reports the figure of ev as one of what is to come: one of words stands in its
// clause before it, at most futureReach words back and after the clause's last comma.
func (s *story) toldAhead(ev crosscheck.Evidence, words *gatedRegexp) bool {
	a := s.byID[ev.Article]
	if a == nil {
		return false
	}
	i := a.sentenceAt(ev.Start)
	if i < 0 || ev.Start > len(a.Text) {
		return false
	}
	before := a.Text[a.sentences[i].span[0]:ev.Start]
	if k := strings.LastIndexAny(before, ",;:—"); k >= 0 {
		before = before[k+1:]
	}
	ws := strings.Fields(before)
	if len(ws) > futureReach {
		ws = ws[len(ws)-futureReach:]
	}
	return words.MatchString(" " + strings.Join(ws, " ") + " ")
}

// futureReach bounds the words before a figure that are read for a word of the future.
const futureReach = 15

// aheadWords are the words of English that put a clause in the future or in a condition:
// the modal verbs (will, would, shall, could, should, might, lower-case "may") and the
// phrases of what is planned or due ("due to", "expected to", "set to", "scheduled to",
// "plans to", "going to", "likely to"). Matched in lower case as written, so that the month
// "May" is no modal.
var aheadWords = mustGate(`\s(?:will|would|shall|could|should|might|may|won't|wouldn't|[a-z]+'ll|[a-z]+’ll|(?:due|expected|set|scheduled|slated|plans?|planning|going|likely)\s+to)\s`)

// forecastWords are those of aheadWords that tell a forecast or a condition rather than a
// plan: the modal verbs but "will" and "shall", and "expected to", "likely".
var forecastWords = mustGate(`\s(?:would|could|should|might|may|wouldn't|(?:expected|likely)\s+to|likely)\s`)

// dropPostDays drops the evidence of a date that is the day a post went up, not the day of
// anything it reports: a blog's line "posted in <category> on <date>" or "posted on <date>"
// (bylinePosted), and the values left without evidence.
func (s *story) dropPostDays(values []crosscheck.FactValue) []crosscheck.FactValue {
	return s.dropEvidence(values, func(a *article, ev crosscheck.Evidence) bool {
		i := a.sentenceAt(ev.Start)
		return i >= 0 && ev.Start <= len(a.Text) && bylinePosted.MatchString(a.Text[a.sentences[i].span[0]:ev.Start])
	})
}

// bylinePosted ends the text before a date in a post's byline: "posted in Hit and Run
// Accidents on Friday, ", "Posted on ".
var bylinePosted = mustGate(`(?i)\bposted\s+(?:in\s+[^.;]{1,80}?\s+)?on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?$`)

// dropSpanEnds drops from a conflict of dates the evidence of a date that is an end of a
// span ("between 1991 and 1998", "spanning from 1990 to 1991"): the span is the time of a
// run of events, and either end is no day of one of them.
func (s *story) dropSpanEnds(values []crosscheck.FactValue) []crosscheck.FactValue {
	return s.dropEvidence(values, func(a *article, ev crosscheck.Evidence) bool {
		if ev.Start < 0 || ev.End > len(a.Text) || ev.Start > ev.End {
			return false
		}
		before, after := a.Text[max(0, ev.Start-spanReach):ev.Start], a.Text[ev.End:min(len(a.Text), ev.End+spanReach)]
		return spanOpens.MatchString(before) && spanGoesOn.MatchString(after) ||
			spanCloses.MatchString(before)
	})
}

// spanReach bounds the text read on each side of a date for the words of a span.
const spanReach = 40

var (
	// spanOpens ends the text before a span's first end: "between ", "from ".
	spanOpens = mustGate(`(?i)\b(?:between|from)\s+$`)
	// spanGoesOn opens the text after a span's first end: " and 1998", " to 1991".
	spanGoesOn = mustGate(`^\s*(?:and|to|through|until|-|–)\s+\d`)
	// spanCloses ends the text before a span's last end: "between 1991 and ", "from 1990 to ".
	spanCloses = mustGate(`(?i)\b(?:between|from)\s+\d{4}\s*(?:and|to|through|until|-|–)\s+$`)
)

// oneNight drops from a conflict of days the value that is the small hours after the first
// value's night: "checked into rehab late Thursday" and "early Friday morning, around 1:30
// a.m., checked into" tell one night, not two days. A value is dropped when it is the day
// after (or before) the first value, every sentence of the later day says early, morning or
// the small hours, and some sentence of the earlier says late, night or evening.
func (s *story) oneNight(values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if !s.nightApart(values[0], v) && !s.nightApart(v, values[0]) {
			out = append(out, v)
		}
	}
	return out
}

// nightApart reports value late as the night before value early: early's day follows late's
// and their sentences say so (nightWords, smallHours).
func (s *story) nightApart(late, early crosscheck.FactValue) bool {
	d1, ok1 := weekdayOf(late.Value)
	d2, ok2 := weekdayOf(early.Value)
	if !ok1 || !ok2 || (d1+1)%7 != d2 {
		return false
	}
	near := func(words *gatedRegexp) func(crosscheck.Evidence) bool {
		return func(ev crosscheck.Evidence) bool {
			a := s.byID[ev.Article]
			if a == nil || ev.Start < 0 || ev.End > len(a.Text) || ev.Start > ev.End {
				return false
			}
			return words.MatchString(a.Text[max(0, ev.Start-nightReach):min(len(a.Text), ev.End+nightReach)])
		}
	}
	return slices.ContainsFunc(late.Evidence, near(nightWords)) && s.everySentence(early, near(smallHours))
}

// nightReach bounds the text read on each side of a day for its words of night.
const nightReach = 30

var (
	// nightWords tell the late part of a day.
	nightWords = mustGate(`(?i)\b(?:late|night|evening|tonight)\b`)
	// smallHours tell the small hours of a day.
	smallHours = mustGate(`(?i)\b(?:early|overnight|morning|(?:[1-4]|1[0-2])\s*:\s*\d\d\s*a\.?\s*m)\b`)
)

// weekdayOf is the day of the week a date value names (0 for Sunday), from a day's name
// ("Thursday") or an ISO date ("2013-05-02").
func weekdayOf(value string) (int, bool) {
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if strings.EqualFold(value, d) {
			return i, true
		}
	}
	if t, err := time.Parse("2006-01-02", value); err == nil {
		return int(t.Weekday()), true
	}
	return 0, false
}
