package reconcile

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Times told against another event: "he first spoke with Felt about Watergate two days after
// the break-in", "was found three hours after the shooting". Such a length dates an act, it
// measures nothing, and two outlets that give it against one event agree on when the act was.

// relativeAnchorRe matches what follows a length that dates an act against another event:
// "after the break-in", "before the election", "after his arrest".
var relativeAnchorRe = mustGate(`^\s+(after|before)\s+((?:the|his|her|its|their|a|an)\s+[\p{L}][\p{L}-]*(?:\s+[\p{L}][\p{L}-]*)?)`)

// relativeLengthRe reads a length of the date reader: "P2D", "PT3H".
var relativeLengthRe = mustGate(`^PT?(\d+)([YMWDH])$`)

// relativeUnits name the units of relativeLengthRe, the time part's M aside.
var relativeUnits = map[string]string{"Y": "year", "M": "month", "W": "week", "D": "day", "H": "hour"}

// anchorStops end the noun phrase of an anchor: "after the break-in at the Watergate".
var anchorStops = map[string]bool{"at": true, "in": true, "on": true, "of": true, "and": true, "that": true,
	"when": true, "was": true, "were": true, "had": true, "by": true, "to": true, "for": true, "with": true}

// relativeTime reads the length at d as a time told against another event, with its label
// ("2 days after the break-in"), or ok false.
func relativeTime(text string, d crosscheck.Date) (label string, ok bool) {
	m := relativeLengthRe.FindStringSubmatch(d.Value)
	if d.Type != "DURATION" || m == nil || strings.HasPrefix(d.Value, "PT") != (m[2] == "H") {
		return "", false
	}
	a := relativeAnchorRe.FindStringSubmatch(text[d.End:min(len(text), d.End+60)])
	if a == nil {
		return "", false
	}
	words := strings.Fields(a[2])
	if w := strings.ToLower(words[len(words)-1]); len(words) > 2 && (anchorStops[w] || verbStem(w) != "" || isVerbWord(w)) {
		words = words[:2] // "before her trial began", "after the break-in at the Watergate"
	}
	if anchorStops[strings.ToLower(words[1])] {
		return "", false // no noun after the determiner
	}
	n, _ := strconv.Atoi(m[1])
	unit := relativeUnits[m[2]]
	if n != 1 {
		unit += "s"
	}
	return strconv.Itoa(n) + " " + unit + " " + strings.ToLower(a[1]) + " " + strings.ToLower(strings.Join(words, " ")), true
}

// relativeTimeFacts aligns the times told against another event that two articles or more give
// alike: one fact per label, each article once.
func (s *story) relativeTimeFacts() []crosscheck.Fact {
	byLabel := map[string][]claim{}
	var order []string
	for _, a := range s.arts {
		for _, d := range a.Dates {
			label, ok := relativeTime(a.Text, d)
			if !ok {
				continue
			}
			c := a.claim(d.Start, d.End)
			if c.sentence < 0 || slices.ContainsFunc(byLabel[label], func(o claim) bool { return o.art == a }) {
				continue
			}
			c.label = label
			sp := a.sentences[c.sentence].span
			c.subject = datedPhrase(a.Text[sp[0]:sp[1]], d.Start-sp[0], d.End-sp[0])
			if byLabel[label] == nil {
				order = append(order, label)
			}
			byLabel[label] = append(byLabel[label], c)
		}
	}
	var out []crosscheck.Fact
	for _, l := range order {
		if cs := byLabel[l]; severalArticles(cs) {
			out = append(out, s.fact(cs, "time", s.clauseSubject("time", cs), func(a, b claim) bool { return a.label == b.label }))
		}
	}
	return out
}
