package quote

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// tok is a word or a punctuation mark of an attribution window.
type tok struct {
	text  string
	punct bool
}

// spanBuffers hold the token spans toks reads, one slice kept from a call to the next.
var spanBuffers = sync.Pool{New: func() any { return new([]lex.Span) }}

func toks(s string) []tok {
	buf := spanBuffers.Get().(*[]lex.Span)
	spans := lex.AppendTokens((*buf)[:0], s)
	defer func() {
		*buf = spans[:0]
		spanBuffers.Put(buf)
	}()
	out := make([]tok, 0, len(spans))
	for _, sp := range spans {
		r, _ := utf8.DecodeRuneInString(s[sp[0]:])
		t := tok{text: s[sp[0]:sp[1]], punct: !unicode.IsLetter(r) && !unicode.IsDigit(r)}
		// "went on" and "goes on" attribute speech as one cue: “…,” Trump went on
		// "as Ana Ruiz put it, “…”" too
		// "his own so called “black bag”": no cue
		if n := len(out); n > 0 && (t.text == "on" && (out[n-1].text == "went" || out[n-1].text == "goes") || t.text == "it" && (out[n-1].text == "put" || out[n-1].text == "puts") ||
			t.text == "called" && strings.EqualFold(out[n-1].text, "so")) {
			out[n-1].text += " " + t.text
			continue
		}
		// "61 - year - old" in tokenised text is the age 61-year-old
		if n := len(out); n > 3 && t.text == "old" && out[n-1].text == "-" && out[n-3].text == "-" && ageUnits[out[n-2].text] && isNumberTok(out[n-4]) {
			out[n-4].text += "-" + out[n-2].text + "-old"
			out = out[:n-3]
			continue
		}
		// "ex - NYPD detective", "so - called" in tokenised text: a prefix and its word are one
		if n := len(out); n > 1 && !t.punct && out[n-1].text == "-" && hyphenPrefixes[strings.ToLower(out[n-2].text)] {
			out[n-2].text += "-" + t.text
			out = out[:n-1]
			continue
		}
		// "Strauss - Kahn" in tokenised text is the name Strauss-Kahn
		if n := len(out); n > 1 && isCapital(t) && out[n-1].text == "-" && isCapital(out[n-2]) {
			out[n-2].text += "-" + t.text
			out = out[:n-1]
			continue
		}
		out = append(out, t)
	}
	// "Patrick J. Buchanan": an initial keeps its full stop before the rest of the name
	for i := 0; i+2 < len(out); i++ {
		if len(out[i].text) == 1 && isUpperByte(out[i].text[0]) && out[i+1].text == "." && isCapital(out[i+2]) {
			out[i].text += "."
			out = append(out[:i+1], out[i+2:]...)
		}
	}
	return out
}

var ageUnits = lex.WordSet("year month week day years months weeks days")

// hyphenPrefixes are the prefixes tokenised text sets apart from their word with a spaced
// hyphen: "ex - NYPD", "so - called".
var hyphenPrefixes = lex.WordSet("ex co vice non self anti pro pre post so")

func isNumberTok(t tok) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsDigit(r)
}

// isAge reports whether w is an age before a name: "61-year-old".
func isAge(w string) bool {
	return strings.HasSuffix(strings.ToLower(w), "-old") && strings.Count(w, "-") == 2
}

