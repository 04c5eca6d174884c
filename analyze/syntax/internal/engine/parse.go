package engine

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Parser finds the dependency tree of a tagged sentence.
type Parser struct {
	Labels []string
	root   int32 // the label of a word left on the stack at the end
	trans  *Table
	labels *Table
	// the averaged weights, kept after training so that they can be quantised again
	avgTrans, avgLabels map[uint32]Row
}

// Requantise quantises the trained weights again with another scale and cut-off.
func (p *Parser) Requantise(scale float64, cut int) {
	p.trans = Quantise(transitions, p.avgTrans, scale, cut)
	p.labels = Quantise(len(p.Labels), p.avgLabels, scale, cut)
}

// ParseScratch is the reusable memory of parsing.
type ParseScratch struct {
	Scratch
	st       state
	x        sentence
	tagHash  []uint64
	lscores  []int32
	buffered []buffered
	s0       []buffered // by word, the summed weights of its s0Features while it tops the stack
}

// buffered is the summed weights of a buffer position's bufferFeatures.
type buffered struct {
	scores [transitions]int32
	ok     bool
}

// grownBuffered returns b resliced to n elements, none scored, reusing its memory.
func grownBuffered(b []buffered, n int) []buffered {
	if cap(b) < n {
		return make([]buffered, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// ParseInto writes the head (1-based, 0 the root) and label index of each word into heads and
// rels. tags are tag indices of the tagger's tag set (tagHash maps them to feature values).
func (p *Parser) ParseInto(words []string, tags []uint64, heads, rels []int32, sc *ParseScratch) {
	sc.lex = lexemes(words, sc.buf, sc.lex)
	p.ParseTaggedInto(tags, heads, rels, sc)
}

// ParseTaggedInto is ParseInto of the words sc.Scratch last tagged (Tagger.TagInto), whose
// hashes it holds still.
func (p *Parser) ParseTaggedInto(tags []uint64, heads, rels []int32, sc *ParseScratch) {
	sc.x.set(sc.lex, tags)
	s := &sc.st
	s.reset(len(tags))
	if cap(sc.lscores) < len(p.Labels) {
		sc.lscores = make([]int32, len(p.Labels))
	}
	// the weights of the features that read only the buffer, summed once per buffer position
	sc.buffered = grownBuffered(sc.buffered, len(tags)+1)
	// the weights of the features that read only the stack's top and its arcs, summed once
	// per word until an arc is made to or from it
	sc.s0 = grownBuffered(sc.s0, len(tags)+1)
	for !s.done() {
		b := &sc.buffered[s.b]
		if !b.ok {
			sc.feats = bufferFeatures(sc.feats[:0], &sc.x, s.b, s.n)
			p.trans.Score(sc.feats, b.scores[:])
			b.ok = true
		}
		top := &sc.s0[s.s0()]
		if !top.ok {
			sc.feats = s.s0Features(sc.feats[:0], &sc.x)
			clear(top.scores[:])
			p.trans.Score(sc.feats, top.scores[:])
			top.ok = true
		}
		sc.feats = s.pairFeatures(sc.feats[:0], &sc.x)
		scores := b.scores
		for c, v := range top.scores {
			scores[c] += v
		}
		p.trans.Score(sc.feats, scores[:])
		t := s.bestValid(&scores)
		l := int32(0)
		if t == left || t == right {
			h, d := s.s0(), s.b
			if t == left {
				h, d = d, h
			}
			l = p.label(s, &sc.x, h, d, sc)
			sc.s0[h].ok, sc.s0[d].ok = false, false
		}
		s.apply(t, l)
	}
	for i := int32(1); i <= s.n; i++ {
		if s.head[i] < 0 {
			s.head[i], s.label[i] = 0, p.root
		}
		heads[i-1], rels[i-1] = s.head[i], s.label[i]
	}
}

func (p *Parser) label(s *state, x *sentence, h, d int32, sc *ParseScratch) int32 {
	sc.feats = s.labelFeatures(sc.feats[:0], x, h, d)
	scores := sc.lscores[:len(p.Labels)]
	clear(scores)
	p.labels.Score(sc.feats, scores)
	return int32(best(scores))
}

// ParseConfig is how a parser is trained.
type ParseConfig struct {
	Epochs   int
	Seed     uint64
	Explore  int     // from this epoch on, follow the model's own transitions …
	ExploreP float64 // … this share of the time
	Scale    float64
	Cut      int
}

// TrainParser trains a parser on the projective sentences of sents, reading the tags tagOf
// gives each sentence (predicted tags, so that training sees the errors parsing will).
func TrainParser(sents [][]Word, tagOf func(i int) []uint64, cfg ParseConfig, progress func(epoch int, p *Parser)) *Parser {
	p := &Parser{}
	seen := map[string]bool{}
	for _, s := range sents {
		for _, w := range s {
			if !seen[w.Rel] {
				seen[w.Rel] = true
				p.Labels = append(p.Labels, w.Rel)
			}
		}
	}
	slices.Sort(p.Labels)
	index := map[string]int32{}
	for i, l := range p.Labels {
		index[l] = int32(i)
	}
	p.root = index["root"]
	var order []int
	for i, s := range sents {
		if projective(s) {
			order = append(order, i)
		}
	}
	tp, lp := NewPerceptron(transitions), NewPerceptron(len(p.Labels))
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x7a55))
	var sc ParseScratch
	sc.lscores = make([]int32, len(p.Labels))
	var gold, goldRel []int32
	var words []string
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		explore := epoch >= cfg.Explore
		for _, si := range order {
			sent := sents[si]
			words, gold, goldRel = words[:0], append(gold[:0], -1), append(goldRel[:0], -1)
			for _, w := range sent {
				words = append(words, w.Form)
				gold = append(gold, int32(w.Head))
				goldRel = append(goldRel, index[w.Rel])
			}
			sc.lex = lexemes(words, sc.buf, sc.lex)
			sc.x.set(sc.lex, tagOf(si))
			s := &sc.st
			s.reset(len(words))
			for !s.done() {
				sc.feats = s.features(sc.feats[:0], &sc.x)
				var scores [transitions]int32
				tp.Score(sc.feats, scores[:])
				pred := argmax(scores[:], s.valid)
				var costs [transitions]int
				for t := range costs {
					costs[t] = 1 << 30
					if s.valid(t) {
						costs[t] = s.cost(t, gold)
					}
				}
				least := slices.Min(costs[:])
				best := argmax(scores[:], func(t int) bool { return costs[t] == least })
				tp.Tick()
				if costs[pred] > least {
					tp.Update(sc.feats, best, pred)
				}
				next := best
				if explore && rng.Float64() < cfg.ExploreP {
					next = pred
				}
				l := int32(0)
				if next == left || next == right {
					h, d := s.s0(), s.b
					if next == left {
						h, d = d, h
					}
					sc.feats = s.labelFeatures(sc.feats[:0], &sc.x, h, d)
					ls := sc.lscores
					clear(ls)
					lp.Score(sc.feats, ls)
					l = int32(argmax(ls, nil))
					if gold[d] == h {
						lp.Tick()
						lp.Update(sc.feats, int(goldRel[d]), int(l))
						l = goldRel[d]
					}
				}
				s.apply(next, l)
			}
		}
		if progress != nil {
			p.trans = Quantise(transitions, tp.Averaged(), cfg.Scale, cfg.Cut)
			p.labels = Quantise(len(p.Labels), lp.Averaged(), cfg.Scale, cfg.Cut)
			progress(epoch, p)
		}
	}
	p.avgTrans, p.avgLabels = tp.Averaged(), lp.Averaged()
	p.Requantise(cfg.Scale, cfg.Cut)
	return p
}

