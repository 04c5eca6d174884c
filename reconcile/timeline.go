package reconcile

import (
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/date"
)

// timeline puts the story in order of time: each day, month or year an article dates
// something to, with the sentences that do, and each day an article was published. Coarser
// points come before the finer points inside them ("2025-12" before "2025-12-02").
func (s *story) timeline(facts []crosscheck.Fact) []crosscheck.Moment {
	at := map[string]*crosscheck.Moment{}
	moment := func(when string) *crosscheck.Moment {
		m := at[when]
		if m == nil {
			m = &crosscheck.Moment{When: when}
			at[when] = m
		}
		return m
	}
	for _, a := range s.arts {
		type cited struct {
			sentence int
			when     string
		}
		seen := map[cited]bool{} // a sentence is cited once under each point
		for _, d := range a.Dates {
			if d.Type != "DATE" && d.Type != "TIME" {
				continue
			}
			when := calendarPoint(d.Value)
			if when == "" {
				continue
			}
			e := a.evidence(d.Start, d.End)
			if seen[cited{e.SentenceStart, when}] {
				continue
			}
			seen[cited{e.SentenceStart, when}] = true
			m := moment(when)
			m.Events = append(m.Events, e)
		}
		if len(a.Published) >= 10 {
			m := moment(a.Published[:10])
			m.Published = append(m.Published, a.ID)
		}
	}
	for _, f := range facts {
		if f.Kind != "date" || f.Verdict != "conflict" {
			continue
		}
		for _, v := range f.Values {
			if m := at[v.Value]; m != nil {
				m.Conflicts = append(m.Conflicts, f.Subject)
			}
		}
	}
	out := make([]crosscheck.Moment, 0, len(at))
	for _, m := range at {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].When < out[j].When })
	return out
}

// calendarPoint returns the part of a TIMEX3 value that names a day, month or year of the
// calendar ("2025-12-02T14:00" → "2025-12-02"), or "" for weeks, seasons, durations and
// references like PAST_REF.
func calendarPoint(v string) string {
	if t, _, ok := strings.Cut(v, "T"); ok {
		v = t
	}
	switch date.Granularity(v) {
	case "day", "month", "year":
		if len(v) >= 4 && v[0] >= '0' && v[0] <= '9' {
			return v
		}
	}
	return ""
}
