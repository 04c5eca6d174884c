package quote

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// Quote is the domain's quote; this package finds them.
type Quote = crosscheck.Quote

// minUnattributed is how many words a quote with no attribution nearby needs to be kept:
// shorter ones are mostly scare quotes and titles.
const minUnattributed = 5

// maxQuote bounds a quote's length: past it an unclosed mark is not a quote.
const maxQuote = 4000

// span is a quoted stretch: [start, end) are the words inside the marks, [open, close) the
// whole with its marks.
type span struct {
	start, end, open, close int
	kind                    markKind
}

// cueWords are the verbs and phrases that attribute speech, in every form news uses.
var cueWords = strings.Fields(`said says say saying told tells tell telling added adds add adding
stated states explained explains noted notes wrote writes write writing asked asks argued argues
claimed claims insisted insists warned warns declared declares announced announces replied replies
reiterated suggested suggests described describes called calls tweeted tweets posted responded
commented acknowledged acknowledges admitted admits urged urges predicted predicts promised promises
recalled recalls conceded concedes continued continues cautioned emphasized emphasised stressed
stresses observed observes remarked remarks quipped joked complained complains boasted insisted
contended contends maintained maintains told asserted asserts vowed vows pledged pledged mused
shouted yelled screamed whispered replied answered answers countered counters confirmed confirms
denied denies testified testifies recounted recounts explained concluded concludes indicated
indicates revealed reveals disclosed announced labeled labelled dubbed branded termed praised
praises criticized criticised blasted slammed lamented laments hailed hails thanked urged chimed
confessed confesses wondered wonders reads read proclaimed proclaims demanded demands charged
alleged alleges reasoned speculated estimated informed assured reassured reminded reminds retorted
snapped scoffed mocked taunted bragged gushed exclaimed cried texted emailed messaged responded
responds replied quoted interjected interrupted objected opined pointed stating explaining noting
warning arguing insisting claiming describing writing asking declaring announcing suggesting
calling adding telling replying responding tweeting posting urging predicting promising recalling
recommended advised advises announced expressed reported reports explained began begins concluded
summed sighed laughed murmured muttered pleaded begged asked inquired queried challenged cited
jokes joke chanted chants imagined imagines wonder mocking quipping joking laughing yelling
shouting chanting reading beamed thundered roared fumed raged barked growled bellowed sobbed
wept stammered blurted gasped admitting acknowledging conceding confirming denying stressing
emphasizing emphasising complaining boasting vowing pledging testifying revealing lamenting
recounting cautioning reiterating`)

// cuePhrases are cues of more than one word, which toks joins into one token.
var cuePhrases = []string{"went on", "goes on", "put it", "puts it"}

var cueSet = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range append(cueWords, cuePhrases...) {
		m[w] = true
	}
	return m
}()

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "you": true}

// Find finds the direct quotes of a text and attributes each to its speaker. Quotes with no
// attribution nearby — scare quotes, titles, nicknames — are left out. A quote the writer
// interrupts with its attribution ("“A,” he said, “B.”") or continues without one in the same
// or the next paragraphs is one quote of several parts.
func Find(text string) []Quote {
	sp := spans(text)
	names := newNameIndex()
	var out []Quote
	lastSpeaker := ""
	lastEnd := 0
	for k, s := range sp {
		if nickname(text, s) {
			continue // the name around it is read whole, with the text after it
		}
		if k > 0 && endsSentence(text[sp[k-1].start:sp[k-1].end]) && startsSentence(text[sp[k-1].close:]) {
			names.newSentence() // “… were dead.” Umm Ibrahim, a woman, said …
		}
		names.scan(text, lastEnd, s.open)
		q := Quote{Text: text[s.start:s.end], Start: s.start, End: s.end, Parts: [][2]int{{s.start, s.end}}}
		before := windowBefore(text, s.open, sp, k)
		after := windowAfter(text, s.close, sp, k)
		if endsSentence(text[s.start:s.end]) && startsSentence(after) && !attributionOpens(after) && !exclaimedBy(q.Text, after) {
			after = "" // “… substantive.” However, he …: the next sentence is not the attribution
		}
		// on CBS's “Face the Nation,”: a programme's name, no one's words; a headline quotes in
		// single marks, and “Trump ‘Reeks of Fear’” is the headline's words
		if namedTitle(q.Text, before) || s.kind == singleMark && headlineLine(text, s.open) {
			lastEnd = s.close
			continue
		}
		c := clue{text: text, s: s, q: &q, before: before, after: after, out: out, names: names, lastSpeaker: lastSpeaker}
		r := c.attribute()
		prev := len(out) - 1
		switch {
		case r == nil:
			lastEnd = s.close // no one's words
			continue
		case r.name == ruleContinuation,
			// “A,” he said, “B.”: the attribution between two pieces belongs to both
			r.name == ruleBefore && prev >= 0 && interrupts(text, out[prev], s, q.Cue) && out[prev].Speaker == q.Speaker &&
				canExtend(&out[prev], s.end):
			extend(&out[prev], text, s)
			lastEnd = s.close
			continue
		}
		// “a total lightweight” while Ted Cruz is “a basket case” and “a liar”: pieces of one
		// sentence with one speaker are one quote
		if prev >= 0 && q.Speaker != "" && out[prev].Speaker == q.Speaker && sameSentence(text, out[prev], s.open) && canExtend(&out[prev], s.end) {
			extend(&out[prev], text, s)
			names.scanQuote(text, s.open, s.close)
			lastEnd = s.close
			continue
		}
		q.Partial = !paragraphOpening(text, s.open) && !strings.ContainsAny(strings.TrimSpace(q.Text), ".!?") && wordCount(q.Text) < 8
		out = append(out, q)
		lastSpeaker, names.spoke = q.Speaker, q.Speaker
		if slices.Contains(names.order, q.Speaker) {
			names.mentioned(q.Speaker) // who spoke last is who the text is about
		}
		names.scanQuote(text, s.open, s.close)
		lastEnd = s.close
	}
	for i := range out {
		if len(out[i].Parts) == 1 {
			out[i].Parts = nil
		}
	}
	return out
}

