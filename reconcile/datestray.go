package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck/analyze/lex"
)

// timeHedgeRe matches the words before a clock time or a year that make it approximate or a
// bound: "about 8 p.m.", "shortly after 3:30 p.m.", "just before midnight", "about 1970".
var timeHedgeRe = mustGate(`(?i)\b(about|around|approximately|roughly|nearly|almost|sometime|(?:shortly|just|soon|right|not long|some time) (?:after|before)|after|before|circa)\s+(?:at\s+)?$`)

// timeHedge is the hedge the words before a clock time or a year give it, lower case, or "".
// The report keeps the article's words ("shortly after 15:30", "about 1970"): "shortly after
// 3:30 p.m." is no exact time.
func timeHedge(before string) string {
	m := timeHedgeRe.FindStringSubmatch(before)
	if m == nil {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
}

// hedgedText is a date's text, hedge and all, when the date reader kept its hedge inside it
// ("about 1970"): the hedge then stands at the start of the text.
func hedgedText(text string) string {
	f := strings.Fields(text)
	if len(f) < 2 {
		return ""
	}
	return timeHedge(strings.Join(f[:len(f)-1], " ") + " ")
}

// strayYears files the years no fact took into one fact per value, when two articles or more
// each give that value once, no fact holds it, and each names one person or thing next to it:
// a year named by several outlets of one story beside one name dates one episode of it,
// whatever verb each tells it with ("Back in 1970, Woodward struck up a conversation with
// Felt", "The relationship … began about 1970 when Woodward was a Navy lieutenant"). Two
// years with nothing named by them may date anything ("In 1947, she filed for divorce", "She
// posed for her first pin-up photos in 1947"). The year of a day counts ("When Nixon left
// office on Aug. 9, 1974" beside "the resignation of Nixon in 1974"), though a fact of such
// years alone is left to the days' own facts. A year one article gives twice, or that a fact
// holds already, dates several events, and a bound ("through 2012") no event: they are left
// alone.
func strayYears(claims []claim, facts [][]claim) [][]claim {
	taken := map[[2]any]bool{}
	held := map[float64]bool{}
	for _, f := range facts {
		for _, c := range f {
			taken[[2]any{c.art, c.start}] = true
			held[c.value] = true
		}
	}
	perArticle := map[[2]any]int{} // value and article → how many claims give it
	for _, c := range claims {
		perArticle[[2]any{c.value, c.art}]++
	}
	byValue := map[float64][]claim{}
	var order []float64
	for _, c := range claims {
		if held[c.value] || taken[[2]any{c.art, c.start}] || boundRe.MatchString(c.art.Text[max(0, c.start-12):c.start]) {
			continue
		}
		if byValue[c.value] == nil {
			order = append(order, c.value)
		}
		byValue[c.value] = append(byValue[c.value], c)
	}
	for _, v := range order {
		cs := byValue[v]
		once := true
		for _, c := range cs {
			once = once && perArticle[[2]any{v, c.art}] == 1
		}
		if !once || !severalArticles(cs) {
			continue
		}
		if nameNearAll(cs) {
			facts = append(facts, cs)
		}
	}
	return facts
}

// boundRe matches the words before a year that make it a bound, no event: "through 2012".
var boundRe = mustGate(`(?i)\b(?:through|thru|until|till|by|before|after)\s+$`)

// yearNear is how many words from its year a name may stand to tie the year to it.
const yearNear = 6

// namesNearYear are the capitalised words within yearNear words of the claim's value in its
// sentence, the sentence's first word left out.
func (c claim) namesNearYear() map[string]bool {
	out := map[string]bool{}
	if c.sentence < 0 {
		return out
	}
	sp := c.art.sentences[c.sentence].span
	_, toks := sentenceTokens(c.art.Article, sp)
	at := -1
	for i, t := range toks {
		if sp[0]+t[0] >= c.start && at < 0 {
			at = i
		}
	}
	if at < 0 {
		return out
	}
	for i := max(1, at-yearNear); i < min(len(toks), at+yearNear+1); i++ {
		w := c.art.Text[sp[0]+toks[i][0] : sp[0]+toks[i][1]]
		if len(w) > 1 && isCapital(w) && !lex.Stopwords[strings.ToLower(w)] && w[1] >= 'a' && w[1] <= 'z' {
			out[w] = true
		}
	}
	return out
}

// nameNearAll reports claims that each have one name near their year (see namesNearYear).
func nameNearAll(cs []claim) bool {
	common := cs[0].namesNearYear()
	for _, c := range cs[1:] {
		mine := c.namesNearYear()
		for w := range common {
			if !mine[w] {
				delete(common, w)
			}
		}
	}
	return len(common) > 0
}

// daysOfOneVerb joins the days no fact took that the articles tie to one verb, or to verbs of
// one act (see oneAct), each article once: "the reported bombing of Guffa in Upper Nile state on Tuesday" and "the Wednesday
// bombings in Upper Nile state" date one act, and when their days differ they conflict. The
// story's own event has its days in facts already (its ledes), so what is left of one verb is
// an earlier or a later act of that kind. A verb one article ties to two days or more dates
// several acts and is left alone, and so is a verb that tells nothing of the act ("occurred").
func daysOfOneVerb(claims []claim, facts [][]claim) [][]claim {
	taken := takenClaims(facts)
	return append(facts, onceEach(claims, func(c claim) string {
		if c.verb == "" || genericVerbs[c.verb] || taken[[2]any{c.art, c.start}] {
			return ""
		}
		return actKey(c.verb)
	})...)
}
