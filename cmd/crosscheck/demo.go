package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/ingest"
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
	fmt.Fprintf(m.Stdout, "\nSee every article with: crosscheck show --db STORE ID (run the demo with --db to keep the store).\n")
	return nil
}
