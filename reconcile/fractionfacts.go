package reconcile

import (
	"math"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// fraction: a share of a thing written as a fraction, "one quarter the power", "a sixth of the
// space": a value of its own, keyed by what it is a fraction of, so that a quarter of the
// power and a sixth of the space are two facts.
func fraction(a *article, n crosscheck.Number, ctx numberContext, r *reading) bool {
	label := fractionLabel(n.Value)
	if n.Unit != "" || n.Counted == "" || label == "" || !fractionWord(n.Text) || periodBefore.MatchString(ctx.before) {
		return false
	}
	if f := strings.Fields(strings.ToLower(n.Text)); lex.Stopwords[f[len(f)-1]] {
		return false // "half of them", "half of this year": a pronoun, or no fraction of a thing
	}
	r.kind, r.unit, r.thing, r.word, r.label = "fraction", n.Counted, n.Counted, n.Counted, label
	return true
}

// periodBefore is an ordinal before "half" or "quarter" that makes it a part of a period or a
// game ("the second half of the year", "the first quarter"), not a share.
var periodBefore = mustGate(`(?i)\b(?:first|second|third|fourth|final|last|latter|former|early|late)\s+$`)

// fractionWord reports a fraction written in words ("a quarter", "one-sixth", "two thirds").
func fractionWord(text string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return r == ' ' || r == '-' }) {
		if _, ok := fractionNames[strings.TrimSuffix(w, "s")]; ok {
			return true
		}
	}
	return false
}

// fractionNames are the denominators written in words, by the number they divide by.
var fractionNames = map[string]int{"half": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}

// fractionLabel writes a fraction of a small denominator in words, one way for all the ways
// it is written ("a quarter", "one-fourth", "1/4": "one quarter"), or "" for another value.
func fractionLabel(v float64) string {
	names := []string{2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 9: "ninth", 10: "tenth"}
	counts := []string{1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}
	for den := 2; den < len(names); den++ {
		num := v * float64(den)
		if r := math.Round(num); r >= 1 && r < float64(den) && math.Abs(num-r) < 1e-6 {
			if int(r) == 1 || den == 2 {
				return counts[int(r)] + " " + names[den]
			}
			return counts[int(r)] + " " + names[den] + "s"
		}
	}
	return ""
}
