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

func TestSignIsTheSplitSignature(t *testing.T) {
	for _, text := range []string{"", "  ", "One", "Two words", "Three words here", "ÉLAN Über straße İstanbul ΣΑΣ",
		"Dam talks resumed on Tuesday, the ministry said.\nOfficials (2,400 of them) met 3 times.",
		"bad \xff bytes\xfe and\x80 more", "x1y2 z3 — «quoted» 'words' 12.5%", strings.Repeat("Repeat after me. ", 40)} {
		if got, want := Sign(text), signSplit(text); got != want {
			t.Errorf("Sign(%q) differs from the split signature", text)
		}
	}
}
