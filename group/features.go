package group

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// A Feature is one dimension of an article's vector — a word stem ("w:"), a name ("e:") or a
// number ("n:") — by its id in the clusterer's vocabulary.
type Feature struct {
	ID     int32
	Weight float32
}

// Terms are the raw counts of an article's features before weighting.
type Terms map[string]float64

// titleBoost is how many times a title's terms count.
const titleBoost = 2.0

// Extract counts the features of an article's title and text.
func Extract(title, text string) Terms {
	sc := extractScratch.Get().(*extractWords)
	defer extractScratch.Put(sc)
	tw, xw := words(sc.title[:0], title), words(sc.text[:0], text)
	sc.title, sc.text = tw, xw
	names := capitalisedInside(tw, xw)
	addWords(&sc.counts, tw, titleBoost, names)
	addWords(&sc.counts, xw, 1, names)
	clear(tw) // the words point into the texts: they are not kept in the pool
	clear(xw)
	return sc.counts.terms()
}

// extractWords is the memory Extract splits a title and a text in and counts their terms in,
// reused from article to article.
type extractWords struct {
	title, text []word
	counts      termCounts
}

var extractScratch = sync.Pool{New: func() any { return new(extractWords) }}

// capitalisedInside finds words written with a capital inside a sentence: names. A word at a
// sentence's start counts as a name only when it is capitalised inside a sentence somewhere.
func capitalisedInside(title, text []word) map[string]bool {
	names := map[string]bool{}
	if !titleCase(title) {
		capitals(title, names)
	}
	capitals(text, names)
	return names
}

// titleCase says a title capitalises its words whatever they are ("Obama Flips Bush
// Endangered Species Ruling"), so its capitals say nothing of names: at least three words
// of three letters or more that are not stop words and not in capitals throughout, and
// every such word capitalised. A headline in capitals throughout ("GENCORP <GY> SETS
// QUARTERLY DIVIDEND", a wire's) keeps its words as title names: read as words they join
// the body's, and the templated items of different companies merge (on Reuters-21578,
// 9,615 stories instead of 10,927, the largest of 247 articles, dividend notices of
// many companies).
func titleCase(ws []word) bool {
	n := 0
	for _, w := range ws {
		lower := w.lower
		if lex.Stopwords[lower] || utf8.RuneCountInString(lower) < 3 || isNumber(lower) {
			continue
		}
		if !w.capital {
			return false
		}
		if w.text != strings.ToUpper(w.text) {
			n++
		}
	}
	return n >= 3
}

func capitals(ws []word, names map[string]bool) {
	start := true
	for _, w := range ws {
		if w.start {
			start = true
		}
		if !start && w.capital && !lex.Stopwords[w.lower] {
			names[w.lower] = true
		}
		start = w.endsSentence
	}
}

type word struct {
	text         string
	lower        string // text in lower case
	capital      bool
	start        bool // first word after a line break
	endsSentence bool // followed by . ! ? (or a closing quote after one)
}

