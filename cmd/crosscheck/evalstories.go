package main

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"

	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
)

func (m *Main) evalStories(ctx context.Context, args []string) error {
	fs := m.flags("eval stories", "--gold FILE|DIR [--label cluster] [--shuffle N | --shuffles N] [--json]",
		`Groups the records of a gold JSONL file into stories, in file order, and scores the
result against the gold label: B-cubed and pairwise precision, recall and F1. A folder is
read as ingest reads it; a plain article in it belongs to the story its folder names (the
events folders: one story each). --shuffles N scores file order and the orders drawn from
seeds 1 to N, one line each, and their mean.`,
		`  crosscheck eval stories --gold ../shared/corpus/ecbplus/docs.jsonl
  crosscheck eval stories --gold ../shared/corpus/ecbplus/docs.jsonl --label topic
  crosscheck eval stories --gold ../shared/corpus/events --shuffles 10`)
	gold := fs.String("gold", "", "a JSONL file of records with an id and a gold label, or a folder")
	label := fs.String("label", "cluster", "the record field that names the gold story")
	threshold := fs.Float64("threshold", group.DefaultOptions.Threshold, "the similarity at which an article joins a story")
	maxGap := fs.Duration("max-gap", group.DefaultOptions.MaxGap, "how far apart in time an article and a story may be (0: no limit)")
	far := fs.Float64("far-threshold", group.DefaultOptions.FarThreshold, "the similarity at which an article joins a story farther than --max-gap (0: never)")
	near := fs.Float64("near-threshold", group.DefaultOptions.NearThreshold, "the similarity at which an article joins a story within --max-gap of it (0: --threshold)")
	linkage := fs.Float64("linkage", group.DefaultOptions.Linkage, "0: cosine with a story's centroid; 1: mean cosine with its articles")
	mergeAbove := fs.Float64("merge-above", group.DefaultOptions.MergeAbove, "merge two stories an article could join when their centroids' cosine is at least this (0: never)")
	nameWeight := fs.Float64("name-weight", group.DefaultOptions.NameWeight, "the weight of names against words")
	numberWeight := fs.Float64("number-weight", group.DefaultOptions.NumberWeight, "the weight of numbers against words")
	splitBelow := fs.Float64("split-below", group.DefaultOptions.SplitBelow, "split a story whose two halves' centroids' cosine is below this (0: never)")
	daySplit := fs.Float64("day-split-below", group.DefaultOptions.DaySplitBelow, "split a story of undated articles told of two weekdays when the halves' centroids' cosine is below this (0: never)")
	shuffle := fs.Int64("shuffle", 0, "group the records in a random order drawn from this seed (0: file order)")
	shuffles := fs.Int("shuffles", 0, "score file order and the orders of seeds 1..N, and their mean")
	asJSON := fs.Bool("json", false, "print the figures as JSON")
	explain := fs.Bool("explain", false, "print each article's placement and why, then each found story that is not one whole gold story")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval stories", "--gold FILE", *gold); err != nil {
		return err
	}
	opts := group.DefaultOptions
	opts.Threshold, opts.MaxGap, opts.FarThreshold, opts.NearThreshold = *threshold, *maxGap, *far, *near
	opts.Linkage, opts.MergeAbove, opts.SplitBelow = *linkage, *mergeAbove, *splitBelow
	opts.NameWeight, opts.NumberWeight = *nameWeight, *numberWeight
	opts.DaySplitBelow = *daySplit
	recs, want, err := m.storyRecords(ctx, *gold, *label)
	if err != nil {
		return err
	}
	run := func(seed int64) eval.ClusterScores {
		order := append([]storyRecord(nil), recs...)
		if seed != 0 {
			r := rand.New(rand.NewPCG(uint64(seed), 0))
			r.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		}
		c := group.NewClusterer(opts)
		for _, r := range order {
			a := c.Add(r.id, r.terms, r.published)
			if *explain {
				fmt.Fprintf(m.Stdout, "%s [%s] → %d: %s (%.3f of %.3f, runner-up %.3f, %d candidates)\n",
					r.id, want[r.id], a.Story, a.Rule, a.Score, a.Threshold, a.Runner, a.Candidates)
			}
		}
		pred := map[string]string{}
		for _, st := range c.Stories() {
			for _, id := range st.Articles {
				pred[id] = fmt.Sprint(st.ID)
			}
		}
		if *explain {
			explainStories(m, c.Stories(), want)
		}
		return eval.Clustering(pred, want)
	}
	if *shuffles <= 0 {
		s := run(*shuffle)
		if *asJSON {
			return newEncoder(m.Stdout).Encode(s)
		}
		fmt.Fprintf(m.Stdout, "articles %d, gold stories %d, found %d\n", s.Articles, s.Gold, s.Found)
		fmt.Fprintf(m.Stdout, "B-cubed   P %.3f  R %.3f  F1 %.3f\n", s.BCubedP, s.BCubedR, s.BCubedF1)
		fmt.Fprintf(m.Stdout, "pairwise  P %.3f  R %.3f  F1 %.3f\n", s.PairP, s.PairR, s.PairF1)
		return nil
	}
	type row struct {
		Seed int64 `json:"seed"`
		eval.ClusterScores
	}
	var rows []row
	var mean eval.ClusterScores
	for seed := int64(0); seed <= int64(*shuffles); seed++ {
		s := run(seed)
		rows = append(rows, row{seed, s})
		if seed > 0 {
			mean = addScores(mean, s, 1/float64(*shuffles))
		}
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(map[string]any{"orders": rows, "shuffled_mean": mean})
	}
	fmt.Fprintf(m.Stdout, "articles %d, gold stories %d\n", rows[0].Articles, rows[0].Gold)
	fmt.Fprintf(m.Stdout, "order         found  B-cubed P  R      F1     pairwise P  R      F1\n")
	line := func(name string, found float64, s eval.ClusterScores) {
		fmt.Fprintf(m.Stdout, "%-12s  %5.1f  %.3f      %.3f  %.3f  %.3f       %.3f  %.3f\n",
			name, found, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairP, s.PairR, s.PairF1)
	}
	for _, r := range rows {
		name := "file"
		if r.Seed > 0 {
			name = fmt.Sprintf("shuffle %d", r.Seed)
		}
		line(name, float64(r.Found), r.ClusterScores)
	}
	var found float64
	for _, r := range rows[1:] {
		found += float64(r.Found) / float64(*shuffles)
	}
	line("shuffle mean", found, mean)
	return nil
}

