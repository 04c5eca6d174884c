package quote

import (
	"strings"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// The attribution cascade: the rules that find a quote's speaker, tried in the order of the
// table below for each quote. The first rule that applies names the speaker, and its name is
// what the quote says in Rule (what `crosscheck articles --full` and `show` print as its
// rule). Each rule carries the example it exists for, and rules_test.go runs every example
// through Find and checks that the rule named it.
//
// The rules come in three runs. The cued ones read the quote's own sentence: a cue verb with
// its subject after or before the quote, a dash or a colon with a name, a headline that opens
// with a name. When none applies, a quote that goes on with the previous one in the same
// paragraph joins it. Then the uncued ones: a short quote in a person's sentence, and a
// quoted sentence or more with no cue at all, which is still someone's speech. A quote that
// no rule attributes is left out: scare quotes, titles, the words of no one.

// Rule names that other code tests for.
const (
	ruleBefore       = "speaker before the quote"
	ruleAfter        = "speaker after the quote"
	ruleContinuation = "a continuation of the previous quote"
)

// rule is one step of the cascade: name, the quote's Rule when it applies; example, the
// sentence it exists for; try, which reports whether it applies and then sets the quote's
// speaker, mention and cue.
type rule struct {
	name    string
	example string
	try     func(c *clue) bool
}

// rules is the cascade, in the order it is tried.
var rules = []rule{
	{ruleBefore, `March participants chanted, “No more war,” witnesses reported.`, cueRightBefore},
	{ruleAfter, `“We will rebuild the bridge,” Mayor Ana Ruiz said on Tuesday.`, cueAfter},
	{"a name after a dash", `“We are not leaving” — Piet Vos, a fisherman.`, dashAfter},
	{"a name and a colon before the quote", `Pollsters agree - Carl Bialik: “The race is close.”`, colonBefore},
	{ruleBefore, `Mayor Ana Ruiz said on Tuesday that “the bridge will be rebuilt by spring.”`, cueBefore},
	{"a line that opens with the speaker's name", "John McCain: Republican anger appeals to “bad angels”\nThe senator spoke in Phoenix.", headlineOpener},
	{"the subject of the previous quote's sentence", `Ana Ruiz called the talks “productive” after she met the union's leaders and the owners of the ferry company in the town hall on the north bank of the river late on Monday, but noted that “the bridge will take a year to rebuild.”`, previousSubject},
	{ruleContinuation, `“We will rebuild the bridge,” Ana Ruiz said. “It will take a year and cost a great deal of money.”`, continuation},
	{"a short quote in its subject's sentence", `Donald Trump finds the plan “a disaster” for the town.`, shortInSubject},
	{"a quoted predicate: the previous speaker's words", `“Nothing heroic in it,” said Ada Ruiz. Vane “disgraced himself and his whole crew that night.”`, predicateOfPrevious},
	{"a thing's quoted words: the previous speaker's", `“We are pleased,” said Ada Ruiz, the chief executive. The acquisition would “accelerate our growth in every market we serve.”`, thingSpeaks},
	{"no cue in its sentence: the subject of a copula", `The NYPD is “a force under strain and out of money for years.”`, copulaSubject},
	{"no cue in its sentence: its subject", `Donald Trump has offered his rival a place in “the government of the great state of Texas and beyond.”`, uncuedSubject},
	{"no cue in its sentence: the nearest cue before it", `Ana Ruiz said the bridge would be rebuilt. In the meantime, “the ferry will run every hour of the day and night.”`, nearestCue},
	{"no cue nearby: the person named last is spoken of in the quote", `Dr. Ada Benjamin was named on Monday. “Dr. Benjamin's most important qualification is her commitment to the poor.”`, lastNamedSpokenOf},
	{"no cue nearby: the person named last", `The visit of Ana Ruiz ended on Monday. “The bridge will be rebuilt and the ferry will run again.”`, lastNamed},
	{"a cue whose subject names no speaker", `“The bridge will be rebuilt,” the last time said.`, unclearCue},
}

// clue is what the cascade reads for one quote, and what its rules found so far.
type clue struct {
	text          string
	s             span
	q             *Quote
	before, after string  // the quote's sentence before and after it
	out           []Quote // the quotes found before it
	names         *nameIndex
	lastSpeaker   string

	beforeToks, afterToks []tok
	unclear               bool   // a cue was seen whose subject names no speaker
	same                  bool   // the cue's subject is the previous clause's, left out
	sameCue               string // its cue
	subject               *string
}

// attribute runs the cascade for a quote and returns the rule that applied, or nil when none
// did and the quote is no one's words.
func (c *clue) attribute() *rule {
	c.beforeToks, c.afterToks = toks(c.before), toks(c.after)
	for i := range rules {
		if rules[i].try(c) {
			c.q.Rule = rules[i].name
			return &rules[i]
		}
	}
	return nil
}

// prev is the index of the previous quote, -1 when there is none.
func (c *clue) prev() int { return len(c.out) - 1 }

// named sets the speaker the cued rules found as written, and reports true.
func (c *clue) named(mention, cue string) bool {
	c.q.SpeakerMention, c.q.Cue = mention, cue
	c.q.Speaker = c.names.resolve(mention, c.lastSpeaker)
	return true
}

// cued is a mention a cued rule found: a speaker, or the previous clause's subject, left out,
// which the rule "the subject of the previous quote's sentence" reads.
func (c *clue) cued(m, cue string) bool {
	if m == sameSubject {
		c.same, c.sameCue, c.unclear = true, cue, false
		return false
	}
	return c.named(m, cue)
}

// cueRightBefore: the cue right before the quote is the speaker's own; the one after relays
// it.
func cueRightBefore(c *clue) bool {
	if !cueEnds(c.beforeToks) {
		return false
	}
	m, cue := attributeBefore(c.beforeToks)
	return m != "" && speakerLike(m) && m != sameSubject && c.named(m, cue)
}

// cueAfter: a cue and its subject after the quote.
func cueAfter(c *clue) bool {
	m, cue := attributeAfter(c.afterToks)
	if m != "" && speakerLike(m) {
		return c.cued(m, cue)
	}
	c.unclear = m != ""
	return false
}

// dashAfter: a person's name after a dash that follows the quote.
func dashAfter(c *clue) bool {
	if c.same || c.unclear {
		return false
	}
	m := dashName(c.afterToks)
	return m != "" && c.named(m, "—")
}

// colonBefore: a person's name and a colon that introduce the quote.
func colonBefore(c *clue) bool {
	if c.same {
		return false
	}
	m := colonName(c.beforeToks)
	return m != "" && c.named(m, ":")
}

// cueBefore: a cue and its subject before the quote in its sentence.
func cueBefore(c *clue) bool {
	if c.same {
		return false
	}
	m, cue := attributeBefore(c.beforeToks)
	if m == "" {
		return false
	}
	if speakerLike(m) {
		return c.cued(m, cue)
	}
	c.unclear = true
	return false
}

// headlineOpener: a line that opens with a person's name and a colon, a headline's way of
// quoting.
func headlineOpener(c *clue) bool {
	if c.same {
		return false
	}
	m := headlineSpeaker(c.text, c.s.open)
	return m != "" && c.named(m, ":")
}

// previousSubject: "… “productive,” but noted that “…”": the cue's subject is the previous
// clause's, the previous quote's speaker.
func previousSubject(c *clue) bool {
	p := c.prev()
	if !c.same || p < 0 {
		return false
	}
	c.q.SpeakerMention, c.q.Cue, c.q.Speaker = c.out[p].SpeakerMention, c.sameCue, c.out[p].Speaker
	return true
}

// continuation: a quote with no cue that goes on with the previous one joins it (Find
// extends the previous quote; this rule's name is in no output).
func continuation(c *clue) bool {
	p := c.prev()
	return !c.same && p >= 0 && canExtend(&c.out[p], c.s.end) && continues(c.text, c.out[p], c.s.open)
}

// shortInSubject: a quote of a few words in a sentence whose subject is a person is that
// person's words.
func shortInSubject(c *clue) bool {
	if c.unclear || wordCount(c.q.Text) >= minUnattributed || quotedTitle(c.q.Text) {
		return false
	}
	short := personSubject(toks(sentenceOpening(c.text, c.s.open)), c.names)
	if short == "" {
		return false
	}
	c.q.SpeakerMention = short
	c.q.Speaker = c.names.resolve(short, c.lastSpeaker)
	return true
}

// uncued reports a quote the uncued rules read: a cue whose subject names no one was seen,
// or the quote is a sentence or more.
func (c *clue) uncued() bool { return c.unclear || wordCount(c.q.Text) >= minUnattributed }

// sentenceSubject is the subject of the quote's sentence before it, as written, when it can
// name a speaker.
func (c *clue) sentenceSubject() string {
	if c.subject == nil {
		m := sentenceSubject(toks(sentenceOpening(c.text, c.s.open)))
		if !speakerLike(m) {
			m = ""
		}
		c.subject = &m
	}
	return *c.subject
}

// recentSpeaker reports whether the previous quote has a speaker and ends less than reach
// bytes before this one.
func (c *clue) recentSpeaker(reach int) bool {
	p := c.prev()
	return p >= 0 && c.out[p].Speaker != "" && c.s.open-c.out[p].End < reach
}

// predicateOfPrevious: the quoted words say what the subject did, in the previous speaker's
// words.
func predicateOfPrevious(c *clue) bool {
	m := c.sentenceSubject()
	if !c.uncued() || m == "" || !quotedPredicate(sentenceOpening(c.text, c.s.open), m, c.q.Text) || !c.recentSpeaker(200) ||
		strings.Contains(c.text[c.out[c.prev()].End:c.s.open], "\n") {
		return false
	}
	c.q.Speaker = c.out[c.prev()].Speaker
	return true
}

// thingSpeaks: a thing says nothing; its quoted words are the previous speaker's.
func thingSpeaks(c *clue) bool {
	m := c.sentenceSubject()
	if !c.uncued() || m == "" || !thing(m) || !c.recentSpeaker(400) {
		return false
	}
	c.q.Speaker = c.out[c.prev()].Speaker
	return true
}

// copulaSubject: the subject of the quote's sentence, whose verb is a copula ("The NYPD is
// “…”"): the quoted words may be someone else's about it, so a body named there does not speak
// by this rule (entity.ResolveSpeakers).
func copulaSubject(c *clue) bool {
	m := c.sentenceSubject()
	return c.uncued() && m != "" && copulaAfter(sentenceOpening(c.text, c.s.open), m) && c.subjectSpeaks(m)
}

// uncuedSubject: the subject of the quote's sentence.
func uncuedSubject(c *clue) bool {
	m := c.sentenceSubject()
	return c.uncued() && m != "" && c.subjectSpeaks(m)
}

// subjectSpeaks makes the subject m the quote's speaker, and reports true.
func (c *clue) subjectSpeaks(m string) bool {
	c.q.SpeakerMention = m
	c.q.Speaker = c.names.resolve(m, c.lastSpeaker)
	return true
}

// copulas are the verbs that say what their subject is, not what it says.
var copulas = lex.WordSet("is was are were remains remained becomes became seems seemed")

// copulaAfter reports whether the subject m is followed in opening, the sentence before a
// quote, by a copula: "is", "was", "has been".
func copulaAfter(opening, m string) bool {
	i := strings.LastIndex(opening, m)
	if i < 0 {
		return false
	}
	f := strings.Fields(strings.ToLower(opening[i+len(m):]))
	switch {
	case len(f) == 0:
		return false
	case copulas[f[0]]:
		return true
	}
	return len(f) > 1 && (f[0] == "has" || f[0] == "have" || f[0] == "had") && f[1] == "been"
}

// nearestCue: the speaker of the nearest cue before the quote, since the previous quote.
func nearestCue(c *clue) bool {
	if !c.uncued() {
		return false
	}
	from := max(0, c.s.open-400)
	if p := c.prev(); p >= 0 && c.out[p].End > from {
		from = c.out[p].End
	}
	m, cue := attributeWithin(toks(c.text[from:c.s.open]), 60)
	if m == "" || !speakerLike(m) {
		return false
	}
	c.named(m, cue)
	return true
}

// lastNamedSpokenOf: the quote speaks of the person named last, who is not its speaker.
func lastNamedSpokenOf(c *clue) bool {
	return c.uncued() && c.names.last != "" && spokenOf(c.q.Text, c.names.last)
}

// lastNamed: the person named last.
func lastNamed(c *clue) bool {
	if !c.uncued() || c.names.last == "" {
		return false
	}
	c.q.Speaker = c.names.last
	return true
}

// unclearCue: a cue was seen, but its subject names no one.
func unclearCue(c *clue) bool { return c.unclear }
