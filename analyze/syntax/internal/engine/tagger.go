package engine

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"slices"
	"unicode/utf8"
)

// The tagger is a greedy averaged perceptron, left to right, over the word, its lower case,
// prefixes and suffixes, shape, the neighbouring words and the two previous tags (after
// Collins 2002 and Honnibal's "A good part-of-speech tagger in about 200 lines of Python").
// Frequent words that take one tag nearly always are tagged from a dictionary.

// Template numbers of the tagger's features.
const (
	tBias uint64 = iota + 1
	tLower
	tSuf1
	tSuf2
	tSuf3
	tPre1
	tPre3
	tShape
	tPrev
	tPrev2
	tPrevPrev2
	tPrevLower
	tPrevLower1
	tPrevSuf3
	tPrev2Lower
	tNextLower
	tNextSuf3
	tNext2Lower
	tPrevShape
	tNextShape
	tFirstShape
	tPrevSuf3Self
	tLowerNext
	tAmb
	tAmbNext
	tAmbNext2
	tPrevAmb
	tAmbAmbNext
	tAmbPrev
)

// lexeme is what the features need of a word, hashed once per sentence.
type lexeme struct {
	form, lower, suf1, suf2, suf3, pre1, pre3, shape uint64
	amb                                              uint64 // the tags the word takes in training (a bit set), filled by the tagger
}

var (
	hStart = hashString("-START-")
	hEnd   = hashString("-END-")
	hRoot  = hashString("-ROOT-")
	hNone  = hashString("-NONE-")
)

// lexemes hashes the words, with two sentinels on each side.
func lexemes(words []string, buf []byte, out []lexeme) []lexeme {
	out = out[:0]
	pad := lexeme{hStart, hStart, hStart, hStart, hStart, hStart, hStart, hStart, hStart}
	out = append(out, pad, pad)
	for _, w := range words {
		var x lexeme
		x.form = hashString(w)
		buf = lowerInto(buf[:0], w)
		x.lower = hashBytes(buf)
		x.suf1 = hashBytes(buf[suffixStart(buf, 1):])
		x.suf2 = hashBytes(buf[suffixStart(buf, 2):])
		x.suf3 = hashBytes(buf[suffixStart(buf, 3):])
		x.pre3 = hashBytes(buf[:prefixEnd(buf, 3)])
		_, n := utf8.DecodeRuneInString(w)
		x.pre1 = hashString(w[:n])
		buf = shapeInto(buf[:0], w)
		if len(buf) > 8 {
			buf = buf[:8]
		}
		x.shape = hashBytes(buf)
		out = append(out, x)
	}
	end := lexeme{hEnd, hEnd, hEnd, hEnd, hEnd, hEnd, hEnd, hEnd, hEnd}
	return append(out, end, end)
}

// tagFeatures appends the features of word i (lex index i+2) given the two previous tags.
func tagFeatures(f []uint32, lex []lexeme, i int, prev, prev2 uint64) []uint32 {
	return tagPairFeatures(contextFeatures(ownFeatures(f, &lex[i+2]), lex, i, prev), prev, prev2)
}

// ownFeatures appends the features that read the word alone: the same wherever it stands.
func ownFeatures(f []uint32, x *lexeme) []uint32 {
	return append(f,
		feat1(tBias, 0),
		feat1(tLower, x.lower),
		feat1(tSuf1, x.suf1),
		feat1(tSuf2, x.suf2),
		feat1(tSuf3, x.suf3),
		feat1(tPre1, x.pre1),
		feat1(tPre3, x.pre3),
		feat1(tShape, x.shape),
		feat1(tAmb, x.amb),
	)
}

// contextFeatures appends the features that read the words around word i, or the word with
// the previous tag.
func contextFeatures(f []uint32, lex []lexeme, i int, prev uint64) []uint32 {
	x, p, pp, n, nn := &lex[i+2], &lex[i+1], &lex[i], &lex[i+3], &lex[i+4]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(f,
		feat2(tPrevLower, prev, x.lower),
		feat1(tPrevLower1, p.lower),
		feat1(tPrevSuf3, p.suf3),
		feat1(tPrev2Lower, pp.lower),
		feat1(tNextLower, n.lower),
		feat1(tNextSuf3, n.suf3),
		feat1(tNext2Lower, nn.lower),
		feat1(tPrevShape, p.shape),
		feat1(tNextShape, n.shape),
		feat2(tFirstShape, first, x.shape),
		feat2(tPrevSuf3Self, prev, x.suf3),
		feat2(tLowerNext, x.lower, n.lower),
		feat1(tAmbNext, n.amb),
		feat1(tAmbNext2, nn.amb),
		feat2(tPrevAmb, prev, x.amb),
		feat2(tAmbAmbNext, x.amb, n.amb),
		feat1(tAmbPrev, p.amb),
	)
}

