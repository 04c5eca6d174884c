package quote

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The scan for quote marks: which marks open a quote, which close it, and where a quote that
// runs over paragraphs ends, found for the whole text in one pass per kind of mark.

// spans finds the quoted stretches of text. Curly, guillemet, straight and single quotes pair
// up, and so do the marks of tokenised text (two backticks, a straight mark or two apostrophes
// to open, two apostrophes to close); a quote open at the end of a paragraph continues when
// the next paragraph opens with a quote mark, as newspapers print long quotes. White space
// just inside the marks is not the quote's.
func spans(text string) []span {
	out, _ := scanSpans(text)
	return out
}

// scanSpans is spans with the steps of work it took: each byte read and each stop looked at
// counts one. Every byte is read at most once per kind of mark and every stop resolved once,
// so the work is linear in the text, whatever its quote marks.
func scanSpans(text string) ([]span, int) {
	sc := markScanner{text: text}
	var out []span
	for i := 0; i < len(text); {
		if j := plainRunEnd(text, i); j > i {
			sc.steps += j - i // no mark opens with another ASCII byte: a run of them is passed at once
			i = j
			continue
		}
		sc.steps++
		kind, n := opener(text, i)
		if n == 0 {
			_, n = utf8.DecodeRuneInString(text[i:])
			i += n
			continue
		}
		s := span{open: i, start: i + n, kind: kind}
		end, close, ok := sc.stopAfter(kind, s.start)
		if !ok || end-s.start >= maxQuote {
			i += n
			continue
		}
		s.end, s.close = end, close
		for s.start < s.end && isSpaceByte(text[s.start]) {
			s.start++
		}
		for s.end > s.start && isSpaceByte(text[s.end-1]) {
			s.end--
		}
		if s.end <= s.start {
			i += n
			continue
		}
		out = append(out, s)
		i = s.close
	}
	return out, sc.steps
}

// plainRunEnd is the end of the run of ASCII bytes at text[i] that open no mark.
func plainRunEnd(text string, i int) int {
	for i < len(text) && opensNoMark[text[i]] {
		i++
	}
	return i
}

// opensNoMark is true for the ASCII bytes but the three a mark may open with: the straight
// double quote, the apostrophe and the backtick.
var opensNoMark = func() (plain [256]bool) {
	for b := range utf8.RuneSelf {
		plain[b] = b != '"' && b != '\'' && b != '`'
	}
	return plain
}()

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }

// markKind is the kind of mark a quote opens with, which decides the marks that close it.
type markKind uint8

const (
	curlyMark    markKind = iota // “ … ”
	lowMark                      // „ … “
	guillemet                    // « … »
	straightMark                 // " … " (or " … '' in tokenised text)
	tickMark                     // `` … '' (tokenised text)
	singleMark                   // ‘ … ’ (British style)
	markKinds
)

// quoteStop is where a scan for the close of a quote stops: a closing mark [end, close), or
// a paragraph break that ends the quote (end == close), or, for a paragraph that opens with
// a mark, the place the quote goes on (jump).
type quoteStop struct {
	at, end, close, jump int
}

// markScanner finds, for each kind of mark, the stops of the whole text once, and answers from
// them where a quote opened at any place stops.
type markScanner struct {
	text  string
	steps int
	stops [markKinds][]quoteStop // in text order; built when a mark of the kind first opens
	built [markKinds]bool
	next  [markKinds]int // the first stop not before the last query: queries come in order
}

// stopAfter is where a quote of this kind whose words start at from ends: the end of its
// words and of its closing mark, or false when it does not close.
func (sc *markScanner) stopAfter(kind markKind, from int) (end, close int, ok bool) {
	if !sc.built[kind] {
		sc.build(kind)
	}
	stops := sc.stops[kind]
	k := sc.next[kind]
	for k < len(stops) && stops[k].at < from {
		sc.steps++
		k++
	}
	sc.next[kind] = k
	if k == len(stops) {
		return 0, 0, false
	}
	st := stops[k]
	return st.end, st.close, st.end >= 0
}

