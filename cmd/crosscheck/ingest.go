package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/crosscheck/crosscheck"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/postgres"
)

func (m *Main) ingest(ctx context.Context, args []string) error {
	fs := m.flags("ingest", "[--manifest FILE] [--json] [--allow-private] [--follow-links] [--reports] [--enqueue] PATH… | URL… | -",
		`Reads articles and stores them cleaned. PATH is a .txt file (first line: title), an HTML
page, a JSONL file of records (id, title, text, date, source, url; .jsonl or .jsonl.gz), or a
directory, read recursively (a manifest.jsonl inside it gives its files' metadata; a link to
something outside it is not followed unless --follow-links). "-" reads standard input. A file's
id is its path inside the directory given, or its name when named directly. An http(s) URL is
fetched (robots.txt honoured, a conditional GET when it was fetched before); addresses on
loopback, private and link-local networks are refused unless --allow-private. Ingesting the
same bytes again changes nothing; a changed version of an id is kept as a new revision. A bad
input is reported and skipped; the exit status is 1 when any input failed. With --enqueue (a
PostgreSQL store) the work is put on the store's queue for crosscheck worker instead, and
ingest returns: files are read now and carried in the jobs, URLs are fetched by the workers.`,
		`  crosscheck ingest --manifest ../shared/corpus/seeds/manifest.jsonl ../shared/corpus/seeds
  crosscheck ingest --json ../shared/corpus/ecbplus/docs.jsonl
  crosscheck ingest https://example.org/news/2026/12/01/dam-talks.html story.txt
  curl -s https://example.org/news.html | crosscheck ingest -
  crosscheck ingest --db postgres://crosscheck@db.example.org/news --enqueue ../shared/corpus/seeds`)
	db := m.dbFlag(fs)
	manifestPath := fs.String("manifest", "", "a JSONL file of {id, file, published, source, url} for plain files")
	asJSON := fs.Bool("json", false, `print one JSON line per input: {"input","id","status","error"}`)
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	maxSize := fs.Int64("max-size", ingest.DefaultMaxFileSize, "the largest single-article file to read, in bytes")
	followLinks := fs.Bool("follow-links", false, "in a directory, read what a link points to outside it too")
	reports := fs.Bool("reports", false, "also make the reports of the stories that changed, so that a server over the store has them at once")
	allowPrivate := fs.Bool("allow-private", false, "fetch URLs on loopback, private and link-local addresses (intranets, tests)")
	enqueue := fs.Bool("enqueue", false, "put the work on the store's queue for crosscheck worker and return (PostgreSQL); with --json, a line per input: {\"input\",\"status\",\"job\"}")
	nice := niceFlag(fs)
	paths, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := beNice(*nice, *db, m.Stderr); err != nil {
		return err
	}
	if len(paths) == 0 {
		fmt.Fprintln(m.Stderr, "crosscheck ingest: name at least one file, directory or - (see --help)")
		return errUsage
	}
	if *enqueue && !postgres.IsDSN(*db) {
		return errNoQueue(*db)
	}
	opts := ingest.Options{MaxFileSize: *maxSize, Stdin: m.Stdin, Now: m.Now, FollowLinks: *followLinks, ListSkipped: true}
	if *manifestPath != "" {
		man, err := ingest.LoadManifest(*manifestPath)
		if err != nil {
			return fmt.Errorf("manifest: %w", err)
		}
		opts.Manifest = man
	}
	if path := m.Getenv("CROSSCHECK_CPUPROFILE"); path != "" {
		stop, err := cpuProfile(path)
		if err != nil {
			return err
		}
		defer stop()
	}
	store, err := m.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	opts.Holder = ingest.HolderIn(store)
	if *enqueue {
		return m.enqueue(ctx, store, *db, paths, opts, *reports, *asJSON)
	}
	if anyURL(paths) {
		p := &pages{client: httpfetch.New(m.fetchOptions(*allowPrivate)), store: store}
		var stop func()
		opts.Fetch, stop = p.ahead(ctx, paths)
		defer stop()
		defer m.fetchProcs()()
	}
	out := outHuman
	if *asJSON {
		out = outJSON
	}
	m.inputSize = inputSize(paths)
	sum, err := m.runIngest(ctx, store, ingest.Read(ctx, paths, opts), *workers, *reports, out)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errSomeFailed{sum.Failed}
	}
	return nil
}

