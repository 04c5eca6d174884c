package main

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
)

func (m *Main) demo(ctx context.Context, args []string) error {
	fs := m.flags("demo", "[--db PATH] [--keep DIR]",
		`Runs the whole pipeline on the demo corpus built into the binary: five fictional outlets
covering one fictional event, with the problems of real pages planted in them. It ingests the
corpus into a fresh store (a temporary one unless --db is given) and prints what came out.`,
		`  crosscheck demo
  crosscheck demo --db demo.db && crosscheck articles --db demo.db`)
	db := fs.String("db", "", "keep the demo store in this file (default: a temporary file)")
	keep := fs.String("keep", "", "also write the demo corpus into this directory")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp("", "crosscheck-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	dir := filepath.Join(tmp, "corpus")
	if *keep != "" {
		dir = *keep
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := demo.WriteTo(dir); err != nil {
		return fmt.Errorf("write demo corpus: %w", err)
	}
	path := *db
	if path == "" {
		path = filepath.Join(tmp, "demo.db")
	}
	store, err := m.open(ctx, path)
	if err != nil {
		return err
	}
	defer store.Close()

	fmt.Fprintf(m.Stdout, "Ingesting the demo corpus (%s)…\n", dir)
	if _, err := m.runIngest(ctx, store, ingest.Read(ctx, []string{dir}, ingest.Options{Now: m.Now}), 0, true, outHuman); err != nil {
		return err
	}
	fmt.Fprintln(m.Stdout)
	tw := tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSOURCE\tAUTHOR\tCREDITS\tREMOVED\tREPAIRED\tTITLE")
	for a, err := range store.Articles(ctx) {
		if err != nil {
			return err
		}
		credits := "-"
		if len(a.Credits) > 0 {
			credits = truncate(strings.Join(a.Credits, ", "), 30)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%d\t%s\n", a.ID, orDash(a.Source), orDash(a.Author), credits,
			len(a.Removed), len(a.Repairs), truncate(a.Title, 60))
	}
	tw.Flush()
	fmt.Fprintln(m.Stdout, "\nStories:")
	for st, err := range store.Stories(ctx) {
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "  %s (%d articles): %s\n", st.Title, len(st.Articles), strings.Join(st.Articles, ", "))
	}
	for _, id := range []string{"daily-meridian", "ostmark-today"} {
		a, err := store.Article(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintln(m.Stdout)
		printArticle(m.Stdout, a)
	}
	if err := m.demoReport(ctx, store); err != nil {
		return err
	}
	fmt.Fprintf(m.Stdout, "\nSee every article with: crosscheck show --db STORE ID, and the whole report with crosscheck report --db STORE ID\n(run the demo with --db to keep the store).\n")
	return nil
}

// demoReport ends the demo with the biggest story's report: its conflicts first, each value
// with the outlets that state it, then what else the report holds.
func (m *Main) demoReport(ctx context.Context, store crosscheck.Backend) error {
	var biggest *crosscheck.Story
	for st, err := range store.Stories(ctx) {
		if err != nil {
			return err
		}
		if biggest == nil || len(st.Articles) > len(biggest.Articles) {
			biggest = st
		}
	}
	if biggest == nil {
		return nil
	}
	r, err := pipeline.StoryReport(ctx, store, biggest.ID)
	if err != nil {
		return err
	}
	source := map[string]string{}
	for _, a := range r.Articles {
		source[a.ID] = cmp.Or(a.Source, a.ID)
	}
	fmt.Fprintf(m.Stdout, "\nThe report of %q (%d articles, %d independent reports):\n", r.Story.Title, r.Story.Articles, r.Story.Independent)
	agree := 0
	for _, f := range r.Facts {
		if f.Verdict != "conflict" {
			agree++
			continue
		}
		var sides []string
		for _, v := range f.Values {
			var outlets []string
			for _, a := range v.Articles {
				outlets = append(outlets, source[a])
			}
			sides = append(sides, fmt.Sprintf("%s (%s)", v.Value, strings.Join(outlets, ", ")))
		}
		fmt.Fprintf(m.Stdout, "  conflict: %s: %s\n", f.Subject, strings.Join(sides, " against "))
	}
	fmt.Fprintf(m.Stdout, "  %d agreements, %d quotes as several outlets printed them, %d derived articles\n", agree, len(r.Quotes), len(r.Derived))
	return nil
}
