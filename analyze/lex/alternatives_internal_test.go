package lex

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

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

// needsTexts are patterns with the strings needs finds every match of them holds.
var needsTexts = map[string][]string{
	`(?:last\s+)?(?:monday|tuesday)`:                     {"monday", "tuesday"},
	`(?:about\s+)?\d+[\s-]+(?:days?|weeks?)(?:\s+long)?`: {"day", "week"},
	`(?:the\s+)?(?:first|second)\s+half`:                 {"first", "second"},
	`\d+(?:st|nd)?`:                                      nil, // no string every match holds
	`(?i)monday`:                                         nil, // folded: written otherwise in the text
	`a|b`:                                                nil, // one byte, which most texts hold
	`[\s-]+long`:                                         {"long"},
	`x(?:ab|cd)+y`:                                       {"ab", "cd"},
	`(?:ab|cd)(?:ef|gh)`:                                 {"abef", "abgh", "cdef", "cdgh"},
	`(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)`: nil, // too many to search for
}

// needs finds the strings every match holds, and every match of a pattern in random texts
// holds one of them.
func TestNeedsAreHeldByEveryMatch(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("last about the first second half monday tuesday day days week weeks long 12 3 - ab cd ef gh x y jan")
	for expr, want := range needsTexts {
		var got []string
		for _, s := range needs(expr) {
			got = append(got, string(s))
		}
		if !slices.Equal(got, want) {
			t.Errorf("needs(`%s`) = %q, want %q", expr, got, want)
		}
		re := regexp.MustCompile(expr)
		for range 2000 {
			var sb strings.Builder
			for range 1 + r.IntN(6) {
				sb.WriteString(words[r.IntN(len(words))])
				if r.IntN(3) > 0 {
					sb.WriteByte(" \t-"[r.IntN(3)])
				}
			}
			for _, m := range re.FindAllStringIndex(sb.String(), -1) {
				if !holdsOne([]byte(sb.String()[m[0]:m[1]]), needs(expr)) {
					t.Fatalf("`%s` matches %q, which holds none of %q", expr, sb.String()[m[0]:m[1]], got)
				}
			}
		}
	}
}
