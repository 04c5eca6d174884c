package main

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/pipeline"
)

func (m *Main) reanalyze(ctx context.Context, args []string) error {
	fs := m.flags("reanalyze", "[--db PATH] [--json] [ID…]",
		`Cleans and analyses stored articles again from the raw bytes they were ingested with, so
that articles stored by an earlier version get this version's cleaning, quotes, numbers,
entities and dates (ingesting the same bytes again says "unchanged" and does nothing). With
IDs, only those articles; else all of them. Each article is replaced in place (the same
revision) in a transaction of its own, and its story's report is made again when next asked
for; an article that fails to extract keeps its stored version and is reported.`,
		`  crosscheck reanalyze --db crosscheck.db
  crosscheck reanalyze --db crosscheck.db 000_6f7de8062ea9ba3a 001_4ca82ed4cbe05626`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, `print a JSON summary: {"articles","failed","seconds"}`)
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	store, err := m.openWritable(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	// reanalysis rewrites articles in place: not into a store whose pages are damaged
	if err := store.QuickCheck(ctx); err != nil {
		return fmt.Errorf("the store %s is damaged (%v): nothing was written; move it aside or restore a copy", *db, err)
	}
	start := m.Now()
	prog := progress{w: m.Stderr, on: m.Terminal && !*asJSON, start: start, now: m.Now,
		line: func(p *progress, rate float64) string {
			return fmt.Sprintf("reanalyzing: %d done, %d failed, %.0f/s", p.a, p.f, rate)
		}}
	sum, err := pipeline.Reanalyze(ctx, store, ids, pipeline.ReanalyzeOptions{
		Workers: *workers,
		Progress: func(done, failed int) {
			prog.n, prog.a, prog.f = done, done-failed, failed
			prog.draw()
		},
		Failed: func(id string, err error) {
			prog.clear()
			if id == "" {
				fmt.Fprintf(m.Stderr, "crosscheck reanalyze: %v\n", err)
			} else {
				fmt.Fprintf(m.Stderr, "crosscheck reanalyze: %s: %v (the stored version stays)\n", id, err)
			}
		},
	})
	prog.clear()
	elapsed := m.Now().Sub(start)
	if *asJSON {
		newEncoder(m.Stdout).Encode(map[string]any{"articles": sum.Articles, "failed": sum.Failed, "seconds": elapsed.Seconds()})
	} else {
		fmt.Fprintf(m.Stdout, "%d articles reanalyzed, %d failed (%s)\n", sum.Articles, sum.Failed, elapsed.Round(time.Millisecond))
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errSomeFailed{sum.Failed}
	}
	return nil
}
