package reconcile

import (
	"slices"
	"strings"
	"unicode"

	"github.com/crosscheck/crosscheck"
	"golang.org/x/text/unicode/norm"
)

// Noise on news the rules were not written for (docs/noise-audit.md): what a careful reader
// would not call a conflict, or not a fact at all, taken out of the facts once they are made.

// quiet returns the facts without their noise: values of a name that are one spelling
// (sameSpelling) are one value, a value that only differs from another in how its label is
// written is that value, and a count read from a piece of a date or a clock time is no count.
// A fact left with one article is dropped; one left with one value agrees.
func (s *story) quiet(facts []crosscheck.Fact) []crosscheck.Fact {
	out := facts[:0]
	for _, f := range facts {
		if f.Kind == "count" {
			f.Values = s.dropTimePieces(f.Values)
		}
		if f.Kind == "date" {
			f.Values = s.dropPostDays(f.Values)
		}
		if f.Kind == "name" || f.Kind == "place" {
			f.Values = foldValues(f.Values, sameSpelling)
		}
		f.Values = s.foldRounded(f.Kind, foldValues(f.Values, sameLabel))
		if f.Verdict == "conflict" && f.Kind == "date" {
			f.Values = s.oneNight(s.dropSpanEnds(f.Values))
		}
		if f.Verdict == "conflict" {
			f.Values = s.doersApart(f.Kind, s.holdersApart(f.Kind, s.scopedApart(f.Values)))
			f.Values = s.futureApart(f.Kind, s.runsApart(f.Kind, s.scopesApart(f.Kind, s.linesApart(f.Kind, f.Values))))
			f.Values = s.ratesApart(f.Kind, s.harmsApart(f.Kind, s.populationsApart(f.Kind, s.bearingsApart(f.Kind, f.Values))))
		}
		if distinctArticles(f.Values) < 2 {
			continue
		}
		f.Verdict = "agree"
		if len(f.Values) > 1 {
			f.Verdict = "conflict"
		}
		out = append(out, f)
	}
	return out
}

// foldValues joins into one the values that same says are one, into the value more articles
// give (the first of equals).
func foldValues(values []crosscheck.FactValue, same func(a, b string) bool) []crosscheck.FactValue {
	var out []crosscheck.FactValue
next:
	for _, v := range values {
		for i, o := range out {
			if same(o.Value, v.Value) {
				if len(v.Articles) > len(o.Articles) {
					out[i] = joinValues(v, o)
				} else {
					out[i] = joinValues(o, v)
				}
				continue next
			}
		}
		out = append(out, v)
	}
	return out
}

func distinctArticles(values []crosscheck.FactValue) int {
	seen := map[string]bool{}
	for _, v := range values {
		for _, id := range v.Articles {
			seen[id] = true
		}
	}
	return len(seen)
}

// sameSpelling reports two spellings of a name that a reader takes for one: they differ
// only in letter case ("Ka'loni", "Ka'Loni"), accents ("Vendome", "Vendôme") or the regular
// differences of British and American spelling ("Recognised", "Recognized"; "Theatre",
// "Theater"; see spellingEndings).
func sameSpelling(a, b string) bool {
	return a != b && spellingKey(a) == spellingKey(b)
}

// spellingKey is a name in lower case, without accents, each word with a British ending
// written the American way.
func spellingKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(name)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	words := strings.Fields(b.String())
	for i, w := range words {
		if i > 0 {
			words[i] = americanEnding(w)
		}
	}
	return strings.Join(words, " ")
}

// spellingEndings are the regular endings of British spelling and their American form, from
// the standard accounts of the two (-our/-or, -re/-er, -ise/-ize, -yse/-yze, -ogue/-og,
// -ence/-ense, "adviser"/"advisor"). Only words longer than minSpelled letters are rewritten,
// so that short words ("four", "metre") keep their letters, and never a name's first word,
// which is a person's given name as often as not ("Seymour").
var spellingEndings = []struct{ british, american string }{
	{"isations", "izations"}, {"isation", "ization"}, {"isers", "isors"}, {"iser", "isor"},
	{"ised", "ized"}, {"ises", "izes"}, {"ising", "izing"}, {"ise", "ize"},
	{"ysed", "yzed"}, {"yse", "yze"}, {"ours", "ors"}, {"our", "or"}, {"tres", "ters"}, {"tre", "ter"},
	{"ogues", "ogs"}, {"ogue", "og"}, {"ence", "ense"},
}

const minSpelled = 5

func americanEnding(w string) string {
	if len(w) <= minSpelled {
		return w
	}
	for _, e := range spellingEndings {
		if strings.HasSuffix(w, e.british) {
			return strings.TrimSuffix(w, e.british) + e.american
		}
	}
	return w
}

// sameLabel reports two labels of one figure that differ only in case or in a plural "s"
// ("14 children", "14 childrens"). Labels that are not figures are left to their kind's rules
// ("Hurricane George", "Hurricane Georges").
func sameLabel(a, b string) bool {
	return a != b && startsWithDigit(a) && labelKey(a) == labelKey(b)
}

func startsWithDigit(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

func labelKey(label string) string {
	words := strings.Fields(strings.ToLower(label))
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, "s")
	}
	return strings.Join(words, " ")
}

// dropTimePieces drops the evidence of a count that is a piece of a clock time ("with 7:42
// left" is no count of 42) or the day of a date ("on 10 October 2011"), and the values left
// without evidence.
func (s *story) dropTimePieces(values []crosscheck.FactValue) []crosscheck.FactValue {
	return s.dropEvidence(values, func(a *article, ev crosscheck.Evidence) bool {
		return timePiece(a.Text, ev.Start, ev.End)
	})
}

