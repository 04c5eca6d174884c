package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Counts of a part, a run or a difference (docs/noise-audit.md, third round): "his first 11
// seasons" is a part of "15 seasons in the NBA", "six straight games" a run of "four games",
// "led by 18 points" a difference against "had 17 points". The words next to the figure say
// which it is.

// countScope is what the words next to a count make of it: "window" a part of a longer run
// ("the past five seasons", "their last 10 games", "his first five points"), "streak" a run
// of wins or losses ("six straight games", "a three-game losing streak", "four in a row"),
// "margin" a difference between two sides ("led by 18 points", "cut the lead to 3 points",
// "closest margin of victory being by 15 points"), or "" a plain count.
func (a *article) countScope(start, end int) string {
	sp, ok := a.figureSentence(start, end)
	if !ok {
		return ""
	}
	before := a.Text[max(sp[0], start-scopeReach):start]
	after := a.Text[end:max(end, min(sp[1], end+scopeReach))]
	figEnd := start + strings.IndexFunc(a.Text[start:end]+" ", func(r rune) bool { return r == ' ' || r == '-' })
	afterFig := a.Text[figEnd:max(figEnd, min(sp[1], figEnd+scopeReach))]
	switch {
	case windowBefore.MatchString(before):
		return "window"
	case streakAfter.MatchString(afterFig) || streakAfter.MatchString(after):
		return "streak"
	case marginBefore.MatchString(lastWords(before, marginWords)):
		return "margin"
	}
	return ""
}

// scopeReach bounds the text read on each side of a count for the words of its scope.
const scopeReach = 60

// marginWords is how many words before a count are read for a word of a lead or a margin.
const marginWords = 6

var (
	// windowBefore ends the text before a count of a part of a run: "the past ", "his first ".
	windowBefore = mustGate(`(?i)\b(?:first|last|past|next|previous|final)\s+$`)
	// streakAfter opens the text after a count of a run: " straight games", "-game losing
	// streak", " in a row".
	streakAfter = mustGate(`(?i)^\s*(?:-\s*)?(?:(?:straight|consecutive|successive)\b|[\pL\s-]{0,25}\bstreak\b|(?:[\pL]+\s+)?in\s+a\s+row\b)`)
	// marginBefore holds a word of a lead or a margin: "led by", "the lead to", "margin of
	// victory being by".
	marginBefore = mustGate(`(?i)\b(?:lead|leads|margin|advantage|deficit)\b|\b(?:led|won|lost|trailed|beat|ahead|behind)\s+(?:\pL+\s+){0,3}?by\s+$`)
)

// lastWords is the end of text, at most n words long.
func lastWords(text string, n int) string {
	f := strings.Fields(text)
	if len(f) > n {
		f = f[len(f)-n:]
	}
	return strings.Join(f, " ") + " "
}

// scopesApart drops from a conflict of counts the values whose every sentence gives the
// count one scope (countScope) that no sentence of the first value gives it: a part of a run
// against the whole, a streak against a tally, a margin against a score. Counts of people are
// left alone ("the past 10 victims" is rare, and their tolls are the conflicts outlets have).
func (s *story) scopesApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "count" || countsPeopleLabel(values[0].Value) {
		return values
	}
	first := map[string]bool{}
	for _, ev := range values[0].Evidence {
		if a := s.byID[ev.Article]; a != nil {
			first[a.countScope(ev.Start, ev.End)] = true
		}
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if scope, one := s.oneOf(v, (*article).countScope); !one || first[scope] {
			out = append(out, v)
		}
	}
	return out
}

// oneOf is what read makes of every sentence of v, and whether it makes the same of them
// all.
func (s *story) oneOf(v crosscheck.FactValue, read func(a *article, start, end int) string) (string, bool) {
	scope, one := "", len(v.Evidence) > 0
	for i, ev := range v.Evidence {
		a := s.byID[ev.Article]
		if a == nil {
			return "", false
		}
		sc := read(a, ev.Start, ev.End)
		if i > 0 && sc != scope {
			return "", false
		}
		scope = sc
	}
	return scope, one
}

// tallyRun is the run of games or seasons a count is tallied over, as the words after it
// say ("13 home runs and 43 RBIs in 54 games": "54 games"; "26 homers in his six seasons":
// "six seasons"), or "".
func (a *article) tallyRun(start, end int) string {
	sp, ok := a.figureSentence(start, end)
	if !ok {
		return ""
	}
	after := a.Text[end:max(end, min(sp[1], end+runReach))]
	if m := runAfter.FindStringSubmatch(after); m != nil {
		return strings.ToLower(m[1] + " " + strings.TrimSuffix(m[2], "s"))
	}
	return ""
}