// cpuProfile writes the processor profile of the rest of the run to path (CROSSCHECK_CPUPROFILE),
// for go tool pprof; stop ends it.
func cpuProfile(path string) (stop func(), err error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("CROSSCHECK_CPUPROFILE: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("CROSSCHECK_CPUPROFILE: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// output says what runIngest prints.
type output int

const (
	outHuman output = iota // failures as they come, progress on a terminal, a summary
	outJSON                // one JSON line per input
	outQuiet               // failures only
)

// runIngest runs the pipeline and prints what out asks for.
func (m *Main) runIngest(ctx context.Context, store crosscheck.Store, items func(func(ingest.Item) bool), workers int, reports bool, out output) (pipeline.Summary, error) {
	start := m.Now()
	asJSON := out == outJSON
	prog := progress{w: m.Stderr, on: m.Terminal && out == outHuman, start: start, now: m.Now, total: m.inputSize}
	enc := json.NewEncoder(m.Stdout)
	enc.SetEscapeHTML(false)
	report := func(r pipeline.Result) {
		prog.count(r)
		prog.read = r.Read
		switch {
		case asJSON:
			enc.Encode(r)
		case r.Status == crosscheck.StatusError:
			prog.clear()
			fmt.Fprintf(m.Stderr, "crosscheck ingest: %s: %s\n", r.Input, r.Error)
		case len(r.Warnings) > 0:
			prog.clear()
			for _, w := range r.Warnings {
				fmt.Fprintf(m.Stderr, "crosscheck ingest: warning: %s: %s\n", r.Input, w)
			}
		}
		prog.draw()
	}
	groupOpts := group.DefaultOptions
	sum, err := pipeline.Run(ctx, items, store, pipeline.Options{Workers: workers, Report: report, Group: &groupOpts, Reports: reports})
	prog.clear()
	grouped := sum.Groups
	if out == outHuman {
		elapsed := m.Now().Sub(start)
		n := sum.Added + sum.Unchanged + sum.Failed // the skipped files are not inputs
		rate := ""
		if elapsed > 0 && n > 0 {
			rate = fmt.Sprintf(", %.0f/s", float64(n)/elapsed.Seconds())
		}
		fmt.Fprintf(m.Stdout, "%d inputs: %d added, %d unchanged, %d failed (%s%s)\n",
			n, sum.Added, sum.Unchanged, sum.Failed, elapsed.Round(time.Millisecond), rate)
		if sum.Skipped > 0 {
			fmt.Fprintf(m.Stdout, "%d file(s) in the folders skipped:\n", sum.Skipped)
			for i, r := range sum.FirstSkipped {
				if i == 10 {
					fmt.Fprintf(m.Stdout, "  and %d more (--json lists each)\n", sum.Skipped-10)
					break
				}
				fmt.Fprintf(m.Stdout, "  %s: %s\n", r.Input, r.Reason)
			}
		}
		if grouped.Grouped > 0 {
			fmt.Fprintf(m.Stdout, "grouped %d article(s): %d new stories, %d near-duplicates", grouped.Grouped, grouped.NewStories, grouped.Duplicates)
			if grouped.Moved > 0 {
				fmt.Fprintf(m.Stdout, ", %d moved by splits", grouped.Moved)
			}
			if sum.Reports > 0 {
				fmt.Fprintf(m.Stdout, ", %d story reports made", sum.Reports)
			}
			fmt.Fprintln(m.Stdout)
		}
	}
	return sum, err
}

// progress draws a one-line counter on a terminal, at most ten times a second.
type progress struct {
	w          io.Writer
	on         bool
	start      time.Time
	last       time.Time
	now        func() time.Time
	n, a, u, f int
	read       int64 // bytes of the inputs read, of total when that is known (else 0)
	total      int64
	drawn      bool
	// line, when set, writes the counter in place of the ingest counter.
	line func(p *progress, rate float64) string
}

func (p *progress) count(r pipeline.Result) {
	p.n++
	switch r.Status {
	case crosscheck.StatusAdded:
		p.a++
	case crosscheck.StatusUnchanged:
		p.u++
	case crosscheck.StatusSkipped:
		p.n-- // not an input
	default:
		p.n += max(1, r.Records) - 1
		p.f += max(1, r.Records)
	}
}

func (p *progress) draw() {
	if !p.on {
		return
	}
	now := p.now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	rate := float64(p.n) / now.Sub(p.start).Seconds()
	if p.line != nil {
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(p, rate))
	} else {
		fmt.Fprintf(p.w, "\r\033[Kingesting: %d read, %d added, %d unchanged, %d failed, %.0f/s%s", p.n, p.a, p.u, p.f, rate, p.left(now))
	}
	p.drawn = true
}

// left says how far through the inputs' bytes the run is and the time left, when their size
// is known.
func (p *progress) left(now time.Time) string {
	if p.total <= 0 || p.read <= 0 {
		return ""
	}
	done := min(1, float64(p.read)/float64(p.total))
	s := fmt.Sprintf(", %.0f%%", 100*done)
	if elapsed := now.Sub(p.start); done > 0.01 && done < 1 {
		s += fmt.Sprintf(", %s left", (time.Duration(float64(elapsed) * (1 - done) / done)).Round(time.Second))
	}
	return s
}

// inputSize is the size of the inputs on disk: files, and the files a folder holds; 0 when
// standard input is one of them, since its size is not known.
func inputSize(paths []string) int64 {
	var total int64
	for _, p := range paths {
		if p == "-" {
			return 0
		}
		filepath.WalkDir(p, func(_ string, d fs.DirEntry, err error) error {
			if err == nil && d.Type().IsRegular() {
				if info, err := d.Info(); err == nil {
					total += info.Size()
				}
			}
			return nil
		})
	}
	return total
}

func (p *progress) clear() {
	if p.drawn {
		fmt.Fprint(p.w, "\r\033[K")
		p.drawn = false
	}
}