// dropEvidence drops the evidence that drop says is no evidence of the value, and the values
// left without evidence; a value that had no evidence stays.
func (s *story) dropEvidence(values []crosscheck.FactValue, drop func(*article, crosscheck.Evidence) bool) []crosscheck.FactValue {
	var out []crosscheck.FactValue
	for _, v := range values {
		if len(v.Evidence) == 0 {
			out = append(out, v)
			continue
		}
		var kept []crosscheck.FactValue
		for _, ev := range v.Evidence {
			a := s.byID[ev.Article]
			if a != nil && drop(a, ev) {
				continue
			}
			if len(kept) == 0 {
				kept = append(kept, crosscheck.FactValue{Value: v.Value})
			}
			k := &kept[0]
			k.Evidence = append(k.Evidence, ev)
			if !slices.Contains(k.Articles, ev.Article) {
				k.Articles = append(k.Articles, ev.Article)
			}
		}
		out = append(out, kept...)
	}
	return out
}

// timePiece reports the figure text[start:end] as part of a clock time (a digit and a colon
// before it, "7:42") or the day of a date (a month's name after it, "10 October").
func timePiece(text string, start, end int) bool {
	if start < 0 || end > len(text) || start >= end {
		return false
	}
	before := strings.TrimRight(text[:start], " ")
	if strings.HasSuffix(before, ":") {
		before = strings.TrimRight(strings.TrimSuffix(before, ":"), " ")
		if before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9' {
			return true
		}
	}
	fig := text[start:end]
	if i := strings.IndexFunc(fig, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
		end = start + i // the figure only: a count's span may run over its noun
	}
	after := strings.Fields(text[end:min(len(text), end+12)])
	return len(after) > 0 && monthNames[strings.ToLower(strings.Trim(after[0], ".,"))]
}

// monthNames are the English months, in full and as news abbreviates them.
var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true,
	"july": true, "august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// scopedApart drops from a conflict of figures the values whose sentences are about another
// scope than the first value's: two stat lines of different games or seasons ("hit .358 with
// 13 homers and 43 RBIs in 54 games", "finished with 33 homers and 121 RBI") differ in every
// figure they give of one thing. A value is apart when each of its sentences is apart from
// each of the first value's (figuresApart). Two sentences that contradict each other in two
// figures are taken apart too ("moved back 12 weeks ago … four years ago", "six weeks ago …
// for the past three years"): the price of a rule that reads no structure.
func (s *story) scopedApart(values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || !startsWithDigit(values[0].Value) {
		return values
	}
	figs := map[crosscheck.Evidence]map[string][]string{} // read once, when first asked
	read := func(ev crosscheck.Evidence) (map[string][]string, bool) {
		f, ok := figs[ev]
		if !ok {
			if f, ok = s.sentenceFigures(ev); !ok {
				f = nil
			}
			figs[ev] = f
		}
		return f, f != nil
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if !allApart(values[0], v, read) {
			out = append(out, v)
		}
	}
	return out
}

// allApart reports each sentence of value b apart from each of a's, their figures read by
// read; it stops at the first pair that is not.
func allApart(a, b crosscheck.FactValue, read func(crosscheck.Evidence) (map[string][]string, bool)) bool {
	if len(a.Evidence) == 0 || len(b.Evidence) == 0 {
		return false
	}
	for _, x := range a.Evidence {
		fx, ok := read(x)
		if !ok {
			return false
		}
		for _, y := range b.Evidence {
			fy, ok := read(y)
			if !ok || !figuresApart(fx, fy) {
				return false
			}
		}
	}
	return true
}

// sentenceFigures are the figures of the sentence that holds ev, other than ev's own, by the
// word after each ("13 homers": "homer"); false when the sentence is not found.
func (s *story) sentenceFigures(ev crosscheck.Evidence) (map[string][]string, bool) {
	a := s.byID[ev.Article]
	if a == nil {
		return nil, false
	}
	i := a.sentenceAt(ev.Start)
	if i < 0 {
		return nil, false
	}
	sp := a.sentences[i].span
	out := map[string][]string{}
	for _, m := range figureWord.FindAllStringSubmatchIndex(a.Text[sp[0]:sp[1]], -1) {
		start, end := sp[0]+m[2], sp[0]+m[3]
		if start < ev.End && end > ev.Start {
			continue // the value itself
		}
		fig := strings.ReplaceAll(a.Text[start:end], ",", "")
		if n, ok := smallNumbers[strings.ToLower(fig)]; ok {
			fig = n
		}
		unit := ""
		if m[4] >= 0 {
			unit = strings.TrimSuffix(strings.ToLower(a.Text[sp[0]+m[4]:sp[0]+m[5]]), "s")
		}
		out[unit] = append(out[unit], fig)
	}
	return out, true
}

// figureWord is a figure, in digits or a small number's word, and the word after it.
var figureWord = mustGate(`(?i)\b(\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b(?:\s*-\s*|\s+)?([a-z]+)?`)

var smallNumbers = map[string]string{"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6",
	"seven": "7", "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12"}

// figuresApart reports two sentences about different scopes: they give figures of some same
// thing and share no figure at all.
func figuresApart(a, b map[string][]string) bool {
	differ := false
	for unit, xs := range a {
		for _, x := range xs {
			if holdsFigure(b, x) {
				return false
			}
		}
		if unit != "" && len(b[unit]) > 0 {
			differ = true
		}
	}
	return differ
}

func holdsFigure(figs map[string][]string, fig string) bool {
	for _, xs := range figs {
		if slices.Contains(xs, fig) {
			return true
		}
	}
	return false
}
