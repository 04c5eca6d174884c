package main

import (
	"context"
	"fmt"

	"github.com/crosscheck/crosscheck/analyze/syntax"
)

func (m *Main) evalSyntax(ctx context.Context, args []string) error {
	fs := m.flags("eval syntax", "--treebank DIR [--split test] [--json]",
		`Tags and parses a split of the UD English EWT treebank (DIR holds
en_ewt-ud-{train,dev,test}.conllu.gz) with the embedded weights and scores them: UPOS accuracy,
and the unlabelled and labelled attachment scores (UAS, LAS; the relation with its subtype)
with the predicted tags. Every word counts, punctuation too.`,
		`  crosscheck eval syntax --treebank ../shared/corpus/treebank --split test`)
	dir := fs.String("treebank", "", "the treebank directory")
	split := fs.String("split", "test", `the split to score ("train", "dev", "test")`)
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval syntax", "--treebank DIR", *dir); err != nil {
		return err
	}
	s, err := syntax.EvaluateSplit(*dir, *split)
	if err != nil {
		return err
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(struct {
			Split string `json:"split"`
			syntax.Scores
		}{*split, s})
	}
	fmt.Fprintf(m.Stdout, "%s: %d sentences, %d words\n", *split, s.Sentences, s.Words)
	fmt.Fprintf(m.Stdout, "UPOS  %.4f\nUAS   %.4f\nLAS   %.4f\n", s.UPOS, s.UAS, s.LAS)
	return nil
}
