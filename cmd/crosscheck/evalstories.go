package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
)

func (m *Main) evalStories(ctx context.Context, args []string) error {
	fs := m.flags("eval stories", "--gold FILE [--label cluster] [--json]",
		`Groups the records of a gold JSONL file into stories, in file order, and scores the
result against the gold label: B-cubed and pairwise precision, recall and F1.`,
		`  crosscheck eval stories --gold ../shared/corpus/ecbplus/docs.jsonl
  crosscheck eval stories --gold ../shared/corpus/ecbplus/docs.jsonl --label topic`)
	gold := fs.String("gold", "", "a JSONL file of records with an id and a gold label")
	label := fs.String("label", "cluster", "the record field that names the gold story")
	threshold := fs.Float64("threshold", group.DefaultOptions.Threshold, "the similarity at which an article joins a story")
	maxGap := fs.Duration("max-gap", group.DefaultOptions.MaxGap, "how far apart in time an article and a story may be (0: no limit)")
	shuffle := fs.Int64("shuffle", 0, "group the records in a random order drawn from this seed (0: file order)")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval stories", "--gold FILE", *gold); err != nil {
		return err
	}
	opts := group.DefaultOptions
	opts.Threshold, opts.MaxGap = *threshold, *maxGap
	type rec struct {
		id        string
		terms     group.Terms
		published time.Time
	}
	var recs []rec
	want := map[string]string{}
	for it := range ingest.Read(ctx, []string{*gold}, ingest.Options{Now: m.Now}) {
		if it.Err != nil {
			return fmt.Errorf("%s: %w", it.Input, it.Err)
		}
		g, ok := goldLabel(it.Doc.Meta.Extra, *label)
		if !ok {
			return fmt.Errorf("%s: no %q field", it.Input, *label)
		}
		a, err := extract.Article(it.Doc, extract.Options{})
		if err != nil {
			return fmt.Errorf("%s: %w", it.Input, err)
		}
		published, _ := a.PublishedDay()
		recs = append(recs, rec{a.ID, group.Extract(a.Title, a.Text), published})
		want[a.ID] = g
	}
	if *shuffle != 0 {
		r := rand.New(rand.NewPCG(uint64(*shuffle), 0))
		r.Shuffle(len(recs), func(i, j int) { recs[i], recs[j] = recs[j], recs[i] })
	}
	c := group.NewClusterer(opts)
	for _, r := range recs {
		c.Add(r.id, r.terms, r.published)
	}
	pred := map[string]string{}
	for _, st := range c.Stories() {
		for _, id := range st.Articles {
			pred[id] = fmt.Sprint(st.ID)
		}
	}
	s := eval.Clustering(pred, want)
	if *asJSON {
		return newEncoder(m.Stdout).Encode(s)
	}
	fmt.Fprintf(m.Stdout, "articles %d, gold stories %d, found %d\n", s.Articles, s.Gold, s.Found)
	fmt.Fprintf(m.Stdout, "B-cubed   P %.3f  R %.3f  F1 %.3f\n", s.BCubedP, s.BCubedR, s.BCubedF1)
	fmt.Fprintf(m.Stdout, "pairwise  P %.3f  R %.3f  F1 %.3f\n", s.PairP, s.PairR, s.PairF1)
	return nil
}

// goldLabel reads a record's gold field, a string or a number.
func goldLabel(extra json.RawMessage, label string) (string, bool) {
	var fields map[string]json.RawMessage
	if json.Unmarshal(extra, &fields) != nil {
		return "", false
	}
	raw, ok := fields[label]
	if !ok {
		return "", false
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s, true
	}
	return string(raw), true
}
