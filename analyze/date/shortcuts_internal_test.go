package date

import (
	"strings"
	"testing"
	"unicode"
)

// tenseOfFields is tense as it read the words, split into a slice and lower-cased into new
// strings: the reference the buffered reading must answer as.
func tenseOfFields(before string) int {
	f := strings.Fields(before)
	f = f[max(0, len(f)-8):]
	past := false
	prev := ""
	for _, w := range f {
		if strings.HasSuffix(w, "'ll") {
			return 1
		}
		w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }))
		switch {
		case (w == "plan" || w == "plans") && nounMarkers[prev]:
		case futureWords[w], futurePairs[prev+"_"+w]:
			return 1
		case pastWords[w], pastPairs[prev+"_"+w]:
			past = true
		}
		prev = w
	}
	if past {
		return -1
	}
	return 0
}

var tenseTexts = []string{"", "the meeting will be held on", "It was held on", "announced the plan",
	"They are going to meet", "it TOOK PLACE on", "the talks, which Were Held in Geneva, resumed on",
	"one two three four five six seven eight nine will", "will one two three four five six seven eight nine",
	"we'll meet", "\"Expected to\" close", "İt was", "a\u00a0was", strings.Repeat("x", 40) + " took place",
	"its plans for", "the plan was", "Is To be signed on"}

// normalizeExprByFields is normalizeExpr as it spelt every expression, replacing marks and
// joining the fields of each: the reference for its shortcuts.
func normalizeExprByFields(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = exprPunct.Replace(s)
	s = strings.Trim(s, ".,;:!? ")
	s = strings.Join(strings.Fields(s), " ")
	if strings.Contains(s, " : ") || strings.Contains(s, ". m") {
		s = splitClockRe.ReplaceAllString(s, "$1:$2")
		s = splitMeridiemRe.ReplaceAllString(s, "$1.m")
	}
	return spokenDays(s)
}

var exprTexts = []string{"", " ", "March 12", "march  12", "Tuesday,\tOct. 23", " last week ", "3 : 33 a. m.",
	"the 1990’s", "mid–2024", "2024—2025", "\u00a0today", "x\u0085y", "next  week.", "a\vb", "İt", "one  "}

// checkShortcuts fails where tense or normalizeExpr answer for s otherwise than their
// references.
func checkShortcuts(t *testing.T, s string) {
	if got, want := tense(s), tenseOfFields(s); got != want {
		t.Fatalf("tense(%q) = %d, want %d", s, got, want)
	}
	if got, want := normalizeExpr(s), normalizeExprByFields(s); got != want {
		t.Fatalf("normalizeExpr(%q) = %q, want %q", s, got, want)
	}
}

// tense answers as reading the words from a slice of new strings did, and normalizeExpr spells
// every expression as replacing its marks and joining its fields did.
func TestShortcutsAnswerAsBefore(t *testing.T) {
	for _, s := range append(tenseTexts, exprTexts...) {
		checkShortcuts(t, s)
	}
}

func FuzzShortcuts(f *testing.F) {
	for _, s := range append(tenseTexts, exprTexts...) {
		f.Add(s)
	}
	f.Fuzz(checkShortcuts)
}
