package reconcile

import (
	"math"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// foldRounded joins into one the values of a sum or a measure of which one is the other
// rounded to its own precision: "$22 billion" is "$22.1 billion" said round, not a rival
// figure. The rounded value must be written without decimals, with two significant digits
// or more (so that "10" is not taken for 12 said round), and the other with decimals ("22.1"),
// as a writer who rounds drops them. The precise value is kept.
func (s *story) foldRounded(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if kind != "money" && kind != "measure" || len(values) < 2 {
		return values
	}
	var out []crosscheck.FactValue
next:
	for _, v := range values {
		for i, o := range out {
			switch {
			case s.roundedOf(v, o):
				out[i] = joinValues(o, v)
				continue next
			case s.roundedOf(o, v):
				out[i] = joinValues(v, o)
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

// roundedOf reports value r the value p rounded: one unit, r written whole and p with
// decimals in every sentence, and p rounded at r's last significant digit equal to r.
func (s *story) roundedOf(r, p crosscheck.FactValue) bool {
	rv, ru, ok1 := splitValue(r.Value)
	pv, pu, ok2 := splitValue(p.Value)
	if !ok1 || !ok2 || ru != pu || rv == pv || rv <= 0 || pv <= 0 {
		return false
	}
	if !s.allWritten(r, false) || !s.allWritten(p, true) {
		return false
	}
	place := 1.0
	for math.Mod(rv, place*10) == 0 {
		place *= 10
	}
	if rv/place < 10 {
		return false // one significant digit: "10 miles" is no rounding of 12
	}
	return math.Round(pv/place)*place == rv
}

// splitValue splits a figure's value into its number and its unit ("22000000000 USD").
func splitValue(v string) (float64, string, bool) {
	num, unit, _ := strings.Cut(v, " ")
	f, err := strconv.ParseFloat(num, 64)
	return f, unit, err == nil
}

// allWritten reports every sentence of a value writing its figure with decimals (or every one
// without, when decimals is false).
func (s *story) allWritten(v crosscheck.FactValue, decimals bool) bool {
	if len(v.Evidence) == 0 {
		return false
	}
	for _, ev := range v.Evidence {
		a := s.byID[ev.Article]
		if a == nil || ev.Start < 0 || ev.End > len(a.Text) || ev.Start >= ev.End {
			return false
		}
		if hasDecimals(a.Text[ev.Start:ev.End]) != decimals {
			return false
		}
	}
	return true
}

// hasDecimals reports a figure written with a decimal point between digits ("$ 22.1 billion").
func hasDecimals(fig string) bool {
	for i := 1; i+1 < len(fig); i++ {
		if fig[i] == '.' && isDigit(fig[i-1]) && isDigit(fig[i+1]) {
			return true
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }
