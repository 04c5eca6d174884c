package group

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// extractReference is Extract as it read before its words were split without decoding ASCII
// and its terms counted in a reused table: a string and a map assignment per term met, a
// rune decoded per character. Extract must count the same terms.
func extractReference(title, text string) Terms {
	tw, xw := wordsReference(nil, title), wordsReference(nil, text)
	t := Terms{}
	names := capitalisedInside(tw, xw)
	addWordsReference(t, tw, titleBoost, names)
	addWordsReference(t, xw, 1, names)
	return t
}

// wordsReference is words as it read before.
func wordsReference(out []word, text string) []word {
	lineStart := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			lineStart = true
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsLetter(r2) || unicode.IsDigit(r2) || ((r2 == '.' || r2 == ',') && j+n2 < len(text) && isDigitAt(text, j+n2) && j > i && isDigitAt(text, j-1)) {
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’') && j+n2 < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(next) {
					j += n2
					continue
				}
			}
			break
		}
		w := word{text: text[i:j], capital: unicode.IsUpper(r), start: lineStart}
		w.lower = strings.ToLower(w.text)
		k := j
		for k < len(text) && (text[k] == '"' || text[k] == ')' || text[k] == '\'') {
			k++
		}
		if k < len(text) && (text[k] == '.' || text[k] == '!' || text[k] == '?') {
			// "Dr. Benjamin", "Regina M. Benjamin": a title or an initial before a name.
			w.endsSentence = !(k == j && text[k] == '.' && (lex.TitleAbbrev(w.text) || isInitial(w.text)))
		}
		out = append(out, w)
		lineStart = false
		i = j
	}
	return out
}

// addWordsReference is addWords as it read before.
func addWordsReference(t Terms, ws []word, boost float64, names map[string]bool) {
	var run []string // consecutive names, for two-word names
	flush := func() {
		for k := 0; k+1 < len(run); k++ {
			t["e:"+run[k]+" "+run[k+1]] += boost
		}
		run = run[:0]
	}
	for _, w := range ws {
		lower := w.lower
		switch {
		case isNumber(lower):
			flush()
			t["n:"+strings.ReplaceAll(lower, ",", "")] += boost
		case w.capital && names[lower]:
			t["e:"+lower] += boost
			run = append(run, lower)
		case isWeekdayReference(lower):
			flush()
			t[dayPrefix+lower] += boost
		default:
			flush()
			if lex.Stopwords[lower] || utf8.RuneCountInString(lower) < 3 {
				continue
			}
			t["w:"+lex.Stem(lower)] += boost
		}
		if w.endsSentence {
			flush()
		}
	}
	flush()
}

// isWeekdayReference is isWeekday as it read before.
func isWeekdayReference(s string) bool { return slices.Contains(weekdayNames[:], s) }

// extractTexts are titles and texts for the comparisons: capitals inside and at sentences'
// starts, names of two words, numbers with separators, weekdays, titles and initials,
// apostrophes, other scripts, bad bytes.
var extractTexts = [][2]string{
	{"", ""},
	{"GENCORP <GY> SETS QUARTERLY DIVIDEND", "Gencorp Inc said its board declared a quarterly dividend of 15 cts."},
	{"Obama Flips Bush Endangered Species Ruling", "President Barack Obama on Tuesday reversed a rule.\nDr. Benjamin met Regina M. Benjamin."},
	{"Prices rose 2,400.5 pct", "Output rose 1,234,567 tonnes, or 3.5%, on Monday and FRIDAY; sundays and a Sunday'S hmm, then talks on monday, friday, sunday or wednesday."},
	{"L’Oréal’s İstanbul ÉLAN", "Über straße ΣΑΣ said O'Neil's rock'n'roll ’tis “quoted”) and (Paris). Berlin! Rome? ＦＵＬＬ Ⅻ ٣٤ ǅemal"},
	{"bad \xff bytes", "more\xfe and\x80 Bad Bytes\xc3 End. 'Quoted' Words.\" Next\n\nLine start Here"},
}

func TestExtractIsTheReference(t *testing.T) {
	for _, tt := range extractTexts {
		checkExtract(t, tt[0], tt[1])
	}
	for _, text := range corpus.Texts(t, corpus.Path(t, "bulk/reuters21578.jsonl.gz"), 2000) {
		title, body, _ := strings.Cut(text, "\n")
		checkExtract(t, title, body)
	}
}

func FuzzExtract(f *testing.F) {
	for _, tt := range extractTexts {
		f.Add(tt[0], tt[1])
	}
	f.Fuzz(checkExtract)
}

func checkExtract(t *testing.T, title, text string) {
	if got, want := words(nil, text), wordsReference(nil, text); !slices.Equal(got, want) {
		t.Errorf("words(%q) = %+v, want %+v", text, got, want)
	}
	if got, want := Extract(title, text), extractReference(title, text); !maps.Equal(got, want) {
		t.Errorf("Extract(%q, %q) = %v, want %v", title, text, got, want)
	}
}
