package engine

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

// followOracle parses by always taking a zero-cost transition and returns the heads it made
// and how many transitions it took.
func followOracle(t *testing.T, gold []int32) ([]int32, int) {
	t.Helper()
	var s state
	s.reset(len(gold) - 1)
	steps := 0
	for !s.done() {
		best := -1
		for tr := range transitions {
			if s.valid(tr) && s.cost(tr, gold) == 0 {
				best = tr
				break
			}
		}
		if best < 0 {
			t.Fatalf("no zero-cost transition at step %d (stack %v, buffer %d)", steps, s.stack, s.b)
		}
		s.apply(best, 0)
		steps++
	}
	heads := make([]int32, len(gold))
	for i := 1; i < len(gold); i++ {
		heads[i] = max(s.head[i], 0)
	}
	return heads, steps
}

func TestOracleReachesTheGoldTree(t *testing.T) {
	trees := [][]int32{
		{-1, 2, 0, 2},          // subject, verb, object
		{-1, 2, 3, 0, 3, 6, 4}, // the dog chased a cat of mine
		{-1, 0},
		{-1, 0, 1, 2, 3, 4, 5}, // a chain to the right
		{-1, 6, 6, 6, 6, 6, 0}, // all left of the root
	}
	for _, gold := range trees {
		heads, steps := followOracle(t, gold)
		for i := 1; i < len(gold); i++ {
			if heads[i] != gold[i] {
				t.Errorf("tree %v: heads %v", gold, heads)
				break
			}
		}
		if n := len(gold) - 1; steps > 2*n {
			t.Errorf("tree %v: %d transitions for %d words", gold, steps, n)
		}
	}
}

func TestOracleOnTreebank(t *testing.T) {
	dir := filepath.Dir(corpus.Path(t, "treebank/en_ewt-ud-dev.conllu.gz"))
	checked := 0
	err := ReadSplit(dir, "dev", func(s []Word) error {
		if !projective(s) {
			return nil
		}
		gold := []int32{-1}
		for _, w := range s {
			gold = append(gold, int32(w.Head))
		}
		heads, _ := followOracle(t, gold)
		for i := 1; i < len(gold); i++ {
			if heads[i] != gold[i] {
				t.Fatalf("sentence %d: word %d head %d, gold %d", checked, i, heads[i], gold[i])
			}
		}
		checked++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 1800 {
		t.Errorf("%d projective sentences checked", checked)
	}
}

func TestProjective(t *testing.T) {
	crossing := []Word{{Head: 3}, {Head: 4}, {Head: 0}, {Head: 3}} // 1←3, 2←4 cross
	if projective(crossing) {
		t.Error("crossing arcs read as projective")
	}
	if !projective([]Word{{Head: 2}, {Head: 0}, {Head: 2}}) {
		t.Error("a flat tree read as crossing")
	}
}

func TestModelRoundTripAndDeterminism(t *testing.T) {
	sents := toySentences()
	build := func() []byte {
		tg := TrainTagger(sents, TagConfig{Epochs: 3, Seed: 1, DictMin: 2, DictPure: 0.99, Scale: 16, Cut: 1}, nil)
		tags := func(i int) []uint64 {
			out := make([]uint64, len(sents[i]))
			for j, w := range sents[i] {
				out[j] = hashString(w.UPOS)
			}
			return out
		}
		p := TrainParser(sents, tags, ParseConfig{Epochs: 3, Seed: 1, Explore: 2, ExploreP: 0.9, Scale: 16, Cut: 1}, nil)
		var buf bytes.Buffer
		if err := (&Model{Tagger: tg, Parser: p}).Write(&buf); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	a, b := build(), build()
	if !bytes.Equal(a, b) {
		t.Fatal("two trainings on the same data wrote different bytes")
	}
	m, err := Read(a)
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if err := m.Write(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Error("a model read and written again changed")
	}
	if s := m.Evaluate(sents); s.UPOS < 0.9 || s.UAS < 0.9 {
		t.Errorf("on its own training data: %+v", s)
	}
	if _, err := Read(a[:len(a)/2]); err == nil {
		t.Error("half a model read without error")
	}
}

// toySentences is a few sentences of a tiny language to train on.
func toySentences() [][]Word {
	in := `1	dogs	_	NOUN	_	_	2	nsubj	_	_
2	bark	_	VERB	_	_	0	root	_	_
3	.	_	PUNCT	_	_	2	punct	_	_

1	the	_	DET	_	_	2	det	_	_
2	cat	_	NOUN	_	_	3	nsubj	_	_
3	saw	_	VERB	_	_	0	root	_	_
4	dogs	_	NOUN	_	_	3	obj	_	_
5	.	_	PUNCT	_	_	3	punct	_	_

1	cats	_	NOUN	_	_	2	nsubj	_	_
2	saw	_	VERB	_	_	0	root	_	_
3	the	_	DET	_	_	4	det	_	_
4	dog	_	NOUN	_	_	2	obj	_	_
5	.	_	PUNCT	_	_	2	punct	_	_
`
	var out [][]Word
	for range 5 {
		ReadCoNLLU(strings.NewReader(in), func(s []Word) error { out = append(out, s); return nil })
	}
	return out
}
