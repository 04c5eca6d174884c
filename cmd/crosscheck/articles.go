package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck/crosscheck"
)

// articleJSON is an article as `articles --json` prints it (the contract in DESIGN.md, plus
// the fields after text).
type articleJSON struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	Author    string   `json:"author"`
	Published string   `json:"published"`
	Source    string   `json:"source"`
	URL       string   `json:"url"`
	Credits   []string `json:"credits"`
	Language  string   `json:"language"`
	Text      string   `json:"text"`
	Revision  int      `json:"revision"`
	Site      string   `json:"site,omitempty"`
	Modified  string   `json:"modified,omitempty"`
	Input     string   `json:"input"`
	Hash      string   `json:"hash"`
	// with --full: what analysis found
	Sentences *[]crosscheck.Span   `json:"sentences,omitempty"`
	Tokens    *[]crosscheck.Span   `json:"tokens,omitempty"`
	Entities  *[]crosscheck.Entity `json:"entities,omitempty"`
	Quotes    *[]crosscheck.Quote  `json:"quotes,omitempty"`
	Numbers   *[]crosscheck.Number `json:"numbers,omitempty"`
	Dates     *[]crosscheck.Date   `json:"dates,omitempty"`
}

// withAnalysis adds what analysis found to an article's JSON.
func (j *articleJSON) withAnalysis(a *crosscheck.Article, tokens bool) {
	s, e, q, n, d := orEmpty(a.Sentences), orEmpty(a.Entities), orEmpty(a.Quotes), orEmpty(a.Numbers), orEmpty(a.Dates)
	j.Sentences, j.Entities, j.Quotes, j.Numbers, j.Dates = &s, &e, &q, &n, &d
	if tokens {
		t := orEmpty(a.Tokens)
		j.Tokens = &t
	}
}

func toJSON(a *crosscheck.Article) articleJSON {
	credits := a.Credits
	if credits == nil {
		credits = []string{}
	}
	return articleJSON{ID: a.ID, Title: a.Title, Author: a.Author, Published: a.Published,
		Source: a.Source, URL: a.URL, Credits: credits, Language: a.Language, Text: a.Text,
		Revision: a.Revision, Site: a.Site, Modified: a.Modified, Input: a.Input, Hash: a.Hash}
}