func isWordByte(b byte) bool {
	return b >= 0x80 || unicode.IsLetter(rune(b)) || unicode.IsDigit(rune(b))
}
func isUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }
func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// isCue reports a cue verb: in lower case, so that "United States" names no speaker.
func isCue(t tok) bool     { return !t.punct && !isCapital(t) && cueSet[t.text] }
func isPronoun(t tok) bool { return !t.punct && lex.LowerIs(pronouns, t.text) }
func isCapital(t tok) bool {
	if t.punct {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsUpper(r)
}

// cueEnds reports whether the words before a quote end with a cue, a comma or a colon at
// most after it ("… chanted,", "… yelled:").
func cueEnds(ts []tok) bool {
	n := len(ts)
	if n > 0 && (ts[n-1].text == "," || ts[n-1].text == ":") {
		n--
	}
	return n > 1 && isCue(ts[n-1]) && !strings.HasSuffix(ts[n-1].text, "ing")
}

// dashName reads a quote signed with a dash and a name, as letters and testimonials print
// them: "“…”― Carla Ruiz", "“…” — Ola Brenn, a teacher".
func dashName(ts []tok) string {
	if len(ts) < 2 || !isDash(ts[0].text) {
		return ""
	}
	var words []string
	for _, t := range ts[1:] {
		if !isCapital(t) {
			break
		}
		words = append(words, t.text)
	}
	rest := ts[1+len(words):]
	if len(words) < 2 || !person(words) || len(rest) > 0 && !rest[0].punct {
		return ""
	}
	return strings.Join(words, " ")
}

func isDash(s string) bool { return s == "—" || s == "―" || s == "–" || s == "-" }

// colonName reads a quote introduced by a name and a colon: "… doesn't surprise Republican
// pollster Daron Shaw: “…”", "Pollsters agree - Carl Bialik: “…”".
func colonName(ts []tok) string {
	if len(ts) < 2 || ts[len(ts)-1].text != ":" {
		return ""
	}
	name := nameBefore(ts[:len(ts)-1])
	f := strings.Fields(name)
	if len(f) >= 2 && person(f) {
		return name
	}
	// "a statement by Ana Ruiz, director of the Ocean Program:": the name before the role
	for i := len(ts) - 2; i > 0 && len(ts)-i < 14; i-- {
		if isCue(ts[i]) || isPronoun(ts[i]) {
			break // "…, ordered by Piet Vos, they said:": the cue's subject speaks, not the name
		}
		if ts[i].text == "," {
			name = nameBefore(ts[:i])
			if f := strings.Fields(name); len(f) >= 2 && person(f) {
				return name
			}
			break
		}
	}
	return ""
}

// notSpeakers are words a speaker mention does not begin with: they open a clause or an
// adverbial, or name a time.
var notSpeakers = map[string]bool{"when": true, "as": true, "then": true, "unlike": true, "however": true,
	"if": true, "while": true, "although": true, "though": true, "because": true, "but": true, "and": true,
	"so": true, "that": true, "where": true, "hours": true, "minutes": true, "days": true, "weeks": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "tonight": true, "now": true, "here": true, "there": true}

// speakerLike reports whether a mention can name who spoke: not a clause or a time ("When I",
// "Tuesday", "that he is responsible for …"), and not cut off before its noun ("the city
// embodied the").
func speakerLike(m string) bool {
	if m == sameSubject {
		return true
	}
	f := strings.Fields(m)
	if len(f) == 0 {
		return false
	}
	first, last := strings.ToLower(f[0]), strings.ToLower(f[len(f)-1])
	if len(f) == 1 && (countWords[first] || calendarWords[first] || introWords[first] || stopCapital[first] || first == "a" || first == "an" ||
		discourseWords[first] || strings.HasSuffix(first, "ly") || allCaps(f[0]) && len(f[0]) > 4) {
		return false // "Two", "March", "After", "Instead", "Specifically", "TALLAHASSEE": no one
	}
	if len(f) == 2 && (timeOpeners[first] && ageUnits[last] || first == "the" && (stopCapital[last] || isDigitByte(last[0]))) {
		return false // "Last year", "The so", "The 60": a time or a phrase cut short
	}
	if len(f) > 1 && determiners[first] && timeNouns[last] {
		return false // "The same year", "that night": a time
	}
	r, _ := utf8.DecodeRuneInString(first)
	return !notSpeakers[first] && !unicode.IsDigit(r) && !(len(f) > 1 && functionWords[last])
}

// timeNouns name stretches of time, which a phrase that names no speaker ends with.
var timeNouns = lex.WordSet("year years month months week weeks day days night nights morning evening afternoon time decade century")

// discourseWords open a sentence as adverbs and connectives do; alone, they name no one.
var discourseWords = lex.WordSet(`instead likewise among unless soon its their his her also moreover
furthermore indeed thus therefore nevertheless nonetheless otherwise finally besides still yet
again perhaps maybe even only just`)

// timeOpeners open a phrase of time ("last year", "next week").
var timeOpeners = lex.WordSet("last next this that every each")

// calendarWords name months and days, which name no speaker.
var calendarWords = lex.WordSet(`january february march april may june july august september october november
december monday tuesday wednesday thursday friday saturday sunday`)

// countWords are counts and ordinals, which alone name no speaker.
var countWords = lex.WordSet(`one two three four five six seven eight nine ten eleven twelve dozens hundreds
thousands first second third fourth fifth last next`)

// sameSubject stands for a speaker left out because it is the previous clause's ("… as
// “productive,” but noted that “…”").
const sameSubject = "\x00same"

// clauseStarts are words after a quote that begin another clause, past which no cue
// attributes the quote.
var clauseStarts = map[string]bool{"but": true, "and": true, "that": true, "while": true, "because": true,
	"although": true, "though": true, "if": true, "when": true, "so": true, "which": true, "who": true}

// attributeAfter reads ', he said', ', said Ushakov', ', Ushakov explained on Tuesday'.
func attributeAfter(ts []tok) (mention, cue string) {
	for len(ts) > 0 && ts[0].punct && strings.ContainsAny(ts[0].text, ",.—–-:;") {
		ts = ts[1:]
	}
	if len(ts) == 0 {
		return "", ""
	}
	if isCue(ts[0]) {
		if strings.HasSuffix(ts[0].text, "ing") {
			return "", "" // '“fantastic,” telling reporters': the speaker is the sentence's subject
		}
		return nounPhrase(ts[1:]), ts[0].text
	}
	for i := 0; i < len(ts) && i < 12; i++ {
		if lw := strings.ToLower(ts[i].text); (lw == "who" || lw == "which") && i > 1 && ts[i-1].text == "," {
			// "Ana Ruiz, who represents the area, said": the aside between commas
			if m, c := asideAttribution(ts, i); m != "" {
				return m, c
			}
		}
		if !ts[i].punct && clauseStarts[strings.ToLower(ts[i].text)] {
			return closingAttribution(ts[i:])
		}
		if isCue(ts[i]) {
			// the subject stands right after the quote: ', the senior adviser said', not
			// '" by aggressively using its influence to get states'
			m := subject(ts[:i])
			if m == "" || clauseBefore(ts[:i], m) {
				return "", ""
			}
			// "…," the Daily News quoted witness Ana Ruiz as saying: the one quoted speaks
			if quoting[ts[i].text] {
				if o := nounPhrase(ts[i+1:]); o != "" && !isPronoun(ts[i+1]) {
					return o, ts[i].text
				}
			}
			return m, ts[i].text
		}
		if ts[i].punct && ts[i].text != "," && ts[i].text != "'" && ts[i].text != "’" && !inParens(ts, i) {
			return "", ""
		}
	}
	return "", ""
}

// asideAttribution reads a cue after a relative clause set off by commas: the subject is the
// name before the clause at i.
func asideAttribution(ts []tok, i int) (mention, cue string) {
	for j := i + 1; j < len(ts) && j < i+16; j++ {
		if ts[j].punct && ts[j].text != "," {
			return "", ""
		}
		if ts[j].text == "," {
			if j+1 < len(ts) && isCue(ts[j+1]) {
				if m := subject(ts[:i-1]); m != "" && (isPronoun(ts[i-2]) || isCapital(ts[i-2])) {
					return m, ts[j+1].text
				}
			}
			return "", ""
		}
	}
	return "", ""
}

// inParens reports whether the mark at i opens, closes or stands in a short parenthesis after a
// name: "Rep. Gwen Moore (D-Wis.) said".
func inParens(ts []tok, i int) bool {
	for j := i; j >= 0 && j >= i-6; j-- {
		if ts[j].text == ")" && j < i {
			return false
		}
		if ts[j].text == "(" {
			for k := i; k < len(ts) && k <= j+8; k++ {
				if ts[k].text == ")" {
					return j > 0 && isCapital(ts[j-1])
				}
			}
			return false
		}
	}
	return false
}

// attributionOpens reports whether text after a quote opens with its attribution, as in
// "“… NOW!” Trump said on Twitter.".
func attributionOpens(after string) bool {
	m, _ := leadingAttribution(toks(after))
	return m != ""
}

// leadingAttribution reads an attribution that ts opens with and that ends with its sentence:
// a pronoun or a name, then a cue within the first few words, then at most a few words of
// time, place or audience ("Trump said on Twitter", "he said").
func leadingAttribution(ts []tok) (mention, cue string) {
	for i := 1; i < len(ts) && i <= 7; i++ {
		if ts[i].punct {
			return "", ""
		}
		if isCue(ts[i]) {
			if !endsAttribution(ts[i+1:]) {
				return "", ""
			}
			if isPronoun(ts[0]) && i == 1 || i <= 4 && nameBefore(ts[:i]) == joinToks(ts[:i]) {
				return joinToks(ts[:i]), ts[i].text
			}
			// "Colts interim coach Bruce Arians asked.": a role phrase, then the name
			if name := nameBefore(ts[:i]); name != "" && isCapital(ts[0]) && person(strings.Fields(name)) && len(strings.Fields(name)) >= 2 {
				return joinToks(ts[:i]), ts[i].text
			}
			return "", ""
		}
	}
	return "", ""
}

// endsAttribution reports whether the words after a cue close the attribution: a few words
// of time, place or audience ("on Twitter", "in a statement"), not a clause of their own
// ("… He warns that …").
func endsAttribution(ts []tok) bool {
	n := 0
	for _, t := range ts {
		if t.punct {
			if t.text == "." || t.text == "," || t.text == "!" || t.text == "?" {
				return true
			}
			return false
		}
		lw := strings.ToLower(t.text)
		if lw == "that" || lw == "to" || lw == "he" || lw == "she" || lw == "it" || lw == "they" || lw == "there" || n == 6 {
			return false
		}
		n++
	}
	return true
}

func joinToks(ts []tok) string {
	words := make([]string, len(ts))
	for i, t := range ts {
		words[i] = t.text
	}
	return strings.Join(words, " ")
}

// clauseBefore reports whether words of a clause stand between the quote and the subject m
// found before a cue: a function word other than an article or "of" before m's first word,
// and no comma after it.
func clauseBefore(ts []tok, m string) bool {
	first := strings.Fields(m)[0]
	clause := false
	for _, t := range ts {
		lw := strings.ToLower(t.text)
		switch {
		case t.text == first:
			return clause
		case t.text == ",":
			clause = false
		case !t.punct && functionWords[lw] && lw != "of" && lw != "the" && lw != "a" && lw != "an",
			!t.punct && !isCapital(t) && strings.HasSuffix(lw, "ing"):
			clause = true
		}
	}
	return clause
}

// closingAttribution reads an attribution that closes a sentence after a clause the quote
// runs into: "“…” if she didn't win by more, said David Wasserman", "… because she would
// expand her lead, he said."
func closingAttribution(ts []tok) (mention, cue string) {
	comma := -1
	for i := len(ts) - 1; i >= 0; i-- {
		if ts[i].text == "," {
			comma = i
			break
		}
	}
	if comma < 0 {
		return "", ""
	}
	tail := ts[comma+1:]
	if len(tail) > 1 && isCue(tail[0]) {
		if m := nounPhrase(tail[1:]); m != "" && (isPronoun(tail[1]) || isCapital(tail[1])) {
			return m, tail[0].text
		}
		return "", ""
	}
	return leadingAttribution(tail)
}

// attributeBefore reads 'Ushakov said:', 'he added that', 'Rubio described the talks as',
// 'according to Ushakov,'.
func attributeBefore(ts []tok) (mention, cue string) { return attributeWithin(ts, 14) }

// accordingReach is how far back "according to X," may stand from the quote it attributes.
const accordingReach = 32

// attributeWithin looks for the last cue among the last reach words of ts, and for "according
// to" a little further.
func attributeWithin(ts []tok, reach int) (mention, cue string) {
	for i := len(ts) - 1; i >= 0 && len(ts)-i <= max(reach, accordingReach); i-- {
		t := ts[i]
		if strings.EqualFold(t.text, "to") && i > 0 && strings.EqualFold(ts[i-1].text, "according") {
			return nounPhrase(ts[i+1:]), "according to"
		}
		if len(ts)-i > reach || !isCue(t) {
			continue
		}
		// "The acquisition, said Papermaster, “…”": the subject after the cue speaks
		if m := invertedSubject(ts, i); m != "" {
			return m, t.text
		}
		// "… condemnation from the U.S. State Department, which said the “…”": the relative
		// pronoun stands for the name before it
		if i > 2 && ts[i-2].text == "," && (strings.EqualFold(ts[i-1].text, "which") || strings.EqualFold(ts[i-1].text, "who")) {
			if m := subject(ts[:i-2]); m != "" && !isPronoun(ts[i-3]) {
				return m, t.text
			}
		}
		// "Rubio was asked by Fox Business moderator Gerard Baker whether …": the agent asks
		// "the man described by The Times as": a participle's agent speaks too
		if i+2 < len(ts) && ts[i+1].text == "by" && i > 0 && (isAuxiliary(ts[i-1].text) || strings.HasSuffix(t.text, "ed") && isCapital(ts[i+2])) {
			if m := nounPhrase(ts[i+2:]); m != "" && (isCapital(ts[i+2]) || strings.EqualFold(ts[i+2].text, "the")) {
				return m, t.text
			}
		}
		// "the paper quoted witness Ana Ruiz as saying": the one quoted
		if i > 1 && ts[i-1].text == "as" {
			for j := i - 2; j >= 0 && j >= i-10; j-- {
				if quoting[ts[j].text] {
					if o := nounPhrase(ts[j+1 : i-1]); o != "" {
						return o, ts[j].text
					}
					break
				}
			}
		}
		// "… yelling at people on their way into the polls saying": a participle's subject
		// is its sentence's, unless a name stands right before it ("footage of Clinton asking")
		participle := strings.HasSuffix(t.text, "ing") && i > 0 && !isCapital(ts[i-1]) && !isPronoun(ts[i-1])
		// "…, she said, explaining:": the participle's subject is the cue's before it
		if participle && i > 2 && ts[i-1].text == "," && isCue(ts[i-2]) {
			if m := subject(ts[:i-2]); m != "" {
				return m, t.text
			}
		}
		if m := subject(ts[:i]); m != "" && !participle {
			// "Ryan said the recent spate of shootings demands that all Americans …": a
			// thing's cue inside a person's reported speech is the person's
			if outer, c := outerSpeaker(ts[:i], m); outer != "" {
				return outer, c
			}
			return m, t.text
		}
		// "Carson took the stage and called the system “…”", "…, saying:": the sentence's
		// own subject speaks
		if m := sentenceSubject(ts[:i]); m != "" && !strings.EqualFold(m, "it") {
			return m, t.text
		}
		// "It was years before he broke cover, admitting:": the clause's pronoun
		if participle && ts[i-1].text == "," {
			for j := i - 2; j >= 0 && j >= i-12 && !ts[j].punct; j-- {
				if lw := strings.ToLower(ts[j].text); lw == "he" || lw == "she" || lw == "they" {
					return ts[j].text, t.text
				}
			}
		}
		// "… as “productive,” but noted that": the subject is the previous clause's
		if i > 0 && !ts[i-1].punct && (strings.EqualFold(ts[i-1].text, "but") || strings.EqualFold(ts[i-1].text, "and")) {
			return sameSubject, t.text
		}
		return "", ""
	}
	return "", ""
}

// invertedSubject reads a cue set off by commas with its subject after it, right before the
// quote: "…, said Papermaster, “…”", "…, said the company's chief, “…”".
func invertedSubject(ts []tok, i int) string {
	if i == 0 || ts[i-1].text != "," || len(ts) < i+3 || ts[len(ts)-1].text != "," || !isCapital(ts[i+1]) && !strings.EqualFold(ts[i+1].text, "the") {
		return ""
	}
	rest := ts[i+1 : len(ts)-1]
	for _, t := range rest {
		if t.punct {
			return ""
		}
	}
	if m := nounPhrase(rest); m == joinToks(rest) && len(rest) <= 8 {
		return m
	}
	return ""
}

// outerSpeaker finds, for a subject m that is a thing ("the recent spate of shootings"), a
// person who speaks by an earlier cue of the same sentence.
func outerSpeaker(ts []tok, m string) (mention, cue string) {
	f := strings.Fields(m)
	if lw := strings.ToLower(f[0]); lw != "the" && lw != "a" && lw != "an" || personNoun(f[len(f)-1]) {
		return "", ""
	}
	for i := len(ts) - 1; i > 0; i-- {
		if ts[i].punct && strings.ContainsAny(ts[i].text, ".!?;“”\"") {
			return "", ""
		}
		if !isCue(ts[i]) {
			continue
		}
		if s := subject(ts[:i]); s != "" && (isPronoun(ts[i-1]) || person(strings.Fields(s))) {
			return s, ts[i].text
		}
	}
	return "", ""
}

// sentenceSubject is the subject that opens a clause: a pronoun, a name, or "the/a …" up to
// its verb.
func sentenceSubject(ts []tok) string {
	// start after the last sentence break or opening quote in ts; a colon that ends ts
	// introduces the quote ("… gave the Texan a compliment:")
	for len(ts) > 0 && ts[len(ts)-1].punct && (ts[len(ts)-1].text == ":" || ts[len(ts)-1].text == ",") {
		ts = ts[:len(ts)-1]
	}
	start := 0
	for i, t := range ts {
		if t.punct && strings.ContainsAny(t.text, ".!?:;“”\"") {
			start = i + 1
		}
	}
	ts = ts[start:]
	// "… ,” but he gave": a conjunction opens the clause
	if len(ts) > 1 && (strings.EqualFold(ts[0].text, "but") || strings.EqualFold(ts[0].text, "and")) && isPronoun(ts[1]) {
		ts = ts[1:]
	}
	// skip opening adverbials and a dateline: "After the weekend discussions, Mr. Trump …",
	// "To wit, Trump …", "Specifically, …", "PHILADELPHIA, July 25 (UPI) — The committee …"
	for len(ts) > 0 {
		lw := strings.ToLower(ts[0].text)
		adverb := strings.HasSuffix(lw, "ly") && len(ts) > 1 && ts[1].text == ","
		if !introWords[lw] && !adverb && !datelineAhead(ts) {
			break
		}
		rest := ts
		for i, t := range ts {
			if t.text == "," || t.text == "—" || t.text == "–" {
				rest = ts[i+1:]
				if datelineAhead(ts) && t.text == "," {
					continue
				}
				break
			}
		}
		if len(rest) == len(ts) {
			if introWords[lw] {
				// "On September 27 they published …": an opening phrase with no comma runs
				// to the subject's pronoun; "After the “…”" has no subject yet
				for _, t := range ts[1:min(len(ts), 10)] {
					if isPronoun(t) {
						return t.text
					}
				}
				return ""
			}
			break
		}
		ts = rest
	}
	if len(ts) == 0 {
		return ""
	}
	if isPronoun(ts[0]) {
		return ts[0].text
	}
	if determiners[strings.ToLower(ts[0].text)] {
		// "A government official downplayed …", "Another witness described …": the
		// noun phrase the tagger reads, up to its verb
		return taggedNounPhrase(ts)
	}
	var words []string
	for _, t := range ts {
		if t.punct || len(words) == 8 {
			break
		}
		lw := strings.ToLower(t.text)
		if len(words) > 0 && !isCapital(t) && !titles[lw] && lw != "of" && lw != "the" {
			if countWords[strings.ToLower(words[0])] && !isCue(t) && !functionWords[lw] && !isAuxiliary(lw) && len(words) < 4 {
				words = append(words, t.text) // "Two female voices said"
				continue
			}
			// stop at the verb: the first lower-case word after a name, or after "the X"
			if len(words) > 1 || !(strings.EqualFold(words[0], "the") || strings.EqualFold(words[0], "a")) {
				break
			}
		}
		words = append(words, t.text)
	}
	if len(words) == 0 || (len(words) == 1 && (!isCapital(ts[0]) || strings.HasSuffix(words[0], "ing") || stopCapital[strings.ToLower(words[0])])) {
		return "" // "Holding signs …", "It …": not a speaker
	}
	if strings.EqualFold(words[0], "the") || strings.EqualFold(words[0], "a") {
		if len(words) < 2 {
			return ""
		}
	}
	return strings.Join(words, " ")
}

// determiners open a noun phrase whose extent the words' tags tell.
var determiners = lex.WordSet("the a an another any each every some no this these those")

// nounPhraseReach is how many words a subject's noun phrase is read over.
const nounPhraseReach = 10

// taggedNounPhrase is the noun phrase ts opens with a determiner, as the part-of-speech tagger
// reads it: adjectives, nouns, names and numbers, and "of" before more of them, up to the first
// word of another kind ("The acquisition of SeaMicro would", "The embedded battery lasts", "the
// presidential scandal that"). It is "" when no noun follows the determiner.
func taggedNounPhrase(ts []tok) string {
	var words []string
	for _, t := range ts[:min(len(ts), nounPhraseReach)] {
		if t.punct {
			break
		}
		words = append(words, t.text)
	}
	tags := syntax.Tag(words)
	end, noun := 1, false
	for k := 1; k < len(words); k++ {
		switch tag := tags[k]; {
		case tag == "NOUN" || tag == "PROPN":
			end, noun = k+1, true
		case tag == "ADJ" || tag == "NUM" || tag == "PART" && lex.Possessive(words[k]):
			end = k + 1
		case strings.EqualFold(words[k], "of") && noun && k+1 < len(words) && (tags[k+1] == "NOUN" || tags[k+1] == "PROPN" || tags[k+1] == "DET" || tags[k+1] == "ADJ"):
			end = k + 1
		default:
			k = len(words)
		}
	}
	if !noun {
		// the tagger read no noun ("The email goes on"): the word after the determiner
		if len(words) > 1 && !isCapital(tok{text: words[1]}) && !functionWords[strings.ToLower(words[1])] && !isCue(tok{text: words[1]}) {
			return words[0] + " " + words[1]
		}
		return ""
	}
	for end > 1 && functionWords[strings.ToLower(words[end-1])] {
		end--
	}
	return strings.Join(words[:end], " ")
}

// personSubject is the subject of the clause ts opens when it is a pronoun for a person or a
// name of two words or more or the surname of someone named before.
func personSubject(ts []tok, names *nameIndex) string {
	m := sentenceSubject(ts)
	if m == "" || !speakerLike(m) {
		return ""
	}
	f := strings.Fields(m)
	switch lw := strings.ToLower(f[0]); {
	case lw == "he" || lw == "she" || lw == "they" || lw == "we" || lw == "i":
		return m
	case len(f) >= 2 && person(f):
		return m
	case len(f) == 1 && names.full[strings.ToLower(lex.TrimPossessive(m))] != "":
		return m // a surname of someone named before
	}
	return ""
}

// datelineAhead reports whether ts opens with a dateline: a word in capitals, a comma, and
// a dash within a few words ("PHILADELPHIA, July 25 (UPI) —").
func datelineAhead(ts []tok) bool {
	if len(ts) < 3 || ts[1].text != "," || strings.ToUpper(ts[0].text) != ts[0].text || len(ts[0].text) < 3 {
		return false
	}
	for _, t := range ts[2:min(len(ts), 10)] {
		if t.text == "—" || t.text == "–" {
			return true
		}
	}
	return false
}

// stopCapital are capitalised sentence openers that name no one.
var stopCapital = map[string]bool{"it": true, "this": true, "that": true, "there": true, "these": true,
	"those": true, "but": true, "and": true, "so": true, "then": true, "now": true, "here": true,
	"what": true, "when": true, "if": true, "as": true, "for": true, "his": true, "her": true}

// nounPhrase is the speaker named after a cue: a pronoun, a name, or a phrase up to a comma.
func nounPhrase(ts []tok) string {
	var words []string
	for len(ts) > 0 && isAge(ts[0].text) {
		ts = ts[1:] // "said 61-year-old Anargyros Bizianis"
	}
	for _, t := range ts {
		if t.punct {
			break
		}
		words = append(words, t.text)
		if len(words) == 1 && isPronoun(t) {
			break
		}
		if len(words) == 12 {
			break
		}
	}
	// stop at words that begin a new clause, and at the body a named person is "of"
	for i, w := range words {
		lw := strings.ToLower(w)
		if i > 1 && lw == "of" && i+1 < len(words) && words[i+1] == "the" && person(words[nameStart(words[:i]):i]) {
			words = words[:i] // "Andrew Wetzel of the NRDC"
			break
		}
		if i > 0 && (lw == "on" || lw == "in" || lw == "at" || lw == "as" || lw == "during" || lw == "after" || lw == "when" || lw == "who" || lw == "which" || lw == "that" || lw == "while" || lw == "adding" || lw == "before" || lw == "last" || lw == "earlier" || lw == "yesterday" || lw == "today" || weekdayWords[lw]) {
			words = words[:i]
			break
		}
	}
	return strings.Join(words, " ")
}

// subject is the speaker named before a cue: the pronoun or name right before it, or the noun
// phrase that ends there, over at most eight words and no sentence break.
func subject(ts []tok) string {
	// drop an adverb between subject and cue ("he later said")
	for len(ts) > 0 && !ts[len(ts)-1].punct && strings.HasSuffix(strings.ToLower(ts[len(ts)-1].text), "ly") && !isCapital(ts[len(ts)-1]) {
		ts = ts[:len(ts)-1]
	}
	for len(ts) > 0 && !ts[len(ts)-1].punct && (isAuxiliary(ts[len(ts)-1].text) || len(ts) > 1 && perceived[ts[len(ts)-1].text] && isAuxiliary(ts[len(ts)-2].text)) {
		ts = ts[:len(ts)-1] // "he later said", "Jeffs was heard saying"
	}
	// drop a party and state after a name: "Paul D. Ryan (R-Wis.) said"
	if n := len(ts); n > 2 && ts[n-1].text == ")" {
		for i := n - 2; i >= 0 && i >= n-8; i-- {
			if ts[i].text == "(" {
				ts = ts[:i]
				break
			}
		}
	}
	if len(ts) == 0 {
		return ""
	}
	last := ts[len(ts)-1]
	if isPronoun(last) {
		return last.text
	}
	// an appositive: "Ushakov, a senior adviser to Putin, said"
	if last.punct && last.text == "," {
		for i := len(ts) - 2; i >= 0 && len(ts)-i < 20; i-- {
			if ts[i].punct && ts[i].text == "," {
				// "her agent, Mark Roesler, said": the name between the commas
				if name := nameBefore(ts[:len(ts)-1]); name != "" && len(strings.Fields(name)) == len(ts)-2-i && len(strings.Fields(name)) > 1 && person(strings.Fields(name)) {
					return name
				}
				if name := nameBefore(ts[:i]); name != "" {
					return name
				}
				break
			}
		}
		return ""
	}
	if last.punct {
		return ""
	}
	if name := nameBefore(ts); name != "" {
		// "Mr. Morgan of the Sierra Club said": the person the body is of
		if k := len(ts) - len(strings.Fields(name)); k > 2 && ts[k-1].text == "the" && ts[k-2].text == "of" {
			if p := nameBefore(ts[:k-2]); person(strings.Fields(p)) {
				return p
			}
		}
		return name
	}
	// a role phrase: "the senior adviser", "a Russian official briefed on the matter"
	start := -1
	for i := len(ts) - 1; i >= 0 && len(ts)-i <= 8; i-- {
		if ts[i].punct {
			break
		}
		lw := strings.ToLower(ts[i].text)
		if lw == "the" || lw == "a" || lw == "an" || lw == "his" || lw == "her" || lw == "their" || lw == "its" {
			start = i
		}
	}
	if start < 0 {
		// "…,” officials say": people named by their trade alone
		if w := ts[len(ts)-1].text; !isCapital(ts[len(ts)-1]) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && (personNoun(strings.TrimSuffix(w, "s")) || strings.HasSuffix(w, "es") && personNoun(strings.TrimSuffix(w, "es"))) {
			// "March participants chanted", "witnesses said": the trade before the cue
			if len(ts) > 1 && isCapital(ts[len(ts)-2]) && !ts[len(ts)-2].punct {
				return ts[len(ts)-2].text + " " + w
			}
			return w
		}
		return ""
	}
	if functionWords[strings.ToLower(ts[len(ts)-1].text)] || strings.HasSuffix(ts[len(ts)-1].text, "ing") {
		return "" // "a statement to", "his momentum and": the phrase is not the subject
	}
	var words []string
	for _, t := range ts[start:] {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

// introWords open an adverbial phrase before a sentence's subject.
var introWords = map[string]bool{"after": true, "following": true, "in": true, "on": true, "during": true,
	"earlier": true, "later": true, "meanwhile": true, "however": true, "still": true, "yet": true,
	"also": true, "at": true, "before": true, "since": true, "when": true, "while": true, "with": true,
	"speaking": true, "asked": true, "today": true, "yesterday": true, "separately": true, "born": true}

// functionWords cannot end a noun phrase.
var functionWords = map[string]bool{"to": true, "the": true, "a": true, "an": true, "of": true, "and": true,
	"or": true, "but": true, "that": true, "in": true, "on": true, "at": true, "for": true, "with": true,
	"by": true, "from": true, "into": true, "as": true, "if": true, "when": true, "be": true, "been": true,
	"being": true, "was": true, "were": true, "is": true, "are": true, "has": true, "have": true, "had": true,
	"his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "your": true, "who": true,
	"which": true, "than": true, "then": true, "not": true, "no": true, "after": true, "before": true,
	"without": true, "about": true, "over": true, "under": true, "between": true, "through": true}

// quoting are the cues whose subject reports what its object said: "the paper quoted Ana
// Ruiz as saying".
var quoting = lex.WordSet("quoted quotes cited cites")

// perceived are the participles of a passive that reports speech: "was heard saying", "was
// quoted as saying".
var perceived = lex.WordSet("heard overheard recorded quoted seen caught")

func isAuxiliary(w string) bool {
	switch strings.ToLower(w) {
	case "has", "have", "had", "was", "is", "were", "are", "will", "would", "also", "then", "later", "once", "repeatedly", "again":
		return true
	}
	return false
}

// nameBefore is the run of capitalised words that ends ts ("Yuri Ushakov", "Mr. Trump").
func nameBefore(ts []tok) string {
	i := len(ts)
	for i > 0 && (isCapital(ts[i-1]) || (i < len(ts) && i > 1 && isCapital(ts[i-2]) && (isJoiner(ts[i-1].text) || ts[i-1].text == "of"))) && len(ts)-i < 6 {
		i--
	}
	for i < len(ts) && (!isCapital(ts[i]) || i < len(ts)-1 && sentenceOpener(ts[i].text)) {
		i++ // "But Richard Ben-Veniste": the conjunction opens the sentence
	}
	if i == len(ts) {
		return ""
	}
	var words []string
	for _, t := range ts[i:] {
		words = append(words, t.text)
	}
	return strings.Join(words, " ")
}

func isJoiner(w string) bool { return w == "de" || w == "van" || w == "von" || w == "al" || w == "bin" }
