package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// nameIndex remembers the people an article has named so far, so that "Ushakov" resolves to
// "Yuri Ushakov" and "he" to the person named last.
type nameIndex struct {
	full   map[string]string          // a name's last word → the fullest form seen
	roles  map[string]map[string]bool // a full name → the title words seen before it
	gender map[string]map[byte]int    // a full name → the genders of the pronouns that followed it
	last   string                     // the person named most recently
	order  []string                   // full names, most recent last
	cursor int
	quoted bool // scanning a quote's words

	// the sentence the scan is in, for the person a sentence is about: its subject
	sent       int  // sentences read
	sinceStart int  // words since the sentence began
	commas     int  // commas since the sentence began
	afterComma bool // the last token was a comma
	topic      string
	topicAt    int    // the sentence the topic was last the subject of
	spoke      string // the speaker of the last quote
	namedAt    int    // the last sentence that named a person

	// two people a sentence names with "and" between them, whom "they" may stand for
	sentNames []string // the people the current sentence names
	sentAnd   bool     // an "and" after the first of them
	pair      [2]string
	pairAt    int // the sentence that named the pair
}

// topicReach is how many sentences the subject of one stays who "he" or "she" stands for.
const topicReach = 2

func newNameIndex() *nameIndex {
	return &nameIndex{full: map[string]string{}, roles: map[string]map[string]bool{}, gender: map[string]map[byte]int{}}
}

// titles are words that precede a name without being part of it.
var titles = map[string]bool{"mr": true, "mr.": true, "mrs": true, "mrs.": true, "ms": true, "ms.": true,
	"dr": true, "dr.": true, "president": true, "prime": true, "minister": true, "secretary": true,
	"senator": true, "sen.": true, "sen": true, "rep.": true, "rep": true, "gov.": true, "governor": true,
	"gen.": true, "general": true, "judge": true, "justice": true, "chairman": true, "chief": true,
	"former": true, "state": true, "foreign": true, "vice": true, "first": true, "lady": true,
	"speaker": true, "leader": true, "mayor": true, "ambassador": true, "envoy": true, "special": true,
	"u.s.": true, "russian": true, "american": true, "ukrainian": true, "democratic": true,
	"republican": true, "candidate": true, "nominee": true, "adviser": true, "advisor": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "the": true, "a": true, "an": true}

