package number

import (
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// prefilterTexts hold every kind of number the expressions read, and near misses.
var prefilterTexts = []string{
	"about 1,200 troops and 3.5 percent, one of six children, as many as 20, 000 people",
	"a fifth term, a dozen eggs, an  dozen, half a dozen, a third of the vote, a quarter-century",
	"three quarters of an hour, one-half, two thirds, four fifths, twenty-four-hour, ninety nine",
	"$1.2 billion, € 5m, £3, ¥20, euro110 billion, euro 5, europe, at least $ 5, up to\t\t€4",
	"a block away, about a mile from the camp, an  kilometre south of, just over a yard down the",
	"more than\nten, less than  a sixth, as much as half, at most 4 1/2 hours, 4 1 / 2, some 30%",
	"at a, as a, some thing, over a, under an, a tenth, an eighth, a\fdozen, a\rquarter",
	"$1.2 bn dollars, $9.3 MLN, €3 m, 5 Bn pounds, 4GB, 2.4GHz, 9mm, $160MM, 110BN euros, 5 Km, 5 \u212am",
	"1,300 federal and independent scientists, 1,247 animal AND 747 plant species, three women Or two men",
	"About SOME Nearly at_least Half A a an Twenty-One HUNDRED dozens abouts " + strings.Repeat("x", 40) + ", ",
	"5 - million, 5 -million, 5  %, 5 per cent, 5\tthousand, 3 trillion, 4 -  billion, 7-percent, 2 %",
	"4 İbn, 1,300 federal\tand\nindependent, 20 \u212a\u212a and x, 40 mi",
}

// checkPrefilters fails when numberRe or aUnitAway match a window of text that their
// prefilter turned away, or when matchNumber reads a window otherwise than numberRe.
func checkPrefilters(t *testing.T, text string) {
	for _, w := range numberWindows(text) {
		dst := make([]int, 2*9)
		for k := range dst {
			dst[k] = 7 // groups of another match, which matchNumber must not leave behind
		}
		if got, want := matchNumber(w, dst), numberRe.FindSubmatchIndex(w); !slices.Equal(got, want) {
			t.Fatalf("matchNumber(%q) = %v, numberRe %v", w, got, want)
		}
		if numberRe.Match(w) && !mayBeNumber(w) {
			t.Fatalf("mayBeNumber turns away %q, which numberRe matches", w)
		}
		if scaleRe.Match(w) && !mayBeScale(w) {
			t.Fatalf("mayBeScale turns away %q, which scaleRe matches", w)
		}
		if aUnitAway.Match(w) && !mayBeUnitAway(w) {
			t.Fatalf("mayBeUnitAway turns away %q, which aUnitAway matches", w)
		}
	}
}

// checkTailPrefilters fails when an expression read after a figure matches the lower-cased
// window at a place of text that its prefilter turned away, or when isStart answers for a
// word of text otherwise than its starts' words.
func checkTailPrefilters(t *testing.T, text string) {
	window := func(i, n int) string { return strings.ToLower(text[i:min(len(text), i+n)]) }
	for i := range len(text) + 1 {
		if j := i; i < len(text) && lex.IsASCIIWord(text[i]) {
			for j < len(text) && lex.IsASCIIWord(text[j]) {
				j++
			}
			w := text[i:j]
			if got, want := isStart(numberStarts, w), numberStarts.words[strings.ToLower(w)]; got != want {
				t.Fatalf("isStart(%q) = %v, want %v", w, got, want)
			}
		}
		if spacedScale.MatchString(window(i, 24)) && !mayBeSpacedScale(text, i) {
			t.Fatalf("mayBeSpacedScale turns away %q, which spacedScale matches", text[i:])
		}
		if gluedUnit.MatchString(window(i, 16)) && !mayBeGluedUnit(text, i) {
			t.Fatalf("mayBeGluedUnit turns away %q, which gluedUnit matches", text[i:])
		}
		if coordinatedPair.MatchString(window(i, 48)) && !mayBeCoordinated(text[i:min(len(text), i+48)]) {
			t.Fatalf("mayBeCoordinated turns away %q, which coordinatedPair matches", text[i:])
		}
	}
}

// Every window the expressions match passes their prefilters, and matchNumber reads every
// window as numberRe does: in the examples, and in the first thousand Reuters articles when
// the corpus is there.
func TestPrefiltersAdmitEveryMatch(t *testing.T) {
	for _, text := range prefilterTexts {
		checkPrefilters(t, text)
		checkTailPrefilters(t, text)
	}
	for _, text := range corpus.Texts(t, corpus.Path(t, "bulk/reuters21578.jsonl.gz"), 1000) {
		checkPrefilters(t, text)
		checkTailPrefilters(t, text)
	}
}

// The prefilters turn most of the places a number may start away: they are worth their scan.
func TestPrefiltersTurnAwayWords(t *testing.T) {
	for _, s := range []string{"at the", "as it", "some of", "a man", "over there", "about him", "a mile"} {
		if mayBeNumber([]byte(s)) {
			t.Errorf("mayBeNumber(%q) = true", s)
		}
	}
	for _, s := range []string{"a third", "some 40", "at least five", "$ 5"} {
		if !mayBeNumber([]byte(s)) {
			t.Errorf("mayBeNumber(%q) = false", s)
		}
	}
	if mayBeUnitAway([]byte("a man")) || !mayBeUnitAway([]byte("about a mile")) {
		t.Error("mayBeUnitAway reads the article and the unit wrong")
	}
}

func FuzzPrefilters(f *testing.F) {
	for _, s := range prefilterTexts {
		f.Add(s)
	}
	f.Fuzz(checkPrefilters)
}

func FuzzTailPrefilters(f *testing.F) {
	for _, s := range prefilterTexts {
		f.Add(s)
	}
	f.Fuzz(checkTailPrefilters)
}
