package reconcile

import (
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// causeCue finds where an article says what someone died of: "died of heart failure", "died
// yesterday from Alzheimer's disease", "died Thursday in Santa Rosa after suffering from …".
// Group 1 is the word before "died"; the cause starts at the end of the match.
var causeCue = mustGate(`(\p{L}+),?\s+died((?:\s+(?:yesterday|today|overnight|early|late|morning|afternoon|evening|night|on|at|in|home|his|her|a|the|hospital|hospice|age|\d+|[A-Z][\p{L}.]*),?){0,6}?)\s+(?:of|from|after suffering from|after a battle with|of complications from)\s+`)

// causeStops end the words of a cause: "heart failure Thursday at his home".
var causeStops = map[string]bool{"at": true, "in": true, "on": true, "after": true, "while": true, "for": true,
	"and": true, "but": true, "when": true, "that": true, "which": true, "who": true, "because": true,
	"since": true, "as": true, "with": true, "yesterday": true, "today": true, "last": true, "early": true,
	"late": true, "monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true, "said": true, "according": true, "to": true, "than": true}

// lostCue finds a relative lost to a cause, which "lost" opens earlier in the sentence: "She
// lost her father to diabetes, her mother to lung cancer and her brother from a HIV-related
// illness". Group 1 is the relative; the cause starts at the end of the match.
var lostCue = mustGate(`\b(?:his|her|their|my|our)\s+(\p{L}+)\s+(?:to|from)\s+`)

// lostBefore reports "lost" in the sentence before off, with no full stop between.
func (a *article) lostBefore(off int) bool {
	before := a.Text[max(0, off-160):off]
	if i := strings.LastIndex(before, ". "); i >= 0 {
		before = before[i:]
	}
	return lostWord.MatchString(before)
}

var lostWord = mustGate(`\blost\b`)

// relatives stand for the person who died when no name does: "My mother died of lung cancer".
var relatives = map[string]bool{"mother": true, "father": true, "brother": true, "sister": true,
	"wife": true, "husband": true, "son": true, "daughter": true, "grandmother": true, "grandfather": true}

type causeClaim struct {
	art   *article
	cause string
	ev    crosscheck.Evidence
}

// causeFacts aligns what the articles say someone died of: one fact per person who died, a
// conflict when two causes cannot both be said of one death (neither holds the other's words:
// "heart failure" and "congestive heart failure" agree; "heart failure" and "Alzheimer's
// disease" do not).
func (s *story) causeFacts() []crosscheck.Fact {
	byWho := map[string][]causeClaim{}
	names := map[string]string{}
	count := map[string]int{}
	var order []string
	claim := func(who, cause string, a *article, ev crosscheck.Evidence) {
		key := strings.ToLower(lastName(who))
		if byWho[key] == nil {
			order = append(order, key)
		}
		count[who]++
		if count[who] > count[names[key]] {
			names[key] = who // the name most articles give
		}
		byWho[key] = append(byWho[key], causeClaim{a, cause, ev})
	}
	for _, a := range s.arts {
		if !strings.Contains(a.Text, "died") && !strings.Contains(a.Text, "lost") {
			continue // neither cue: the patterns need not run
		}
		for _, m := range causeCue.FindAllStringSubmatchIndex(a.Text, -1) {
			cause, end := causeWords(a.Text[m[1]:min(len(a.Text), m[1]+80)])
			if cause == "" {
				continue
			}
			who := a.whoDied(m[0], a.Text[m[2]:m[3]])
			if who == "" {
				continue
			}
			claim(who, cause, a, a.evidence(m[1], m[1]+end))
		}
		for _, m := range lostCue.FindAllStringSubmatchIndex(a.Text, -1) {
			if !relatives[strings.ToLower(a.Text[m[2]:m[3]])] || !a.lostBefore(m[0]) {
				continue
			}
			if cause, end := causeWords(a.Text[m[1]:min(len(a.Text), m[1]+80)]); cause != "" {
				claim(strings.ToLower(a.Text[m[2]:m[3]]), cause, a, a.evidence(m[1], m[1]+end))
			}
		}
	}
	var out []crosscheck.Fact
	for _, key := range order {
		if f, ok := causeFact(names[key], byWho[key]); ok {
			out = append(out, f)
		}
	}
	return out
}

func causeFact(who string, claims []causeClaim) (crosscheck.Fact, bool) {
	f := crosscheck.Fact{Subject: "cause of death of " + who, Kind: "cause", Verdict: "agree"}
	if relatives[strings.ToLower(who)] {
		f.Subject = "cause of the death of the " + strings.ToLower(who)
	}
	owner := map[*article]int{}
	for _, c := range claims {
		k := slices.IndexFunc(f.Values, func(v crosscheck.FactValue) bool { return sameCause(v.Value, c.cause) })
		if k < 0 {
			f.Values = append(f.Values, crosscheck.FactValue{Value: c.cause})
			k = len(f.Values) - 1
		} else if len(c.cause) < len(f.Values[k].Value) {
			f.Values[k].Value = c.cause // the words all say: "heart failure"
		}
		if o, ok := owner[c.art]; ok && o != k {
			continue // an article does not contradict itself: its first cause stands
		}
		owner[c.art] = k
		if !slices.Contains(f.Values[k].Articles, c.art.ID) {
			f.Values[k].Articles = append(f.Values[k].Articles, c.art.ID)
			f.Values[k].Evidence = append(f.Values[k].Evidence, c.ev)
		}
	}
	f.Values = slices.DeleteFunc(f.Values, func(v crosscheck.FactValue) bool { return len(v.Articles) == 0 })
	if len(owner) < 2 {
		return f, false
	}
	if len(f.Values) > 1 {
		f.Verdict = "conflict"
	}
	sort.SliceStable(f.Values, func(i, j int) bool { return len(f.Values[i].Articles) > len(f.Values[j].Articles) })
	return f, true
}

// sameCause reports two causes of which one holds all the other's words.
func sameCause(a, b string) bool {
	wa, wb := strings.Fields(strings.ToLower(a)), strings.Fields(strings.ToLower(b))
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	for _, w := range wa {
		if !slices.Contains(wb, w) {
			return false
		}
	}
	return true
}

// causeWords reads the cause at the start of text: up to five words, to punctuation or a word
// that ends it; the articles before it dropped. It returns the cause and its length in text.
func causeWords(text string) (string, int) {
	end, n := 0, 0
	var words []string
	glue := false
	for _, f := range strings.Fields(text) {
		at := strings.Index(text[end:], f) + end
		if f == "-" && len(words) > 0 {
			glue = true // "HIV - related", as a tokenised text writes "HIV-related"
			continue
		}
		if glue {
			glue = false
			w := strings.TrimRight(f, ",.;:)\"”")
			words[len(words)-1] += "-" + w
			end = at + len(w)
			if w != f {
				break
			}
			continue
		}
		w := strings.TrimRight(f, ",.;:)\"”")
		lw := strings.ToLower(w)
		if w == "" || causeStops[lw] || strings.IndexFunc(w, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0 {
			break
		}
		if len(words) == 0 && (lw == "a" || lw == "an" || lw == "the" || lw == "his" || lw == "her") {
			end = at + len(f)
			continue
		}
		words = append(words, w)
		end, n = at+len(w), n+1
		if w != f || n == 5 {
			break // punctuation ends it
		}
	}
	if len(words) == 0 || len(words) == 5 {
		return "", 0
	}
	return strings.Join(words, " "), end
}

// whoDied names who died at the cue at off, from the word before "died": a relative ("My
// mother died"), a person named by it ("Felt died" → "W. Mark Felt"), else for a pronoun or
// another word the last person the article names before the cue.
func (a *article) whoDied(off int, word string) string {
	lw := strings.ToLower(word)
	if relatives[lw] {
		return lw
	}
	if r := a.relativeOpening(off); r != "" {
		return r // "My older brother, and only sibling, died"
	}
	if capital := word != "" && word[0] >= 'A' && word[0] <= 'Z' && lw != "he" && lw != "she"; capital {
		for _, e := range a.Entities {
			if e.Kind == "person" && lastName(e.Name) == strings.TrimSuffix(word, "’s") {
				return e.Name
			}
		}
		return word // a name the article gives no entity for
	}
	return a.personBefore(off)
}

// relativeOpening returns the relative that opens the sentence of off as its subject ("My
// older brother, …"), or "".
func (a *article) relativeOpening(off int) string {
	before := a.Text[max(0, off-120):off]
	if i := strings.LastIndexAny(before, ".!?"); i >= 0 {
		before = before[i+1:]
	}
	f := strings.Fields(before)
	if len(f) < 2 {
		return ""
	}
	if d := strings.ToLower(f[0]); d != "my" && d != "his" && d != "her" && d != "their" && d != "our" {
		return ""
	}
	for _, w := range f[1:min(len(f), 4)] {
		if lw := strings.ToLower(strings.TrimRight(w, ",")); relatives[lw] {
			return lw
		}
	}
	return ""
}

// personBefore returns the person the article names last before offset off, or "".
func (a *article) personBefore(off int) string {
	best, at := "", -1
	for _, e := range a.Entities {
		if e.Kind != "person" {
			continue
		}
		for _, m := range e.Mentions {
			if m.End <= off && m.Start > at {
				best, at = e.Name, m.Start
			}
		}
	}
	return best
}
