package date

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// The patterns the scans replace, which they must answer as.
var (
	hasYearRe      = regexp.MustCompile(`\b\d{4}\b`)
	monthWordRe    = regexp.MustCompile(`\b` + monthRe + `(?:\s|,|$)`)
	quarterValueRe = regexp.MustCompile(`^\d{4}-Q[1-4]$`)
)

// scanTexts hold years, months, quarters and prepositions, and near misses.
var scanTexts = []string{"", "in 1988", "1990s", "x1988", "1988_", "_1988", "19888", "198", "(1988)", "1988-Q3",
	"1988-Q5", "1988-q3", "1988-Q3 ", "march", "march.", "mar., 12", "march1", "xmarch", "1march", "_may",
	"may\t", "may\v", "sept.x", "september,", "in march", "In  March", "SINCE 1990", "ſince 1990", "since\u00a01990",
	"into 1990", "in", "in ", "between1990", "through 1990", "thru\n1990", "ofx 1990", "on é", "iné 1990",
	"betweenx 1990", "é march", "ﬁrst may"}

// checkScans fails where a scan answers for s otherwise than the pattern it replaces.
func checkScans(t *testing.T, s string) {
	if got, want := holdsYear(s), hasYearRe.MatchString(s); got != want {
		t.Fatalf("holdsYear(%q) = %v, want %v", s, got, want)
	}
	if got, want := monthNamed(s), monthWordRe.MatchString(s); got != want {
		t.Fatalf("monthNamed(%q) = %v, want %v", s, got, want)
	}
	if got, want := isQuarterValue(s), quarterValueRe.MatchString(s); got != want {
		t.Fatalf("isQuarterValue(%q) = %v, want %v", s, got, want)
	}
	want := s
	if loc := leadingPreposition.FindStringIndex(s); loc != nil {
		want = s[loc[1]:]
	}
	if got := stripPreposition(s); got != want {
		t.Fatalf("stripPreposition(%q) = %q, want %q", s, got, want)
	}
}

// The scans answer as their patterns: on the examples, and on the date phrases' windows of
// the first thousand Reuters articles, lower-cased and as written, when the corpus is there.
func TestScansAnswerAsTheirPatterns(t *testing.T) {
	for _, s := range scanTexts {
		checkScans(t, s)
	}
	for _, text := range firstReuters(t) {
		for c := 0; c < len(text); c++ {
			if c == 0 || text[c-1] == ' ' {
				w := text[c:min(len(text), c+maxDateText)]
				checkScans(t, w)
				checkScans(t, normalizeExpr(w))
			}
		}
	}
}

func FuzzScans(f *testing.F) {
	for _, s := range scanTexts {
		f.Add(s)
	}
	f.Fuzz(checkScans)
}

// isTimeWordLowered is isTimeWord as it lowered every ASCII word before asking whether a unit
// has its shape: the reference its asking first must answer as.
func isTimeWordLowered(w string) bool {
	if len(w) >= 4 && (strings.HasPrefix(w, "19") || strings.HasPrefix(w, "20")) && isDigitByte(w[2]) && isDigitByte(w[3]) {
		return true
	}
	if w[0] >= '0' && w[0] <= '9' && w[len(w)-1] >= '0' && w[len(w)-1] <= '9' {
		return false
	}
	if len(w) <= maxTimeWord && isASCII(w) {
		var buf [maxTimeWord]byte
		lw := lex.LowerASCII(buf[:0], w)
		unit := func(k []byte) bool { return len(k) > 0 && timeShapes.May(k[0], len(k)) && timeUnits[string(k)] }
		if unit(lw) || lw[len(lw)-1] == '.' && unit(lw[:len(lw)-1]) {
			return true
		}
		if i := bytes.LastIndexByte(lw, '-'); i >= 0 {
			return unit(lw[i+1:]) || unit(lw[:i])
		}
		return false
	}
	lw := strings.ToLower(w)
	if timeUnits[lw] || timeUnits[strings.TrimSuffix(lw, ".")] {
		return true
	}
	if i := strings.LastIndexByte(lw, '-'); i >= 0 {
		return timeUnits[lw[i+1:]] || timeUnits[lw[:i]]
	}
	return false
}

var timeWordTexts = []string{"March", "MARCH.", "mid-March", "five-HOUR", "-", "x-", "-x", "Year-", "1990s", "2024-03-12",
	"12", "12th", "A.M.", "p.m", "weeks.", "Weekend-long", "fall", "Fall.", "İt", "todaY", strings.Repeat("y", 40) + "-year"}

func checkTimeWord(t *testing.T, w string) {
	if w == "" {
		return
	}
	if got, want := isTimeWord(w), isTimeWordLowered(w); got != want {
		t.Fatalf("isTimeWord(%q) = %v, want %v", w, got, want)
	}
}

// isTimeWord answers as lowering every word did: on the examples, and on every token of the
// first thousand Reuters articles when the corpus is there.
func TestTimeWordAnswersAsBefore(t *testing.T) {
	for _, w := range timeWordTexts {
		checkTimeWord(t, w)
	}
	for _, text := range firstReuters(t) {
		for _, tok := range lex.Tokens(text) {
			checkTimeWord(t, text[tok[0]:tok[1]])
		}
	}
}

func FuzzTimeWord(f *testing.F) {
	for _, w := range timeWordTexts {
		f.Add(w)
	}
	f.Fuzz(checkTimeWord)
}

// firstReuters are the first thousand Reuters articles' texts, or none when the corpus is not
// there.
func firstReuters(t *testing.T) []string {
	if corpus.Dir() == "" {
		return nil
	}
	return corpus.Texts(t, filepath.Join(corpus.Dir(), "bulk/reuters21578.jsonl.gz"), 1000)
}
