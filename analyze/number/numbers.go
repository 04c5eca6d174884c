package number

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// Number is the domain's number; this package finds them.
type Number = crosscheck.Number

// Find finds the numbers of a text with what they count: "28-point plan" (28 point, plan),
// "five hours" (5 hour), "four additional documents" (4 document), "one-fifth of Ukraine's
// territory" (0.2, territory), "nearly four-year long war" (≈4 year, war), "$1.2 billion"
// (1.2e9 USD), "3,000 troops" (3000 troop).
func Find(text string) []Number { return numbers(text, nil) }

// numbers is Numbers, counting in tries, when set, the expressions it tries to match: its
// work, each try bounded by maxNumberText.
func numbers(text string, tries *int) []Number {
	orig := text
	text = unquoteModifiers(text) // `200 "made" soldiers`: 200 soldiers, its text as written
	var out []Number
	buf := foldedBuffers.Get().(*[]byte)
	folded := lex.LowerASCII((*buf)[:0], text) // the text in ASCII lower case, read in windows
	defer func() {
		*buf = folded[:0]
		foldedBuffers.Put(buf)
	}()
	var groups [2 * 9]int // the groups of the match at hand, read before the next is tried
	for c := 0; c < len(text); {
		at := NextStart(text, c, numberStarts, true)
		if at < 0 {
			break
		}
		if tries != nil {
			*tries++
		}
		lower := folded[at:min(len(text), at+maxNumberText):min(len(text), at+maxNumberText)]
		var m []int
		if mayBeNumber(lower) {
			m = matchNumber(lower, groups[:])
		}
		if m == nil {
			if n, ok := oneUnitAway(text, at, lower); ok {
				n.Text = orig[n.Start:n.End]
				out = append(out, n)
				c = n.End
				continue
			}
			c = at + 1
			continue
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += at
			}
		}
		n, ok := readNumber(text, m)
		if ok {
			n.Text = orig[n.Start:n.End]
			out = append(out, n)
		}
		c = m[1] // as FindAll does, go on after the match
		if !ok || n.End < m[1] {
			// the words the match ran past belong to no number yet: "one of six children"
			// reads "six children" next
			c = max(m[7], n.End)
		}
	}
	return out
}

// foldedBuffers hold the lower-cased texts numbers reads, only while it runs: one buffer kept
// from a text to the next instead of a new copy of each.
var foldedBuffers = sync.Pool{New: func() any { return new([]byte) }}

// aUnitAway is one unit of distance written with "a" before where it is measured from:
// "a block away", "about a mile from the camp", "a mile south of the border". Groups: 1 the
// approximation, 2 the unit.
var aUnitAway = regexp.MustCompile(`^(?:(about|around|nearly|almost|roughly|just over|just under|more than|less than|under|over)\s+)?an?\s+(mile|block|kilometre|kilometer|yard|metre|meter|foot)\s+(?:away|from|(?:north|south|east|west)\s+of|outside|down the|up the)\b`)

// oneUnitAway reads a distance of one unit written with "a" at at ("a block away"); lower is
// the text from at in lower case.
func oneUnitAway(text string, at int, lower []byte) (Number, bool) {
	if !mayBeUnitAway(lower) {
		return Number{}, false
	}
	m := aUnitAway.FindSubmatchIndex(lower)
	if m == nil {
		return Number{}, false
	}
	unit := string(lower[m[4]:m[5]])
	if u, ok := unitNames[unit]; ok {
		unit = u
	}
	n := Number{Start: at, End: at + m[5], Value: 1, Unit: unit}
	if m[2] >= 0 {
		n.Approx = string(lower[m[2]:m[3]])
	}
	n.Text = text[n.Start:n.End]
	return n, true
}

// maxNumberText bounds the text a number with its words may span.
const maxNumberText = 256

// numberStarts are the words a number expression may begin with: an approximation, a number
// word, "half", "a" ("a third").
var numberStarts = NewStarts(func() map[string]bool {
	m := map[string]bool{"half": true, "a": true}
	for _, w := range strings.Fields(`nearly almost about around approximately roughly some more over less under up
	at just as zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
	sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred dozen`) {
		m[w] = true
	}
	return m
}())

// NextStart finds, from c on, the next place an expression can begin: a word at a word
// boundary that is a figure or one of starts, or with currency a currency sign. Trying an
// anchored expression only there finds what an unanchored search over every position would,
// as long as every expression begins with such a word.
func NextStart(text string, c int, starts *Starts, currency bool) int {
	for i := c; i < len(text); {
		b := text[i]
		// "€" begins with byte 0xE2, "£" and "¥" with 0xC2
		if currency && (b == '$' || b == 0xE2 && strings.HasPrefix(text[i:], "€") || b == 0xC2 && (strings.HasPrefix(text[i:], "£") || strings.HasPrefix(text[i:], "¥"))) {
			return i
		}
		if currency && (b == 'e' || b == 'E') && (i == 0 || !lex.IsASCIIWord(text[i-1])) && euroFigure(text[i:]) {
			return i // "euro110 billion"
		}
		if !lex.IsASCIIWord(b) || (i > 0 && lex.IsASCIIWord(text[i-1])) {
			i++
			continue
		}
		j := i
		for j < len(text) && lex.IsASCIIWord(text[j]) {
			j++
		}
		if b >= '0' && b <= '9' || isStart(starts, text[i:j]) {
			return i
		}
		i = j
	}
	return -1
}

