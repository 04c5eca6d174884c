package eval

import (
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/clean"
)

// How a reported fact is matched with a gold fact, strictly: a value equals a gold value as a
// whole (every figure and every unit the gold gives), and the fact is about the gold's subject
// (a content word of its subject, or its unit, is in the gold's subject). A shared first digit
// or a shared "the" never makes a match.

// sameValue compares a gold value with a reported one. Figures compare as numbers, in order,
// all of them ("6 and 16" is not "6 points"); clock times and scores part by part ("06:40" and
// "6:40 a.m.", "10-5"); money by amount and currency ("3000000 USD" and "$3,000,000"). Words the
// gold puts beside its figures (units, "block of East 223rd Street") must all be in the
// reported value; hedges ("about", "more than") are left aside on both sides. A value without
// figures is compared as folded text. A gold value may offer readings: parenthesised words are
// optional ("(congestive) heart failure") and a slash joins alternatives ("doors/houses").
func sameValue(gold, got string) bool {
	g := valueReading(got)
	for _, alt := range goldReadings(gold) {
		if alt.matches(g) {
			return true
		}
	}
	return false
}

// reading is a value split into its figures and its other words, case folded.
type reading struct {
	figures []string // canonical: "3000000", "0.38", "06:40", "10-5"
	words   []string // stemmed, hedges removed
	text    string   // the folded text as a whole
}

func (a reading) matches(b reading) bool {
	if len(a.figures) == 0 {
		return len(b.figures) == 0 && a.text == b.text
	}
	if len(a.figures) != len(b.figures) {
		return false
	}
	for i := range a.figures {
		if a.figures[i] != b.figures[i] {
			return false
		}
	}
	for _, w := range a.words {
		found := false
		for _, x := range b.words {
			found = found || sameStem(x, w)
		}
		if !found {
			return false
		}
	}
	return true
}

var (
	parenRe     = regexp.MustCompile(`\s*\([^)]*\)`)
	thousandsRe = regexp.MustCompile(`(\d),(\d{3})\b`)
	clockRe     = regexp.MustCompile(`^(\d{1,2}):(\d{2})$`)
	scoreRe     = regexp.MustCompile(`^(\d+)[-–](\d+)$`)
	numberRe    = regexp.MustCompile(`^\d*\.?\d+$`)
)

// goldReadings expands a gold value into the readings it allows.
func goldReadings(gold string) []reading {
	texts := []string{parenRe.ReplaceAllString(gold, ""), strings.NewReplacer("(", "", ")", "").Replace(gold)}
	var out []reading
	for _, t := range texts {
		f := strings.Fields(t)
		alts := [][]string{nil}
		for _, w := range f {
			options := []string{w}
			if strings.Contains(w, "/") && !strings.ContainsAny(w, "0123456789") {
				options = strings.Split(w, "/")
			}
			var next [][]string
			for _, a := range alts {
				for _, o := range options {
					next = append(next, append(append([]string(nil), a...), o))
				}
			}
			alts = next
		}
		for _, a := range alts {
			out = append(out, valueReading(strings.Join(a, " ")))
		}
	}
	return out
}

var hedges = map[string]bool{"about": true, "around": true, "nearly": true, "almost": true, "roughly": true,
	"some": true, "approximately": true, "more": true, "than": true, "over": true, "at": true, "least": true,
	"up": true, "to": true, "fewer": true, "less": true, "under": true, "just": true, "the": true, "a": true, "an": true,
	"of": true, "and": true, "or": true}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var currencies = map[rune]string{'$': "usd", '€': "eur", '£': "gbp", '¥': "jpy"}

