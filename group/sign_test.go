package group

import (
	"hash/fnv"
	"strings"
	"testing"
	"unicode"
)

// signSplit is Sign as it first read: the text lower-cased whole, split into words, each
// shingle hashed by hash/fnv. Sign must give the same signatures without the copies.
func signSplit(text string) Signature {
	ws := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	var sig Signature
	for i := range sig {
		sig[i] = ^uint32(0)
	}
	add := func(shingle []string) {
		h := fnv.New64a()
		for _, w := range shingle {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		base := h.Sum64()
		for i := range sig {
			if v := uint32(mix(base ^ seeds[i])); v < sig[i] {
				sig[i] = v
			}
		}
	}
	if len(ws) < shingleWords {
		add(ws)
		return sig
	}
	for i := 0; i+shingleWords <= len(ws); i++ {
		add(ws[i : i+shingleWords])
	}
	return sig
}

// signTexts are texts Sign must sign as signSplit does: short ones, letters and digits of
// other scripts, bad bytes, punctuation.
var signTexts = []string{"", "  ", "One", "Two words", "Three words here", "ÉLAN Über straße İstanbul ΣΑΣ",
	"Dam talks resumed on Tuesday, the ministry said.\nOfficials (2,400 of them) met 3 times.",
	"bad \xff bytes\xfe and\x80 more", "x1y2 z3 — «quoted» 'words' 12.5%", strings.Repeat("Repeat after me. ", 40),
	"ＦＵＬＬ width Ⅻ numerals ٣٤ and ǅ titlecase, KELVIN K sign", "tab\tnew\nline\r_under_score~"}

func TestSignIsTheSplitSignature(t *testing.T) {
	everyKernel(t, func(t *testing.T) {
		for _, text := range signTexts {
			if got, want := Sign(text), signSplit(text); got != want {
				t.Errorf("Sign(%q) differs from the split signature", text)
			}
		}
	})
}

func FuzzSign(f *testing.F) {
	for _, text := range signTexts {
		f.Add(text)
	}
	f.Fuzz(func(t *testing.T, text string) {
		everyKernel(t, func(t *testing.T) {
			if got, want := Sign(text), signSplit(text); got != want {
				t.Errorf("Sign(%q) differs from the split signature", text)
			}
		})
	})
}
