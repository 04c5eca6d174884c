package quote

import (
	"strings"
	"testing"
)

// The scan for quote marks does work linear in the text, whatever its marks: twice the text
// takes at most about twice the steps, and a few steps a byte, not a rescan of the next few
// thousand bytes from every mark that opens and never closes.
func TestQuoteScanWorkIsLinear(t *testing.T) {
	for name, unit := range map[string]string{
		"marks":      `"“”`,
		"unclosed":   `“he said `,
		"straight":   ` "he said `,
		"paragraphs": "“a\n\n",
		"said":       `said “x,” he said, `,
		"tokenised":  "`` x '' he said, \"",
		"single":     "‘he said ’s ",
	} {
		text := strings.Repeat(unit, 100_000)
		_, once := scanSpans(text)
		_, twice := scanSpans(text + text)
		if float64(twice) > 2.1*float64(once) {
			t.Errorf("%s: %d steps for %d bytes, %d for twice as many", name, once, len(text), twice)
		}
		if perByte := float64(twice) / float64(2*len(text)); perByte > 8 {
			t.Errorf("%s: %.1f steps a byte", name, perByte)
		}
	}
}

// Quotes on a megabyte of marks and of unclosed quotes finishes and finds quotes that lie
// inside the text.
func TestPathologicalTextQuotes(t *testing.T) {
	for name, text := range map[string]string{
		"marks":    strings.Repeat(`"“”`, 350_000),
		"unclosed": strings.Repeat(`“he said `, 120_000),
		"said":     strings.Repeat(`said “x,” he said, `, 50_000),
	} {
		for _, q := range Find(text) {
			if q.Start < 0 || q.End > len(text) || q.Start > q.End {
				t.Fatalf("%s: offsets %d-%d", name, q.Start, q.End)
			}
		}
	}
}

// A window read back from a quote starts at a word, not inside one.
func TestWordStart(t *testing.T) {
	text := "the director of the Fish"
	for i, want := range map[int]int{0: 0, 4: 4, 6: 12, 12: 12, 22: 24, -3: 0} {
		if got := wordStart(text, i); got != want {
			t.Errorf("wordStart(%d) = %d, want %d", i, got, want)
		}
	}
}