// nickname reports a quote of one to three capitalised words between two capitalised words:
// the nickname inside a person's name (Vincent "The Chin" Gigante), no one's words.
func nickname(text string, s span) bool {
	in := toks(text[s.start:s.end])
	if len(in) == 0 || len(in) > 3 {
		return false
	}
	for _, t := range in {
		if !isCapital(t) {
			return false
		}
	}
	before := toks(text[max(0, s.open-40):s.open])
	after := toks(text[s.close:min(len(text), s.close+40)])
	return len(before) > 0 && len(after) > 0 && isCapital(before[len(before)-1]) && !isPronoun(before[len(before)-1]) &&
		isCapital(after[0]) && !isPronoun(after[0])
}

// spokenOf reports whether a quote names person p by the last word of p's name, as someone
// spoken of.
func spokenOf(quote, p string) bool {
	last := strings.ToLower(lastName(p))
	for _, t := range toks(quote) {
		if strings.ToLower(lex.TrimPossessive(t.text)) == last {
			return true
		}
	}
	return false
}

// thing reports a subject that names a thing, not a person or a body: "the/a/an" and
// lower-case words up to its noun, which names no one ("The acquisition of SeaMicro", not
// "the senior adviser", "The New York Times" or "officials").
func thing(m string) bool {
	f := strings.Fields(m)
	if len(f) < 2 {
		return false
	}
	if lw := strings.ToLower(f[0]); lw != "the" && lw != "a" && lw != "an" {
		return false
	}
	head := ""
	for _, w := range f[1:] {
		lw := strings.ToLower(w)
		if functionWords[lw] || prepositions[lw] {
			break
		}
		if isCapital(tok{text: w}) {
			return false // "the NYPD", "The Associated Press": a body's name
		}
		head = lw
	}
	return head != "" && !personNoun(head) && !personNoun(strings.TrimSuffix(head, "s")) && !runRoles[head]
}

// exclaimedBy reports whether an exclamation or a question in quotes is attributed by the
// name and the cue right after it, whatever follows them: a quoted "!" or "?" need not end
// its sentence ("“… another!” Prime Minister Ana Ruiz thundered in parliament during …").
func exclaimedBy(quote, after string) bool {
	q := strings.TrimRight(quote, " ")
	if !strings.HasSuffix(q, "!") && !strings.HasSuffix(q, "?") {
		return false
	}
	ts := toks(after)
	for i := 0; i < len(ts) && i <= 6; i++ {
		if isCue(ts[i]) {
			return i > 0 && (i == 1 && isPronoun(ts[0]) || i >= 2 && person(strings.Fields(nameBefore(ts[:i]))))
		}
		if !isCapital(ts[i]) {
			return false
		}
	}
	return false
}

// maxParts bounds the pieces one quote joins.
const maxParts = 16

// canExtend reports whether q may take one more piece ending at end.
func canExtend(q *Quote, end int) bool {
	return len(q.Parts) < maxParts && end-q.Start <= maxQuote
}

// extend adds the quoted piece s to q.
func extend(q *Quote, text string, s span) {
	q.Text += " " + text[s.start:s.end]
	q.End = s.end
	q.Parts = append(q.Parts, [2]int{s.start, s.end})
	q.Partial = false
}

