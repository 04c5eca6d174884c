package quote

import (
	"slices"
	"testing"
	"unicode/utf8"
)

// scanSpansByByte is scanSpans passing the bytes that open no mark one at a time: the
// reference its pass over a run of them keeps to, spans and steps alike.
func scanSpansByByte(text string) ([]span, int) {
	sc := markScanner{text: text}
	var out []span
	for i := 0; i < len(text); {
		sc.steps++
		if b := text[i]; b < utf8.RuneSelf && b != '"' && b != '\'' && b != '`' {
			i++ // no mark opens with another ASCII byte
			continue
		}
		kind, n := opener(text, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		s := span{open: i, start: i + n, kind: kind}
		end, close, ok := sc.stopAfter(kind, s.start)
		if !ok || end-s.start >= maxQuote {
			i += n
			continue
		}
		s.end, s.close = end, close
		for s.start < s.end && isSpaceByte(text[s.start]) {
			s.start++
		}
		for s.end > s.start && isSpaceByte(text[s.end-1]) {
			s.end--
		}
		if s.end <= s.start {
			i += n
			continue
		}
		out = append(out, s)
		i = s.close
	}
	return out, sc.steps
}

var markTexts = []string{"", "plain", `He said "yes" and ''no'' then ` + "``maybe''", "“Curly” ‘single’ «guillemet» „low“", "a\n\n\"b", "\xff\"x\"", "'tis `"}

func checkSpans(t *testing.T, text string) {
	got, gotSteps := scanSpans(text)
	want, wantSteps := scanSpansByByte(text)
	if !slices.Equal(got, want) || gotSteps != wantSteps {
		t.Fatalf("scanSpans(%q) = %v in %d steps, want %v in %d", text, got, gotSteps, want, wantSteps)
	}
}

func TestScanSpansPassesPlainRuns(t *testing.T) {
	for _, s := range markTexts {
		checkSpans(t, s)
	}
}

func FuzzScanSpans(f *testing.F) {
	for _, s := range markTexts {
		f.Add(s)
	}
	f.Fuzz(checkSpans)
}
