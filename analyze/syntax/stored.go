package syntax

import (
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
)

// StoredTags and StoredRelations number the parts of speech and the relations of a stored
// parse (crosscheck.TokenSyntax). The numbers are kept apart from the weights' own order and
// only ever grow at the end, so that a parse stored today means the same once the weights are
// trained again. StoredTags are the 17 universal parts of speech; StoredRelations the
// Universal Dependencies relations with the subtypes UD English EWT uses.
var (
	StoredTags = []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART",
		"PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}
	StoredRelations = []string{"acl", "acl:relcl", "advcl", "advcl:relcl", "advmod", "amod", "appos",
		"aux", "aux:pass", "case", "cc", "cc:preconj", "ccomp", "compound", "compound:prt", "conj",
		"cop", "csubj", "csubj:outer", "csubj:pass", "dep", "det", "det:predet", "discourse",
		"dislocated", "expl", "fixed", "flat", "goeswith", "iobj", "list", "mark", "nmod", "nmod:desc",
		"nmod:poss", "nmod:unmarked", "nsubj", "nsubj:outer", "nsubj:pass", "nummod", "obj", "obl",
		"obl:agent", "obl:unmarked", "orphan", "parataxis", "punct", "reparandum", "root", "vocative",
		"xcomp"}
)

var (
	storedOnce           sync.Once
	storedTag, storedRel map[string]uint8
	storedX, storedDep   uint8
)

func storedIndex() {
	storedOnce.Do(func() {
		storedTag, storedRel = index(StoredTags), index(StoredRelations)
		storedX, storedDep = storedTag["X"], storedRel["dep"]
	})
}

func index(names []string) map[string]uint8 {
	m := make(map[string]uint8, len(names))
	for i, n := range names {
		m[n] = uint8(i)
	}
	return m
}

// Pack writes a parsed sentence into out (one element per word) as a store keeps it. A tag
// or relation the stored tables lack is stored as "X", and a relation as its universal part
// ("obl:tmod" as "obl"), else "dep".
func Pack(s Sentence, out []crosscheck.TokenSyntax) {
	storedIndex()
	for i := range out {
		tag, ok := storedTag[s.Tags[i]]
		if !ok {
			tag = storedX
		}
		out[i] = crosscheck.TokenSyntax{Tag: tag + 1, Rel: storedRelation(s.Arcs[i].Rel)}
		if h := s.Arcs[i].Head; h >= 0 {
			out[i].Head = int16(h - i)
		}
	}
}

func storedRelation(rel string) uint8 {
	if r, ok := storedRel[rel]; ok {
		return r
	}
	if base, _, ok := strings.Cut(rel, ":"); ok {
		if r, ok := storedRel[base]; ok {
			return r
		}
	}
	return storedDep
}

// Unpack reads a stored parse of words back (the inverse of Pack); ok is false when a word
// was not parsed or a stored number is out of range.
func Unpack(words []string, packed []crosscheck.TokenSyntax) (s Sentence, ok bool) {
	if len(packed) != len(words) {
		return Sentence{}, false
	}
	s = Sentence{Words: words, Tags: make([]string, len(words)), Arcs: make([]Arc, len(words))}
	for i, p := range packed {
		h := i + int(p.Head)
		if p.Tag == 0 || int(p.Tag) > len(StoredTags) || int(p.Rel) >= len(StoredRelations) || h < 0 || h >= len(words) {
			return Sentence{}, false
		}
		s.Tags[i] = StoredTags[p.Tag-1]
		s.Arcs[i] = Arc{Head: h, Rel: StoredRelations[p.Rel]}
		if p.Head == 0 {
			s.Arcs[i].Head = -1
		}
	}
	return s, true
}
