package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/pipeline"
)

// storyScore is one gold story's report, scored.
type storyScore struct {
	Gold   string            `json:"gold"`
	Counts eval.ReportCounts `json:"counts"`
	Passed int               `json:"passed"`
	Checks []eval.Check      `json:"checks"`
}

func (m *Main) evalReport(ctx context.Context, args []string) error {
	fs := m.flags("eval report", "[--json] [--checks] GOLD…",
		`Scores the story report on gold stories. Each GOLD is an expected.json in the seeds' format
(articles, stories, quotes, facts, derived, not_derived) with the articles beside it as ID.txt
and a manifest.jsonl. Each story is ingested into a temporary store of its own and its report
is counted against the gold, which lists every conflict, derived pair and differing quote:

  conflicts     a reported conflict is right when it states every value of a gold conflict,
                each in one of the gold's articles for it
  derived       a reported pair is right when the gold links the two articles, directly or
                through others; recall is over the gold's own pairs
  differences   a quote group flagged as differing is right when the gold marks its quote so

It prints precision and recall per story and over all of them, and the number of the gold's
checks (as eval seeds scores them) that pass.`,
		`  crosscheck eval report eval/testdata/stories/*/expected.json ../shared/corpus/seeds/expected.json
  crosscheck eval report --checks eval/testdata/stories/ferry-aground/expected.json`)
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	showChecks := fs.Bool("checks", false, "also print every check that fails")
	golds, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(golds) == 0 {
		fmt.Fprintln(m.Stderr, "crosscheck eval report: name one or more gold files (expected.json)")
		return errUsage
	}
	var scores []storyScore
	var total eval.ReportCounts
	for _, gold := range golds {
		sc, err := m.scoreGoldStory(ctx, gold)
		if err != nil {
			return fmt.Errorf("%s: %w", gold, err)
		}
		scores = append(scores, sc)
		total = total.Add(sc.Counts)
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(map[string]any{"stories": scores, "total": total,
			"conflicts": prf(total.Conflicts), "derived": prf(total.Derived), "differences": prf(total.Differences)})
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tCONFLICTS P/R\tDERIVED P/R\tDIFFERENCES P/R\tCHECKS")
	row := func(name string, c eval.ReportCounts, checks string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", name, pr(c.Conflicts), pr(c.Derived), pr(c.Differences), checks)
	}
	passed, all := 0, 0
	for _, sc := range scores {
		row(filepath.Base(filepath.Dir(sc.Gold)), sc.Counts, fmt.Sprintf("%d/%d", sc.Passed, len(sc.Checks)))
		passed, all = passed+sc.Passed, all+len(sc.Checks)
	}
	row("all", total, fmt.Sprintf("%d/%d", passed, all))
	tw.Flush()
	if *showChecks {
		for _, sc := range scores {
			for _, c := range sc.Checks {
				if !c.Pass {
					fmt.Fprintf(m.Stdout, "%s: %s %s %s: %s\n", filepath.Base(filepath.Dir(sc.Gold)), c.Section, c.Article, c.What, c.Detail)
				}
			}
		}
	}
	return nil
}

// scoreGoldStory ingests one gold story into a temporary store and scores its report.
func (m *Main) scoreGoldStory(ctx context.Context, gold string) (storyScore, error) {
	sc := storyScore{Gold: gold}
	g, err := eval.LoadSeedGold(gold)
	if err != nil {
		return sc, err
	}
	if len(g.Articles) == 0 {
		return sc, fmt.Errorf("the gold lists no articles")
	}
	tmp, err := os.MkdirTemp("", "crosscheck-eval-")
	if err != nil {
		return sc, err
	}
	defer os.RemoveAll(tmp)
	store, err := m.open(ctx, filepath.Join(tmp, "gold.db"))
	if err != nil {
		return sc, err
	}
	defer store.Close()
	if err := m.ingestGold(ctx, store, gold, g.Articles); err != nil {
		return sc, err
	}
	rg, err := g.ReportGold()
	if err != nil {
		return sc, err
	}
	if len(g.Stories) == 0 {
		g.Stories = [][]string{g.Articles}
	}
	if sc.Checks, err = m.seedReportChecks(ctx, store, g); err != nil {
		return sc, err
	}
	r, err := pipeline.StoryReport(ctx, store, g.Stories[0][0])
	if err != nil {
		return sc, err
	}
	sc.Counts = eval.CountReport(rg, r)
	for _, c := range sc.Checks {
		if c.Pass {
			sc.Passed++
		}
	}
	return sc, nil
}

func pr(c eval.Counts) string {
	return fmt.Sprintf("%.2f / %.2f (%d/%d/%d)", c.Precision(), c.Recall(), c.TP, c.FP, c.FN)
}

func prf(c eval.Counts) map[string]float64 {
	return map[string]float64{"precision": c.Precision(), "recall": c.Recall()}
}