// build reads the text once for the stops of one kind of mark, then resolves each paragraph
// that continues the quote to the stop its continuation reaches, from the last stop back.
func (sc *markScanner) build(kind markKind) {
	sc.built[kind] = true
	text := sc.text
	var stops []quoteStop
	for j := 0; j < len(text); {
		sc.steps++
		if b := text[j]; b < utf8.RuneSelf && b != '"' && b != '\'' && b != '\n' {
			j++ // no mark closes with another ASCII byte
			continue
		}
		r, n := utf8.DecodeRuneInString(text[j:])
		if m := sc.closes(j, r, kind); m > 0 {
			stops = append(stops, quoteStop{at: j, end: j, close: j + m, jump: -1})
			j += m
			continue
		}
		if r == '\n' {
			// a new paragraph that opens with a mark continues the quote
			k := j
			for k < len(text) && (text[k] == '\n' || text[k] == ' ' || text[k] == '\r') {
				sc.steps++
				k++
			}
			st := quoteStop{at: j, end: j, close: j, jump: -1}
			if _, n3 := opener(text, k); n3 > 0 && k > j+1 {
				st.jump = k + n3
			} else if kind == singleMark {
				st.end, st.close = -1, -1 // a single mark left open at a paragraph's end is an apostrophe
			}
			stops = append(stops, st)
		}
		j += n
	}
	// a continued quote stops where the quote from its continuation stops; stops are in order
	// and a jump goes forward, so the stop it reaches is resolved already
	for i := len(stops) - 1; i >= 0; i-- {
		if stops[i].jump < 0 {
			continue
		}
		k := i + 1
		for k < len(stops) && stops[k].at < stops[i].jump {
			sc.steps++
			k++
		}
		if k == len(stops) {
			stops[i].end, stops[i].close = -1, -1 // the text ends inside the quote
		} else {
			stops[i].end, stops[i].close = stops[k].end, stops[k].close
		}
	}
	sc.stops[kind] = stops
}

// opener reports whether a quote opens at i: the kind of its mark and the mark's length, or
// a length of 0.
func opener(text string, i int) (markKind, int) {
	r, n := utf8.DecodeRuneInString(text[i:])
	switch r {
	case '“':
		return curlyMark, n
	case '„':
		return lowMark, n
	case '«':
		return guillemet, n
	case '`':
		if strings.HasPrefix(text[i:], "``") {
			return tickMark, 2
		}
	case '‘':
		// a left single mark opens at a word's start: "‘Tonight was …’"
		if i == 0 || isSpaceByte(text[i-1]) || strings.IndexByte("([{—:", text[i-1]) >= 0 {
			return singleMark, n
		}
	case '\'':
		// two apostrophes open a quote in tokenised text that writes both marks so, before a word
		if strings.HasPrefix(text[i:], "''") && (i == 0 || isSpaceByte(text[i-1])) && i+2 < len(text) && !isSpaceByte(text[i+2]) {
			return tickMark, 2
		}
	case '"':
		// a straight mark opens after a space, a line start or opening punctuation
		if i == 0 {
			return straightMark, n
		}
		p, _ := utf8.DecodeLastRuneInString(text[:i])
		if unicode.IsSpace(p) || strings.ContainsRune("([{—–-:", p) {
			return straightMark, n
		}
	}
	return 0, 0
}

// closes is the length of the mark r at j when it closes a quote of this kind, or 0. Writers
// mix their marks: a straight quote may close a curly one and a curly one a straight one, and
// a mistyped opening mark after a comma or a full stop closes ("“It's unusual,“ said …").
// Tokenised text (the Penn Treebank's style) closes with two apostrophes.
func (sc *markScanner) closes(j int, r rune, kind markKind) int {
	text := sc.text
	switch {
	case kind == singleMark:
		if r == '’' && singleCloses(text, j) {
			return utf8.RuneLen(r)
		}
	case r == '\'' && kind != guillemet && kind != lowMark:
		if strings.HasPrefix(text[j:], "''") && isCloser(text, j, 2) && !afterNumber(text, j) {
			return 2
		}
	case r == '"', r == closerOf[kind], r == '”' && kind == straightMark:
		if kind == tickMark {
			return 0
		}
		if isCloser(text, j, utf8.RuneLen(r)) || r == '"' && sc.closesBeforeAttribution(j) {
			return utf8.RuneLen(r)
		}
	case r == '“' && kind == curlyMark && j > 0 && strings.IndexByte(",.?!", text[j-1]) >= 0:
		if n := utf8.RuneLen(r); j+n == len(text) || text[j+n] == ' ' || text[j+n] == '\n' {
			return n
		}
	}
	return 0
}