// tagPairFeatures appends the features that read the two previous tags alone.
func tagPairFeatures(f []uint32, prev, prev2 uint64) []uint32 {
	return append(f, feat1(tPrev, prev), feat1(tPrev2, prev2), feat2(tPrevPrev2, prev, prev2))
}

// Tagger tags words with universal parts of speech.
type Tagger struct {
	Tags  []string
	dict  map[uint64]uint8  // exact form → tag
	lex   map[uint64]uint32 // lower case → the tags it takes (its ambiguity class)
	table *Table
	// tagHash is the feature value of each tag.
	tagHash []uint64
	// pairs is the summed weights of tagPairFeatures for each two previous tags (the tag
	// indices, len(Tags) for the start), a row of len(Tags) scores for each.
	pairs []int32
	avg   map[uint32]Row
}

// setTable makes tab the tagger's weights.
func (t *Tagger) setTable(tab *Table) {
	t.table = tab
	n := len(t.Tags)
	hashes := append(slices.Clone(t.tagHash), hStart)
	t.pairs = make([]int32, (n+1)*(n+1)*n)
	var f []uint32
	for p, prev := range hashes {
		for p2, prev2 := range hashes {
			f = tagPairFeatures(f[:0], prev, prev2)
			tab.Score(f, t.pairs[(p*(n+1)+p2)*n:][:n])
		}
	}
}

// Requantise quantises the trained weights again with another scale and cut-off.
func (t *Tagger) Requantise(scale float64, cut int) {
	t.setTable(Quantise(len(t.Tags), t.avg, scale, cut))
}

func (t *Tagger) init() {
	t.tagHash = make([]uint64, len(t.Tags))
	for i, s := range t.Tags {
		t.tagHash[i] = hashString(s)
	}
}

// Scratch is the reusable memory of one tagging or parsing call.
type Scratch struct {
	buf    []byte
	lex    []lexeme
	feats  []uint32
	scores []int32
	// own holds, for words seen lately, the summed weights of their ownFeatures in table
	// owner: ownWords entries, each a word and a row of scores in ownScores.
	owner     *Table
	own       []lexeme
	ownScores []int32
}

// ownWords is the number of words whose ownFeatures' weights a Scratch keeps.
const ownWords = 1024

// TagInto writes the tag index of each word into out (len(out) == len(words)). The words are
// normalised already (see Normalise).
//
// A word's features are scored in three parts, with the same sums: those of the word alone,
// kept for the words seen lately (see Scratch); those of the two previous tags, summed once
// per tagger (pairs); and the rest.
func (t *Tagger) TagInto(words []string, out []int, s *Scratch) {
	s.lex = t.lexemes(words, s)
	n := len(t.Tags)
	if cap(s.scores) < n {
		s.scores = make([]int32, n)
	}
	scores := s.scores[:n]
	if s.owner != t.table {
		s.owner, s.own, s.ownScores = t.table, make([]lexeme, ownWords), make([]int32, ownWords*n)
	}
	prev := hStart
	p, p2 := n, n // the previous tags' indices, n the start
	for i, w := range words {
		tag, ok := t.dict[hashString(w)]
		if !ok {
			x := &s.lex[i+2]
			copy(scores, t.ownScores(x, s))
			s.feats = contextFeatures(s.feats[:0], s.lex, i, prev)
			t.table.Score(s.feats, scores)
			for c, v := range t.pairs[(p*(n+1)+p2)*n:][:n] {
				scores[c] += v
			}
			tag = uint8(best(scores))
		}
		out[i] = int(tag)
		prev = t.tagHash[tag]
		p2, p = p, int(tag)
	}
}

// ownScores is the summed weights of the ownFeatures of word x, from the words s keeps (an
// entry holds the word's hashes whole, so a word found is the same word; an empty entry is
// found by none, as a word's amb is never 0) or scored and kept.
func (t *Tagger) ownScores(x *lexeme, s *Scratch) []int32 {
	n := len(t.Tags)
	e := int(mix(x.form, x.lower) % ownWords)
	scores := s.ownScores[e*n : (e+1)*n]
	if s.own[e] != *x {
		s.own[e] = *x
		s.feats = ownFeatures(s.feats[:0], x)
		clear(scores)
		t.table.Score(s.feats, scores)
	}
	return scores
}

// lexemes hashes the words with their ambiguity classes.
func (t *Tagger) lexemes(words []string, s *Scratch) []lexeme {
	lex := lexemes(words, s.buf, s.lex)
	for i := range words {
		x := &lex[i+2]
		x.amb = 1 << 40 // unknown
		if c, ok := t.lex[x.lower]; ok {
			x.amb = uint64(c)
		}
	}
	return lex
}

// TagConfig is how a tagger is trained.
type TagConfig struct {
	Epochs   int
	Seed     uint64
	DictMin  int     // a word seen this often …
	DictPure float64 // … with one tag this share of the time goes in the dictionary
	Scale    float64 // quantisation: weight × Scale, rounded
	Cut      int     // rows whose quantised weights are all within Cut of zero are dropped
}