// Starts are the words, in lower case, that NextStart stops at.
type Starts struct {
	words  map[string]bool
	shapes *lex.Shapes // a word of no start's first letter and length is not looked up
}

const maxStart = 32

// NewStarts makes the starts of words, in lower case.
func NewStarts(words map[string]bool) *Starts {
	return &Starts{words: words, shapes: lex.ShapesOf(words)}
}

// isStart reports whether the ASCII word w, in lower case, is one of starts: lowered into a
// buffer on the stack, not a new string, unless it is long, and looked up only when a word
// of its first letter and length is.
func isStart(starts *Starts, w string) bool {
	if len(w) >= maxStart {
		return starts.words[strings.ToLower(w)]
	}
	b := w[0]
	if b >= 'A' && b <= 'Z' {
		b += 'a' - 'A'
	}
	if !starts.shapes.May(b, len(w)) {
		return false
	}
	var buf [maxStart]byte
	return starts.words[string(lex.LowerASCII(buf[:0], w))]
}

// euroFigure reports "euro" written against a figure: "euro110 billion".
func euroFigure(s string) bool {
	return len(s) > 4 && strings.EqualFold(s[:4], "euro") && s[4] >= '0' && s[4] <= '9'
}

// numWord lists the teens and tens before the units they begin with, so that "sixty-five" and
// "fourteen" are not read as "six…" and "four…".
const numWord = `(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred|dozen)`

// numberRe, anchored where NextStart points: an approximation, a currency sign, the figure (digits, words or a fraction), a
// scale (after a space or a hyphen: "$143-billion"), then a unit or counted noun (joined by a hyphen or a space) and the noun it may
// qualify. Groups: 1 approx, 2 currency, 3 figure, 4 scale or "percent", 5 a "%" sign, 6
// hyphen unit, 7 noun after the hyphen unit, 8 spaced words. It matches text in ASCII lower
// case (lowerASCII), whose offsets are the text's. matchNumber matches it part by part.
var numberRe = regexp.MustCompile(`^(?:(?:\b(` + strings.Join(numberApprox, "|") + `)\s+)?` +
	`(?:([$€£¥]|euro)\s?|\b)` +
	`(` + strings.Join(figureAlternatives, "|") + `)` + scalePart + `?` + tailPart + `?)`)

// figureAlternatives are the ways of writing numberRe's figure, the first that matches
// winning.
var figureAlternatives = []string{`\d+ \d ?/ ?[2-9]\b`, `\d{1,3}(?:, ?\d{3}\b)+(?:\.\d+)?`, `\d+(?:\.\d+)?`,
	`(?:one|two|three)-(?:half|third|quarter|fourth|fifth|sixth|tenth)s?`,
	`(?:one|two|three|four|five)\s(?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?\b`,
	`a\s(?:fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b`, `(?:half\s)?an?\sdozen\b`,
	numWord + `(?:[\s-]` + numWord + `)*`, `(?:half|a third|a quarter|three quarters)(?: of an?\b| an?\b)?`}

// scalePart and tailPart are what numberRe reads after the figure: a scale or a percent sign
// (groups 4 and 5), then a unit and its noun or the words after the figure (groups 6 to 8).
const (
	scalePart = `(?:(?:\s+|\s?-\s?)(thousand|million|billion|trillion|percent|per cent)\b|\s*(%))`
	tailPart  = `(?: ?- ?([a-z]+)(?:[\s-]+(?:long\s+|old\s+)?([a-z]+))?|((?:\s+(?:[a-z]+))(?:\s+[a-z]+)?))`
)

// The parts of numberRe matchNumber matches one after the other: the figure in words by
// figureRe (in digits by digitFigureEnd), the scale by scaleRe, what follows by matchTail.
var (
	figureRe = lex.NewAlternatives(figureAlternatives)
	scaleRe  = regexp.MustCompile(`^` + scalePart)
)

// matchNumber is numberRe.FindSubmatchIndex(s), matched part by part: numberRe is too large
// for the regexp package's backtracker, and its automaton cost most of the reading of
// numbers. Its parts come in an order that leaves one way to read each: an approximation is
// one word with all the white space after it, for a currency or a figure cannot begin with
// white space; the approximation is taken when a figure follows it, as the pattern prefers it;
// a currency sign is taken with a white space after it, then without, then not at all; and
// since all that follows the figure may be empty, the first way of writing the figure that
// matches is the pattern's, then the first scale, then the first unit or words.
// The groups are written into dst, of 2*9 places, and the match is dst or nil.
func matchNumber(s []byte, dst []int) []int {
	for _, a := range numberApprox {
		if !opensWith(s, a) {
			continue
		}
		if j, ok := afterWord(s, 0, a); ok {
			if m := numberFrom(s, j, dst); m != nil {
				m[2], m[3] = 0, len(a)
				return m
			}
			break // one approximation at most begins s
		}
	}
	return numberFrom(s, 0, dst)
}