// runReach bounds the text read after a count for the run it is tallied over.
const runReach = 80

// runAfter finds, in the clause after a count, the run it is tallied over: "in 54 games",
// "in each of the past five seasons", "in his six big - league seasons", "over 12 starts".
var runAfter = mustGate(`(?i)^[^,;.]*?\b(?:in|over|during|across|through)\s+(?:each\s+of\s+)?(?:the\s+|his\s+|her\s+|their\s+|its\s+|a\s+)?(?:combined\s+|total\s+of\s+)?(?:first\s+|last\s+|past\s+|previous\s+|next\s+|final\s+)?(\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[\pL'’-]+\s+){0,3}?(games|game|seasons|season|starts|matches|fights|races|appearances|outings|innings|tournaments)\b`)

// runsApart drops from a conflict of counts the values whose every sentence tallies the
// count over one run (tallyRun) that no sentence of the first value tallies it over: "13
// homers in 54 games" is a part of a season, "26 homers in his six seasons" a career, and
// neither a rival of the season's "33 homers". Counts of people are left alone.
func (s *story) runsApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "count" || countsPeopleLabel(values[0].Value) {
		return values
	}
	first := map[string]bool{}
	for _, ev := range values[0].Evidence {
		if a := s.byID[ev.Article]; a != nil {
			first[a.tallyRun(ev.Start, ev.End)] = true
		}
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if run, one := s.oneOf(v, (*article).tallyRun); !one || first[run] {
			out = append(out, v)
		}
	}
	return out
}

// bearing is where a distance runs, as the words after it say: its direction and the first
// word of the place it is measured from ("23 miles north of Santa Rosa": "north santa";
// "about 58km (36 miles) south - west of Bandar Abbas": "southwest bandar"), or "".
func (a *article) bearing(start, end int) string {
	if start < 0 || end > len(a.Text) || start > end {
		return ""
	}
	m := bearingAfter.FindStringSubmatch(a.Text[end:min(len(a.Text), end+runReach)])
	if m == nil {
		return ""
	}
	return strings.ToLower(m[1]+m[2]) + " " + strings.ToLower(m[3])
}

// bearingAfter opens the text after a distance with its direction and the place it is
// measured from.
var bearingAfter = mustGate(`(?i)^\s*(?:\([^)]*\)\s*)?(north|south|east|west)(?:\s*-\s*)?(east|west)?(?:ward)?\s+of\s+(?:the\s+)?([\pL]+)`)

// bearingsApart drops from a conflict of distances the values whose every sentence gives the
// distance a bearing (direction and place, bearing) when the first value's sentences give
// bearings too and none is the value's: "23 miles north of Santa Rosa" and "25 miles south
// of the quake" are two distances.
func (s *story) bearingsApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "measure" {
		return values
	}
	first := map[string]bool{}
	for _, ev := range values[0].Evidence {
		if a := s.byID[ev.Article]; a != nil {
			first[a.bearing(ev.Start, ev.End)] = true
		}
	}
	if first[""] {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if b, one := s.oneOf(v, (*article).bearing); !one || b == "" || first[b] {
			out = append(out, v)
		}
	}
	return out
}

// moneyRate is "rate" for a sum at start..end paid by the period ("$4 million a year", "$23
// million per season", "an annual $5 million"), "" for a total.
func (a *article) moneyRate(start, end int) string {
	if start < 0 || end > len(a.Text) || start > end {
		return ""
	}
	if rateAfter.MatchString(a.Text[end:min(len(a.Text), end+runReach)]) || rateBefore.MatchString(a.Text[max(0, start-runReach):start]) {
		return "rate"
	}
	return ""
}

var (
	// rateAfter opens the text after a sum that is paid by the period: " a year", " per
	// season", " annually".
	rateAfter = mustGate(`(?i)^\s*\)?\s*(?:(?:per|a|an|each)\s+(?:year|season|month|week|day|game|hour|annum)\b|annually\b|yearly\b)`)
	// rateBefore ends the text before a sum that is paid by the period: "an annual ",
	// "average annual value of ".
	rateBefore = mustGate(`(?i)\b(?:annual|yearly|monthly|weekly)\s+(?:[\pL]+\s+){0,4}?$`)
)

// ratesApart drops from a conflict of sums the values whose every sentence gives a rate
// when no sentence of the first value does, or a total when every sentence of the first
// gives a rate: "paid him about $4 million a year" is no rival of "$2 million" in all.
func (s *story) ratesApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind != "money" {
		return values
	}
	first, one := s.oneOf(values[0], (*article).moneyRate)
	if !one {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if r, one := s.oneOf(v, (*article).moneyRate); !one || r == first {
			out = append(out, v)
		}
	}
	return out
}
