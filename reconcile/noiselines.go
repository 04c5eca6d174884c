package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Figures that stand in a line of several (docs/noise-audit.md, third round): a stat line
// ("hit .358 with 13 home runs and 43 RBIs in 54 games") or a list of one measure of several
// things ("the Nationals have bid $160 million, the Orioles between $140 million and $150
// million") gives each figure to one of several holders or periods, which the words next to
// the figure do not say. Two such figures are no rivals.

// statLineFigures is how many other figures a sentence gives beside a value for it to be a
// stat line: "13 home runs and 43 RBIs in 54 games" gives two.
const statLineFigures = 2

// linesApart drops from a conflict the values that stand in lines of several figures:
//
//   - two stat lines: every sentence of the value and every sentence of the first value are
//     stat lines (statLineFigures other figures each): two lines of one player's or two
//     players' games, seasons or fights ("269 yards and two touchdowns … caught 29 passes for
//     201 yards", "793 yards and six touchdowns … caught 39 passes");
//   - a list of its measure: every sentence of the value gives another figure of the same
//     measure beside it, not as a range or a conversion ("landing 178 of 369 punches thrown
//     while Rahman connected on just 30 of 207 punches", "down by 80 percent, in India by 65
//     percent"): the sentence is a list, and which thing the value is of is left to words
//     the rule cannot read.
//
// Counts of people are left alone: a line of casualties ("12 killed, 20 wounded and three
// missing") is the very figure outlets contradict each other on. So are the kinds that are
// not measures (dates, ages, scores, names).
func (s *story) linesApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || !lineKinds[kind] || kind == "count" && countsPeopleLabel(values[0].Value) {
		return values
	}
	firstStat := s.everySentence(values[0], s.statLine)
	out := values[:1:1]
	for _, v := range values[1:] {
		stat := kind == "count" && firstStat && s.everySentence(v, s.statLine)
		if stat || s.everySentence(v, s.listedWithOthers) {
			continue
		}
		out = append(out, v)
	}
	return out
}

// lineKinds are the kinds of fact whose figures stand in stat lines and lists.
var lineKinds = wordSet("count money percent measure")

// countsPeopleLabel reports a count's label that counts people ("120000 people", "3
// officers").
func countsPeopleLabel(label string) bool {
	f := strings.Fields(label)
	if len(f) < 2 {
		return false
	}
	w := strings.ToLower(f[1])
	if w == "people" {
		return true
	}
	if s, ok := irregularPeople[w]; ok {
		w = s
	}
	return personNouns[w] || personNouns[singularNoun(w)]
}

// everySentence reports whether test holds for every sentence of value v (false for a value
// without evidence).
func (s *story) everySentence(v crosscheck.FactValue, test func(crosscheck.Evidence) bool) bool {
	if len(v.Evidence) == 0 {
		return false
	}
	for _, ev := range v.Evidence {
		if !test(ev) {
			return false
		}
	}
	return true
}

// figuresBeside are the number the evidence states and the other numbers its sentence
// states, as analysis stored them; ok is false when the evidence's number is not found.
func (s *story) figuresBeside(ev crosscheck.Evidence) (a *article, own crosscheck.Number, others []crosscheck.Number, ok bool) {
	a = s.byID[ev.Article]
	if a == nil {
		return nil, own, nil, false
	}
	i := a.sentenceAt(ev.Start)
	if i < 0 {
		return nil, own, nil, false
	}
	sp := a.sentences[i].span
	for _, n := range a.Numbers {
		if n.Start < sp[0] || n.End > sp[1] {
			continue
		}
		if n.Start < ev.End && n.End > ev.Start {
			if !ok {
				own, ok = n, true
			}
			continue
		}
		others = append(others, n)
	}
	return a, own, others, ok
}

// statLine reports the sentence of ev as a stat line: it gives statLineFigures other
// figures beside the value.
func (s *story) statLine(ev crosscheck.Evidence) bool {
	_, _, others, ok := s.figuresBeside(ev)
	return ok && len(others) >= statLineFigures
}

// listedWithOthers reports the sentence of ev as a list of the value's measure: another
// figure of the same unit and another value stands in it, not joined to the value as the
// other end of a range ("between $140 million and $150 million") or as its conversion
// ("euro110 billion ($141 billion)").
func (s *story) listedWithOthers(ev crosscheck.Evidence) bool {
	a, own, others, ok := s.figuresBeside(ev)
	if !ok || own.Unit == "" {
		return false
	}
	for _, o := range others {
		if o.Unit != own.Unit || o.Value == own.Value {
			continue
		}
		lo, hi := own, o
		if o.Start < own.Start {
			lo, hi = o, own
		}
		if lo.End <= hi.Start && rangeOrConversion.MatchString(a.Text[lo.End:hi.Start]) {
			continue
		}
		return true
	}
	return false
}

// rangeOrConversion is the text between the two ends of a range or a pair ("and", "to", "-", "or")
// or between a figure and its conversion ("(").
var rangeOrConversion = mustGate(`^\s*(?:and|to|or|-|–|\()\s*$`)
