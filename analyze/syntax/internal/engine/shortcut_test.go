package engine

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

// The tagger and the parser sum parts of their features once and keep the sums (a word's own
// features, the previous tags', the stack top's, the buffer's): on the treebank's dev split,
// with the shipped weights, they choose every tag, head and label as scoring every feature at
// every step does.
func TestKeptSumsChooseAsEveryFeatureDoes(t *testing.T) {
	_, m := shippedModel(t)
	dir := filepath.Dir(corpus.Path(t, "treebank/en_ewt-ud-dev.conllu.gz"))
	var sc ParseScratch
	sentences := 0
	err := ReadSplit(dir, "dev", func(sent []Word) error {
		words := make([]string, len(sent))
		for i, w := range sent {
			words[i] = Normalise(w.Form)
		}
		tags := make([]int, len(words))
		m.Tagger.TagInto(words, tags, &sc.Scratch)
		if want := tagEveryFeature(m.Tagger, words); !slices.Equal(tags, want) {
			t.Fatalf("%q: tags %v, scoring every feature %v", words, tags, want)
		}
		th := make([]uint64, len(words))
		for i, tag := range tags {
			th[i] = m.Tagger.tagHash[tag]
		}
		heads, rels := make([]int32, len(words)), make([]int32, len(words))
		m.Parser.ParseTaggedInto(th, heads, rels, &sc)
		wantHeads, wantRels := parseEveryFeature(m.Parser, words, th)
		if !slices.Equal(heads, wantHeads) || !slices.Equal(rels, wantRels) {
			t.Fatalf("%q: heads %v rels %v, scoring every feature %v %v", words, heads, rels, wantHeads, wantRels)
		}
		sentences++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if sentences < 1000 {
		t.Fatalf("%d dev sentences", sentences)
	}
}

// tagEveryFeature tags words scoring all of tagFeatures at every word.
func tagEveryFeature(t *Tagger, words []string) []int {
	var s Scratch
	lex := t.lexemes(words, &s)
	out := make([]int, len(words))
	scores := make([]int32, len(t.Tags))
	prev, prev2 := hStart, hStart
	for i, w := range words {
		tag, ok := t.dict[hashString(w)]
		if !ok {
			clear(scores)
			t.table.Score(tagFeatures(nil, lex, i, prev, prev2), scores)
			tag = uint8(argmax(scores, nil))
		}
		out[i] = int(tag)
		prev2, prev = prev, t.tagHash[tag]
	}
	return out
}

// parseEveryFeature parses scoring all of the state's features at every transition.
func parseEveryFeature(p *Parser, words []string, tags []uint64) (heads, rels []int32) {
	var x sentence
	var s state
	x.set(lexemes(words, nil, nil), tags)
	s.reset(len(tags))
	lscores := make([]int32, len(p.Labels))
	for !s.done() {
		var scores [transitions]int32
		p.trans.Score(s.features(nil, &x), scores[:])
		t := argmax(scores[:], s.valid)
		l := int32(0)
		if t == left || t == right {
			h, d := s.s0(), s.b
			if t == left {
				h, d = d, h
			}
			clear(lscores)
			p.labels.Score(s.labelFeatures(nil, &x, h, d), lscores)
			l = int32(argmax(lscores, nil))
		}
		s.apply(t, l)
	}
	heads, rels = make([]int32, len(tags)), make([]int32, len(tags))
	for i := int32(1); i <= s.n; i++ {
		if s.head[i] < 0 {
			s.head[i], s.label[i] = 0, p.root
		}
		heads[i-1], rels[i-1] = s.head[i], s.label[i]
	}
	return heads, rels
}