// numberFrom matches numberRe's currency, figure and what follows at i, where a word
// boundary is the start of a word.
func numberFrom(s []byte, i int, dst []int) []int {
	if n := currencyAt(s, i); n > 0 {
		c := i + n
		m := []int(nil)
		if c < len(s) && isSpaceByte(s[c]) {
			m = figureFrom(s, c+1, dst)
		}
		if m == nil {
			m = figureFrom(s, c, dst)
		}
		if m != nil {
			m[4], m[5] = i, c
			return m
		}
	}
	if i < len(s) && lex.IsASCIIWord(s[i]) {
		return figureFrom(s, i, dst)
	}
	return nil
}

// currencyAt is the length of numberRe's currency sign or "euro" at i, or 0.
func currencyAt(s []byte, i int) int {
	for _, c := range []string{"$", "€", "£", "¥", "euro"} {
		if hasPrefixAt(s, i, c) {
			return len(c)
		}
	}
	return 0
}

// figureFrom matches the figure at i and what follows it, its groups written into dst.
func figureFrom(s []byte, i int, dst []int) []int {
	end := i + digitFigureEnd(s[i:])
	if end == i {
		f := figureRe.FindIndex(s[i:])
		if f == nil {
			return nil
		}
		end = i + f[1]
	}
	m := dst[:2*9]
	for k := range m {
		m[k] = -1
	}
	m[0], m[6], m[7] = 0, i, end
	if mayBeScale(s[end:]) {
		if g := scaleRe.FindSubmatchIndex(s[end:]); g != nil {
			copyGroups(m, 4, g, end)
			end += g[1]
		}
	}
	if g, ok := matchTail(s[end:]); ok {
		copyGroups(m, 6, g[:], end)
		end += g[1]
	}
	m[1] = end
	return m
}

// copyGroups sets numberRe's groups from first on from a part's groups, found at off.
func copyGroups(m []int, first int, g []int, off int) {
	for k := 2; k < len(g); k++ {
		if g[k] >= 0 {
			m[2*first+k-2] = g[k] + off
		}
	}
}

var scales = map[string]float64{"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}

var fractions = map[string]float64{"half": 0.5, "third": 1.0 / 3, "quarter": 0.25, "fourth": 0.25, "fifth": 0.2, "sixth": 1.0 / 6,
	"seventh": 1.0 / 7, "eighth": 0.125, "ninth": 1.0 / 9, "tenth": 0.1}

// spacedFraction is a fraction written in two words ("one quarter", "a sixth", "two thirds",
// "one-fourth"): it is one only before what it is a fraction of ("one quarter the power", "a
// sixth of the space"); before another noun the second word is an ordinal ("a fifth term")
// or a noun counted ("one quarter").
var spacedFraction = regexp.MustCompile(`^(?:a|one|two|three|four|five)[\s-](?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)s?$`)

// fractionOf is what a fraction is of: "of the usual size", "the power", "of Ukraine's
// territory". Group 1 opens the noun phrase.
var fractionOf = regexp.MustCompile(`^\s+(?:of\s+(?:the\s+|its\s+|their\s+)?|the\s+)(?:[\p{L}]+['’]s\s+)?()[a-z]`)

var currencies = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "euro": "EUR"}

// unitNames are the units written as words or abbreviations under one name: "110 billion
// euros" is in EUR as "€110 billion" is, "86 yds" in yards as "86 yards" are.
var unitNames = map[string]string{"euro": "EUR", "dollar": "USD", "yd": "yard", "meter": "metre",
	"kilometer": "kilometre", "km": "kilometre", "kilometre": "kilometre", "kg": "kilogram", "lb": "pound",
	"gigabyte": "GB", "gb": "GB", "megabyte": "MB", "mb": "MB", "terabyte": "TB", "tb": "TB",
	"ghz": "GHz", "mhz": "MHz", "ft": "foot", "feet": "foot", "mph": "mile per hour"}

// gluedUnit reads a unit or scale written against its figure: "4GB", "2.66GHz", "$334m",
// "110bn euros", "30bn", "$160MM" (the financial press's "MM", a thousand thousands). Groups: 1
// the unit or scale, 2 a currency named after "bn" or "m".
var gluedUnit = regexp.MustCompile(`^(gb|mb|tb|ghz|mhz|km|kg|bn|mm|m)s?\b(?:\s?-?\s?(euro|dollar)s?\b)?`)

// skipWords may stand between a number and what it counts ("four additional documents").
var skipWords = map[string]bool{"additional": true, "more": true, "new": true, "other": true, "separate": true,
	"extra": true, "further": true, "different": true, "previous": true, "consecutive": true, "straight": true,
	"full": true, "long": true, "old": true, "senior": true, "top": true, "key": true, "main": true, "major": true}

