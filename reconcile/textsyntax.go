package reconcile

import (
	"slices"
	"strings"
)

// What a date, a place or a title is about, read from the sentence's tree: the clause of the
// verb a date attaches to ("The building was constructed in 1935" → "the building was
// constructed"), its subject and object whole ("In 1970, he was indicted for bribing the
// entire police force of Old Tappan"), or the noun a date modifies ("the June 1972 break-in
// at the headquarters").

// maxClauseWords bounds a clause read from the tree: beyond it, the parts furthest from the
// verb are dropped (relative clauses, appositions, lists), then the clause is left to the
// word-window reading.
const maxClauseWords = 14

// headIn returns the word of [start, end) whose head lies outside it (the span's head), or -1.
func (p *parsed) headIn(start, end int) int {
	head := -1
	for i, s := range p.spans {
		if s[0] < start || s[1] > end {
			continue
		}
		h := p.Arcs[i].Head
		if h < 0 || p.spans[h][0] < start || p.spans[h][1] > end {
			head = i
		}
	}
	return head
}

// children lists the dependents of word h, in order.
func (p *parsed) children(h int) []int {
	var out []int
	for i, a := range p.Arcs {
		if a.Head == h {
			out = append(out, i)
		}
	}
	return out
}

// isVerbal reports a word that heads a clause: a verb, or a word a copula or an auxiliary
// hangs on ("was president in 1972").
func (p *parsed) isVerbal(i int) bool {
	if p.Tags[i] == "VERB" {
		return true
	}
	for _, c := range p.children(i) {
		if r := p.Arcs[c].Rel; r == "cop" || r == "aux" || r == "aux:pass" {
			return true
		}
	}
	return false
}

// subtree adds word i and its dependents to keep, leaving out the relations in drop and the
// words of [skipStart, skipEnd).
func (p *parsed) subtree(i int, keep []bool, drop map[string]bool, skipStart, skipEnd int) {
	if p.spans[i][0] >= skipStart && p.spans[i][1] <= skipEnd {
		return
	}
	keep[i] = true
	for _, c := range p.children(i) {
		if !drop[baseRel(p.Arcs[c].Rel)] && !drop[p.Arcs[c].Rel] {
			p.subtree(c, keep, drop, skipStart, skipEnd)
		}
	}
}

func baseRel(r string) string {
	if i := strings.IndexByte(r, ':'); i >= 0 {
		return r[:i]
	}
	return r
}

// Phrases read from the tree leave out what is said beside the point: punctuation, other
// clauses, lists and asides. The tight set also drops the modifiers of nouns that make a long
// phrase (a relative clause, a prepositional phrase after the noun).
var (
	looseDrop = map[string]bool{"punct": true, "parataxis": true, "conj": true, "cc": true, "appos": true,
		"acl:relcl": true, "advcl": true, "ccomp": true, "discourse": true, "vocative": true, "dep": true,
		"list": true, "reparandum": true}
	tightDrop = map[string]bool{"punct": true, "parataxis": true, "conj": true, "cc": true, "appos": true,
		"acl": true, "advcl": true, "ccomp": true, "discourse": true, "vocative": true, "dep": true,
		"list": true, "reparandum": true, "nmod": true, "obl": true, "xcomp": true}
)

// clauseRels are the dependents of a verb that make its clause: who, what, and the words that
// make the verb's form.
var clauseRels = map[string]bool{"nsubj": true, "nsubj:pass": true, "expl": true, "aux": true, "aux:pass": true,
	"cop": true, "advmod": false, "compound:prt": true, "obj": true, "iobj": true, "xcomp": true}

