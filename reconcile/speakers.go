package reconcile

import (
	"slices"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/entity"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// speaker is a quote's speaker as the story names it.
type speaker struct {
	name string // the name without a role before it ("Jon Owen"); "" when the speaker is no name
	last string // the name's last word: who it is, across articles ("Owen")
	kind string // the kind of the entity that backs it: "person", "org", "place"
	head string // for a description ("a sign at his headquarters"), its head noun ("sign")
}

// match is 1 when two speakers are one ("Ushakov", "Yuri Ushakov"; "a sign", "a sign at his
// headquarters"), 0 when either is unknown, -1 when they differ.
func (a speaker) match(b speaker) int {
	switch {
	case a.last != "" && b.last != "":
		if strings.EqualFold(a.last, b.last) {
			return 1
		}
		if a.kind == "org" && b.kind == "person" || a.kind == "person" && b.kind == "org" {
			return 0 // "AMD says", "Lu said": a company's words are often its officer's
		}
		return -1
	case a.last == "" && b.last == "" && a.head != "" && a.head == b.head:
		return 1
	}
	return 0
}

// speakerOf reads a quote's speaker. A name counts when an entity of its article bears its
// last word, or when it is written as a person's name; a single capitalised word no entity
// bears differs from other names but names no group; anything else is a fragment the
// attribution caught ("Felt's role showed") and counts as unknown. A description counts by
// its head noun.
func (s *story) speakerOf(a *article, who string) speaker {
	who = strings.TrimSuffix(strings.TrimSuffix(who, "’s"), "'s")
	if titled(who) {
		return speaker{name: who, last: lastName(who), kind: "org"} // "The New York Times"
	}
	if !named(who) {
		return speaker{head: headNoun(who)}
	}
	last := lastName(who)
	if e, exact := bearer(a.Entities, who, last); e != nil {
		name := s.nameOf(who)
		if e.Kind == "person" && (exact || !personal(name)) {
			name = e.Name // "Kolar", "Mrs. Kolar", "Although Kolar": the person the article names
		}
		return speaker{name: name, last: last, kind: e.Kind}
	}
	for _, e := range a.Entities {
		// a name cut short ("Patrick J." of "Patrick J. Buchanan") is the person's
		if e.Kind == "person" && strings.HasPrefix(e.Name, who+" ") {
			return speaker{name: e.Name, last: lastName(e.Name), kind: e.Kind}
		}
	}
	if personal(who) {
		return speaker{name: s.nameOf(who), last: last, kind: "person"} // a name the entities missed
	}
	if !strings.Contains(who, " ") && capitalised(who) {
		// "Obama" where the entities missed him, or "Two": someone other than a person
		// named otherwise, but too unsure to name the group
		return speaker{last: who}
	}
	return speaker{}
}

// titled reports a name that opens with "The": "The New York Times Magazine", each word after
// the article capitalised.
func titled(who string) bool {
	f := strings.Fields(who)
	if len(f) < 2 || f[0] != "The" {
		return false
	}
	for _, w := range f[1:] {
		if !capitalised(w) {
			return false
		}
	}
	return true
}

// personal reports a phrase written as a person's name: two words or more, each capitalised,
// the first not a function word ("Although Gigante" is not a name).
func personal(who string) bool {
	f := strings.Fields(who)
	if len(f) < 2 || lex.Stopwords[strings.ToLower(f[0])] {
		return false
	}
	for _, w := range f {
		if !capitalised(w) {
			return false
		}
	}
	return true
}

// bearer returns the person named who, when who is written as a person's name ("Mrs.
// Kolar" of Ines Kolar; exact), or failing one the first entity whose name or an alias ends
// with the word last, or nil.
func bearer(entities []crosscheck.Entity, who, last string) (e *crosscheck.Entity, exact bool) {
	for i, e := range entities {
		if e.Kind == "person" && personal(who) && (e.Name == who || slices.Contains(e.Aliases, who)) {
			return &entities[i], true
		}
	}
	for i, e := range entities {
		if bears(e, last) {
			return &entities[i], false
		}
	}
	return nil, false
}

// bears reports that an entity's name or one of its aliases ends with the word last.
func bears(e crosscheck.Entity, last string) bool {
	if lastName(e.Name) == last {
		return true
	}
	for _, al := range e.Aliases {
		if al != "" && lastName(al) == last {
			return true
		}
	}
	return false
}

// nameOf drops the role before a name: a title ("Palmer Public Safety Director Jon Owen" is
// Jon Owen), or words before a name of two words or more that the story's articles give
// alone ("Prosecutor Eric Nichols" where another article names Eric Nichols).
func (s *story) nameOf(who string) string {
	f := strings.Fields(who)
	for k := len(f) - 2; k >= 1; k-- {
		if entity.RoleTitle(f[k-1]) != "" && entity.RoleTitle(strings.Join(f[:k], " ")) != "" && capitalised(f[k]) {
			f = f[k:]
			break
		}
	}
	for k := 1; k+2 <= len(f); k++ {
		if s.names()[strings.Join(f[k:], " ")] > 0 {
			return strings.Join(f[k:], " ")
		}
	}
	return strings.Join(f, " ")
}

// names counts, for each name of the story's people and organisations, the articles that
// give it so; read once.
func (s *story) names() map[string]int {
	if s.entityNames == nil {
		s.entityNames = map[string]int{}
		for _, a := range s.arts {
			seen := map[string]bool{}
			for _, e := range a.Entities {
				if !seen[e.Name] {
					seen[e.Name] = true
					s.entityNames[e.Name]++
				}
			}
		}
	}
	return s.entityNames
}

func capitalised(w string) bool { return w != "" && w[0] >= 'A' && w[0] <= 'Z' }

// headNoun is the noun a description of a speaker turns on: the last word of its first run of
// content words ("a sign at his headquarters": sign; "the prosecutor in the case":
// prosecutor). A bare pronoun has none.
func headNoun(desc string) string {
	head := ""
	for _, w := range strings.Fields(strings.ToLower(desc)) {
		w = strings.Trim(w, ",.;:")
		if lex.Stopwords[w] {
			if head != "" {
				break
			}
			continue
		}
		head = lex.Stem(w)
	}
	return head
}

// groupSpeaker names the speaker of a quote group: the person most variants name, by the
// name they give that most of the story's articles use, the fullest of those; failing a
// person, the organisation or document most name. A fragment or an organisation one variant
// has does not outvote a person another names.
func (s *story) groupSpeaker(refs []quoteRef, idx []int) string {
	use := s.names()
	type candidate struct {
		votes int
		name  string
	}
	best := func(person bool) string {
		byLast := map[string]*candidate{}
		var order []string
		for _, i := range idx {
			w := refs[i].who
			if w.name == "" || (w.kind == "person") != person {
				continue
			}
			l := strings.ToLower(w.last)
			c := byLast[l]
			if c == nil {
				c = &candidate{}
				byLast[l] = c
				order = append(order, l)
			}
			c.votes++
			if u, v := use[w.name], use[c.name]; c.name == "" || u > v || u == v && len(w.name) > len(c.name) {
				c.name = w.name
			}
		}
		var win *candidate
		for _, l := range order {
			if c := byLast[l]; win == nil || c.votes > win.votes {
				win = c
			}
		}
		if win == nil {
			return ""
		}
		return win.name
	}
	if name := best(true); name != "" {
		return name
	}
	return best(false)
}
