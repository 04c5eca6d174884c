package extract

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// languageSample is how much text language detection reads: enough to be sure, little enough
// to be fast.
const languageSample = 500

// stopwords are the most frequent function words of the languages news is most often written
// in. When they make the language plain, detection need not compare the text with every
// language's trigram profile, which is most of the cost of ingesting an article.
var stopwords = map[string]map[string]bool{
	"en": set("the of and to in a is that for on said it with as was by at he from his be are have has an not but were this which"),
	"de": set("der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an werden aus er hat dass sie nach wird bei"),
	"fr": set("le la les de des et en un une du est que pour dans qui au sur par pas plus a ne se ce il sont avec ont été"),
	"es": set("el la de que y en los se del las un por con no una su para es al lo como más pero sus le ha fue"),
	"it": set("il di che e la in un per è non una del della con si le da al i dei gli ha sono come anche"),
	"pt": set("de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao"),
	"nl": set("de het een en van in is dat op te zijn voor met niet aan er die als ook door maar om bij"),
}

// languages are the languages of stopwords in order, and stopwordLanguages the languages
// each function word is one of, a bit per language: the text's words are looked up once, not
// once per language.
var languages, stopwordLanguages = func() ([]string, map[string]uint8) {
	langs := slices.Sorted(maps.Keys(stopwords))
	of := map[string]uint8{}
	for i, lang := range langs {
		for w := range stopwords[lang] {
			of[w] |= 1 << i
		}
	}
	return langs, of
}()

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Language detects the ISO 639-1 language of text, or "" when unsure.
func Language(text string) string {
	if len(text) > languageSample {
		cut := languageSample
		for cut > 0 && text[cut]&0xc0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	if lang := byStopwords(text); lang != "" {
		return lang
	}
	info := whatlanggo.Detect(text)
	if info.Confidence < 0.2 && len(text) > 200 {
		return ""
	}
	return info.Lang.Iso6391()
}

// byStopwords returns the language whose function words make up a large share of the text's
// words and clearly more than any other's, or "".
func byStopwords(text string) string {
	counts := make([]int, len(languages))
	count := func(l uint8) {
		for ; l != 0; l &= l - 1 {
			counts[bits.TrailingZeros(uint(l))]++
		}
	}
	n := 0
	if lex.IsASCII(text) {
		n = asciiWords(text, func(w []byte) { count(stopwordLanguages[string(w)]) })
	} else {
		words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' })
		for _, w := range words {
			count(stopwordLanguages[w])
		}
		n = len(words)
	}
	if n < 20 {
		return ""
	}
	return likeliest(counts, n)
}

// likeliest is the language of the most function words (counts, by languages) among a text's
// words, when they make a large share of them and clearly more than any other's, or "".
func likeliest(counts []int, words int) string {
	best, bestN, secondN := "", 0, 0
	for i, lang := range languages {
		n := counts[i]
		switch {
		case n > bestN || (n == bestN && lang < best):
			best, bestN, secondN = lang, n, bestN
		case n > secondN:
			secondN = n
		}
	}
	// A quarter of the words, three times the runner-up's; or, in text thin on function words
	// (tables of figures, terse briefs), a tenth and four times the runner-up's.
	if bestN*4 >= words && bestN >= 3*secondN || bestN*10 >= words && bestN >= 4*secondN && bestN >= 4 {
		return best
	}
	return ""
}

// asciiWords calls count with each word of an ASCII text in lower case, its runs of letters
// and apostrophes as byStopwords splits it, and returns how many there are; the words are
// lowered into a buffer, not new strings, and one too long to be a function word is counted
// but not passed.
func asciiWords(text string, count func(w []byte)) int {
	n := 0
	var buf [16]byte
	for i := 0; i < len(text); {
		if !isWordByte(text[i]) {
			i++
			continue
		}
		j := i
		for j < len(text) && isWordByte(text[j]) {
			j++
		}
		if w := text[i:j]; len(w) <= len(buf) {
			count(lex.LowerASCII(buf[:0], w))
		}
		n, i = n+1, j
	}
	return n
}

func isWordByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b == '\'' }