// words splits text into words of letters and digits, noting capitals and sentence ends,
// appended to out.
func words(out []word, text string) []word {
	// The lower case of an ASCII word is its bytes in the text with ASCII's capitals lowered:
	// one copy of the text, lowered so, gives them all.
	var lowered string
	lineStart := true
	i := 0
	for i < len(text) {
		// ASCII, most of a text, is told a letter or a digit by a table, without decoding.
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		if r == '\n' {
			lineStart = true
		}
		if !isWordRune(r) {
			i += n
			continue
		}
		j, ascii := i, true
		for j < len(text) {
			if asciiLower[text[j]] != 0 {
				j++
				continue
			}
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) || ((r2 == '.' || r2 == ',') && j+n2 < len(text) && isDigitAt(text, j+n2) && j > i && isDigitAt(text, j-1)) {
				ascii = ascii && n2 == 1
				j += n2
				continue
			}
			if (r2 == '\'' || r2 == '’') && j+n2 < len(text) {
				if next, _ := utf8.DecodeRuneInString(text[j+n2:]); unicode.IsLetter(next) {
					ascii = ascii && n2 == 1
					j += n2
					continue
				}
			}
			break
		}
		w := word{text: text[i:j], capital: unicode.IsUpper(r), start: lineStart}
		if ascii {
			if lowered == "" {
				lowered = string(lex.LowerASCII(make([]byte, 0, len(text)), text))
			}
			w.lower = lowered[i:j]
		} else {
			w.lower = strings.ToLower(w.text)
		}
		k := j
		for k < len(text) && (text[k] == '"' || text[k] == ')' || text[k] == '\'') {
			k++
		}
		if k < len(text) && (text[k] == '.' || text[k] == '!' || text[k] == '?') {
			// "Dr. Benjamin", "Regina M. Benjamin": a title or an initial before a name.
			w.endsSentence = !(k == j && text[k] == '.' && (lex.TitleAbbrev(w.lower) || isInitial(w.text)))
		}
		out = append(out, w)
		lineStart = false
		i = j
	}
	return out
}

// isWordRune says a rune is a letter or a digit, an ASCII one by the table (inlined).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiLower[r] != 0
	}
	return isLetterOrDigit(r)
}

func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// isInitial says a word is one capital letter.
func isInitial(s string) bool {
	r, n := utf8.DecodeRuneInString(s)
	return n == len(s) && unicode.IsUpper(r)
}

func isDigitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

func addWords(t *termCounts, ws []word, boost float64, names map[string]bool) {
	var run []string // consecutive names, for two-word names
	flush := func() {
		for k := 0; k+1 < len(run); k++ {
			t.start("e:")
			t.write(run[k])
			t.write(" ")
			t.write(run[k+1])
			t.add(boost)
		}
		run = run[:0]
	}
	for _, w := range ws {
		lower := w.lower
		switch {
		case isNumber(lower):
			flush()
			t.start("n:")
			for k := 0; k < len(lower); k++ {
				if lower[k] != ',' {
					t.key = append(t.key, lower[k])
				}
			}
			t.add(boost)
		case w.capital && names[lower]:
			t.start("e:")
			t.write(lower)
			t.add(boost)
			run = append(run, lower)
		case isWeekday(lower):
			flush()
			t.start(dayPrefix)
			t.write(lower)
			t.add(boost)
		default:
			flush()
			if utf8.RuneCountInString(lower) < 3 || lex.Stopwords[lower] { // a short word is told without a map lookup
				continue
			}
			t.start("w:")
			t.write(lex.Stem(lower))
			t.add(boost)
		}
		if w.endsSentence {
			flush()
		}
	}
	flush()
}

func isNumber(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		} else if r != '.' && r != ',' {
			return false
		}
	}
	return digits > 0
}

// dayPrefix marks the weekdays an article names: no features of its vector (every event has
// a weekday), they tell undated events of one kind apart (see Options.DaySplitBelow).
const dayPrefix = "d:"

// weekdayNames are the days of the week, Sunday first.
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

func isWeekday(s string) bool {
	// every weekday's name is six to nine letters ending in "day": most words are not
	if len(s) < 6 || len(s) > 9 || !strings.HasSuffix(s, "day") {
		return false
	}
	for _, d := range weekdayNames {
		if s == d {
			return true
		}
	}
	return false
}

