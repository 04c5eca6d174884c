package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// ofThoseWho is "of those who …" and the verb of what befell them: " of those who have been
// prosecuted were convicted". Group 1 is the verb.
var ofThoseWho = mustGate(`^\s+of\s+those\s+who\s+(?:[\pL'’]+\s+){1,5}?(?:were|was|have been|had been|has been)\s+(\pL+ed)\b`)

// ofThoseBefore is the noun a count "of those" counts, the noun of the last count of people
// in its sentence or the one before ("Eleven other men were charged. All seven of those who
// were tried were convicted": men), with the verb of what befell them; or "".
func (a *article) ofThoseBefore(n crosscheck.Number, after string) (noun, verb string) {
	m := ofThoseWho.FindStringSubmatch(after)
	i := a.sentenceAt(n.Start)
	if m == nil || i < 0 {
		return "", ""
	}
	from := a.sentences[max(0, i-1)].span[0]
	for _, o := range a.Numbers {
		if o.Start >= from && o.End <= n.Start && o.Unit != "" && o.Counted == "" && countsPeople(reading{unit: o.Unit, thing: o.Unit}) {
			noun = o.Unit
		}
	}
	if noun == "" {
		return "", ""
	}
	return noun, strings.ToLower(m[1])
}
