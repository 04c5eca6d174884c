package lex

import "testing"

func TestAnchoredAlternativesAreLeftmostFirst(t *testing.T) {
	a := NewAlternatives([]string{`a`, `ab`, `\d+ days?`, `(?:last\s+)?may`, `x*`})
	for text, want := range map[string][]int{
		"ab": {0, 1}, "12 days": {0, 7}, "3 day": {0, 5}, "last may": {0, 8}, "may": {0, 3},
		"b": {0, 0}, "": {0, 0}, "xxy": {0, 2}, "éa": {0, 0},
	} {
		if got := a.FindIndex([]byte(text)); len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Errorf("%q: %v, want %v", text, got, want)
		}
	}
	b := NewAlternatives([]string{`\d+`, `(?i)jan`})
	for text, want := range map[string]bool{"7": true, "Jan": true, "jan": true, "x": false, "": false} {
		if got := b.FindIndex([]byte(text)) != nil; got != want {
			t.Errorf("%q matched %v, want %v", text, got, want)
		}
	}
	f := prefixOf(`^(?:\d|on)`)
	if !f[0]['0'] || !f[0]['o'] || f[0]['n'] || f[0][' '] || !f[1]['x'] {
		t.Errorf("first bytes of `\\d|on`: %v", f[0])
	}
	if h := prefixOf(`^(?:on|ab)c`); !h[1]['n'] || !h[1]['b'] || h[1]['o'] || !h[2]['c'] || h[2]['n'] {
		t.Errorf("second and third bytes of `(?:on|ab)c`: %v %v", h[1], h[2])
	}
	if g := prefixOf(`^(?:’s|(?i)kg)`); !g[0]['k'] || !g[0][0xe2] || !g[1]['x'] || !g[2]['x'] {
		t.Errorf("the bytes after a character of several bytes, or one that may fold to one, are not all taken")
	}
}
