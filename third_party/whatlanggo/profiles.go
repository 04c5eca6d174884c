package whatlanggo

import (
	"slices"
	"sync"
	"unicode/utf8"
)

// profileIndex is a list of language profiles turned inside out: for each trigram, the
// languages whose profile holds it and at what rank. Scoring a text then costs a lookup per
// distinct trigram of the text, where reading every profile cost a lookup per trigram of
// every language (some 300 × 40 for the Latin script) whatever the text's length.
type profileIndex struct {
	once      sync.Once
	list      langProfileList
	langs     []Lang // the list's languages, in increasing order
	byTrigram map[trigramKey][]rankedLang
}

// rankedLang is one language whose profile holds a trigram: its place in profileIndex.langs
// and the trigram's rank in its profile.
type rankedLang struct {
	lang, rank int32
}

var (
	latinIndex      = &profileIndex{list: latinLangs}
	cyrillicIndex   = &profileIndex{list: cyrillicLangs}
	devanagariIndex = &profileIndex{list: devanagariLangs}
	hebrewIndex     = &profileIndex{list: hebrewLangs}
	ethiopicIndex   = &profileIndex{list: ethiopicLangs}
	arabicIndex     = &profileIndex{list: arabicLangs}
)

func (x *profileIndex) build() {
	for lang := range x.list {
		x.langs = append(x.langs, lang)
	}
	slices.Sort(x.langs)
	x.byTrigram = map[trigramKey][]rankedLang{}
	for i, lang := range x.langs {
		for rank, trigram := range x.list[lang] {
			// a text's trigrams are three characters; a profile entry of another length can
			// never be found in one
			if key, ok := profileKey(trigram); ok {
				x.byTrigram[key] = append(x.byTrigram[key], rankedLang{int32(i), int32(rank)})
			}
		}
	}
}

// trigramKey is a trigram's three characters, 21 bits each, in one number.
type trigramKey uint64

func keyOf(r1, r2, r3 rune) trigramKey {
	return trigramKey(r1)<<42 | trigramKey(r2)<<21 | trigramKey(r3)
}

// String returns the trigram.
func (k trigramKey) String() string {
	const mask = 1<<21 - 1
	return string([]rune{rune(k >> 42), rune(k >> 21 & mask), rune(k & mask)})
}

// profileKey returns the key of a profile's trigram s, and whether s is three characters.
func profileKey(s string) (trigramKey, bool) {
	var r [3]rune
	n := 0
	for _, c := range s {
		if n == 3 {
			return 0, false
		}
		r[n] = c
		n++
	}
	return keyOf(r[0], r[1], r[2]), n == 3 && utf8.ValidString(s)
}
