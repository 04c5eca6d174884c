package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// timesAdverbs are the adverbs that count the times something was done: "shot him once",
// "married twice". Analysis reads no figure in them.
var timesAdverbs = map[string]float64{"once": 1, "twice": 2, "thrice": 3}

// timesWord finds them in lower case: one that opens a sentence has no verb before it.
var timesWord = mustGate(`\b(?:once|twice|thrice)\b`)

// numbersWithTimes is the article's numbers with the adverbs that count times after their verb
// ("He shot Ortiz once in the head"), as counts of times, in text order. An adverb before its
// verb ("the building once housed") or in "at once", "once again" counts nothing.
func (a *article) numbersWithTimes() []crosscheck.Number {
	var extra []crosscheck.Number
	if !strings.Contains(a.Text, "once") && !strings.Contains(a.Text, "twice") && !strings.Contains(a.Text, "thrice") {
		return a.Numbers
	}
	for _, m := range timesWord.FindAllStringIndex(a.Text, -1) {
		if a.countsTimes(m[0]) {
			w := a.Text[m[0]:m[1]]
			extra = append(extra, crosscheck.Number{Text: w, Start: m[0], End: m[1], Value: timesAdverbs[w], Unit: "time"})
		}
	}
	if len(extra) == 0 {
		return a.Numbers
	}
	out := make([]crosscheck.Number, 0, len(a.Numbers)+len(extra))
	i := 0
	for _, n := range a.Numbers {
		for i < len(extra) && extra[i].Start < n.Start {
			out, i = append(out, extra[i]), i+1
		}
		out = append(out, n)
	}
	return append(out, extra[i:]...)
}

// countsTimes reports an adverb of times at off that modifies a verb before it.
func (a *article) countsTimes(off int) bool {
	i := a.sentenceAt(off)
	if i < 0 {
		return false
	}
	p := a.parse(i)
	w := p.wordAt(off)
	if w < 0 || p.Arcs[w].Rel != "advmod" {
		return false
	}
	h := p.Arcs[w].Head
	if h < 0 || h > w || p.Tags[h] != "VERB" {
		return false
	}
	next := ""
	if w+1 < len(p.Words) {
		next = strings.ToLower(p.Words[w+1])
	}
	return next != "again" && next != "more" && (w == 0 || strings.ToLower(p.Words[w-1]) != "at")
}

// verbOfTimes is the verb an adverb of times at off modifies ("shot" of "shot Ortiz once").
func (a *article) verbOfTimes(off int) string {
	i := a.sentenceAt(off)
	if i < 0 {
		return ""
	}
	p := a.parse(i)
	if w := p.wordAt(off); w >= 0 && p.Arcs[w].Head >= 0 {
		return strings.ToLower(p.Words[p.Arcs[w].Head])
	}
	return ""
}
