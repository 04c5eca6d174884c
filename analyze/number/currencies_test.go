package number_test

import (
	"testing"

	"github.com/crosscheck/crosscheck/analyze/number"
)

// Sums named by their currency's word are read in its ISO 4217 code; pounds are sterling only
// when scaled or named so, cents are hundredths of a dollar.
func TestCurrencyNames(t *testing.T) {
	for _, tc := range []struct {
		text  string
		value float64
		unit  string
	}{
		{"The bank lent 500 million yuan to the firm.", 5e8, "CNY"},
		{"The fine was 2 million Swiss francs.", 2e6, "CHF"},
		{"They paid 30 million pounds for the club.", 3e7, "GBP"},
		{"They raised 20,000 pounds sterling.", 2e4, "GBP"},
		{"He weighed 200 pounds.", 200, "pound"},
		{"A song now costs 99 cents.", 0.99, "USD"},
		{"It sold for 3 billion Canadian dollars.", 3e9, "CAD"},
		{"The loan of USD 40 million was repaid.", 4e7, "USD"},
		{"They signed a EUR 5 billion loan.", 5e9, "EUR"},
	} {
		ns := number.Find(tc.text)
		if len(ns) != 1 || !number.Equal(ns[0].Value, tc.value) || ns[0].Unit != tc.unit {
			t.Errorf("%q: %+v, want %v %s", tc.text, ns, tc.value, tc.unit)
		}
	}
}
