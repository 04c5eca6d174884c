package reconcile

import "strings"

// ownerByParse is the person a number at byte offset off belongs to by its sentence's
// structure: the possessor of a noun its phrase hangs on ("Newton's record of 4,051 yards"),
// or the subject of the first verb above it when that subject names a person of the article
// ("Luck also set a rookie record with 4,183 passing yards"). It returns the person's surname
// in lower case, or "".
func (a *article) ownerByParse(off int) string {
	p, i, w := a.wordOf(off)
	for steps := 0; w >= 0 && steps < ownerClimb; steps++ {
		if j := p.child(w, "nmod:poss"); j >= 0 {
			return a.personWord(p, j)
		}
		if p.Tags[w] == "VERB" {
			if j := p.child(w, "nsubj"); j >= 0 {
				return a.subjectPerson(p, i, j)
			}
			return "" // the verb's subject is not said: not another verb's
		}
		w = p.Arcs[w].Head
	}
	return ""
}

// ownerClimb bounds the heads ownerByParse climbs from a number to its verb.
const ownerClimb = 6

// child is the first word whose arc to head w has relation rel, or -1.
func (p *parsed) child(w int, rel string) int {
	for j, arc := range p.Arcs {
		if arc.Head == w && arc.Rel == rel {
			return j
		}
	}
	return -1
}

// personWord is the surname of the person word j names: the last word of its name ("Andrew
// Luck" hangs "Luck" on "Andrew" as flat), when a person of the article has that surname.
func (a *article) personWord(p *parsed, j int) string {
	last := j
	for k, arc := range p.Arcs {
		if arc.Head == j && arc.Rel == "flat" && k > last {
			last = k
		}
	}
	w := strings.ToLower(strings.TrimRight(strings.TrimSuffix(strings.TrimSuffix(p.Words[last], "'s"), "’s"), "'’"))
	for _, e := range a.Entities {
		if e.Kind == "person" && surname(e.Name) == w {
			return w
		}
	}
	return ""
}

// eventPlace is where or when the event a count counts happened, as its sentence's parse
// tells: the phrase "in", "at", "on" or "during" opens on the verb the counted noun hangs on
// ("Some 2 million people died in the north-south civil war" → "in the north-south civil
// war"), or "". It is what tells the number of people killed at a school from the number
// killed in a war.
func (a *article) eventPlace(c claim) string {
	if c.sentence < 0 || c.read.verb == "" {
		return ""
	}
	p := a.parse(c.sentence)
	w := p.wordAt(c.start)
	for steps := 0; w >= 0 && steps < ownerClimb && !strings.EqualFold(p.Words[w], c.read.verb); steps++ {
		w = p.Arcs[w].Head
	}
	if w < 0 || !strings.EqualFold(p.Words[w], c.read.verb) {
		return ""
	}
	for j, arc := range p.Arcs {
		if arc.Head != w || arc.Rel != "obl" || p.Tags[j] != "NOUN" && p.Tags[j] != "PROPN" {
			continue
		}
		k := p.child(j, "case")
		if k < 0 || k > j || !eventPreps[strings.ToLower(p.Words[k])] {
			continue
		}
		start := k
		for m := k + 1; m < j; m++ {
			if h := p.Arcs[m].Head; h != j && (h < 0 || p.Arcs[h].Head != j) {
				return "" // not one plain phrase
			}
		}
		if j-start > eventPhraseWords {
			return ""
		}
		return strings.ToLower(p.Words[start]) + " " + strings.Join(p.Words[start+1:j+1], " ")
	}
	return ""
}

// eventPreps open the phrases that say where or in what an event happened.
var eventPreps = wordSet("in at during near inside")

// eventPhraseWords bounds the words of an event's phrase after its preposition.
const eventPhraseWords = 5

// verbByParse is the verb whose subject, object or agent the noun a number counts is, as
// written ("two plainclothes police officers fatally shot", "shot dead by two officers"), or
// "". It reads what the words next to the number do not: an adverb or a phrase between.
func (a *article) verbByParse(off int) string {
	i := a.sentenceAt(off)
	if i < 0 {
		return ""
	}
	p := a.parse(i)
	w := p.wordAt(off)
	if w < 0 || p.Arcs[w].Rel != "nummod" {
		return ""
	}
	noun := p.Arcs[w].Head
	for steps := 0; noun >= 0 && (p.Arcs[noun].Rel == "compound" || p.Arcs[noun].Rel == "amod") && steps < ownerClimb; steps++ {
		noun = p.Arcs[noun].Head // "two plainclothes police officers": the number may hang on a modifier
	}
	if noun < 0 {
		return ""
	}
	v := p.Arcs[noun].Head
	if v < 0 || p.Tags[v] != "VERB" || !countVerbRels[p.Arcs[noun].Rel] {
		return ""
	}
	return strings.ToLower(p.Words[v])
}

// countVerbRels are the relations of a noun to the verb of the event it takes part in.
var countVerbRels = wordSet("nsubj nsubj:pass obj obl:agent")