// sameSentence reports whether a quote opening at open stands in the sentence quote q ends in:
// no sentence end and no paragraph break between them.
func sameSentence(text string, q Quote, open int) bool {
	piece := strings.TrimSpace(text[q.Parts[len(q.Parts)-1][0]:q.End])
	gap := text[q.End:open]
	if strings.Contains(gap, "\n") || wordCount(gap) > 30 {
		return false
	}
	if endsSentence(piece) && startsSentence(strings.TrimLeft(gap, "”\"’' ")) {
		return false
	}
	return firstSentenceEnd(gap+" A") < 0 && !strings.ContainsAny(gap, "!?")
}

// interrupts reports whether the only thing between a quote and the piece s is a short
// attribution clause with the cue: ", he said, ".
func interrupts(text string, q Quote, s span, cue string) bool {
	gap := text[q.End:s.open]
	piece := text[q.Parts[len(q.Parts)-1][0]:q.End]
	if endsSentence(piece) && startsSentence(strings.TrimLeft(gap, "”\"’' ")) {
		return false // “A.” When she speaks, he responds, “B.”: a new sentence, not an aside
	}
	return !strings.Contains(gap, "\n") && wordCount(gap) <= 12 && strings.Contains(gap, cue)
}

// continues reports whether a quote opening at open carries on quote q: nothing but q's own
// attribution sentence or paragraph breaks lie between, and the new piece opens its sentence.
func continues(text string, q Quote, open int) bool {
	gap := text[q.End:open]
	limit := 14
	if q.Cue != "" && strings.Contains(gap, q.Cue) && !strings.Contains(strings.TrimSpace(gap), "\n") {
		limit = 40 // "Clinton said on Thursday during a speech at the Council on Foreign Relations."
	}
	if wordCount(gap) > limit || strings.Count(gap, "\n") > 4 {
		return false
	}
	// the new piece opens a sentence or a paragraph
	before := strings.TrimRight(gap, " \t\r")
	if before == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune(".!?\n”\"", last)
}

func wordCount(s string) int { return lex.WordCount(s) }

// paragraphOpening reports whether a quote mark at i opens its paragraph.
func paragraphOpening(text string, i int) bool {
	for i > 0 {
		switch text[i-1] {
		case ' ', '\t', '\r':
			i--
		case '\n':
			return true
		default:
			return false
		}
	}
	return true
}

// windowBefore is the text of the quote's sentence before its opening mark: back to a sentence
// end or the previous quote, at most 300 bytes.
func windowBefore(text string, open int, sp []span, k int) string {
	from := min(wordStart(text, open-300), open) // one word of 300 bytes before the mark is no window
	if k > 0 && sp[k-1].close > from {
		from = sp[k-1].close
	}
	w := text[from:open]
	if nl := strings.LastIndexByte(w, '\n'); nl >= 0 {
		// a block quote introduced by "Cruz continued:" at the end of the paragraph before
		if head := strings.TrimRight(w[:nl], " \t\r\n"); strings.TrimSpace(w[nl+1:]) == "" && strings.HasSuffix(head, ":") {
			if pl := strings.LastIndexByte(head, '\n'); pl >= 0 {
				head = head[pl+1:]
			}
			w = strings.TrimSuffix(head, ":") + ","
		} else {
			w = w[nl+1:]
		}
	}
	if end := lastSentenceEnd(w); end >= 0 {
		w = w[end:]
	}
	return w
}

// wordStart is i, or when i falls inside a word the end of that word: a window that starts
// at i does not open with a piece of a word ("irector of the Fish").
func wordStart(text string, i int) int {
	if i <= 0 {
		return 0
	}
	if !isWordByte(text[i-1]) {
		return i
	}
	for i < len(text) && isWordByte(text[i]) {
		i++
	}
	return i
}

// headlineLine reports whether the line around i is a headline: a few words, most of them
// capitalised.
func headlineLine(text string, i int) bool {
	from := max(0, i-300)
	from += strings.LastIndexByte(text[from:i], '\n') + 1
	to := min(len(text), i+300)
	if nl := strings.IndexByte(text[i:to], '\n'); nl >= 0 {
		to = i + nl
	} else if to < len(text) {
		return false // a line this long is no headline
	}
	words, caps := 0, 0
	for _, w := range strings.Fields(text[from:to]) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "‘“\"'(["))
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words >= 4 && words <= 30 && 3*caps >= 2*words
}

// quotedPredicate reports whether a quote follows its sentence's subject directly and opens
// with a verb in lower case: the quoted words are what the subject did, not what it said.
func quotedPredicate(opening, subject, quote string) bool {
	r, _ := utf8.DecodeRuneInString(quote)
	return strings.TrimSpace(opening) == subject && unicode.IsLower(r) && !isPronoun(tok{text: subject})
}

