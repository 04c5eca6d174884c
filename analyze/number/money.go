package number

import (
	"regexp"
	"strings"
)

// How sums are written across outlets: the same €110 billion is "110bn euros", "EUR 110
// billion", "110 billion euro" or "euro110 billion"; the same $9.3 million is "$9.3 mln" or
// "9.3 million US dollars". These read each to one value in one currency, so that the sums
// of one fact compare as equal.

// spacedScale is a scale abbreviation written apart from its figure, with the currency word
// that may follow it: "1.2 bn dollars", "$9.3 mln", "€3 m". Groups: 1 the scale, 2 the
// currency word.
var spacedScale = regexp.MustCompile(`^\s(bn|mln|mn|m)\b\.?(?:\s(euro|dollar|pound)s?\b)?`)

var spacedScales = map[string]float64{"bn": 1e9, "mln": 1e6, "mn": 1e6, "m": 1e6}

// readSpacedScale reads a scale abbreviation written apart from the figure that ends at end,
// and a currency word after it, into n; it returns where the number now ends and whether it
// read one. A bare "m" is a scale only after a currency sign ("€3 m"); after another figure
// it is metres, which the words after it read.
func readSpacedScale(text string, end int, n *Number) (int, bool) {
	if !mayBeSpacedScale(text, end) {
		return end, false
	}
	g := spacedScale.FindStringSubmatchIndex(strings.ToLower(text[end:min(len(text), end+24)]))
	if g == nil {
		return end, false
	}
	scale := strings.ToLower(text[end+g[2] : end+g[3]])
	currency := ""
	if g[4] >= 0 {
		currency = unitNames[strings.ToLower(text[end+g[4]:end+g[5]])]
		if currency == "" {
			currency = "GBP" // "5 bn pounds": a sum, not a weight
		}
	}
	if n.Unit == "" && currency == "" || scale == "m" && n.Unit == "" {
		return end, false // "9.3 mn" of nothing, "40 m": no sum
	}
	n.Value *= spacedScales[scale]
	if currency != "" {
		n.Unit = currency
	}
	return end + g[1], true
}

// codeBefore is an ISO currency code, or a sign of a currency other than the four the
// figure's pattern reads, right before a figure: "EUR 110 billion", "USD 5m", "Dh472bn".
var codeBefore = regexp.MustCompile(`(?:\b(USD|EUR|GBP|JPY|CHF|AED)\s?|\b(Dh|Dhs)\s?)$`)

// codeBeforeIn is codeBefore's submatches in s, or nil: every code and sign begins with a
// capital, so a text without one is not searched.
func codeBeforeIn(s string) []string {
	if strings.IndexFunc(s, func(r rune) bool { return r >= 'A' && r <= 'Z' }) < 0 {
		return nil
	}
	return codeBefore.FindStringSubmatch(s)
}

var codeNames = map[string]string{"Dh": "AED", "Dhs": "AED"}

// currencyOf is the unit of n: a currency named by a code before its figure, pounds or yen
// named after a scale ("5 million pounds" is a sum; "5 pounds" may be a weight), or the
// unit read so far.
func currencyOf(text string, n Number, figure string) string {
	if n.Unit == "" || n.Unit == "us" {
		if m := codeBeforeIn(text[max(0, n.Start-5):n.Start]); m != nil {
			if m[1] != "" {
				return m[1]
			}
			return codeNames[m[2]]
		}
	}
	switch {
	case n.Unit == "yen":
		return "JPY"
	case n.Unit == "pound" && n.Value >= 1e6 && n.Value > figureOnly(figure):
		return "GBP" // "5 million pounds": scaled, so a sum
	}
	return n.Unit
}

// figureOnly is the value the figure's own digits or words give, before any scale.
func figureOnly(figure string) float64 {
	v, _ := figureValue(figure)
	return v
}

// decimalsOfGlued reports a figure at i that is the decimals of another: a digit and a point
// stand right before it ("Dh472.72bn", whose digits are glued to the sign and so begin no
// number of their own).
func decimalsOfGlued(text string, i int) bool {
	return i >= 2 && text[i-1] == '.' && text[i-2] >= '0' && text[i-2] <= '9'
}