// notPeople are capitalised words that start sentences or name places and institutions, not
// people; a run that has one is not taken for a person.
var notPeople = map[string]bool{"the": true, "a": true, "in": true, "on": true, "at": true, "but": true,
	"and": true, "it": true, "this": true, "that": true, "he": true, "she": true, "they": true, "we": true,
	"i": true, "house": true, "white": true, "united": true, "states": true, "new": true, "york": true,
	"street": true, "party": true, "department": true, "committee": true, "congress": true, "senate": true,
	"court": true, "university": true, "news": true, "times": true, "post": true, "monday": true,
	"tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true}

// scanQuote reads the names inside a quote: they give the surnames their full form, but a
// person named in someone's words ("in the name of Jesus Christ") is not who "he" in the
// narration stands for.
func (x *nameIndex) scanQuote(text string, from, to int) {
	last, order := x.last, len(x.order)
	x.quoted = true
	x.scan(text, from, to)
	x.quoted = false
	x.last, x.order = last, x.order[:order]
}

// subjectSlot reports whether the next word stands where a sentence's subject does: first in
// the sentence, or right after the comma that closes an opening phrase ("As the director of
// the FBI, Mr Felt …", "A master of counter-intelligence, he …").
func (x *nameIndex) subjectSlot() bool {
	return !x.quoted && (x.sinceStart == 0 || x.afterComma && x.commas == 1 && x.sinceStart <= 20)
}

// step moves the sentence state past the token ts[i].
func (x *nameIndex) step(ts []tok, i int) {
	if x.quoted {
		return
	}
	t := ts[i]
	x.afterComma = t.text == ","
	switch {
	case t.text == "." || t.text == "!" || t.text == "?":
		if i == 0 || !lex.IsAbbreviation(strings.ToLower(ts[i-1].text)) {
			x.newSentence()
		}
	case t.text == "and" && len(x.sentNames) > 0:
		x.sentAnd = true
		x.sinceStart++
	case t.text == ",":
		x.commas++
	case t.punct:
	default:
		x.sinceStart++
	}
}

// newSentence starts a sentence: a quote that ended one was read.
func (x *nameIndex) newSentence() {
	if len(x.sentNames) == 2 && x.sentAnd {
		x.pair, x.pairAt = [2]string{x.sentNames[0], x.sentNames[1]}, x.sent
	}
	x.sent++
	x.sinceStart, x.commas, x.afterComma = 0, 0, false
	x.sentNames, x.sentAnd = x.sentNames[:0], false
}

// mentioned marks person p as named in the subject's place of the current sentence.
func (x *nameIndex) mentioned(p string) {
	x.topic, x.topicAt = p, x.sent
}

// scan reads the names in text[from:to].
func (x *nameIndex) scan(text string, from, to int) {
	if from < x.cursor {
		from = x.cursor
	}
	if from >= to {
		return
	}
	ts := toks(text[from:to])
	// a run's tokens, words and role words are gathered in buffers kept from one run to the next
	var runBuf []tok
	var wordBuf, roleBuf []string
	for i := 0; i < len(ts); {
		if !isCapital(ts[i]) || isPronoun(ts[i]) {
			lw := strings.ToLower(ts[i].text)
			// "A master of counter-intelligence, he …": the subject goes on being who it was
			if (lw == "he" || lw == "she") && x.subjectSlot() {
				if p := x.resolve(lw, x.spoke); p != "" {
					x.mentioned(p)
				}
			}
			// "Ana Lisle … her": a pronoun after a name tells its gender
			if g := genderPronouns[lw]; g != 0 && x.last != "" && !x.quoted {
				if x.gender[x.last] == nil {
					x.gender[x.last] = map[byte]int{}
				}
				x.gender[x.last][g]++
			}
			x.step(ts, i)
			i++
			continue
		}
		subjectSlot := x.subjectSlot()
		j := i
		run := runBuf[:0]
		for j < len(ts) && (isCapital(ts[j]) || (j > i && isJoiner(ts[j].text))) {
			run = append(run, ts[j])
			j++
			if lex.Possessive(ts[j-1].text) {
				subjectSlot = false // "Putin's adviser Yuri Ushakov said": the adviser is the subject
				break               // "South Sudan's Unity state": the possessive ends the name
			}
			if k := nicknameEnd(ts, j); k > j {
				j = k // Vincent "The Chin" Gigante: the nickname is not the name's
			}
		}
		runBuf = run[:0]
		words, role := wordBuf[:0], roleBuf[:0]
		if i > 0 && !ts[i-1].punct && !isCapital(ts[i-1]) {
			role = append(role, strings.ToLower(ts[i-1].text)) // "former President …"
		}
		// "As President Obama …", "After Gray …": a word that opens the sentence is not the name's
		for len(run) > 1 && sentenceOpener(run[0].text) {
			run = run[1:]
		}
		if i > 0 && (ts[i-1].text == "a" || ts[i-1].text == "an" || i > 1 && (ts[i-2].text == "a" || ts[i-2].text == "an") && !ts[i-1].punct && !isCapital(ts[i-1])) {
			x.stepOver(ts, i, j) // "a local Rite Aid": a thing, not a person
			i = j
			continue
		}
		if len(run) > 1 && determiners[strings.ToLower(run[0].text)] && run[0].text != "The" {
			x.stepOver(ts, i, j) // "Another Twitter user": someone not named
			i = j
			continue
		}
		if len(run) > 1 && run[0].text == "The" && !titles[strings.ToLower(run[1].text)] {
			x.stepOver(ts, i, j) // "The Notorious Bettie Page", "The New York Times": a title or a body, not a person
			i = j
			continue
		}
		for _, t := range run {
			w := strings.TrimSuffix(strings.TrimSuffix(t.text, "’s"), "'s")
			words = append(words, w)
		}
		// "Palmer Public Safety Director Jon Owen": the name follows the last role word
		k := nameStart(words)
		if k == 0 && i > 1 && ts[i-1].text == "of" && isCapital(ts[i-2]) {
			x.stepOver(ts, i, j) // "the Union of Concerned Scientists": the rest of a body's name
			i = j
			continue
		}
		for _, w := range words[:k] {
			role = append(role, strings.ToLower(w))
		}
		wordBuf, roleBuf = words[:0], role[:0]
		words = words[k:]
		key := ""
		if len(words) > 0 {
			key = strings.ToLower(words[len(words)-1])
		}
		_, known := x.full[key]
		// one capitalised word is a person only as the surname of a name seen whole: "Kremlin"
		// and "Russians" are not, "Ushakov" after "Yuri Ushakov" is
		// "Su indicated": a surname of two letters of someone named whole is theirs too
		if (person(words) || known && len(words) == 1 && len(words[0]) == 2) && (len(words) >= 2 || known) {
			if len(words) > lex.WordCount(x.full[key]) {
				x.full[key] = strings.Join(words, " ")
			}
			full := x.full[key]
			x.last = full
			x.order = append(x.order, full)
			x.namedAt = x.sent
			if !x.quoted && !slices.Contains(x.sentNames, full) {
				x.sentNames = append(x.sentNames, full)
			}
			if subjectSlot {
				x.mentioned(full)
			}
			if len(role) > 0 {
				if x.roles[full] == nil {
					x.roles[full] = map[string]bool{}
				}
				for _, r := range role {
					x.roles[full][r] = true
				}
			}
		}
		x.stepOver(ts, i, j)
		i = j
	}
	x.cursor = to
}

// stepOver moves the sentence state past the tokens ts[i:j].
func (x *nameIndex) stepOver(ts []tok, i, j int) {
	for ; i < j; i++ {
		x.step(ts, i)
	}
}

// nicknameEnd is, when a quoted nickname of one to three capitalised words opens at ts[j]
// and a capitalised word follows it (Vincent "The Chin" Gigante), the index of that word;
// else j.
func nicknameEnd(ts []tok, j int) int {
	if j >= len(ts) || !quoteMark(ts[j].text) {
		return j
	}
	for k := j + 1; k < len(ts) && k <= j+4; k++ {
		switch {
		case quoteMark(ts[k].text):
			if k > j+1 && k+1 < len(ts) && isCapital(ts[k+1]) && !isPronoun(ts[k+1]) {
				return k + 1
			}
			return j
		case !isCapital(ts[k]):
			return j
		}
	}
	return j
}

func quoteMark(s string) bool { return s == `"` || s == "“" || s == "”" }

var weekdayWords = lex.WordSet("monday tuesday wednesday thursday friday saturday sunday")

// person reports whether a run of capitalised words looks like a person's name.
func person(words []string) bool {
	if len(words) > 1 {
		words = words[nameStart(words):] // "House Speaker Paul D. Ryan"
	}
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	var buf [32]byte
	for i, w := range words {
		lw := lex.AppendLower(buf[:0], w) // looked up without a new string
		if calendarWords[string(lw)] && i > 0 && !weekdayWords[string(lw)] {
			continue // "Theresa May": a month ends a name, and opens none; a weekday ends none ("Le Parisien Wednesday")
		}
		if notPeople[string(lw)] || functionWords[string(lw)] || prepositions[string(lw)] {
			return false // "Railing Against Trump" is a headline, "Bank of Greece" a body
		}
	}
	if len(words) > 1 && (compass[words[0]] || isPlace(strings.Join(words, " "))) {
		return false // "Los Angeles", "South Kordofan"
	}
	if len(words) > 1 && entity.IsDemonym(words[0]) {
		return false // "German WWII spies", "Russian Luhansk": a people's word opens no one's name
	}
	if len(words) > 1 && allCaps(words[0]) {
		return false // "AMD Opteron", "NYPD Commissioner": a body's or a product's name
	}
	if last := lex.TrimPossessive(words[len(words)-1]); len(words) > 1 && (entity.IsOrgHead(last) || documentHeads[last]) {
		return false // "Scientific Integrity Program", "Endangered Species Act"
	}
	return len(words) >= 2 || len(words[0]) > 2
}

func isPlace(name string) bool { return entity.IsPlace(name) }

// compass words open the names of regions, not of people.
var compass = lex.WordSet("North South East West Northern Southern Eastern Western Central Upper Lower")

// allCaps reports whether w is an acronym in capitals without stops ("AMD", "NYPD"), which
// opens no person's name ("J.R. Ewing" does).
func allCaps(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// documentHeads end the names of laws, programmes and publications, which are not people.
// Words that are also common surnames (Hall, Park, Day, Law, Lake, Bay) are not among them.
var documentHeads = lex.WordSet(`Act Acts Treaty Accord Accords Agreement Convention Charter
Constitution Amendment Program Programme Project Initiative Plan Strategy Doctrine Fund Society
Magazine Review Report Index Prize Award Awards Games Cup Championship Festival Street Avenue
Road Square Island Islands River Mountain Mountains Valley County Province Region District City
State Republic Kingdom Airport Station Stadium Arena Tower Building Prison Fellowship
Scholarship Medal Trophy Courthouse Hospital Museum Library Hotel Theater Theatre Cathedral
Resources Affairs Ave Blvd`)

// prepositions, capitalised in a run of words, make it a title or a body's name.
var prepositions = lex.WordSet(`against for with from about across toward towards upon among despite inside
outside within behind beyond via`)

// sentenceOpener reports whether a capitalised word opens a sentence or a clause rather than
// a name: "As", "After", "But", "When".
func sentenceOpener(w string) bool {
	lw := strings.ToLower(w)
	return introWords[lw] || stopCapital[lw] || notSpeakers[lw]
}

// roleWord reports whether a word of a capitalised run names an office or a trade: the name
// that follows it is the person's ("Prosecutor Eric Nichols", "EU Commissioner Olli Rehn").
func roleWord(w string) bool {
	lw := strings.TrimSuffix(strings.ToLower(w), ".")
	if lw == "the" || lw == "a" || lw == "an" {
		return false
	}
	return titles[lw] || titles[lw+"."] || personNouns[lw] || entity.TitleWord(w) || runRoles[lw]
}

// runRoles are more offices and trades that stand before a name in a capitalised run.
var runRoles = lex.WordSet(`councilman councilwoman councillor councilor commentator coach quarterback
detective deputy sergeant sgt lieutenant lt captain capt inspector trooper superintendent
commissioner director prosecutor attorney administrator chief ceo cfo coo chairperson
correspondent anchor columnist novelist actor actress singer rapper model playwright
physicist biologist scientist doctor nurse surgeon bishop archbishop cardinal rabbi imam
pastor reverend rev father sheriff marshal constable warden master member witness
manager engineer`)

// nameStart is where the name begins in a capitalised run: after its last role word, when a
// name of at least one word follows.
func nameStart(words []string) int {
	if len(words) > 1 && entity.IsOrgHead(lex.TrimPossessive(words[len(words)-1])) {
		return 0 // "Russian Defence Ministry": a body's name, whole, with no person's in it
	}
	for k := len(words) - 2; k >= 0; k-- {
		if roleWord(words[k]) {
			if r, _ := utf8.DecodeRuneInString(words[k+1]); !unicode.IsUpper(r) {
				return 0
			}
			return k + 1
		}
	}
	return 0
}

// resolve turns a speaker as written into the person meant: a name into its fullest form, a
// pronoun into the person named last, a role ("the adviser") into the last speaker.
func (x *nameIndex) resolve(mention, lastSpeaker string) string {
	if mention == "" {
		return ""
	}
	words := strings.Fields(mention)
	lw := strings.ToLower(words[0])
	switch {
	case len(words) == 1 && (lw == "he" || lw == "she"):
		// the person named last whose gender, when known, agrees with the pronoun
		want := byte('m')
		if lw == "she" {
			want = 'f'
		}
		// the subject of the last sentence that names anyone, before someone named there in
		// a lesser place ("A master of spies, he helped reporters Bob Woodward and Carl
		// Bernstein. … before he broke cover")
		if x.topic != "" && x.sent-x.topicAt <= topicReach && x.topicAt >= x.namedAt && x.fits(x.topic, want) {
			return x.topic
		}
		for i := len(x.order) - 1; i >= 0 && i >= len(x.order)-40; i-- {
			if p := x.order[i]; x.fits(p, want) {
				return p
			}
		}
		if len(x.order) > 0 {
			return "" // every person named is of the other gender: the one meant is not named
		}
		return lastSpeaker
	case len(words) == 1 && lw == "i":
		if x.last != "" {
			return x.last
		}
		return lastSpeaker
	case len(words) == 1 && lw == "they" && x.pair[0] != "" && x.sent-x.pairAt <= topicReach:
		// "… the commerce secretary, Gary Locke, and the interior secretary, Ken Salazar,
		// agreed. …, they said": the two named together
		return x.pair[0] + " and " + x.pair[1]
	case pronouns[lw]:
		return mention
	case lw == "the" || lw == "a" || lw == "an" || lw == "his" || lw == "her" || lw == "their":
		if name := x.byRole(words[1:]); name != "" {
			return name
		}
		if lastSpeaker != "" && (lw == "the" || lw == "his" || lw == "her") && personNoun(words[len(words)-1]) {
			return lastSpeaker
		}
		// "His lawyers claimed": the lawyers of the man "his" stands for, as a reader would
		// name them ("Gigante's lawyers")
		if len(words) > 1 && (lw == "his" || lw == "her") {
			if p := x.resolve(map[string]string{"his": "he", "her": "she"}[lw], lastSpeaker); p != "" {
				return lastName(p) + "'s " + strings.Join(words[1:], " ")
			}
		}
		return mention
	}
	if len(words) > 1 && entity.IsOrgHead(lex.TrimPossessive(words[len(words)-1])) {
		return mention // "Russian Defence Ministry": a body, named whole
	}
	var kept []string
	for _, w := range words[nameStart(words):] {
		if len(kept) == 0 && (titles[strings.ToLower(w)] || w == "of") {
			continue // "U.S. Secretary of State Marco Rubio" → "Marco Rubio"
		}
		kept = append(kept, w)
	}
	if len(kept) == 0 {
		return mention
	}
	if full, ok := x.full[strings.ToLower(kept[len(kept)-1])]; ok && len(strings.Fields(full)) > len(kept) {
		return full
	}
	return strings.Join(kept, " ")
}

// fits reports whether person p may be who a pronoun of gender want stands for: p's gender,
// when known, is want's.
func (x *nameIndex) fits(p string, want byte) bool {
	g := genderOf(strings.Fields(p), x.roles[p], x.gender[p])
	return g == 0 || g == want
}

func lastName(p string) string {
	f := strings.Fields(p)
	return f[len(f)-1]
}

// personNouns are nouns for a person by office, trade or relation, which a role phrase ("the
// senior adviser", "his spokeswoman") ends with when it stands for someone.
var personNouns = lex.WordSet(`adviser advisor aide ambassador analyst attorney author candidate chairman
chairwoman chief commander commissioner congressman congresswoman columnist critic director diplomat
economist editor envoy executive expert founder general governor host judge lawmaker lawyer leader
manager mayor minister moderator nominee officer official organizer owner pastor pollster president
professor prosecutor representative researcher secretary senator sheriff source speaker spokesman
spokesperson spokeswoman strategist woman man husband wife father mother son daughter brother sister
friend veteran voter worker businessman writer reporter activist chancellor premier king
queen prince justice demonstrator protester protestor marcher resident neighbor neighbour
student supporter participant witness juror`)

// personNoun reports whether a role phrase's last word names a person.
func personNoun(w string) bool {
	return personNouns[strings.ToLower(lex.TrimPossessive(w))]
}

// byRole finds the person a role phrase ("the Russian leader") stands for: the most recently
// named person whose titles share its adjective and fit its noun.
func (x *nameIndex) byRole(words []string) string {
	if len(words) == 0 {
		return ""
	}
	noun := strings.ToLower(words[len(words)-1])
	wants := entity.RoleSynonyms(noun)
	if wants == nil && (personNouns[noun] || runRoles[noun]) {
		wants = []string{noun} // "the judge": the person last seen titled Judge
	}
	if wants == nil {
		return ""
	}
	for i := len(x.order) - 1; i >= 0; i-- {
		r := x.roles[x.order[i]]
		fits := false
		for _, w := range wants {
			fits = fits || r[w]
		}
		if !fits {
			continue
		}
		shared := true
		for _, w := range words[:len(words)-1] {
			lw := strings.ToLower(w)
			if lw != "top" && lw != "senior" && lw != "former" && !r[lw] {
				shared = false
			}
		}
		if shared {
			return x.order[i]
		}
	}
	return ""
}