// datedClause is the clause a date at [start, end) of sentence i is about, read from the
// tree: the verb it attaches to with that verb's subject and object, or the noun it
// modifies with the noun's own words; "" when the tree does not say (a date that is the
// root, a date of nothing but itself) or the clause would be too long to read.
func (a *article) datedClause(i, start, end int) string {
	p, h := a.dateHead(i, start, end)
	if h < 0 {
		return ""
	}
	g := p.Arcs[h].Head
	keep := make([]bool, len(p.Words))
	if p.Tags[g] == "PROPN" || p.Tags[g] == "NOUN" && p.spans[h][0] > p.spans[g][0] {
		// a date after a noun hangs on the verb that noun hangs on, whatever the parser says
		// ("died of heart failure at his home on Thursday"); a date before it modifies it
		for v := g; v >= 0 && p.Arcs[v].Head != v; v = p.Arcs[v].Head {
			if p.isVerbal(v) {
				g = v
				break
			}
			if r := baseRel(p.Arcs[v].Rel); r != "nmod" && r != "obl" && r != "obj" && r != "compound" && r != "flat" {
				break
			}
		}
	}
	switch {
	case p.isVerbal(g):
		p.clause(g, keep, start, end)
	case p.Tags[g] == "NOUN" && p.spans[h][0] < p.spans[g][0]:
		for _, drop := range []map[string]bool{looseDrop, tightDrop} {
			clear(keep)
			p.subtree(g, keep, drop, start, end)
			if kept(keep) <= maxClauseWords {
				break
			}
		}
		for v := p.Arcs[g].Head; v >= 0; v = p.Arcs[v].Head {
			if p.isVerbal(v) {
				p.clause(v, keep, start, end) // "he admitted his ruse at an April 2003 hearing"
				break
			}
			if r := baseRel(p.Arcs[v].Rel); r != "nmod" && r != "obl" && r != "obj" {
				break
			}
		}
	default:
		return ""
	}
	if kept(keep) > maxClauseWords || kept(keep) < 2 {
		return ""
	}
	return a.joinWords(p, keep)
}

// clause marks the words of verb v's clause: the verb, its subject, object and the words
// of its form, each subject or object whole when short enough, else its head's own words.
// A verb with no subject of its own borrows the one of the verb it hangs on ("he denied
// it until finally coming forward"), and a verb of a relative clause has the noun it
// modifies for subject ("the clinic, which was founded").
func (p *parsed) clause(v int, keep []bool, start, end int) {
	keep[v] = true
	if p.Tags[v] != "VERB" {
		p.subtree(v, keep, tightDrop, start, end) // "she was the centerfold model"
	}
	hasSubject := false
	for _, c := range p.children(v) {
		r := p.Arcs[c].Rel
		if !clauseRels[r] {
			continue
		}
		if strings.HasPrefix(r, "nsubj") || r == "expl" {
			hasSubject = true
		}
		p.phrase(c, keep, start, end)
	}
	for _, c := range p.children(v) {
		if p.Arcs[c].Rel == "advmod" && (c == v+1 || c == v-1) && !strings.HasSuffix(p.Words[c], "ly") {
			keep[c] = true // "knocked down", "coming forward", "not"
		}
	}
	for _, c := range p.children(v) {
		if p.Arcs[c].Rel == "advcl" && c > v && p.gerundOf(c) {
			p.phrase(c, keep, start, end) // "indicted for bribing the police force": what the act was
		}
	}
	for _, c := range p.children(v) {
		if p.Arcs[c].Rel == "obl" && c > v && p.spans[c][1] <= start && !p.holdsNumber(c) {
			p.phrase(c, keep, start, end) // "filed for bankruptcy in 1983": the first place or thing before the date
			break
		}
	}
	if hasSubject {
		return
	}
	switch u := p.Arcs[v].Head; {
	case u < 0:
	case p.Arcs[v].Rel == "acl:relcl" || p.Arcs[v].Rel == "acl":
		p.phrase(u, keep, start, end) // "the clinic (which was) founded in 1990"
		keep[u] = true
	case p.Arcs[v].Rel == "xcomp" || p.Arcs[v].Rel == "conj" || p.Arcs[v].Rel == "advcl":
		for _, c := range p.children(u) {
			if r := p.Arcs[c].Rel; strings.HasPrefix(r, "nsubj") {
				p.phrase(c, keep, start, end)
			}
		}
	}
}

