package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// doersApart drops from a conflict the values whose sentences give their figure or day to
// other named doers than the first value's, as the parse tells: the subject of the verb the
// value hangs on or the possessor of its noun ("Mweb announced on 12 October" is no rival of
// "Seacom announced on 4 November"; "Hansbrough now has 2,301 career points" none of "Ford
// finished his career with 2,290 points"). A passive's subject is not read: it is who the act
// was done to, and a pronoun there is too often taken for the wrong person. A doer is a person, by surname,
// when any article of the story names a person so, or an organisation the article names at
// that word. It widens holdersApart, which knows only the people of the value's own article,
// and it also reads the days of acts told ("announced", "reported"), where the teller is the
// doer. A value goes only when every sentence of it names a doer, some sentence of the first
// value names one, and none is shared. Ages, names, roles and places are left alone.
func (s *story) doersApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || !doerKinds[kind] {
		return values
	}
	first, _ := s.doers(kind, values[0])
	if len(first) == 0 {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if ds, all := s.doers(kind, v); !all || shareHolder(first, ds) {
			out = append(out, v)
		}
	}
	return out
}

// doerKinds are the kinds of fact whose values doersApart reads.
var doerKinds = map[string]bool{"count": true, "money": true, "date": true}

// doers are the doers the sentences of a value name, and whether every sentence names one.
func (s *story) doers(kind string, v crosscheck.FactValue) (map[string]bool, bool) {
	out := map[string]bool{}
	all := len(v.Evidence) > 0
	for _, ev := range v.Evidence {
		who := ""
		if a := s.byID[ev.Article]; a != nil && (kind == "date" || !a.toldFigure(ev.Start)) {
			who = s.doerAt(a, ev.Start)
		}
		if who == "" {
			all = false
			continue
		}
		out[who] = true
	}
	return out, all
}

// doerAt is the doer of the value at offset off of article a: climbing from its word, the
// possessor of a noun on the way, or the subject of the first verb; "" when that is not a
// named person or organisation.
func (s *story) doerAt(a *article, off int) string {
	p, i, w := a.wordOf(off)
	for steps := 0; w >= 0 && steps < ownerClimb; steps++ {
		if j := p.child(w, "nmod:poss"); j >= 0 {
			return s.doerWord(a, p, i, j)
		}
		if p.Tags[w] == "VERB" {
			j := p.child(w, "nsubj")
			if j < 0 {
				return ""
			}
			return s.doerWord(a, p, i, j)
		}
		w = p.Arcs[w].Head
	}
	return ""
}

// doerWord names the doer word j of sentence i stands for: a person by the surname that ends
// its run of proper nouns ("San Diego Chargers receiver Vincent Jackson"), a pronoun's
// person, or an organisation of the article whose mention holds the word.
func (s *story) doerWord(a *article, p *parsed, i, j int) string {
	if w := strings.ToLower(p.Words[j]); w == "he" || w == "she" {
		if who := a.antecedent(i); who != "" {
			return "person:" + who
		}
		return ""
	}
	last := j
	for last+1 < len(p.Words) && p.Tags[last+1] == "PROPN" && p.Arcs[last+1].Head == j || last+1 < len(p.Words) && p.Tags[last+1] == "PROPN" && p.Arcs[j].Head == last+1 {
		last++
	}
	if p.Tags[last] == "PROPN" {
		name := strings.ToLower(strings.Trim(strings.TrimSuffix(strings.TrimSuffix(p.Words[last], "'s"), "’s"), "'’"))
		if s.surnameOfPerson(name) {
			return "person:" + name
		}
	}
	if j < len(p.spans) {
		sp := p.spans[j]
		for _, e := range a.Entities {
			if e.Kind != "org" {
				continue
			}
			for _, m := range e.Mentions {
				if m.Start <= sp[0] && sp[1] <= m.End {
					return "org:" + strings.ToLower(e.Name)
				}
			}
		}
	}
	return ""
}

// surnameOfPerson reports whether some article of the story names a person with surname w.
func (s *story) surnameOfPerson(w string) bool {
	for _, a := range s.arts {
		if a.namesPerson(w) {
			return true
		}
	}
	return false
}

// wordOf is the parse of the sentence that holds offset off, its index and the word at off;
// the index and the word are -1 when no sentence holds it.
func (a *article) wordOf(off int) (*parsed, int, int) {
	i := a.sentenceAt(off)
	if i < 0 {
		return &parsed{}, -1, -1
	}
	p := a.parse(i)
	return p, i, p.wordAt(off)
}