func newEncoder(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

// listing prints records as JSON Lines for machines, or as a table under a header for people.
type listing struct {
	json bool
	enc  *json.Encoder
	tw   *tabwriter.Writer
}

func (m *Main) newListing(asJSON bool, header ...string) *listing {
	l := &listing{json: asJSON, enc: newEncoder(m.Stdout)}
	if !asJSON {
		l.tw = tabwriter.NewWriter(m.Stdout, 2, 4, 2, ' ', 0)
		fmt.Fprintln(l.tw, strings.Join(header, "\t"))
	}
	return l
}

// record prints v as one JSON line.
func (l *listing) record(v any) error { return l.enc.Encode(v) }

// row prints one row of the table.
func (l *listing) row(cells ...any) {
	for i, c := range cells {
		if i > 0 {
			fmt.Fprint(l.tw, "\t")
		}
		fmt.Fprint(l.tw, c)
	}
	fmt.Fprintln(l.tw)
}

// flush ends the table.
func (l *listing) flush() error {
	if l.tw == nil {
		return nil
	}
	return l.tw.Flush()
}

func (m *Main) articles(ctx context.Context, args []string) error {
	fs := m.flags("articles", "[--json]", "Lists the stored articles, latest revision of each, ordered by id.",
		`  crosscheck articles
  crosscheck articles --json | jq -r .title`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print JSON Lines: {id,title,author,published,source,url,credits,language,text,…}")
	full := fs.Bool("full", false, `with --json, add what analysis found, with byte offsets into text: "sentences" [[start,end]], "entities" [{name,kind,aliases,roles,mentions}], "quotes" [{text,start,end,cue,speaker,speaker_mention,…}], "numbers" [{text,start,end,value,unit,counted,approx}], "dates" [{text,start,end,value,type}]`)
	tokens := fs.Bool("tokens", false, `with --full, add "tokens" [[start,end]]`)
	store, err := m.parseAndOpen(ctx, fs, args, db, m.openExisting)
	if err != nil {
		return err
	}
	defer store.Close()
	l := m.newListing(*asJSON, "ID", "PUBLISHED", "SOURCE", "LANG", "WORDS", "TITLE")
	for a, err := range store.Articles(ctx) {
		if err != nil {
			return err
		}
		if l.json {
			j := toJSON(a)
			if *full {
				j.withAnalysis(a, *tokens)
			}
			if err := l.record(j); err != nil {
				return err
			}
			continue
		}
		l.row(a.ID, orDash(a.Published), orDash(truncate(a.Source, 24)), orDash(a.Language), len(strings.Fields(a.Text)), truncate(a.Title, 70))
	}
	return l.flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// showJSON is an article as `show --json` prints it: everything crosscheck knows of it.
type showJSON struct {
	articleJSON
	Format  crosscheck.Format    `json:"format"`
	Fetched string               `json:"fetched"`
	Meta    crosscheck.Meta      `json:"meta"`
	Removed []crosscheck.Removal `json:"removed"`
	Repairs []crosscheck.Repair  `json:"repairs"`
	Offsets crosscheck.OffsetMap `json:"offsets"`
}

func (m *Main) show(ctx context.Context, args []string) error {
	fs := m.flags("show", "[--json] [--raw] ID", `Prints one article: metadata, clean text, and what cleaning removed or repaired.
--raw prints the source bytes as they were ingested.`,
		`  crosscheck show 001_4ca82ed4cbe05626
  crosscheck show --json 001_4ca82ed4cbe05626 | jq .repairs`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, "print the article as JSON, with removals, repairs and the offset map")
	raw := fs.Bool("raw", false, "print the raw source bytes")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		fmt.Fprintln(m.Stderr, "crosscheck show: name one article id (see crosscheck articles)")
		return errUsage
	}
	store, err := m.openExisting(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	if *raw {
		b, err := store.Raw(ctx, ids[0])
		if err != nil {
			return err
		}
		_, err = m.Stdout.Write(b)
		return err
	}
	a, err := store.Article(ctx, ids[0])
	if err != nil {
		return err
	}
	if *asJSON {
		return newEncoder(m.Stdout).Encode(showJSON{articleJSON: toJSON(a), Format: a.Format,
			Fetched: a.Fetched.UTC().Format("2006-01-02T15:04:05Z"), Meta: a.Meta,
			Removed: orEmpty(a.Removed), Repairs: orEmpty(a.Repairs), Offsets: orEmpty(a.Offsets)})
	}
	printArticle(m.Stdout, a)
	return nil
}

func orEmpty[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// printArticle writes an article for a person to read.
func printArticle(w io.Writer, a *crosscheck.Article) {
	fmt.Fprintf(w, "%s\n%s\n", a.Title, strings.Repeat("=", min(len([]rune(a.Title)), 78)))
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	for _, f := range [][2]string{
		{"id", fmt.Sprintf("%s (revision %d)", a.ID, a.Revision)},
		{"author", a.Author}, {"published", a.Published}, {"modified", a.Modified},
		{"source", a.Source}, {"site", a.Site}, {"url", a.URL},
		{"credits", strings.Join(a.Credits, ", ")}, {"language", a.Language}, {"input", a.Input},
	} {
		if f[1] != "" {
			fmt.Fprintf(tw, "%s:\t%s\n", f[0], f[1])
		}
	}
	tw.Flush()
	fmt.Fprintf(w, "\n%s\n", a.Text)
	if len(a.Removed) > 0 {
		fmt.Fprintf(w, "\nRemoved by cleaning:\n")
		for _, r := range a.Removed {
			fmt.Fprintf(w, "  - [%s] %s\n", r.Rule, truncate(r.Text, 90))
		}
	}
	if len(a.Quotes) > 0 {
		fmt.Fprintf(w, "\nQuotes:\n")
		for _, q := range a.Quotes {
			speaker := q.Speaker
			if speaker == "" {
				speaker = "(unknown)"
			}
			fmt.Fprintf(w, "  - %s: “%s” [%s]\n", speaker, truncate(q.Text, 100), q.Rule)
		}
	}
	if len(a.Numbers) > 0 {
		fmt.Fprintf(w, "\nNumbers:\n")
		for _, n := range a.Numbers {
			what := strings.TrimSpace(n.Unit + " " + n.Counted)
			fmt.Fprintf(w, "  - %s → %g %s\n", n.Text, n.Value, what)
		}
	}
	if len(a.Repairs) > 0 {
		fmt.Fprintf(w, "\nRepaired:\n")
		for _, r := range a.Repairs {
			fmt.Fprintf(w, "  - [%s] %q → %q\n", r.Rule, r.From, r.To)
		}
	}
}

func (m *Main) failures(ctx context.Context, args []string) error {
	fs := m.flags("failures", "[--json] [--clear-jobs]", `Lists the inputs that could not be ingested, oldest first. On a store with a
work queue (PostgreSQL), a job given up on stays on the queue beside its failure until
--clear-jobs deletes the given-up jobs; their failures stay listed.`,
		`  crosscheck failures
  crosscheck failures --db postgres://crosscheck@db.example.org/news --clear-jobs`)
	db := m.dbFlag(fs)
	asJSON := fs.Bool("json", false, `print JSON Lines: {"input","error","at"}`)
	clearJobs := fs.Bool("clear-jobs", false, "delete the jobs given up on from the work queue, then list")
	store, err := m.parseAndOpen(ctx, fs, args, db, m.openExisting)
	if err != nil {
		return err
	}
	defer store.Close()
	if *clearJobs {
		if err := m.clearDeadJobs(ctx, store, *db); err != nil {
			return err
		}
	}
	enc := newEncoder(m.Stdout)
	for f, err := range store.Failures(ctx) {
		if err != nil {
			return err
		}
		if *asJSON {
			enc.Encode(f)
			continue
		}
		fmt.Fprintf(m.Stdout, "%s  %s: %s\n", f.At, f.Input, f.Error)
	}
	return nil
}
