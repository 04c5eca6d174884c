package whatlanggo

import (
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"unicode"
)

// The detector as upstream wrote it (aac1f0f737fc), kept to test that the faster one gives
// the same answers.

func count(input string) map[string]int {
	inputRunes := []rune(input)
	nInputRunes := len(inputRunes)

	runes := make([]rune, nInputRunes+1)
	for i, ir := range inputRunes {
		runes[i] = unicode.ToLower(toTrigramChar(ir))
	}
	runes[nInputRunes] = ' '

	var r1, r2, r3 rune
	trigrams := map[string]int{}

	r1, r2 = ' ', runes[0]
	for i := 1; i < len(runes); i++ {
		r3 = runes[i]
		if !(r2 == ' ' && (r1 == ' ' || r3 == ' ')) {
			trigrams[string([]rune{r1, r2, r3})]++
		}
		r1 = r2
		r2 = r3
	}
	return trigrams
}

func calculateDistance(langTrigrams []string, textTrigramsWeights map[string]int) (totalDist, numberTrigrams int) {
	for i, trigram := range langTrigrams {
		if textTrigramsWeights[trigram] > 0 {
			numberTrigrams++
			totalDist += (maxTrigramDistance - i) * textTrigramsWeights[trigram]
		}
	}
	return totalDist, numberTrigrams
}

// referenceDistances are upstream's distances of text to every language of list.
func referenceDistances(text string, list langProfileList) map[Lang]langDistance {
	weights := count(text)
	out := map[Lang]langDistance{}
	for lang, trigrams := range list {
		dist, n := calculateDistance(trigrams, weights)
		out[lang] = langDistance{lang, dist, n}
	}
	return out
}

// referenceScript is upstream's DetectScript.
func referenceScript(text string) *unicode.RangeTable {
	halfLen := len(text) / 2
	scriptCounter := []scriptCounter{
		{isLatin, unicode.Latin, 0}, {isCyrillic, unicode.Cyrillic, 0}, {isArabic, unicode.Arabic, 0},
		{isDevanagari, unicode.Devanagari, 0}, {isHiraganaKatakana, _HiraganaKatakana, 0},
		{isEthiopic, unicode.Ethiopic, 0}, {isHebrew, unicode.Hebrew, 0}, {isBengali, unicode.Bengali, 0},
		{isGeorgian, unicode.Georgian, 0}, {isHan, unicode.Han, 0}, {isHangul, unicode.Hangul, 0},
		{isGreek, unicode.Greek, 0}, {isKannada, unicode.Kannada, 0}, {isTamil, unicode.Tamil, 0},
		{isThai, unicode.Thai, 0}, {isGujarati, unicode.Gujarati, 0}, {isGurmukhi, unicode.Gurmukhi, 0},
		{isTelugu, unicode.Telugu, 0}, {isMalayalam, unicode.Malayalam, 0}, {isOriya, unicode.Oriya, 0},
		{isMyanmar, unicode.Myanmar, 0}, {isSinhala, unicode.Sinhala, 0}, {isKhmer, unicode.Khmer, 0},
	}
	for _, ch := range text {
		if isStopChar(ch) {
			continue
		}
		for i, sc := range scriptCounter {
			if sc.checkFunc(ch) {
				scriptCounter[i].count++
				if scriptCounter[i].count > halfLen {
					return sc.script
				}
				if i > 0 {
					scriptCounter[i], scriptCounter[i-1] = scriptCounter[i-1], scriptCounter[i]
				}
			}
		}
	}
	jpCount := 0
	max := 0
	maxScript := &unicode.RangeTable{}
	for _, script := range scriptCounter {
		if script.count > max {
			max = script.count
			maxScript = script.script
			if script.script == _HiraganaKatakana {
				jpCount = max
			}
		}
	}
	switch {
	case max == 0:
		return nil
	case maxScript == unicode.Han && jpCount > 0:
		return _HiraganaKatakana
	default:
		return maxScript
	}
}