// notCounted cannot be what a number counts.
var notCounted = map[string]bool{"of": true, "and": true, "or": true, "to": true, "in": true, "on": true, "at": true,
	"the": true, "a": true, "an": true, "is": true, "was": true, "were": true, "are": true, "have": true, "has": true,
	"for": true, "by": true, "with": true, "that": true, "than": true, "from": true, "as": true, "said": true,
	"people": false, "but": true, "it": true, "he": true, "she": true, "they": true, "we": true,
	"over": true, "under": true, "against": true, "above": true, "below": true, "after": true, "before": true,
	"since": true, "during": true, "into": true, "per": true, "up": true, "down": true, "while": true,
	"this": true, "next": true, "last": true, "its": true, "their": true, "his": true, "her": true, "if": true,
	"when": true, "will": true, "would": true, "had": true, "be": true, "been": true, "not": true,
	"vs": true, "versus": true, "gmt": true, "utc": true, "est": true, "edt": true, "et": true, "pst": true,
	"pdt": true, "cst": true, "cdt": true, "am": true, "pm": true}

func readNumber(text string, m []int) (Number, bool) {
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	figure := strings.ToLower(group(3))
	value, ok := figureValue(figure)
	if !ok || afterMonth(text, m[6]) {
		return Number{}, false // "March 12" is a date: the dates stage reads it
	}
	if m[0] == m[6] && group(2) == "" && codeAt(text, m[6]) == "" && partOfName(text, m[6], m[7]) {
		return Number{}, false // "Curve 8900", "Route 52": a name's number, not a count
	}
	if decimalsOfGlued(text, m[6]) {
		return Number{}, false // the ".72bn" of "Dh472.72bn": the decimals of a figure glued to its sign
	}
	if (figure == "dozen" || figure == "hundred") && vagueBefore.MatchString(strings.ToLower(text[max(0, m[6]-12):m[6]])) {
		return Number{}, false // "several dozen people": no figure
	}
	n := Number{Start: m[0], Value: value, Approx: strings.ToLower(group(1))}
	end := m[7] // the figure's end
	if spacedFraction.MatchString(figure) {
		if f, ok := fractionNumber(text, n, end); ok || !strings.Contains(figure, "-") && figure != "a third" && figure != "a quarter" {
			return f, ok // "one-third stake", "a quarter-century" are read below
		}
	}
	if s := strings.ToLower(group(4)); s != "" {
		end = m[9]
		switch s {
		case "percent", "per cent":
			n.Unit = "percent"
		default:
			n.Value *= scales[s]
		}
	}
	if group(5) != "" {
		n.Unit, end = "percent", m[11]
	}
	if c := group(2); c != "" {
		n.Unit = currencies[strings.ToLower(c)]
	}
	if code := codeAt(text, m[6]); code != "" && n.Unit == "" && n.Approx == "" {
		n.Unit = code // "a EUR 5 billion loan"
	}
	if end == m[7] && group(6) == "" && group(8) == "" {
		end = readGluedUnit(text, end, &n)
	}
	spaced := false
	if end == m[7] && group(6) == "" {
		end, spaced = readSpacedScale(text, end, &n) // "1.2 bn dollars", "$9.3 mln"
	}
	if n.Unit == "" && group(6) == "" && group(8) == "" {
		// "41.2C", "41.2°C": a temperature written close to its figure
		if u := temperature.FindString(text[end:min(len(text), end+4)]); u != "" {
			n.Unit, end = "degree", end+len(u)
		}
	}
	switch {
	case group(6) != "": // "28-point plan", "four-year long war"
		n.Unit = singular(strings.ToLower(group(6)))
		end = m[13]
		if noun := strings.ToLower(group(7)); noun != "" && notCounted[noun] {
			if o := oldAfter.FindStringIndex(text[m[13]:min(len(text), m[13]+8)]); o != nil {
				n.Counted, end = "old", m[13]+o[1] // "a 15-year-old was arrested": the person is not named
			}
		} else if noun != "" {
			n.Counted = singular(noun)
			end = m[15]
			if head, e := countedHead(text, m[14], false); head != "" {
				n.Counted, end = singular(head), e // "a 24-hour nationwide general strike"
			}
		}
	case group(8) != "" && !spaced: // "five hours", "four additional documents", "one-fifth of Ukraine's territory"
		words := strings.Fields(strings.ToLower(group(8)))
		if len(words) > 1 && words[0] == "us" && strings.HasPrefix(words[1], "dollar") {
			words = words[1:] // "3 million US dollars"
		}
		pos := m[16]
		if at := coordinated(text, pos); at >= 0 {
			pos, words = at, strings.Fields(strings.ToLower(text[at:min(len(text), at+48)])) // the modifiers are passed
			words = words[:min(2, len(words))]
		}
		window := func(from int) string { return strings.ToLower(text[from:min(len(text), from+64)]) }
		for len(words) > 1 && (skipWords[words[0]] || adjective(words[0]) || Participle(words[0], words[1])) {
			pos += strings.Index(window(pos), words[0]) + len(words[0])
			words = words[1:]
		}
		_, isNumberWord := numberWords[firstOr(words)]
		if len(words) > 1 && n.Unit == "" && (words[0] == "percentage" || words[0] == "basis") && strings.HasPrefix(words[1], "point") {
			// "half a percentage point", "50 basis points": a change of a rate, in points
			if words[0] == "basis" {
				n.Value /= 100
			}
			n.Unit = "percentage point"
			end = pos + strings.Index(window(pos), words[1]) + len(words[1])
		} else if len(words) > 0 && !notCounted[words[0]] && !isDigitWord(words[0]) && !isNumberWord {
			w := words[0]
			at := strings.Index(window(pos), w)
			end = pos + at + len(w)
			if !measureUnits[singular(w)] && unitNames[w] == "" {
				if head, e := countedHead(text, pos+at, n.Value != 1); head != "" {
					w, end = head, e // "three young men", "two Israeli tank shells"
				}
			}
			if n.Unit == "" {
				n.Unit = singular(w)
			} else {
				n.Counted = singular(w)
			}
			if measureUnits[w] && w == singular(w) && n.Value != 1 && n.Counted == "" {
				// "an 80 yard touchdown pass": a unit in the singular after a larger figure
				// qualifies the noun after it, as "80-yard" does
				if head, e := countedHead(text, end, false); head != "" && !measureUnits[head] {
					n.Counted, end = singular(head), e
				}
			}
			if o := oldAfter.FindStringIndex(text[end:min(len(text), end+8)]); o != nil && n.Unit == "year" && n.Counted == "" {
				n.Counted, end = "old", end+o[1] // "a 22 year - old resident": an age, not a span of years
			}
			end = readOf(text, end, &n)
		} else if len(words) > 0 && words[0] == "of" && (fractionFigure(figure) || n.Unit == "percent") {
			// "one-fifth of Ukraine's territory", "52.3% of the vote": the noun after "of …'s"
			if rest := ofNoun.FindStringSubmatchIndex(text[m[16]:min(len(text), m[16]+80)]); rest != nil {
				n.Counted = singular(strings.ToLower(text[m[16]+rest[2] : m[16]+rest[3]]))
				end = m[16] + rest[3]
			}
		}
	}
	if code := currencyNamed(n, text, end, group(4) != "" && n.Unit != "percent"); code == "cent" {
		n.Unit, n.Value = "USD", n.Value/100 // "69 cents"
	} else if code != "" {
		n.Unit = code // "500 million yuan", "2 million Swiss francs"
	} else if u, ok := unitNames[n.Unit]; ok {
		n.Unit = u
	}
	n.Unit = currencyOf(text, n, figure)
	if n.Value == 0 && figure != "zero" && !strings.ContainsAny(figure, "0123456789") {
		return Number{}, false
	}
	// a bare year or a plain word number with nothing counted says little; keep counts only
	if n.Unit == "" && n.Counted == "" && !strings.ContainsAny(figure, "0123456789") && !numberedBefore.MatchString(text[max(0, n.Start-12):n.Start]) &&
		CasualtyVerb(text[max(0, n.Start-24):n.Start]) == "" && !OfThose.MatchString(text[end:min(len(text), end+16)]) {
		return Number{}, false
	}
	if n.Value >= 1900 && n.Value <= 2100 && isDigitWord(figure) && (n.Unit == "" && n.Counted == "" || yearBefore(n.Unit)) {
		return Number{}, false // a year, alone or before what it dates ("the 2016 election"): the dates stage reads those
	}
	n.End = end
	n.Text = text[n.Start:end]
	return n, true
}

