package entity

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

var capitalsTexts = []string{"", "BREAKING NEWS", "Breaking news", "ÉTÉ À PARIS", "été", "I\xffX", "\xef\xbf\xbd A",
	"ǅ DIGRAPH", "ß", "ΑΘΗΝΑ", "1987 - 03 - 12", "U.S. AND U.K.", "ıI"}

// inCapitals answers what comparing the text with strings.ToUpper's would, without the copy.
func TestInCapitalsIsToUpper(t *testing.T) {
	for _, s := range capitalsTexts {
		if got, want := inCapitals(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("inCapitals(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzInCapitals(f *testing.F) {
	for _, s := range capitalsTexts {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := inCapitals(s), strings.ToUpper(s) == s; got != want {
			t.Errorf("inCapitals(%q) = %v, want %v", s, got, want)
		}
	})
}

// A single capitalised word after a word of takeover is a company's name: the name is kept,
// not the word of takeover.
func TestCompaniesAfterTakeover(t *testing.T) {
	text := "Analysts welcomed the ACQUISITION of Seamicro last week."
	got := companies(text, lex.Tokens(text))
	if !got["Seamicro"] || got["ACQUISITION"] || got["acquisition"] {
		t.Errorf("companies(%q) = %v, want Seamicro alone", text, got)
	}
}