// afterNumber reports whether the mark at j follows a number, as the two apostrophes that
// stand for inches do.
func afterNumber(text string, j int) bool {
	if j > 0 && text[j-1] == ' ' {
		j--
	}
	return j > 0 && text[j-1] >= '0' && text[j-1] <= '9'
}

// cueAfterAside reports whether the words after a name and a comma go on to a cue: right
// after the aside's closing comma ("Deng, the governor, said"), or, after a name of two words
// or more, anywhere ("Jumaane D. Williams, who represents the area, said").
func cueAfterAside(ts []tok, anywhere bool) bool {
	for i, t := range ts {
		if isCue(t) && anywhere {
			return true
		}
		if t.text == "," {
			return i > 0 && i+1 < len(ts) && isCue(ts[i+1])
		}
		if t.punct || i == 8 {
			return false
		}
	}
	return false
}

// attributionReach is how far after a misplaced closing mark its attribution is looked for.
const attributionReach = 80

// closesBeforeAttribution reports whether a straight mark set with its space on the wrong side
// — after a comma or a sentence's end, a word right after it — closes the quote: the words
// after it attribute the quote ("… is at stake, "Merkel told lawmakers", "…, "said Ortiz").
// Elsewhere such a mark opens a quote.
func (sc *markScanner) closesBeforeAttribution(j int) bool {
	text := sc.text
	if j < 2 || text[j-1] != ' ' || strings.IndexByte(",.!?", text[j-2]) < 0 {
		return false
	}
	w := text[j+1 : min(len(text), j+1+attributionReach)]
	if nl := strings.IndexByte(w, '\n'); nl >= 0 {
		w = w[:nl]
	}
	sc.steps += len(w)
	ts := toks(w)
	if len(ts) < 2 {
		return false
	}
	if isCue(ts[0]) {
		return true
	}
	// a pronoun or a name, then the cue, maybe after an auxiliary: "Luck said after leading
	// …", "Jeffs was heard saying"
	k := 0
	if isPronoun(ts[0]) {
		k = 1
	} else {
		for k < len(ts) && k < 8 && isCapital(ts[k]) {
			k++
		}
	}
	if k == 0 {
		return false
	}
	for i := k; i < len(ts) && i <= k+2; i++ {
		if isCue(ts[i]) {
			return true
		}
		if i == k && ts[i].text == "," {
			return cueAfterAside(ts[i+1:], k >= 2)
		}
		if ts[i].punct || isCapital(ts[i]) {
			return false
		}
	}
	return false
}

// singleCloses reports whether a right single mark at j closes a quote rather than ending a
// word as an apostrophe does ("the boys’ bikes"): punctuation stands before it, or after it.
func singleCloses(text string, j int) bool {
	n := utf8.RuneLen('’')
	if j+n < len(text) {
		if next, _ := utf8.DecodeRuneInString(text[j+n:]); unicode.IsLetter(next) || unicode.IsDigit(next) {
			return false
		}
	}
	p := j
	for p > 0 && text[p-1] == ' ' {
		p--
	}
	if p > 0 && strings.IndexByte(".,!?;", text[p-1]) >= 0 {
		return true
	}
	return j+n >= len(text) || strings.IndexByte(".,;:!?)\n", text[j+n]) >= 0
}

// closerOf is the mark that closes each kind of opening mark.
var closerOf = [markKinds]rune{curlyMark: '”', lowMark: '“', guillemet: '»', straightMark: '"', tickMark: 0, singleMark: 0}

// isCloser reports whether the mark at j closes: a straight mark or apostrophes must not
// open a new word.
func isCloser(text string, j, n int) bool {
	if text[j] != '"' && text[j] != '\'' {
		return true
	}
	if j+n >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j+n:])
	if prev, _ := utf8.DecodeLastRuneInString(text[:j]); text[j] == '"' && unicode.IsLetter(prev) && unicode.IsUpper(next) {
		return true // a straight mark between a word and a capital closes: Vincent "The Chin"Gigante
	}
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}