// coordinated is where the second of two modifiers joined by "and" or "or" starts, when the
// pair qualifies the plural noun after them ("1,300 federal and independent scientists"
// counts scientists), or -1. A plural is a noun counted already ("three women and two men"),
// and a figure after the conjunction opens another count ("1,247 animal and 747 plant
// species").
func coordinated(text string, pos int) int {
	window := text[pos:min(len(text), pos+48)]
	if !mayBeCoordinated(window) {
		return -1
	}
	m := coordinatedPair.FindStringSubmatchIndex(strings.ToLower(window))
	if m == nil {
		return -1
	}
	first, second := text[pos+m[2]:pos+m[3]], strings.ToLower(text[pos+m[4]:pos+m[5]])
	if isPluralWord(strings.ToLower(first), first) || lex.Stopwords[strings.ToLower(first)] || lex.Stopwords[second] || notCounted[second] {
		return -1
	}
	if _, ok := numberWords[second]; ok {
		return -1
	}
	if head, _ := countedHead(text, pos+m[4], true); head == "" || !isPluralWord(head, head) {
		return -1
	}
	return pos + m[4]
}

// coordinatedPair is two words joined by "and" or "or". Groups: the first, the second.
var coordinatedPair = regexp.MustCompile(`^\s+([a-z]+)\s+(?:and|or)\s+([a-z]+)\b`)

