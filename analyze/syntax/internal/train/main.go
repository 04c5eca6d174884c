// Command train trains the part-of-speech tagger and the dependency parser of package syntax
// on the UD English EWT treebank and writes their weights; go generate runs it.
//
// The tagger is trained on train and tuned on dev. The parser is trained on train with tags
// predicted by taggers trained on the other parts of train (jackknifing, so that it learns from
// tags as wrong as the ones it will see), then tuned on dev. The figures on test are printed.
package main

import (
	"bytes"
	"flag"
	"log"
	"os"

	"github.com/crosscheck/crosscheck/analyze/syntax/internal/engine"
)

func main() {
	dir := flag.String("treebank", "../../../shared/corpus/treebank", "the directory of en_ewt-ud-{train,dev,test}.conllu.gz")
	out := flag.String("out", "model.bin.gz", "the weights file to write")
	tagEpochs := flag.Int("tag-epochs", 12, "tagger training epochs")
	parseEpochs := flag.Int("parse-epochs", 15, "parser training epochs")
	folds := flag.Int("folds", 5, "jackknife folds for the parser's training tags")
	verbose := flag.Bool("v", false, "print the dev figures after every epoch")
	scale := flag.Float64("scale", 4, "quantisation: a weight is stored as weight × scale, rounded")
	cut := flag.Int("cut", 6, "parser features updated fewer times in training are dropped")
	tagOnly := flag.Bool("tag-only", false, "train the tagger only and print its dev figure")
	dictMin := flag.Int("dict-min", 20, "a word seen this often with one tag 99% of the time is tagged from the dictionary")
	tagScale := flag.Float64("tag-scale", 4, "the tagger's quantisation scale")
	sweep := flag.Bool("sweep", false, "print the dev figures and sizes of other quantisations")
	flag.Parse()
	log.SetFlags(0)
	train, dev, test := load(*dir, "train"), load(*dir, "dev"), load(*dir, "test")
	tcfg := engine.TagConfig{Epochs: *tagEpochs, Seed: 1, DictMin: *dictMin, DictPure: 0.99, Scale: *tagScale, Cut: 1}
	var tagProgress func(int, *engine.Tagger)
	if *verbose {
		tagProgress = func(epoch int, t *engine.Tagger) {
			log.Printf("tagger epoch %d: dev UPOS %.4f", epoch, engine.TagAccuracy(t, dev))
		}
	}
	tagger := engine.TrainTagger(train, tcfg, tagProgress)
	f, w := tagger.Size()
	log.Printf("tagger: %d feature rows, %d dictionary words, dev UPOS %.4f", f, w, engine.TagAccuracy(tagger, dev))
	if *tagOnly {
		return
	}

	tags := jackknife(train, tcfg, *folds)
	pcfg := engine.ParseConfig{Epochs: *parseEpochs, Seed: 1, Explore: 2, ExploreP: 0.9, Scale: *scale, Cut: *cut}
	var parseProgress func(int, *engine.Parser)
	if *verbose {
		parseProgress = func(epoch int, p *engine.Parser) {
			s := (&engine.Model{Tagger: tagger, Parser: p}).Evaluate(dev)
			g := (&engine.Model{Tagger: tagger, Parser: p}).EvaluateGoldTags(dev)
			log.Printf("parser epoch %d: dev UAS %.4f LAS %.4f (gold tags: UAS %.4f LAS %.4f)", epoch, s.UAS, s.LAS, g.UAS, g.LAS)
		}
	}
	parser := engine.TrainParser(train, func(i int) []uint64 { return tags[i] }, pcfg, parseProgress)
	pt, pl := parser.Size()
	model := &engine.Model{Tagger: tagger, Parser: parser}
	log.Printf("parser: %d transition and %d label feature rows", pt, pl)

	if *sweep {
		for _, scale := range []float64{4, 8} {
			for _, cut := range []int{2, 3, 4} {
				parser.Requantise(scale, cut)
				var b bytes.Buffer
				model.Write(&b)
				s := model.Evaluate(dev)
				log.Printf("scale %g cut %d: %d bytes, dev UPOS %.4f UAS %.4f LAS %.4f", scale, cut, b.Len(), s.UPOS, s.UAS, s.LAS)
			}
		}
	}
	parser.Requantise(*scale, *cut)
	var buf bytes.Buffer
	if err := model.Write(&buf); err != nil {
		log.Fatal(err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	back, err := engine.Read(buf.Bytes())
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s: %d bytes", *out, buf.Len())
	for _, split := range []struct {
		name  string
		sents [][]engine.Word
	}{{"dev", dev}, {"test", test}} {
		s := back.Evaluate(split.sents)
		log.Printf("%s: %d sentences, %d words: UPOS %.4f UAS %.4f LAS %.4f", split.name, s.Sentences, s.Words, s.UPOS, s.UAS, s.LAS)
	}
}

// jackknife tags each sentence of train with a tagger trained on the other folds.
func jackknife(train [][]engine.Word, cfg engine.TagConfig, folds int) [][]uint64 {
	tags := make([][]uint64, len(train))
	for k := range folds {
		var rest [][]engine.Word
		for i, s := range train {
			if i%folds != k {
				rest = append(rest, s)
			}
		}
		t := engine.TrainTagger(rest, cfg, nil)
		hashes := (&engine.Model{Tagger: t}).TagHashes()
		var sc engine.Scratch
		for i, s := range train {
			if i%folds != k {
				continue
			}
			words := make([]string, len(s))
			for j, w := range s {
				words[j] = w.Form
			}
			idx := make([]int, len(s))
			t.TagInto(words, idx, &sc)
			tags[i] = make([]uint64, len(s))
			for j, x := range idx {
				tags[i][j] = hashes[x]
			}
		}
	}
	return tags
}

func load(dir, split string) [][]engine.Word {
	var sents [][]engine.Word
	err := engine.ReadSplit(dir, split, func(s []engine.Word) error {
		for i := range s {
			s[i].Form = engine.Normalise(s[i].Form)
		}
		sents = append(sents, s)
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	return sents
}
