package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/eval"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
)

func (m *Main) eval(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(m.Stderr, `Usage: crosscheck eval seeds|report|stories|quotes|dates|syntax|mojibake [flags]

Scores crosscheck against gold data and prints the figures (--json for machines).

  seeds --gold FILE     the seed expectations (corpus/seeds/expected.json); the articles
                        beside the gold file are ingested into a temporary store first
  report GOLD…          scores the story reports of gold stories (each an expected.json with
                        its articles beside it, as the seeds are): precision and recall of
                        conflicts, derived pairs and quote differences, and every check
  stories --gold FILE   groups a gold JSONL file's records into stories and scores them
                        against its cluster field (B-cubed and pairwise P/R/F1)
  quotes --gold FILE    finds quotes and speakers in a PolNeAR file and scores them
  dates --gold FILE     resolves TimeBank temporal expressions against their document dates
  syntax --treebank DIR tags and parses a UD English EWT split and scores UPOS, UAS and LAS
  mojibake CORPUS…      breaks every non-ASCII sentence of the corpora (JSONL, .gz) through
                        each misreading codepage, repairs it and counts exact recoveries;
                        also counts whole texts the repair changes as they are

Example:
  crosscheck eval seeds --gold ../shared/corpus/seeds/expected.json
  crosscheck eval report eval/testdata/stories/*/expected.json ../shared/corpus/seeds/expected.json
  crosscheck eval mojibake ../shared/corpus/polnear/attributions.jsonl ../shared/corpus/ecbplus/docs.jsonl
`)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	switch args[0] {
	case "seeds":
		return m.evalSeeds(ctx, args[1:])
	case "mojibake":
		return m.evalMojibake(ctx, args[1:])
	case "stories":
		return m.evalStories(ctx, args[1:])
	case "quotes":
		return m.evalQuotes(ctx, args[1:])
	case "dates":
		return m.evalDates(ctx, args[1:])
	case "report":
		return m.evalReport(ctx, args[1:])
	case "syntax":
		return m.evalSyntax(ctx, args[1:])
	}
	fmt.Fprintf(m.Stderr, "crosscheck eval: unknown gold kind %q (seeds, report, stories, quotes, dates, syntax, mojibake)\n", args[0])
	return errUsage
}

