package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// moneyList: a list of prices read whole, "three price tiers: $0.69, $0.99 and $1.29", "69
// cents, 99 cents and $1.29": one value of all its sums, in one currency, so that two
// articles that give the same prices agree and the sums are no facts of their own.
func moneyList(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	cur, _, ok := listedSum(n)
	if !ok {
		return false
	}
	first := n
	for {
		p, ok := a.listNeighbour(first, -1)
		if c, _, isSum := listedSum(p); !ok || !isSum || c != cur {
			break
		}
		first = p
	}
	var values []float64
	for o, ok := first, true; ok; o, ok = a.listNeighbour(o, 1) {
		c, v, isSum := listedSum(o)
		if !isSum || c != cur {
			break
		}
		values = append(values, v)
	}
	if len(values) < 3 {
		return false // two sums are a pair of facts as often as one list
	}
	if first.Start != n.Start {
		return true // an item after the first: read with the first
	}
	labels := make([]string, len(values))
	sum := 0.0
	for i, v := range values {
		labels[i], sum = figureLabel(v), sum+v
	}
	r.kind, r.unit, r.thing, r.word = "prices", cur, "prices", "prices"
	r.label, r.value = strings.Join(labels, ", ")+" "+cur, sum
	return true
}

// listedSum is a sum of money as its currency and amount.
func listedSum(n crosscheck.Number) (string, float64, bool) {
	return n.Unit, n.Value, currencyUnits[n.Unit]
}

// listJoint is what stands between two items of a list: a comma, "and", "or".
var listJoint = mustGate(`^\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)$`)

// listNeighbour is the number next to n in its sentence, before it (dir -1) or after it
// (dir 1), when only a comma or a conjunction stands between them.
func (a *article) listNeighbour(n crosscheck.Number, dir int) (crosscheck.Number, bool) {
	for i, o := range a.Numbers {
		if o.Start != n.Start {
			continue
		}
		j := i + dir
		if j < 0 || j >= len(a.Numbers) {
			return crosscheck.Number{}, false
		}
		p := a.Numbers[j]
		lo, hi := n, p
		if dir < 0 {
			lo, hi = p, n
		}
		if lo.End > hi.Start || !listJoint.MatchString(a.Text[lo.End:hi.Start]) {
			return crosscheck.Number{}, false
		}
		return p, true
	}
	return crosscheck.Number{}, false
}

// sourceFrom opens where a sum comes from: " from the US government", " from Intel".
var sourceFrom = mustGate(`^\s+from\s+(?:the\s+)?`)

// sumSource is who a sum comes from, as written after it ("from the US government as part
// of …": "the US government"): a name, with the plain words after it up to a function word,
// or "".
func sumSource(rest string) string {
	m := sourceFrom.FindStringIndex(rest)
	if m == nil {
		return ""
	}
	words := strings.Fields(rest[m[1]:])
	var out []string
	for i, w := range words {
		bare := strings.TrimRight(w, ",.;:)")
		if i == 0 && !isCapital(bare) || lex.Stopwords[bare] || i >= 4 { // "US" is a name, "us" a word
			break
		}
		out = append(out, bare)
		if bare != w {
			break // punctuation ends the phrase
		}
	}
	if len(out) == 0 {
		return ""
	}
	if strings.HasPrefix(rest[:m[1]], " from the") || strings.Contains(rest[:m[1]], "the ") {
		return "the " + strings.Join(out, " ")
	}
	return strings.Join(out, " ")
}