// namedTitle reports whether a short quote in title case follows a possessive or a
// preposition, as the name of a show, a book or a film does ("on CBS's “Face the Nation,”",
// "in “The Art of the Deal”").
func namedTitle(q, before string) bool {
	if wordCount(q) > 6 || !quotedTitle(q) || endsSentence(q) {
		return false
	}
	ts := toks(before)
	if len(ts) == 0 {
		return false
	}
	last := ts[len(ts)-1].text
	return lex.Possessive(last) || titlePrepositions[strings.ToLower(last)]
}

var titlePrepositions = lex.WordSet("on in of from")

// quotedTitle reports whether every word of a quote but the short ones is capitalised: the
// title of a show, a book or a programme ("The Walking Dead"), not speech.
func quotedTitle(q string) bool {
	words := 0
	for _, w := range strings.Fields(q) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		if !unicode.IsUpper(r) && (words == 0 || len(w) > 3) {
			return false
		}
		words++
	}
	return words > 0
}

// sentenceOpening is the start of the sentence a quote mark at open stands in, up to the
// first quote mark: where its subject is, even when other quotes come between ("Trump
// responded by calling him “dopey” and accusing him of … “with daddy's money.”"). It is
// empty when the sentence opens with a quote.
func sentenceOpening(text string, open int) string {
	w := text[min(wordStart(text, open-300), open):open]
	nl := strings.LastIndexByte(w, '\n')
	if nl >= 0 {
		w = w[nl+1:]
	}
	if end := lastSentenceEnd(w + "“"); end >= 0 {
		w = w[min(end, len(w)):]
	} else if nl < 0 && open > 300 {
		return "" // the sentence opens further back than we read: its subject is not known
	}
	if i := strings.IndexAny(w, "“\"«„"); i >= 0 {
		w = w[:i]
	}
	return w
}

// windowAfter is the text after the closing mark up to the end of its sentence or the next
// quote, at most 200 bytes.
func windowAfter(text string, close int, sp []span, k int) string {
	to := min(len(text), close+200)
	if k+1 < len(sp) && sp[k+1].open < to {
		to = sp[k+1].open
	}
	w := text[close:to]
	if nl := strings.IndexByte(w, '\n'); nl >= 0 {
		w = w[:nl]
	}
	if end := firstSentenceEnd(w); end >= 0 {
		w = w[:end]
	}
	return w
}

var sentenceEnd = regexp.MustCompile(`[.!?]\s+[A-Z“"]`)

func lastSentenceEnd(w string) int {
	locs := sentenceEnd.FindAllStringIndex(w, -1)
	for i := len(locs) - 1; i >= 0; i-- {
		if !abbreviationBefore(w, locs[i][0]) {
			return locs[i][1] - 1
		}
	}
	return -1
}

func firstSentenceEnd(w string) int {
	for _, l := range sentenceEnd.FindAllStringIndex(w, -1) {
		if !abbreviationBefore(w, l[0]) {
			return l[0] + 1
		}
	}
	return -1
}

// abbreviationBefore reports whether the full stop at i ends an abbreviation ("Mr.", "U.S.").
func abbreviationBefore(w string, i int) bool {
	j := i
	for j > 0 && (unicode.IsLetter(rune(w[j-1])) || w[j-1] == '.') {
		j--
	}
	if i-j == 1 && isUpperByte(w[j]) {
		return true // an initial: "Patrick J. Buchanan"
	}
	word := strings.ToLower(w[j:i])
	return lex.IsAbbreviation(word) || (len(word) <= 3 && strings.Contains(word, "."))
}

var headlineName = regexp.MustCompile(`^((?:[A-Z][\p{L}'’.-]+\s+){0,3}[A-Z][\p{L}'’.-]+):\s`)

// headlineSpeaker reads a line that opens with a name and a colon — "John McCain: Republican
// anger appeals to ‘bad angels’" — as that person's words.
func headlineSpeaker(text string, open int) string {
	from := max(0, open-300)
	ls := from + strings.LastIndexByte(text[from:open], '\n') + 1
	m := headlineName.FindStringSubmatch(text[ls:open])
	if m == nil || !person(strings.Fields(m[1])) {
		return ""
	}
	return m[1]
}

// endsSentence reports whether a quote's words end with a full stop, a question or an
// exclamation mark.
func endsSentence(q string) bool {
	q = strings.TrimRight(q, " ")
	last, _ := utf8.DecodeLastRuneInString(q)
	return last == '.' || last == '!' || last == '?'
}

// startsSentence reports whether text after a quote begins a new sentence: a capital first.
func startsSentence(after string) bool {
	t := strings.TrimLeft(after, " \t")
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r)
}