// fractionNumber reads what a fraction written in two words is of, from the figure's end:
// the head of the noun phrase after "of" or "the" ("one quarter the power", "a sixth of the
// usual size"); without one it is no fraction.
func fractionNumber(text string, n Number, end int) (Number, bool) {
	m := fractionOf.FindStringSubmatchIndex(strings.ToLower(text[end:min(len(text), end+80)]))
	if m == nil {
		return Number{}, false
	}
	head, e := countedHead(text, end+m[2], false)
	if head == "" {
		return Number{}, false
	}
	n.Counted, n.End = singular(head), e
	n.Text = text[n.Start:e]
	return n, true
}

// OfThose follows a count of people said before: "all seven of those who were tried".
var OfThose = regexp.MustCompile(`^\s+of\s+those\s+who\b`)

// numberedBefore is a noun that numbers the items of a series: the figure after it names an
// item, in words as well as in digits ("page twenty").
var numberedBefore = regexp.MustCompile(`\b(?:page|chapter|section|exit|gate|platform|route|pier)\s+$`)

// casualtyBefore is a verb of killing or wounding at the end of the text before a figure,
// with a hedge at most between them.
var casualtyBefore = regexp.MustCompile(`(?i)\b(killed|killing|kills|wounded|wounding|injured|injuring)\s+(?:at least\s+|about\s+|some\s+|nearly\s+|more than\s+|around\s+)?$`)

// CasualtyVerb is the verb of killing or wounding, in lower case, that ends before, the text
// right before a figure ("which he said killed seven", "wounding at least 20", "killed about
// 40"), or "": the figure then counts people, in words as in digits.
func CasualtyVerb(before string) string {
	if m := casualtyBefore.FindStringSubmatch(before); m != nil {
		return strings.ToLower(m[1])
	}
	return ""
}

// measureUnits are units a figure measures in, which are not what it counts.
var measureUnits = lex.WordSet(`second minute hour day week month year decade century yard mile metre meter kilometre
	kilometer foot feet inch acre hectare pound kilogram ton tonne gallon litre liter barrel degree point percent`)

// partitives count a thing by its parts or members: "31 pieces of fire apparatus", "12 members
// of the family".
var partitives = lex.WordSet("piece member unit pair round group set batch")

// notHead are words a noun phrase does not run past: verbs a count is the subject or object
// of, and words that open a clause ("three shells landed", "40 people died").
var notHead = lex.WordSet(`struck hit fell shot fled came went took left got ran won lost led held met made paid sent set
	spent stood gave saw told found began broke brought bought caught fought sought drew grew knew threw rose sank
	spoke wrote lay remain remains face faces all both each only also still who which whom whose what where
	there here so just even like including among such then yet nor plus`)

// countedHead reads the noun phrase that starts at from — at most four words, up to a function
// word, a verb, an adverb or punctuation — and returns its head and where it ends: for a count
// above one, the last of the first plurals ("two Israeli tank shells" → shells; "two
// plainclothes police officers" → officers), otherwise the last word ("a 15-year department
// veteran" → veteran). An all-capital word ("FLDS") is not a plural. For a count above one, an
// "and" or "or" after a word that is no plural joins two modifiers of the plural after them
// ("1,300 federal and independent scientists" → scientists).
func countedHead(text string, from int, plural bool) (string, int) {
	head, end, inPlural := "", from, false
	for i, n := from, 0; n < 4; n++ {
		for i < len(text) && text[i] == ' ' {
			i++
		}
		j := i
		for j < len(text) && (isLetterByte(text[j]) || j > i && (text[j] == '-' || text[j] == '\'') && j+1 < len(text) && isLetterByte(text[j+1])) {
			j++
			if j < len(text) && !isLetterByte(text[j]) && spacedCompound(text, i, j) {
				j += len(" - ") // "512 single - core servers", as tokenised text writes "single-core"
			}
		}
		if j == i || j < len(text) && lex.IsASCIIWord(text[j]) {
			break
		}
		w := strings.ToLower(text[i:j])
		if (w == "and" || w == "or") && n > 0 && plural && !inPlural && head != "" && !isDigitWord(head) {
			i = j // "1,300 federal and independent scientists": two modifiers of one plural after them
			continue
		}
		if notCounted[w] || notHead[w] || lex.Stopwords[w] && !pluralNouns[w] || strings.HasSuffix(w, "ly") && !lyNouns[w] ||
			n > 0 && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) {
			break
		}
		isPlural := plural && isPluralWord(w, text[i:j])
		if inPlural && !isPlural && acronym(text[i:j]) && j < len(text) && text[j] == ' ' {
			i = j // "two plainclothes NYPD officers": an acronym qualifies the plural after it
			continue
		}
		if inPlural && !isPlural {
			break // the run of plurals has ended: "three shells landed", "two tank shells"
		}
		head, end, inPlural = w, j, isPlural
		if i = j; j >= len(text) || text[j] != ' ' {
			break
		}
	}
	return head, end
}

// acronym reports a word in capitals of two letters or more ("NYPD", "UN").
func acronym(w string) bool { return len(w) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w }

