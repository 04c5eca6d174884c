package data

import (
	"testing"

	"github.com/markusmobius/go-dateparser/internal/regexp"
)

// Every expression of every locale compiles: they are compiled on first use (see package
// regexp), so one that did not would panic in the middle of a parse instead of at start.
func TestEveryLocaleExpressionCompiles(t *testing.T) {
	n := 0
	for locale := range LocaleOrder {
		ld, ok := GetLocaleData(locale)
		if !ok {
			t.Fatalf("locale %s listed but not found", locale)
		}
		for _, list := range [][]ReplacementData{ld.Simplifications, ld.RelativeTypeRegexes} {
			for _, r := range list {
				r.Rx.MatchString("")
				n++
			}
		}
		for _, rx := range []*regexp.Regexp{ld.RxCombined, ld.RxExactCombined} {
			if rx != nil {
				rx.MatchString("")
				n++
			}
		}
	}
	if n < 1000 {
		t.Fatalf("%d expressions compiled, want the thousands the locales hold", n)
	}
}
