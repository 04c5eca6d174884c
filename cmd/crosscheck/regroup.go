package main

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/pipeline"
)

func (m *Main) regroup(ctx context.Context, args []string) error {
	fs := m.flags("regroup", "[--db PATH] [--json]",
		`Forgets the store's stories, near-duplicates, story reports and grouping state, and groups
every stored article again, in the order the articles were stored, as ingesting them one
after another into an empty store would. A store whose stories an older version grouped
asks for it ("run crosscheck regroup") before it groups new articles. The work is saved a
few thousand articles at a time: an interrupted regroup is finished by the next ingest or
by running it again.`,
		`  crosscheck regroup --db crosscheck.db`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, `print a JSON summary: {"articles","stories","duplicates","seconds"}`)
	store, err := m.parseAndOpen(ctx, fs, args, db, m.openWritable)
	if err != nil {
		return err
	}
	defer store.Close()
	total, err := store.Count(ctx)
	if err != nil {
		return err
	}
	start := m.Now()
	prog := progress{w: m.Stderr, on: m.Terminal && !*asJSON, start: start, now: m.Now,
		line: func(p *progress, rate float64) string {
			return fmt.Sprintf("regrouping: %d of %d articles, %.0f/s", p.n, total, rate)
		}}
	sum, err := pipeline.Regroup(ctx, store, group.DefaultOptions, func(done int) {
		prog.n = done
		prog.draw()
	})
	prog.clear()
	if err != nil {
		return err
	}
	elapsed := m.Now().Sub(start)
	if *asJSON {
		return newEncoder(m.Stdout).Encode(map[string]any{"articles": sum.Grouped, "stories": sum.NewStories,
			"duplicates": sum.Duplicates, "seconds": elapsed.Seconds()})
	}
	fmt.Fprintf(m.Stdout, "regrouped %d article(s): %d stories started, %d near-duplicates (%s)\n",
		sum.Grouped, sum.NewStories, sum.Duplicates, elapsed.Round(time.Millisecond))
	return nil
}