// spacedCompound reports a word [i, j) joined by a spaced hyphen to the next ("single - core",
// as tokenised text writes "single-core"): a modifier, not a plural noun counted and a word
// after it ("three young men - all cousins").
func spacedCompound(text string, i, j int) bool {
	if !strings.HasPrefix(text[j:], " - ") || j+3 >= len(text) || !isLetterByte(text[j+3]) {
		return false
	}
	w := strings.ToLower(text[i:j])
	if k := strings.LastIndexAny(w, " -"); k >= 0 {
		w = w[k+1:]
	}
	k := j + 3
	for k < len(text) && isLetterByte(text[k]) {
		k++
	}
	next := strings.ToLower(text[j+3 : k])
	return !isPluralWord(w, w) && !lex.Stopwords[w] && !notHead[w] && !lex.Stopwords[next] && !notCounted[next]
}

// lyNouns end like adverbs ("previously") but are nouns a phrase can end on.
var lyNouns = lex.WordSet("family supply assembly rally ally belly jelly bully monopoly anomaly lily italy july")

// isPluralWord guesses a plural noun by its ending or from pluralNouns; an all-capital word
// ("FLDS") is an acronym.
func isPluralWord(w, orig string) bool {
	if pluralNouns[w] {
		return true
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 2 && strings.ToUpper(orig) != orig
}

func isLetterByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// readOf reads what a unit or a part counts ("31 pieces of fire apparatus", "5,000 gallons
// of water") into n.Counted, and a rate's second unit ("gallons per minute", "gallons of
// water a minute") into its unit; it returns where the number now ends.
func readOf(text string, end int, n *Number) int {
	if !partitives[n.Unit] && !measureUnits[n.Unit] {
		return end // neither a part nor a unit: nothing of it to read
	}
	rest := strings.ToLower(text[end:min(len(text), end+48)])
	if partitives[n.Unit] || measureUnits[n.Unit] && n.Counted == "" {
		if m := ofPhrase.FindStringSubmatchIndex(rest); m != nil {
			if head, e := countedHead(text, end+m[2], false); head != "" && !measureUnits[head] {
				n.Counted, end = singular(head), e
				rest = strings.ToLower(text[end:min(len(text), end+48)])
			}
		}
	}
	if measureUnits[n.Unit] {
		if m := perUnit.FindStringSubmatchIndex(rest); m != nil {
			n.Unit += " per " + rest[m[2]:m[3]]
			end += m[1]
		}
	}
	return end
}

var ofPhrase = regexp.MustCompile(`^\s+of\s+(?:the\s+|an?\s+)?()[a-z]`)

var perUnit = regexp.MustCompile(`^\s+(?:per|a|an|every|each)\s+(second|minute|hour|day|week|month|year)\b`)

// readGluedUnit reads a unit or scale written against the figure that ends at end ("4GB",
// "$334m", "110bn euros") into n, and returns where the number now ends.
func readGluedUnit(text string, end int, n *Number) int {
	if !mayBeGluedUnit(text, end) {
		return end
	}
	g := gluedUnit.FindStringSubmatchIndex(strings.ToLower(text[end:min(len(text), end+16)]))
	if g == nil {
		return end
	}
	switch u := strings.ToLower(text[end+g[2] : end+g[3]]); {
	case u == "m" && text[end+g[2]] == 'M' && n.Unit == "":
		return end // "GeForce 9400M": a name, not metres
	case u == "bn":
		n.Value *= 1e9
	case u == "mm" && n.Unit == "":
		return end // "a 9mm pistol": a calibre, not a sum
	case u == "mm":
		n.Value *= 1e6 // "$160MM"
	case u == "m" && n.Unit != "":
		n.Value *= 1e6 // "$334m"
	case u == "m":
		n.Unit = "metre"
	default:
		n.Unit = u
	}
	if g[4] >= 0 {
		n.Unit = unitNames[strings.ToLower(text[end+g[4]:end+g[5]])]
	}
	return end + g[1]
}

// yearBefore reports a noun a year stands before ("the 2016 election", "a 2015 agreement"):
// one in the singular, where a count would take the plural; units and currencies are not.
func yearBefore(unit string) bool {
	if unit == "" || unitNames[unit] != "" || durationWords[unit] || unit == "percent" || strings.ToUpper(unit) == unit {
		return false
	}
	return !pluralNouns[unit]
}

// durationWords are the units of time a year figure can count ("1900 years").
var durationWords = lex.WordSet("second minute hour day week month year decade century")

// pluralNouns are plurals that do not end in s, which singular leaves as they are.
var pluralNouns = lex.WordSet("people men women children police personnel staff troops cattle feet teeth")

var vagueBefore = regexp.MustCompile(`\b(?:several|a few|few|many|some)\s+$`)

// oldAfter is "-old" after a span of years, the noun of the person left out.
var oldAfter = regexp.MustCompile(`^\s?-\s?old\b`)

var temperature = regexp.MustCompile(`^°?[CF]\b`)

var ofNoun = regexp.MustCompile(`^\s+of\s+(?:the\s+)?(?:[\p{L}]+['’]s\s+)?([a-z]+)`)

// Participle guesses a past participle used as an adjective before the noun it qualifies
// ("900 planned operations"), not a verb after the number ("five injured were taken").
func Participle(w, next string) bool {
	return strings.HasSuffix(w, "ed") && len(w) > 4 && !notCounted[next] && !strings.HasSuffix(next, "ed")
}

// afterMonth reports whether the figure at i follows a month's name.
func afterMonth(text string, i int) bool {
	if i < 0 {
		return false
	}
	last := lex.LastWord(text[max(0, i-12):i])
	if last == "" {
		return false
	}
	_, ok := lex.LowerKey(lex.MonthNames, strings.TrimSuffix(last, "."))
	return ok
}

// adjective guesses an adjective by its ending: "contentious", "additional", "armed".
func adjective(w string) bool {
	for _, suf := range []string{"ous", "ive", "ful", "ic", "able", "ible", "ary", "ent", "ant", "ern"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

func firstOr(words []string) string {
	if len(words) == 0 {
		return ""
	}
	return words[0]
}

// isDigitWord reports a word strconv.Atoi reads: a sign at most and digits, checked without
// the error Atoi makes for every other word.
func isDigitWord(w string) bool {
	d := strings.TrimLeft(w[min(len(w), 1):], "0123456789")
	switch {
	case w == "" || d != "":
		return false
	case w[0] >= '0' && w[0] <= '9':
	case (w[0] == '+' || w[0] == '-') && len(w) > 1:
	default:
		return false
	}
	if len(w) < 19 {
		return true // no overflow
	}
	_, err := strconv.Atoi(w)
	return err == nil
}

func fractionFigure(f string) bool {
	for k := range fractions {
		if strings.Contains(f, k) {
			return true
		}
	}
	return false
}

// FigureValue reads a figure written in digits or words: "3,000", "six", "twenty four".
func FigureValue(f string) (float64, bool) { return figureValue(strings.ToLower(f)) }

// mixedFraction is a whole number and a fraction: "4 1/2", as tokenised text writes it "4 1 / 2".
var mixedFraction = regexp.MustCompile(`^(\d+) (\d) ?/ ?(\d)$`)

// digitGroups drops the separators of a figure ("1,250", "12 000") before it is read.
var digitGroups = strings.NewReplacer(",", "", " ", "")

// figureValue reads "4 1/2", "3,000", "1.2", "twenty four", "one-fifth", "a quarter", "half".
func figureValue(f string) (float64, bool) {
	if m := mixedFraction.FindStringSubmatch(f); m != nil {
		whole, _ := strconv.Atoi(m[1])
		num, _ := strconv.Atoi(m[2])
		den, _ := strconv.Atoi(m[3])
		if num < den {
			return float64(whole) + float64(num)/float64(den), true // "4 1/2 hours", "4 1 / 2 hours"
		}
	}
	if v, err := strconv.ParseFloat(digitGroups.Replace(f), 64); err == nil {
		return v, true
	}
	f = strings.TrimPrefix(f, "a ")
	f = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(f, " an"), " a"), " of") // "a quarter of a"
	if f == "three quarters" {
		return 0.75, true
	}
	if v, ok := fractions[f]; ok {
		return v, true
	}
	if i := strings.IndexAny(f, "- "); i > 0 {
		if frac, ok := fractions[strings.TrimSuffix(f[i+1:], "s")]; ok {
			whole, ok := Count(f[:i])
			if ok && whole > 0 {
				return float64(whole) * frac, true
			}
		}
	}
	if f == "dozen" {
		return 12, true
	}
	if f == "half a dozen" {
		return 6, true
	}
	n, ok := Count(strings.ReplaceAll(f, "-", " "))
	if !ok || n < 0 {
		return 0, false
	}
	return float64(n), true
}

// singular turns a plural noun into its singular, enough for units and counted things.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// Equal reports whether two values are the same number, allowing for rounding in print.
func Equal(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(a))
}

// numberWords are the counts written in words.
var numberWords = map[string]int{"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
	"forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
	"a couple of": 2, "couple of": 2, "a few": -1, "few": -1, "several": -1, "some": -1, "many": -1}

// Count reads a count written in figures or words ("24", "twenty four", "a couple of");
// 0 with true means none was written, -1 an unknown number ("several").
func Count(s string) (int, bool) {
	if s == "" {
		return 0, true
	}
	if n, err := strconv.Atoi(strings.ReplaceAll(s, ",", "")); err == nil {
		return n, true
	}
	if n, ok := numberWords[s]; ok {
		return n, true
	}
	total := 0
	words := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
	if len(words) > 1 && (words[0] == "a" || words[0] == "an") {
		words = words[1:] // "a three-year period" counts three
	}
	for _, w := range words {
		if w == "dozen" {
			total = max(total, 1) * 12 // "two dozen": 24
			continue
		}
		n, ok := numberWords[w]
		if !ok || n < 0 {
			return 0, false
		}
		if n == 100 {
			total = max(total, 1) * 100
			continue
		}
		total += n
	}
	return total, total > 0
}
