package reconcile

import (
	"strings"

	"github.com/crosscheck/crosscheck"
)

// holdersApart drops from a conflict of figures the values that belong to other people than
// the first value's, as the sentences' structure tells (ownerByParse: a possessor, or the
// person who is the subject of the verb the figure hangs on): "Hansbrough now has 2,301
// career points" is no rival of "Ford finished his career with 2,290 points". A value is
// dropped only when every sentence of it names its figure's holder, some sentence of the
// first value names one, and no holder is shared. Ages are left alone: an age's fact is
// already the person's, and a sentence's subject is often another ("Chief Williams announced
// 61-year-old Smith was arrested").
func (s *story) holdersApart(kind string, values []crosscheck.FactValue) []crosscheck.FactValue {
	if len(values) < 2 || kind == "age" || !startsWithDigit(values[0].Value) {
		return values
	}
	first, _ := s.holders(values[0])
	if len(first) == 0 {
		return values
	}
	out := values[:1:1]
	for _, v := range values[1:] {
		if hs, all := s.holders(v); !all || shareHolder(first, hs) {
			out = append(out, v)
		}
	}
	return out
}

// holders are the people the sentences of a value give its figure to, and whether every
// sentence names one.
func (s *story) holders(v crosscheck.FactValue) (map[string]bool, bool) {
	out := map[string]bool{}
	all := len(v.Evidence) > 0
	for _, ev := range v.Evidence {
		who := ""
		if a := s.byID[ev.Article]; a != nil && !a.toldFigure(ev.Start) {
			who = a.ownerByParse(ev.Start)
		}
		if who == "" {
			all = false
			continue
		}
		out[who] = true
	}
	return out, all
}

func shareHolder(a, b map[string]bool) bool {
	for who := range a {
		if b[who] {
			return true
		}
	}
	return false
}

// toldFigure reports whether the figure at offset off hangs on a verb of telling or
// estimating ("Smith put the toll at 10", "Jones estimated 12"): its subject is the source of
// the figure, not its holder, and two sources' figures are the very conflict a reader wants.
func (a *article) toldFigure(off int) bool {
	i := a.sentenceAt(off)
	if i < 0 {
		return false
	}
	p := a.parse(i)
	w := p.wordAt(off)
	for steps := 0; w >= 0 && steps < ownerClimb; steps++ {
		if p.Tags[w] == "VERB" {
			return tellingVerbs[strings.ToLower(p.Words[w])]
		}
		w = p.Arcs[w].Head
	}
	return false
}

// tellingVerbs are the forms of the verbs by which a source gives a figure.
var tellingVerbs = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`say says said put puts putting estimate estimates estimated estimating
		count counts counted counting report reports reported reporting tell tells told cite cites cited
		claim claims claimed place places placed tally tallied tallies record recorded records
		confirm confirms confirmed announce announces announced calculate calculated calculates`) {
		tellingVerbs[v] = true
	}
}