// sampleTexts are the examples' texts, whole and cut, mixed with each other, and random runs
// of their characters, of ASCII and of invalid bytes.
func sampleTexts(t *testing.T) []string {
	raw, err := os.ReadFile("testdata/examples.json")
	if err != nil {
		t.Fatal(err)
	}
	var examples map[string]string
	if err := json.Unmarshal(raw, &examples); err != nil {
		t.Fatal(err)
	}
	var texts []string
	var all []rune
	for _, s := range examples {
		texts = append(texts, s, s[:len(s)/3], strings.ToUpper(s), s+" 12, 3.4 -- "+s)
		all = append(all, []rune(s)...)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 400 {
		a, b := texts[r.IntN(len(texts))], texts[r.IntN(len(texts))]
		texts = append(texts, a[:r.IntN(len(a)+1)]+b[r.IntN(len(b)+1):])
		var sb strings.Builder
		for range r.IntN(200) {
			switch r.IntN(4) {
			case 0:
				sb.WriteByte(byte(r.IntN(256)))
			case 1:
				sb.WriteByte(byte(r.IntN(128)))
			default:
				sb.WriteRune(all[r.IntN(len(all))])
			}
		}
		texts = append(texts, sb.String())
	}
	return append(texts, "", " ", ".", "a", "ab", "-a-", "\xff", "a\xffb")
}

func TestCountTrigramsIsUpstreamCount(t *testing.T) {
	for _, text := range sampleTexts(t) {
		want := count(text)
		got := countTrigrams(text)
		if len(got) != len(want) {
			t.Fatalf("%q: %d trigrams, upstream %d", text, len(got), len(want))
		}
		for k, n := range got {
			if want[k.String()] != n {
				t.Fatalf("%q: trigram %q counted %d, upstream %d", text, k.String(), n, want[k.String()])
			}
		}
	}
}

func TestDetectScriptIsUpstreams(t *testing.T) {
	for _, text := range sampleTexts(t) {
		if got, want := DetectScript(text), referenceScript(text); got != want {
			t.Fatalf("%q: script %v, upstream %v", text, Scripts[got], Scripts[want])
		}
	}
	for r := rune(0); r < 0x80; r++ {
		for _, is := range []func(rune) bool{isCyrillic, isArabic, isDevanagari, isHiraganaKatakana, isEthiopic, isHebrew,
			isBengali, isGeorgian, isHan, isHangul, isGreek, isKannada, isTamil, isThai, isGujarati, isGurmukhi, isTelugu,
			isMalayalam, isOriya, isMyanmar, isSinhala, isKhmer} {
			if is(r) {
				t.Fatalf("ASCII %q is of a script other than Latin", r)
			}
		}
	}
}

// TestDetectIsUpstreams checks that every language's distance is upstream's, so that the
// language and confidence are upstream's: upstream read the languages in map order, so on a
// tie between the first two it could give either.
func TestDetectIsUpstreams(t *testing.T) {
	lists := map[*profileIndex]langProfileList{latinIndex: latinLangs, cyrillicIndex: cyrillicLangs,
		devanagariIndex: devanagariLangs, hebrewIndex: hebrewLangs, ethiopicIndex: ethiopicLangs, arabicIndex: arabicLangs}
	ties := 0
	for _, text := range sampleTexts(t) {
		for index, list := range lists {
			index.once.Do(index.build)
			want := referenceDistances(text, list)
			lang, conf := detectLangInProfiles(text, Options{}, index)
			best := []langDistance{}
			for _, d := range want {
				best = append(best, d)
			}
			wantLang, wantConf := calculateConfidence(best)
			if lang != wantLang || conf != wantConf {
				d1, d2 := best[0], best[1]
				if d1.dist == d2.dist && (lang == d1.lang || lang == d2.lang) {
					ties++
					continue
				}
				t.Fatalf("%q: %v (%v), upstream %v (%v)", text, lang, conf, wantLang, wantConf)
			}
		}
	}
	// the whitelist and blacklist still choose among the languages
	text := "Además de todo lo anteriormente dicho, también encontramos..."
	if got := DetectLangWithOptions(text, Options{Whitelist: map[Lang]bool{Eng: true, Fra: true}}); got != Eng && got != Fra {
		t.Errorf("whitelisted English and French, got %v", got)
	}
	if got := DetectLangWithOptions(text, Options{Blacklist: map[Lang]bool{Spa: true}}); got == Spa {
		t.Errorf("blacklisted Spanish, got it")
	}
	t.Logf("%d ties between the first two languages", ties)
}

func BenchmarkDetect(b *testing.B) {
	raw, _ := os.ReadFile("testdata/examples.json")
	var examples map[string]string
	json.Unmarshal(raw, &examples)
	text := strings.Repeat(examples["eng"]+" ", 3000/len(examples["eng"])+1)[:3000]
	for b.Loop() {
		Detect(text)
	}
}

func BenchmarkDetectUpstream(b *testing.B) {
	raw, _ := os.ReadFile("testdata/examples.json")
	var examples map[string]string
	json.Unmarshal(raw, &examples)
	text := strings.Repeat(examples["eng"]+" ", 3000/len(examples["eng"])+1)[:3000]
	for b.Loop() {
		referenceScript(text)
		var ds []langDistance
		for _, d := range referenceDistances(text, latinLangs) {
			ds = append(ds, d)
		}
		calculateConfidence(ds)
	}
}