// projective tells whether no two arcs of the sentence cross.
func projective(s []Word) bool {
	for i, w := range s {
		d, h := i+1, w.Head
		lo, hi := min(d, h), max(d, h)
		for j, v := range s {
			k := j + 1
			if k > lo && k < hi && (v.Head < lo || v.Head > hi) {
				return false
			}
		}
	}
	return true
}

// Size is the number of feature rows of the transition and label models.
func (p *Parser) Size() (transitions, labels int) { return p.trans.Features(), p.labels.Features() }

func (p *Parser) writeTo(w *bufio.Writer) error {
	putStrings(w, p.Labels)
	putUvarint(w, uint64(p.root))
	if err := p.trans.writeTo(w); err != nil {
		return err
	}
	return p.labels.writeTo(w)
}

func readParser(r *bufio.Reader) (*Parser, error) {
	p := &Parser{}
	var err error
	if p.Labels, err = readStrings(r); err != nil {
		return nil, err
	}
	root, err := readUvarint(r)
	if err != nil {
		return nil, err
	}
	if int(root) >= len(p.Labels) {
		return nil, fmt.Errorf("root label %d of %d", root, len(p.Labels))
	}
	p.root = int32(root)
	if p.trans, err = readTable(r); err != nil {
		return nil, err
	}
	if p.labels, err = readTable(r); err != nil {
		return nil, err
	}
	if p.trans.Classes() != transitions || p.labels.Classes() != len(p.Labels) {
		return nil, fmt.Errorf("parser tables of %d and %d classes", p.trans.Classes(), p.labels.Classes())
	}
	return p, nil
}
