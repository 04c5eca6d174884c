package syntax

import (
	"io"

	"github.com/crosscheck/crosscheck/analyze/syntax/internal/engine"
)

// Scores are the tagger's and the parser's figures on a treebank: the share of words given
// their universal part of speech (UPOS), their head (UAS), and their head and relation, subtype
// and all (LAS), parsing with the predicted tags. Every word counts, punctuation too.
type Scores = engine.Scores

// Evaluate tags and parses the sentences of a CoNLL-U stream as Analyze does and scores them
// against the stream's own tags and trees.
func Evaluate(r io.Reader) (Scores, error) {
	var sc scorer
	err := engine.ReadCoNLLU(r, sc.add)
	return sc.scores(), err
}

// EvaluateSplit scores a split ("train", "dev", "test") of the UD English EWT treebank in dir
// (en_ewt-ud-SPLIT.conllu.gz).
func EvaluateSplit(dir, split string) (Scores, error) {
	var sc scorer
	err := engine.ReadSplit(dir, split, sc.add)
	return sc.scores(), err
}

type scorer struct{ engine.Tally }

func (sc *scorer) add(sent []engine.Word) error {
	words := make([]string, len(sent))
	for i, w := range sent {
		words[i] = w.Form
	}
	got := Analyze(words)
	sc.Add(sent, func(i int) (string, int, string) { return got.Tags[i], got.Arcs[i].Head + 1, got.Arcs[i].Rel })
	return nil
}

func (sc *scorer) scores() Scores { return sc.Scores() }
