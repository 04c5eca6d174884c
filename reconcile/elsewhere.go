package reconcile

import (
	"strings"
)

// placeWhere ends the text before a figure that counts more of a thing in a place the clause
// names: "in the northern city of Thessaloniki, where another", "to Lyon, where a further",
// "in Porto, where a separate crowd of".
var placeWhere = mustGate(`\b(?:in|to|at|into)\s+(?:the\s+(?:[\pL-]+\s+){0,2}?(?:city|town|village|capital|port|province|state|county|region|district)\s+of\s+)?(\p{Lu}[\pL'’-]+(?:\s+\p{Lu}[\pL'’-]+)*),?\s+where\s+(?:another|a\s+further|a\s+separate(?:\s+[\pL]+\s+of)?)\s+(?:(?:some|about|around|nearly)\s+)?$`)

// elsewhere is the place a count is of when it counts more of a thing in a place named just
// before it ("in the northern city of Thessaloniki, where another 20,000 people marched"):
// another city's crowd, a subject of its own. Without such a place, "another" is only more
// of the same ("rescued another five people"), and the count is no other subject's: "".
func (a *article) elsewhere(start int) string {
	i := a.sentenceAt(start)
	if i < 0 {
		return ""
	}
	if m := placeWhere.FindStringSubmatch(a.Text[a.sentences[i].span[0]:start]); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}