// TrainTagger trains a tagger on sentences of words (Form normalised by the caller, UPOS).
// After each epoch, progress (if not nil) is told the epoch and the tagger so far.
func TrainTagger(sents [][]Word, cfg TagConfig, progress func(epoch int, t *Tagger)) *Tagger {
	t := &Tagger{}
	index := map[string]int{}
	for _, s := range sents {
		for _, w := range s {
			if _, ok := index[w.UPOS]; !ok {
				index[w.UPOS] = 0
				t.Tags = append(t.Tags, w.UPOS)
			}
		}
	}
	slices.Sort(t.Tags)
	for i, s := range t.Tags {
		index[s] = i
	}
	t.init()
	t.dict = tagDictionary(sents, index, cfg)
	t.lex = ambiguityClasses(sents, index)
	p := NewPerceptron(len(t.Tags))
	order := make([]int, len(sents))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	var s Scratch
	scores := make([]int32, len(t.Tags))
	words := []string{}
	for epoch := 1; epoch <= cfg.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			sent := sents[si]
			words = words[:0]
			for _, w := range sent {
				words = append(words, w.Form)
			}
			s.lex = t.lexemes(words, &s)
			prev, prev2 := hStart, hStart
			for i, w := range sent {
				gold := index[w.UPOS]
				guess, ok := t.dict[hashString(w.Form)]
				if !ok {
					p.Tick()
					s.feats = tagFeatures(s.feats[:0], s.lex, i, prev, prev2)
					clear(scores)
					p.Score(s.feats, scores)
					guess = uint8(argmax(scores, nil))
					p.Update(s.feats, gold, int(guess))
				}
				prev2, prev = prev, t.tagHash[guess]
			}
		}
		if progress != nil {
			t.setTable(Quantise(len(t.Tags), p.Averaged(), cfg.Scale, cfg.Cut))
			progress(epoch, t)
		}
	}
	t.avg = p.Averaged()
	t.Requantise(cfg.Scale, cfg.Cut)
	return t
}

func tagDictionary(sents [][]Word, index map[string]int, cfg TagConfig) map[uint64]uint8 {
	counts := map[string][]int{}
	for _, s := range sents {
		for _, w := range s {
			c := counts[w.Form]
			if c == nil {
				c = make([]int, len(index))
				counts[w.Form] = c
			}
			c[index[w.UPOS]]++
		}
	}
	dict := map[uint64]uint8{}
	for form, c := range counts {
		total, best := 0, 0
		for i, n := range c {
			total += n
			if n > c[best] {
				best = i
			}
		}
		if total >= cfg.DictMin && float64(c[best]) >= cfg.DictPure*float64(total) {
			dict[hashString(form)] = uint8(best)
		}
	}
	return dict
}

// ambiguityClasses is, for each word (lower case) seen at least three times, the set of the
// tags it takes at least 5% of the time.
func ambiguityClasses(sents [][]Word, index map[string]int) map[uint64]uint32 {
	counts := map[uint64][]int{}
	var buf []byte
	for _, s := range sents {
		for _, w := range s {
			buf = lowerInto(buf[:0], w.Form)
			h := hashBytes(buf)
			c := counts[h]
			if c == nil {
				c = make([]int, len(index))
				counts[h] = c
			}
			c[index[w.UPOS]]++
		}
	}
	out := map[uint64]uint32{}
	for h, c := range counts {
		total := 0
		for _, n := range c {
			total += n
		}
		if total < 3 {
			continue
		}
		var set uint32
		for i, n := range c {
			if 20*n >= total {
				set |= 1 << i
			}
		}
		out[h] = set
	}
	return out
}

// Size is the number of feature rows and dictionary words.
func (t *Tagger) Size() (features, words int) { return t.table.Features(), len(t.dict) }

func (t *Tagger) writeTo(w *bufio.Writer) error {
	putStrings(w, t.Tags)
	putHashMap(w, t.dict)
	putHashMap(w, t.lex)
	return t.table.writeTo(w)
}

func readTagger(r *bufio.Reader) (*Tagger, error) {
	t := &Tagger{}
	var err error
	if t.Tags, err = readStrings(r); err != nil {
		return nil, err
	}
	if len(t.Tags) == 0 || len(t.Tags) > 255 {
		return nil, fmt.Errorf("%d tags", len(t.Tags))
	}
	if t.dict, err = readHashMap[uint8](r, uint64(len(t.Tags)-1)); err != nil {
		return nil, fmt.Errorf("tag dictionary: %w", err)
	}
	if t.lex, err = readHashMap[uint32](r, 1<<len(t.Tags)-1); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	tab, err := readTable(r)
	if err != nil {
		return nil, err
	}
	if tab.Classes() != len(t.Tags) {
		return nil, fmt.Errorf("tag table of %d classes for %d tags", tab.Classes(), len(t.Tags))
	}
	t.init()
	t.setTable(tab)
	return t, nil
}
