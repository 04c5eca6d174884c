// Package syntax tags words with their part of speech and parses sentences into dependency
// trees, so that the analysis can read a sentence's structure: a number's counted noun, a
// verb's subject and object, a value's owner.
//
// The tagger is a greedy averaged perceptron over the universal parts of speech; the parser a
// greedy arc-eager transition parser scored by an averaged perceptron and trained with a
// dynamic oracle, with a second perceptron labelling the arcs with Universal Dependencies
// relations. Both are trained at build time, by go generate (internal/train), from the
// Universal Dependencies English Web Treebank (UD_English-EWT, CC BY-SA 4.0; Silveira et al.
// 2014, "A Gold Standard Dependency Corpus for English", LREC), and their weights, pruned and
// quantised, are embedded in the binary (model.bin.gz): nothing is downloaded at run time.
//
// On the treebank's test split (25,094 words), parsing with the tags it predicts: UPOS 95.25%,
// UAS 84.07%, LAS 80.33% (LAS with the relation's subtype; every word counted, punctuation too;
// crosscheck eval syntax prints the figures). The weights take 1.7 MB: parser features updated
// fewer than 6 times in training are dropped. On Reuters text one
// core tags about 1.4 million tokens and parses (tags included) about 260,000 tokens per
// second of processor time (go test -bench . ./analyze/syntax, on an idle machine).
//
// Words are taken as printed in news text: curly quotes, dashes and clitics glued on
// ("John’s", "don't") are read as the treebank writes them. Any input is safe: an empty
// sentence gives nothing, and a sentence longer than MaxWords is parsed in pieces.
package syntax