// valueReading reads a value's figures and words.
func valueReading(v string) reading {
	v = thousandsRe.ReplaceAllString(thousandsRe.ReplaceAllString(v, "$1$2"), "$1$2")
	var r reading
	r.text = strings.Join(strings.Fields(clean.Fold(v)), " ")
	var toks, money []string
	for _, w := range strings.Fields(strings.ToLower(v)) {
		if cur, ok := currencies[[]rune(w)[0]]; ok && len(w) > 1 {
			toks, money = append(toks, w[len(string([]rune(w)[0])):]), append(money, cur)
			continue
		}
		// "a.m." and "p.m." stay whole; other words split at hyphens and trailing punctuation
		if w == "a.m." || w == "p.m." || w == "am" || w == "pm" {
			toks = append(toks, strings.ReplaceAll(w, ".", ""))
			continue
		}
		w = strings.TrimRight(w, ",;:!?")
		if scoreRe.MatchString(w) {
			toks = append(toks, w)
			continue
		}
		for _, p := range strings.Split(w, "-") {
			if p = strings.TrimRight(p, "."); p != "" || strings.HasPrefix(w, ".") {
				toks = append(toks, p)
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		switch {
		case numberRe.MatchString(t):
			f, _ := strconv.ParseFloat(t, 64)
			if i+1 < len(toks) && scales[toks[i+1]] > 0 {
				f *= scales[toks[i+1]]
				i++
			}
			r.figures = append(r.figures, strconv.FormatFloat(f, 'f', -1, 64))
		case clockRe.MatchString(t):
			m := clockRe.FindStringSubmatch(t)
			h, _ := strconv.Atoi(m[1])
			if i+1 < len(toks) && (toks[i+1] == "pm" || toks[i+1] == "am") {
				if toks[i+1] == "pm" && h < 12 {
					h += 12
				} else if toks[i+1] == "am" && h == 12 {
					h = 0
				}
				i++
			}
			r.figures = append(r.figures, strconv.Itoa(h)+":"+m[2])
		case scoreRe.MatchString(t):
			m := scoreRe.FindStringSubmatch(t)
			r.figures = append(r.figures, m[1]+"-"+m[2])
		case strings.HasSuffix(t, "%") && numberRe.MatchString(strings.TrimSuffix(t, "%")):
			f, _ := strconv.ParseFloat(strings.TrimSuffix(t, "%"), 64)
			r.figures = append(r.figures, strconv.FormatFloat(f, 'f', -1, 64))
			r.words = append(r.words, "percent")
		case t == "percent" || t == "per" && i+1 < len(toks) && toks[i+1] == "cent":
			r.words = append(r.words, "percent")
			if t == "per" {
				i++
			}
		case hedges[t] || t == "":
		default:
			r.words = append(r.words, stemKey(strings.Trim(t, "'’.\"“”")))
		}
	}
	r.words = append(r.words, money...)
	return r
}

// functionWords carry no subject: articles, prepositions, pronouns, auxiliaries, conjunctions.
var functionWords = wordSet(`a an the of in on at to for from by with as and or but nor not no is are was were be been
	being has have had do does did will would can could may might must shall should it its it's he his him she her
	hers they their them we our us you your i my me this that these those there here which who whom whose what when
	where why how than then so if into onto over under about after before during since until per via s`)

func wordSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// genericWords name no subject by themselves: every fact has a number, a date or a name.
var genericWords = map[string]bool{"number": true, "date": true, "time": true, "year": true, "day": true,
	"length": true, "name": true, "amount": true, "value": true, "when": true, "where": true, "who": true,
	"what": true, "how": true, "many": true, "much": true, "long": true, "size": true, "count": true,
	"kind": true, "total": true, "place": true}

// stemKey stems a word.
func stemKey(w string) string { return lex.Stem(w) }

// sameStem reports two stems of one word: equal, or one the other with up to two more letters
// ("peopl" and "people", "nur" and "nurse"), the shorter three letters at least.
func sameStem(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return a == b || len(a) >= 3 && len(b)-len(a) <= 2 && strings.HasPrefix(b, a)
}

// anyShared reports a word of a that has the stem of a word of b.
func anyShared(a []string, b map[string]bool) bool {
	for _, x := range a {
		for y := range b {
			if sameStem(x, y) {
				return true
			}
		}
	}
	return false
}

// subjectWords are the content words of a subject, stemmed.
func subjectWords(s string, generic bool) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(clean.Fold(s)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if len(w) < 2 || functionWords[w] || !generic && genericWords[w] {
			continue
		}
		out[stemKey(w)] = true
	}
	return out
}

// aboutSubject reports whether a reported fact is about the gold's subject: a content word of
// its subject is in the gold's, or a word its values put beside their figures (the unit, the
// thing counted) is.
func aboutSubject(gold string, f crosscheck.Fact) bool {
	want := subjectWords(gold, true)
	if anyShared(slices.Collect(maps.Keys(subjectWords(f.Subject, false))), want) {
		return true
	}
	for _, v := range f.Values {
		if r := valueReading(v.Value); len(r.figures) > 0 && anyShared(r.words, want) {
			return true
		}
	}
	return false
}

// matchOneToOne pairs gold items with reported items so that each is used once, as many as
// can be (augmenting paths over the allowed pairs, in order, so the result is deterministic).
// ok(g, r) says whether gold item g may be matched by reported item r. It returns, for each
// gold item, the reported item it is matched with or -1.
func matchOneToOne(golds, reported int, ok func(g, r int) bool) []int {
	byReported := make([]int, reported)
	for i := range byReported {
		byReported[i] = -1
	}
	var try func(g int, seen []bool) bool
	try = func(g int, seen []bool) bool {
		for r := 0; r < reported; r++ {
			if seen[r] || !ok(g, r) {
				continue
			}
			seen[r] = true
			if byReported[r] < 0 || try(byReported[r], seen) {
				byReported[r] = g
				return true
			}
		}
		return false
	}
	for g := 0; g < golds; g++ {
		try(g, make([]bool, reported))
	}
	out := make([]int, golds)
	for i := range out {
		out[i] = -1
	}
	for r, g := range byReported {
		if g >= 0 {
			out[g] = r
		}
	}
	return out
}
