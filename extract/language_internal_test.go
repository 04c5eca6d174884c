package extract

import (
	"math/bits"
	"strings"
	"testing"
	"unicode"
)

// byStopwordsOfFields is byStopwords as it split every text, lower-cased whole, into a slice
// of words: the reference its reading of ASCII text without them must answer as.
func byStopwordsOfFields(text string) string {
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
	if len(words) < 20 {
		return ""
	}
	counts := make([]int, len(languages))
	for _, w := range words {
		for l := stopwordLanguages[w]; l != 0; l &= l - 1 {
			counts[bits.TrailingZeros(uint(l))]++
		}
	}
	return likeliest(counts, len(words))
}

var languageTexts = []string{"",
	"The minister said on Tuesday that the talks with the unions had failed and that a strike was likely in the spring.",
	"Der Minister sagte am Dienstag, dass die Gespräche mit den Gewerkschaften gescheitert seien und ein Streik wahrscheinlich ist.",
	"Le ministre a dit mardi que les discussions avec les syndicats ont échoué et qu'une grève est probable au printemps prochain.",
	"THE OF AND TO IN A IS THAT FOR ON SAID IT WITH AS WAS BY AT HE FROM HIS BE ARE HAVE HAS AN NOT BUT WERE",
	"Shr 1.20 dlrs vs 1.05 dlrs Net 12.3 mln vs 10.1 mln Revs 300 mln vs 280 mln the of and to in a is",
	"de la que el en y los se del las un por con no una su para es al lo como más pero sus le ha fue it's o'clock",
	"het een en van in is dat op te zijn voor met niet aan er die als ook door maar om bij " + strings.Repeat("x", 40),
}

// checkStopwords fails when byStopwords reads a text's function words otherwise than splitting
// it into a slice did.
func checkStopwords(t *testing.T, s string) {
	if got, want := byStopwords(s), byStopwordsOfFields(s); got != want {
		t.Fatalf("byStopwords(%q) = %q, want %q", s, got, want)
	}
}

func TestStopwordsAreFieldsReading(t *testing.T) {
	for _, s := range languageTexts {
		checkStopwords(t, s)
	}
}

func FuzzStopwords(f *testing.F) {
	for _, s := range languageTexts {
		f.Add(s)
	}
	f.Fuzz(checkStopwords)
}
