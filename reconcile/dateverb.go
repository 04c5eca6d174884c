package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// dateHead is the parse of sentence i and the word that heads the date at [start, end) in it,
// or -1 when the date heads the sentence or is no word of it.
func (a *article) dateHead(i, start, end int) (*parsed, int) {
	if i < 0 {
		return &parsed{}, -1
	}
	p := a.parse(i)
	h := p.headIn(start, end)
	if h < 0 || p.Arcs[h].Head < 0 {
		return p, -1
	}
	return p, h
}

// datedVerb is the stem of the verb the date at [start, end) of sentence i attaches to in the
// sentence's tree, as verbStem reads it: "followed Orozco to an apartment complex …, whom the
// deputy knew from previous altercations, at about 3:30 p.m." dates the following, not the
// knowing, which the nearest verb before the date would say. A date on a noun after it hangs on
// that noun's verb ("died of heart failure at his home on Thursday"); one that modifies the
// noun after it dates the act the noun names ("the Wednesday bombings"). "" when the tree ties the
// date to no verb, or to one verbStem does not read ("is", "says").
func (a *article) datedVerb(i, start, end int) string {
	p, h := a.dateHead(i, start, end)
	if h < 0 {
		return ""
	}
	if g := p.Arcs[h].Head; p.Tags[g] == "NOUN" && p.spans[g][0] > p.spans[h][0] {
		return actOfNoun(p.Words[g]) // "the Wednesday bombings": the bombing's day
	}
	if r := baseRel(p.Arcs[h].Rel); r != "obl" && r != "nmod" && r != "advmod" {
		return "" // a date that is a subject or an object dates no act of a verb
	}
	for v, steps := p.Arcs[h].Head, 0; v >= 0 && steps < 4; v, steps = p.Arcs[v].Head, steps+1 {
		if p.Tags[v] == "VERB" {
			return verbStem(p.Words[v])
		}
		if p.Tags[v] != "NOUN" && p.Tags[v] != "PROPN" || p.spans[v][0] > p.spans[h][0] {
			return ""
		}
		if r := baseRel(p.Arcs[v].Rel); r != "nmod" && r != "obl" && r != "obj" && r != "compound" && r != "flat" {
			return ""
		}
	}
	return ""
}

// actOfNoun is the verb stem of a noun that names an act by its verb's "-ing" form
// ("bombings", "shooting"), "" for other nouns.
func actOfNoun(w string) string {
	return verbStem(strings.TrimSuffix(strings.ToLower(w), "s"))
}

// rangeGap matches what stands between the two ends of a span of time: "from 1995 to 1998",
// "serving from 1995 through 1998", "1983 - 2005", "between 1998 and 2002".
var rangeGap = mustGate(`(?i)^\s*(?:to|through|thru|until|till|-|–|—|and)\s*$`)

// openEnd matches the words before the end of a span told without its start: "through 2012".
var openEnd = mustGate(`(?i)\b(?:through|thru)\s+$`)

// spanOpeners stand before the start of a span whose end is joined by "and": "between 1998
// and 2002", never "in 1988 and 1996", a list of two dates.
var spanOpeners = mustGate(`(?i)\bbetween\s*$`)

// endsSpan reports the i-th date of the article as the end of a span whose start is the date
// before it ("from 1995 to 1998"): the end dates when a state stopped, which the span's start
// and its verb tell ("served on the board from 1995"), and no event of its own, so it is no
// claim of a date; so is an end told alone ("cut the deficit through 2012"). Two outlets
// that end a term in different years are left to its start.
func endsSpan(text string, dates []crosscheck.Date, i int) bool {
	if openEnd.MatchString(text[max(0, dates[i].Start-10):dates[i].Start]) {
		return true // "the deficit through 2012": an end whose start goes unsaid
	}
	if i == 0 || dates[i-1].End > dates[i].Start {
		return false
	}
	prev := dates[i-1]
	gap := text[prev.End:dates[i].Start]
	if !rangeGap.MatchString(gap) {
		return false
	}
	if strings.EqualFold(strings.TrimSpace(gap), "and") {
		return spanOpeners.MatchString(text[max(0, prev.Start-12):prev.Start])
	}
	return true
}