// weekdayOf is the weekday an article's terms name most often, 1 (Sunday) to 7, or 0 when
// they name none or two as often, and the set of those they name (bit d for weekday d).
func weekdayOf(t Terms) (int, uint8) {
	best, bestN, tie := 0, 0.0, false
	var all uint8
	for d, name := range weekdayNames {
		n := t[dayPrefix+name]
		if n > 0 {
			all |= 1 << (d + 1)
		}
		switch {
		case n > bestN:
			best, bestN, tie = d+1, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return 0, all
	}
	return best, all
}

// kindWeight is the weight of a feature's kind. What tells two events of one kind apart (two
// earthquakes) is who and where (names) and how many (numbers), more than the words the kind
// shares.
func (o Options) kindWeight(key string) float64 {
	switch key[0] {
	case 'e':
		return o.NameWeight
	case 'n':
		return o.NumberWeight
	}
	return 1
}

// Vector is a sparse unit vector, sorted by feature id.
type Vector []Feature

// top keeps the max heaviest features (ties by id), sorted by id.
func (v Vector) top(max int) Vector {
	if len(v) > max {
		if max <= 0 {
			return v[:0]
		}
		selectHeaviest(v, max)
		v = v[:max]
	}
	sortByID(v)
	return v
}

// sortByID sorts v by feature id as slices.SortFunc(v, byID) does, the ids of a vector being
// distinct: each feature becomes one integer, its id (sign bit flipped, so that the integers
// order as the ids) above its weight's bits, and those sort without a comparison function
// called for each pair, in about a third of the time.
func sortByID(v Vector) {
	if len(v) < 2 {
		return
	}
	var buf [512]uint64
	keys := buf[:0]
	if len(v) > len(buf) {
		keys = make([]uint64, 0, len(v))
	}
	for _, f := range v {
		keys = append(keys, uint64(uint32(f.ID)^1<<31)<<32|uint64(math.Float32bits(f.Weight)))
	}
	slices.Sort(keys)
	for i, k := range keys {
		v[i] = Feature{ID: int32(uint32(k>>32) ^ 1<<31), Weight: math.Float32frombits(uint32(k))}
	}
}

// selectHeaviest moves the k heaviest features of v (by heavierFirst, a total order over
// features of distinct ids) to v[:k], in no order, 0 < k < len(v): the same features a sort
// would put first, in a pass or two over v instead of a sort of it.
func selectHeaviest(v Vector, k int) {
	lo, hi := 0, len(v)-1
	for lo < hi {
		// the median of the first, middle and last as the pivot, at hi
		mid := lo + (hi-lo)/2
		if heavierFirst(v[mid], v[lo]) < 0 {
			v[mid], v[lo] = v[lo], v[mid]
		}
		if heavierFirst(v[hi], v[lo]) < 0 {
			v[hi], v[lo] = v[lo], v[hi]
		}
		if heavierFirst(v[hi], v[mid]) < 0 {
			v[hi], v[mid] = v[mid], v[hi]
		}
		v[mid], v[hi] = v[hi], v[mid]
		p, i := v[hi], lo
		for j := lo; j < hi; j++ {
			if heavierFirst(v[j], p) < 0 {
				v[i], v[j] = v[j], v[i]
				i++
			}
		}
		v[i], v[hi] = v[hi], v[i] // the pivot, at its rank: the i before it are heavier
		switch {
		case i == k || i == k-1:
			return
		case i > k:
			hi = i - 1
		default:
			lo = i + 1
		}
	}
}

// heavierFirst orders features by weight, the heavier first, then by id.
func heavierFirst(a, b Feature) int {
	if a.Weight != b.Weight {
		if a.Weight > b.Weight {
			return -1
		}
		return 1
	}
	return cmp.Compare(a.ID, b.ID)
}

func byID(a, b Feature) int { return cmp.Compare(a.ID, b.ID) }

func (v Vector) normalize() Vector {
	var sum float64
	for _, f := range v {
		sum += float64(f.Weight) * float64(f.Weight)
	}
	if sum == 0 {
		return v
	}
	norm := float32(math.Sqrt(sum))
	for i := range v {
		v[i].Weight /= norm
	}
	return v
}

// Cosine is the cosine of two unit vectors.
func Cosine(a, b Vector) float64 {
	var dot float32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].ID < b[j].ID:
			i++
		case a[i].ID > b[j].ID:
			j++
		default:
			dot += a[i].Weight * b[j].Weight
			i, j = i+1, j+1
		}
	}
	return float64(dot)
}