// phrase marks word i's phrase: whole when it is short, else without the modifiers that
// follow a noun.
func (p *parsed) phrase(i int, keep []bool, start, end int) {
	part := make([]bool, len(p.Words))
	p.subtree(i, part, looseDrop, start, end)
	if kept(part) > maxClauseWords/2 {
		clear(part)
		p.subtree(i, part, tightDrop, start, end)
	}
	for j, k := range part {
		keep[j] = keep[j] || k
	}
}

// gerundOf reports a clause of a verb in -ing after a preposition ("for bribing", "of
// killing"): the act another verb is about, part of its clause.
func (p *parsed) gerundOf(i int) bool {
	if p.Tags[i] != "VERB" || !strings.HasSuffix(strings.ToLower(p.Words[i]), "ing") {
		return false
	}
	for _, c := range p.children(i) {
		if p.Arcs[c].Rel == "mark" && c < i {
			switch strings.ToLower(p.Words[c]) {
			case "for", "of", "by", "with":
				return true
			}
		}
	}
	return false
}

// holdsNumber reports a word whose own dependents include a number: a date or a count, which
// has its own fact.
func (p *parsed) holdsNumber(i int) bool {
	if p.Tags[i] == "NUM" {
		return true
	}
	for _, c := range p.children(i) {
		if p.Tags[c] == "NUM" {
			return true
		}
	}
	return false
}

func kept(keep []bool) int {
	n := 0
	for _, k := range keep {
		if k {
			n++
		}
	}
	return n
}

// joinWords writes the kept words of p as the article spells them, a space between words
// that are apart in the text, without the function words at either end.
func (a *article) joinWords(p *parsed, keep []bool) string {
	var idx []int
	for i, k := range keep {
		if k && !isPunctWord(p.Words[i]) {
			idx = append(idx, i)
		}
	}
	for len(idx) > 0 && (leadingWords[strings.ToLower(p.Words[idx[0]])] || p.Tags[idx[0]] == "ADP" || p.Tags[idx[0]] == "CCONJ") {
		idx = idx[1:]
	}
	for len(idx) > 0 && (leadingWords[strings.ToLower(p.Words[idx[len(idx)-1]])] || p.Tags[idx[len(idx)-1]] == "ADP") {
		idx = idx[:len(idx)-1]
	}
	if len(idx) < 2 {
		return ""
	}
	var b strings.Builder
	for n, i := range idx {
		if n > 0 {
			prev := idx[n-1]
			if prev != i-1 || p.spans[i][0] > p.spans[prev][1] {
				b.WriteByte(' ')
			}
		}
		w := a.Text[p.spans[i][0]:p.spans[i][1]]
		if lw := strings.ToLower(w); (lw == "a" || lw == "an") && n+1 < len(idx) {
			w = w[:1] // the article before a date left out goes with the word after it: "an April 2003 hearing"
			if strings.ContainsAny(strings.ToLower(p.Words[idx[n+1]][:1]), "aeiou") {
				w += "n"
			}
		}
		b.WriteString(w)
	}
	out := b.String()
	if f := strings.Fields(out); len(f) > 0 {
		if w := f[0]; len(w) > 1 && isCapital(w) && w[1] >= 'a' && w[1] <= 'z' && slices.Contains([]string{"It", "He", "She", "They", "The", "A", "An", "His", "Her", "Its", "Their", "We"}, w) {
			out = strings.ToLower(w[:1]) + out[1:] // "It was built" → "it was built"
		}
	}
	return out
}

// isPunctWord reports a word of punctuation alone.
func isPunctWord(w string) bool {
	return strings.Trim(w, ".,;:!?\"'“”‘’()[]-–—") == ""
}

// verbBeforeIn is the stem of the last word before offset off of sentence i that the tagger
// calls a verb and verbStem reads ("Succop tied the game at 13-13 with a field goal with
// 10:03 to play" → "tie"), or "".
func (a *article) verbBeforeIn(i, off int) string {
	p := a.parse(i)
	for j := len(p.Words) - 1; j >= 0; j-- {
		if p.spans[j][1] > off || p.Tags[j] != "VERB" {
			continue
		}
		if v := verbStem(p.Words[j]); v != "" {
			return v
		}
	}
	return ""
}
