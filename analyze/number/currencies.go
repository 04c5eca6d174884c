package number

import (
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Currencies are the ISO 4217 codes a sum is read in: the signs and names below, and the
// codes written before a figure (codeBefore: "USD 40 million").
var Currencies = map[string]bool{"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "INR": true,
	"RUB": true, "ILS": true, "AED": true, "CHF": true, "CAD": true, "AUD": true, "HKD": true, "MXN": true,
	"PKR": true, "KRW": true, "SEK": true, "NOK": true, "DKK": true, "TRY": true, "BRL": true, "ZAR": true, "EGP": true,
	"SAR": true, "NZD": true, "SGD": true}

// currencyNames are the currencies named by a word of their own (ISO 4217's names, as news
// writes them), by code.
var currencyNames = map[string]string{"euro": "EUR", "dollar": "USD", "yuan": "CNY", "renminbi": "CNY", "yen": "JPY",
	"rupee": "INR", "ruble": "RUB", "rouble": "RUB", "shekel": "ILS", "dirham": "AED", "lira": "TRY",
	"real": "BRL", "rand": "ZAR", "riyal": "SAR"}

// nationalCurrencies are the currencies a name shares with others, by the country's
// adjective before it ("Swiss francs", "Canadian dollars", "Egyptian pounds").
var nationalCurrencies = map[string]string{"swiss franc": "CHF", "canadian dollar": "CAD", "australian dollar": "AUD",
	"hong kong dollar": "HKD", "new zealand dollar": "NZD", "singapore dollar": "SGD", "mexican peso": "MXN",
	"pakistani rupee": "PKR", "indian rupee": "INR", "south korean won": "KRW", "swedish krona": "SEK",
	"norwegian krone": "NOK", "danish krone": "DKK", "turkish lira": "TRY", "brazilian real": "BRL",
	"south african rand": "ZAR", "egyptian pound": "EGP", "saudi riyal": "SAR", "israeli shekel": "ILS"}

// nationalList is nationalCurrencies in the order of their names, each with the unit its last
// word names ("franc"); shortestNational is the shortest name's length in bytes, which a
// text shorter than it cannot hold even lower-cased.
var nationalList, shortestNational = func() (list []struct{ name, unit, code string }, shortest int) {
	for _, name := range slices.Sorted(maps.Keys(nationalCurrencies)) {
		list = append(list, struct{ name, unit, code string }{name, singular(name[strings.LastIndexByte(name, ' ')+1:]), nationalCurrencies[name]})
		if shortest == 0 || len(name) < shortest {
			shortest = len(name)
		}
	}
	return list, shortest
}()

// codeAt is the currency a code or sign right before the figure at i names (codeBefore), or
// "": read before the words after the figure, so that they are what the sum is of ("a EUR 5
// billion loan").
func codeAt(text string, i int) string {
	m := codeBeforeIn(text[max(0, i-5):i])
	switch {
	case m == nil:
		return ""
	case m[1] != "":
		return m[1]
	}
	return codeNames[m[2]]
}

// sterling is "pounds" as money: scaled ("20 million pounds") or named so ("pounds sterling");
// plain pounds are a weight ("weighed 200 pounds").
var sterling = regexp.MustCompile(`^\s+sterling\b`)

// currencyNamed is the code of the currency a number's unit and text name ("2 million Swiss
// francs"), or "" when the unit is none.
func currencyNamed(n Number, text string, end int, scaled bool) string {
	if end-n.Start >= shortestNational {
		lower := strings.ToLower(text[n.Start:end])
		for _, c := range nationalList {
			if strings.HasPrefix(c.unit, n.Unit) && strings.Contains(lower, c.name) {
				return c.code
			}
		}
	}
	if n.Unit == "cent" && n.Counted == "" {
		return "cent" // a hundredth of a dollar, read by readNumber
	}
	if n.Unit == "pound" && (scaled || sterling.MatchString(text[end:min(len(text), end+12)])) {
		return "GBP"
	}
	if (n.Unit == "real" || n.Unit == "rand") && !scaled {
		return "" // "three real threats": only a sum in millions is in reais or rand
	}
	return currencyNames[n.Unit]
}