// explainStories prints the found stories that mix gold stories or hold only part of one.
func explainStories(m *Main, stories []*group.Story, want map[string]string) {
	goldSize := map[string]int{}
	for _, g := range want {
		goldSize[g]++
	}
	for _, st := range stories {
		if len(st.Articles) == 0 {
			continue
		}
		count := map[string]int{}
		var labels []string
		for _, id := range st.Articles {
			if count[want[id]] == 0 {
				labels = append(labels, want[id])
			}
			count[want[id]]++
		}
		if len(labels) == 1 && count[labels[0]] == goldSize[labels[0]] {
			continue
		}
		fmt.Fprintf(m.Stdout, "story %d:", st.ID)
		for _, g := range labels {
			fmt.Fprintf(m.Stdout, " %s %d/%d", g, count[g], goldSize[g])
		}
		fmt.Fprintln(m.Stdout)
	}
}

// addScores adds w times the figures of s to acc.
func addScores(acc, s eval.ClusterScores, w float64) eval.ClusterScores {
	acc.Articles, acc.Gold = s.Articles, s.Gold
	acc.BCubedP += w * s.BCubedP
	acc.BCubedR += w * s.BCubedR
	acc.BCubedF1 += w * s.BCubedF1
	acc.PairP += w * s.PairP
	acc.PairR += w * s.PairR
	acc.PairF1 += w * s.PairF1
	return acc
}

type storyRecord struct {
	id        string
	terms     group.Terms
	published time.Time
}

// storyRecords reads a gold file or folder: the records in order and each one's gold story.
// A record without the label field that came from a plain file in a folder takes the folder's
// name.
func (m *Main) storyRecords(ctx context.Context, gold, label string) ([]storyRecord, map[string]string, error) {
	info, err := os.Stat(gold)
	if err != nil {
		return nil, nil, err
	}
	var recs []storyRecord
	want := map[string]string{}
	for it := range ingest.Read(ctx, []string{gold}, ingest.Options{Now: m.Now}) {
		if it.Err != nil {
			return nil, nil, fmt.Errorf("%s: %w", it.Input, it.Err)
		}
		g, ok := goldLabel(it.Doc.Meta.Extra, label)
		if !ok && info.IsDir() && kindIsPlain(it.Input) {
			g, ok = filepath.Base(filepath.Dir(it.Input)), true
		}
		if !ok {
			return nil, nil, fmt.Errorf("%s: no %q field", it.Input, label)
		}
		a, err := extract.Article(it.Doc, extract.Options{})
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", it.Input, err)
		}
		published, _ := a.PublishedDay()
		recs = append(recs, storyRecord{a.ID, group.Extract(a.Title, a.Text), published})
		want[a.ID] = g
	}
	return recs, want, nil
}

// kindIsPlain says an input names a file of its own rather than a line of a JSONL file.
func kindIsPlain(input string) bool {
	_, err := os.Stat(input)
	return err == nil
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
