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
is counted against the gold, which lists every fact, conflict, derived pair and differing
quote. Matching is strict: a reported item serves one gold item at most, a value must equal
the gold's as a whole (every figure, and every unit the gold gives), and a fact must be about
the gold's subject (a content word of its subject, its unit or its counted noun in the gold's):

  agreements    a reported agreement of one value, stated in one of the gold's articles
  conflicts     a reported conflict that states every value of a gold conflict, each in one
                of the gold's articles for it
  derived       a reported pair is right when the gold pairs its two articles; "through
                others" also credits a pair the gold links through a common source
  quotes        a group of two or more articles is right when it holds one gold utterance's
                variants and no other's; recall counts the utterances found whole, in one
                group, with their speaker
  speakers      the gold's quote variants found and attributed to the gold's speaker
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
		passed, all := 0, 0
		for _, sc := range scores {
			passed, all = passed+sc.Passed, all+len(sc.Checks)
		}
		return newEncoder(m.Stdout).Encode(map[string]any{"stories": scores, "total": total,
			"checks":     map[string]int{"passed": passed, "all": all},
			"agreements": prf(total.Agreements), "conflicts": prf(total.Conflicts), "derived": prf(total.Derived),
			"lineage": prf(total.Lineage), "quotes": prf(total.Quotes), "speakers": prf(total.Speakers),
			"differences": prf(total.Differences)})
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STORY\tAGREEMENTS P/R\tCONFLICTS P/R\tDERIVED P/R\tQUOTES P/R\tSPEAKERS\tCHECKS")
	row := func(name string, c eval.ReportCounts, checks string) {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%d/%d\t%s\n", name, pr(c.Agreements), pr(c.Conflicts), pr(c.Derived), pr(c.Quotes),
			c.Speakers.TP, c.Speakers.TP+c.Speakers.FN, checks)
	}
	passed, all := 0, 0
	for _, sc := range scores {
		row(filepath.Base(filepath.Dir(sc.Gold)), sc.Counts, fmt.Sprintf("%d/%d", sc.Passed, len(sc.Checks)))
		passed, all = passed+sc.Passed, all+len(sc.Checks)
	}
	row("all", total, fmt.Sprintf("%d/%d (%.1f%%)", passed, all, 100*ratioOf(passed, all)))
	tw.Flush()
	fmt.Fprintf(m.Stdout, "derived through others: %s; quote differences: %s\n", pr(total.Lineage), pr(total.Differences))
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

func ratioOf(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func prf(c eval.Counts) map[string]float64 {
	return map[string]float64{"precision": c.Precision(), "recall": c.Recall()}
}