func (m *Main) evalSeeds(ctx context.Context, args []string) error {
	fs := m.flags("eval seeds", "--gold FILE [--db PATH] [--json]",
		`Scores the seed expectations: the cleaning of each article (what must be removed, kept,
repaired; author; credits), the story, and the story report (quote groups and speakers, facts
and verdicts, derived pairs). Prints what is missing. Without --db the articles in the gold file's directory are
ingested, with its manifest.jsonl, into a temporary store first.`,
		`  crosscheck eval seeds --gold ../shared/corpus/seeds/expected.json`)
	gold := fs.String("gold", "", "the gold file (expected.json)")
	db := fs.String("db", "", "score the articles of this store instead of ingesting the seeds")
	asJSON := fs.Bool("json", false, "print the checks as JSON")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := m.required("eval seeds", "--gold FILE", *gold); err != nil {
		return err
	}
	g, err := eval.LoadSeedGold(*gold)
	if err != nil {
		return err
	}
	path := *db
	if path == "" {
		tmp, err := os.MkdirTemp("", "crosscheck-eval-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		path = filepath.Join(tmp, "seeds.db")
	}
	store, err := m.open(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()
	if *db == "" {
		if err := m.ingestGold(ctx, store, *gold, g.Articles); err != nil {
			return err
		}
	}
	checks := eval.SeedCleaning(g, func(id string) (*crosscheck.Article, error) { return store.Article(ctx, id) })
	more, err := m.seedReportChecks(ctx, store, g)
	if err != nil {
		return err
	}
	checks = append(checks, more...)
	passed := 0
	for _, c := range checks {
		if c.Pass {
			passed++
		}
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(map[string]any{"checks": checks, "passed": passed, "total": len(checks)})
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "SECTION\tARTICLE\tCHECK\tRESULT")
	for _, c := range checks {
		result := "pass"
		if !c.Pass {
			result = "FAIL: " + c.Detail
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", c.Section, c.Article, c.What, result)
	}
	tw.Flush()
	fmt.Fprintf(m.Stdout, "\n%d of %d checks pass\n", passed, len(checks))
	return nil
}

// ingestGold ingests the articles a gold file lists, which sit beside it as ID.txt, with the
// manifest.jsonl there.
func (m *Main) ingestGold(ctx context.Context, store crosscheck.Store, gold string, ids []string) error {
	var inputs []string
	for _, id := range ids {
		inputs = append(inputs, filepath.Join(filepath.Dir(gold), id+".txt"))
	}
	opts := ingest.Options{Now: m.Now}
	if man, err := ingest.LoadManifest(filepath.Join(filepath.Dir(gold), ingest.ManifestName)); err == nil {
		opts.Manifest = man
	}
	_, err := m.runIngest(ctx, store, ingest.Read(ctx, inputs, opts), 0, false, outQuiet)
	return err
}

func (m *Main) evalMojibake(ctx context.Context, args []string) error {
	fs := m.flags("eval mojibake", "[--json] [--no-builtin] CORPUS…",
		`Measures mojibake repair. Every sentence with non-ASCII characters in the corpora (and a
built-in set of sentences in 16 languages) is encoded as UTF-8, misread through each codepage
(Windows-1252, -1250, -1251, -874, Latin-1; undefined bytes kept or lost), repaired, and
compared with the original. Whole texts are also repaired as they are: on a clean corpus every
change is a false repair.`,
		`  crosscheck eval mojibake ../shared/corpus/polnear/attributions.jsonl
  crosscheck eval mojibake --no-builtin ../shared/corpus/bulk/reuters21578.jsonl.gz`)
	asJSON := fs.Bool("json", false, "print the report as JSON")
	noBuiltin := fs.Bool("no-builtin", false, "leave out the built-in multilingual sentences")
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	var readErr error
	texts := func(yield func(string) bool) {
		if !*noBuiltin {
			for _, s := range eval.Multilingual {
				if !yield(s) {
					return
				}
			}
		}
		for it := range ingest.Read(ctx, paths, ingest.Options{Now: m.Now}) {
			if it.Err != nil {
				if it.Doc == nil && errors.Is(it.Err, ingest.ErrNoText) {
					continue // a record without text has nothing to measure
				}
				readErr = fmt.Errorf("%s: %w", it.Input, it.Err)
				return
			}
			if !yield(string(it.Doc.Raw)) {
				return
			}
		}
	}
	rep := eval.Mojibake(texts)
	if readErr != nil {
		return readErr
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(rep)
	}
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "MISREADING\tSAMPLES\tREPAIRED\tRATE\t")
	for _, r := range append(rep.Rows, rep.Total) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%.2f%%\t\n", r.Misreading, r.Samples, r.Repaired, 100*r.Rate)
	}
	tw.Flush()
	fmt.Fprintf(m.Stdout, "\ntexts read: %d; changed by repair as they were: %d\n", rep.Texts, rep.TextsChanged)
	fmt.Fprintf(m.Stdout, "samples left out because the corpus already had mojibake in them: %d\n", rep.Broken)
	for _, f := range rep.Failures {
		fmt.Fprintf(m.Stdout, "\n[%s]\n  original: %s\n  broken:   %s\n  repaired: %s\n", f.Misreading, f.Original, f.Broken, f.Repaired)
	}
	return nil
}

// required reports a missing required flag the way every command does.
func (m *Main) required(cmd, flag, value string) error {
	if value == "" {
		fmt.Fprintf(m.Stderr, "crosscheck %s: %s is required\n", cmd, flag)
		return errUsage
	}
	return nil
}

// eachRecord decodes each line of a JSONL gold file into a new T and hands it to f, stopping
// at the first error, which names the file and line.
func eachRecord[T any](ctx context.Context, path string, f func(T) error) error {
	file, err := os.Open(path)
	if err != nil {
		return err
	}
	defer file.Close()
	sc := bufio.NewScanner(file)
	sc.Buffer(nil, 64<<20)
	for n := 1; sc.Scan(); n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		var rec T
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
		if err := f(rec); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	return sc.Err()
}

// seedReportChecks scores the seed story: its articles, then its report.
func (m *Main) seedReportChecks(ctx context.Context, store crosscheck.Store, g *eval.SeedGold) ([]eval.Check, error) {
	rg, err := g.ReportGold()
	if err != nil {
		return nil, err
	}
	var checks []eval.Check
	for _, want := range g.Stories {
		st, err := store.Story(ctx, want[0])
		if err != nil {
			return nil, err
		}
		got := slices.Sorted(slices.Values(st.Articles))
		c := eval.Check{Section: "story", Article: st.ID, What: fmt.Sprintf("exactly the %d articles", len(want)),
			Pass: slices.Equal(got, slices.Sorted(slices.Values(want)))}
		if !c.Pass {
			c.Detail = fmt.Sprintf("%v", got)
		}
		checks = append(checks, c)
		r, err := pipeline.StoryReport(ctx, store, want[0])
		if err != nil {
			return nil, err
		}
		checks = append(checks, eval.SeedReport(rg, r)...)
	}
	return checks, nil
}
