// Command crosscheck reads news from many outlets and tells, story by story, what the sources
// agree on, where they contradict each other, who said what, and which articles are copies of
// others. This package only wires the pipeline's packages to the command line.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"golang.org/x/term"

	"github.com/crosscheck/crosscheck"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/postgres"
	"github.com/crosscheck/crosscheck/sqlite"
)

// memoryLimit is the heap size past which the collector works harder. Ingesting allocates fast
// on every core while the live heap stays small; without a limit the runtime holds memory it
// no longer needs. GOMEMLIMIT overrides it.
//
// An ingest of Reuters and the seeds keeps about 108 MB live, so the limit, not GOGC, sets how
// often it collects, and its peak RSS is the limit and about 43 MB that is not Go's heap
// (SQLite's caches, the binary): at 160 MiB it collected 101–113 times, peak RSS 211–218 MB;
// at 170 MiB 79–80 times, 224–228 MB; at 180 MiB 67–71 times, 232–239 MB; at 200 MiB 55–57
// times, 252–258 MB, over the 256 MB it must stay under (RSS in thousands of KiB). 180 MiB
// takes a third of the collections away and leaves at least 17 MB of margin. The URL path's
// and the server's live heaps stay far under any of these, where GOGC decides.
const memoryLimit = 180 << 20

func main() {
	os.Exit(process(NewMain()))
}

// process runs m as the process it is in: its arguments, stopped by an interrupt or SIGTERM.
func process(m *Main) int {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return m.Run(ctx, os.Args[1:])
}

// Main is the program with its environment, so that tests can run it in process.
type Main struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	Now            func() time.Time
	// inputSize is the size of the inputs the running ingest reads, for its progress.
	inputSize int64
	// Terminal reports whether progress may be drawn on Stderr.
	Terminal bool
	// Fetch, when set, is the base of the web client's options (tests shorten its waits).
	Fetch *httpfetch.Options
}

// NewMain returns a Main wired to the process's standard streams and environment.
func NewMain() *Main {
	return &Main{
		Stdin:    os.Stdin,
		Stdout:   os.Stdout,
		Stderr:   os.Stderr,
		Getenv:   os.Getenv,
		Now:      time.Now,
		Terminal: term.IsTerminal(int(os.Stderr.Fd())),
	}
}

// Exit statuses.
const (
	exitOK      = 0
	exitFailed  = 1 // the command failed, or some inputs did
	exitUsage   = 2
	exitMissing = 3 // what was asked for does not exist
)

type command struct {
	name    string
	summary string
	run     func(m *Main, ctx context.Context, args []string) error
}

func commands() []command {
	return []command{
		{"ingest", "read articles from files, directories, JSONL, stdin and URLs into the store", (*Main).ingest},
		{"articles", "list the stored articles", (*Main).articles},
		{"show", "print one article: its clean text, metadata and what cleaning did", (*Main).show},
		{"stories", "list the stories: groups of articles about one event", (*Main).stories},
		{"reanalyze", "clean and analyse stored articles again from their raw bytes", (*Main).reanalyze},
		{"regroup", "group the stored articles into stories again, from nothing", (*Main).regroup},
		{"report", "print a story's agreements, conflicts, quote variants and rewrites", (*Main).report},
		{"failures", "list the inputs that could not be ingested", (*Main).failures},
		{"feeds", "list the followed feeds, follow new ones (feeds add URL|FILE.opml) or stop following one (feeds remove URL|ID)", (*Main).feeds},
		{"follow", "poll the followed feeds and ingest their new items, round after round", (*Main).follow},
		{"eval", "score crosscheck against gold data (seeds, reports, stories, quotes, dates, syntax, mojibake)", (*Main).eval},
		{"serve", "serve the web UI and the JSON API", (*Main).serve},
		{"worker", "take jobs from the store's work queue (PostgreSQL) and run them: many workers share one queue", (*Main).worker},
		{"migrate", "bring a store's schema up to date (SQLite or PostgreSQL)", (*Main).migrate},
		{"demo", "run the pipeline on the demo corpus built into the binary", (*Main).demo},
	}
}

// Run runs one command line and returns the exit status.
func (m *Main) Run(ctx context.Context, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		m.usage(m.Stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(m.Stdout, "crosscheck", version())
		return exitOK
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(m, ctx, args[1:])
		return m.exit(c.name, err)
	}
	fmt.Fprintf(m.Stderr, "crosscheck: unknown command %q\n\n", args[0])
	m.usage(m.Stderr)
	return exitUsage
}

// version names the build: the module's version and, for a build from a checkout, the commit
// and whether the tree had changes.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown build)"
	}
	v, rev, dirty := info.Main.Version, "", ""
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = ", modified"
		}
	}
	if rev != "" {
		v += " (" + rev + dirty + ")"
	}
	return v + " " + info.GoVersion
}

// errUsage marks a command-line mistake; the flag package has already said what it was.
var errUsage = errors.New("usage")

// errSomeFailed is returned when a command did its work but some inputs failed.
type errSomeFailed struct{ n int }

func (e errSomeFailed) Error() string { return fmt.Sprintf("%d input(s) failed", e.n) }

// exit maps an error to a message and an exit status: the one place that does.
func (m *Main) exit(cmd string, err error) int {
	var some errSomeFailed
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.As(err, &some):
		return exitFailed
	case errors.Is(err, crosscheck.ErrNotFound):
		fmt.Fprintf(m.Stderr, "crosscheck %s: %v\n", cmd, err)
		return exitMissing
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(m.Stderr, "crosscheck %s: interrupted; what was stored stays stored, run it again to finish\n", cmd)
		return exitFailed
	}
	if msg := err.Error(); strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database") {
		err = fmt.Errorf("%w (the store is damaged: move it aside or name another with --db)", err)
	}
	fmt.Fprintf(m.Stderr, "crosscheck %s: %v\n", cmd, err)
	return exitFailed
}

func (m *Main) usage(w io.Writer) {
	fmt.Fprintf(w, `crosscheck reads news from many outlets and cleans, stores and cross-checks it.

Usage:
  crosscheck COMMAND [flags] [arguments]

Commands:
`)
	cmds := commands()
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
The store is ./crosscheck.db unless --db PATH or CROSSCHECK_DB names another: a SQLite file,
or a PostgreSQL database as postgres://user@host:port/db.
Run "crosscheck COMMAND --help" for a command's flags and an example.
`)
}

// flags makes a command's flag set with its usage text and example.
func (m *Main) flags(name, args, about, example string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(m.Stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: crosscheck %s %s\n\n%s\n\nFlags:\n", name, args, about)
		fs.PrintDefaults()
		fmt.Fprintf(w, "\nExample:\n%s\n", example)
	}
	return fs
}

// parse parses a command's flags, letting flags and arguments mix in any order.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, err
			}
			return nil, errUsage
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// dbFlag adds --db to a flag set.
func (m *Main) dbFlag(fs *flag.FlagSet) *string {
	def := m.Getenv("CROSSCHECK_DB")
	if def == "" {
		def = "crosscheck.db"
	}
	return fs.String("db", def, "the store: a SQLite file, or a PostgreSQL database as postgres://user@host/db (env CROSSCHECK_DB)")
}

// openStore opens the store dsn names, making it when there is none: a postgres:// URL is a
// PostgreSQL database, anything else a SQLite file. Either has its schema brought up to date.
func openStore(ctx context.Context, dsn string) (crosscheck.Backend, error) {
	if postgres.IsDSN(dsn) {
		return postgres.Open(ctx, dsn)
	}
	return sqlite.Open(ctx, dsn)
}

// open opens the store at path, making it when there is none: for the verbs that write.
func (m *Main) open(ctx context.Context, path string) (crosscheck.Backend, error) {
	return openStore(ctx, path)
}

// parseAndOpen reads the flags of a verb that takes no other arguments and opens the store it
// names with open (openExisting or openWritable).
func (m *Main) parseAndOpen(ctx context.Context, fs *flag.FlagSet, args []string, db *string,
	open func(context.Context, string) (crosscheck.Backend, error)) (crosscheck.Backend, error) {
	if _, err := parse(fs, args); err != nil {
		return nil, err
	}
	return open(ctx, *db) // read after parsing: --db sets it
}

// openWritable opens an existing store for a verb that changes it, and says so when the store
// may only be read.
func (m *Main) openWritable(ctx context.Context, path string) (crosscheck.Backend, error) {
	store, err := m.openExisting(ctx, path)
	if err == nil && store.ReadOnly() {
		store.Close()
		return nil, fmt.Errorf("open store %s: the store is read-only: reading verbs work; this one writes, and needs write access to the file and its folder", path)
	}
	return store, err
}

// openExisting opens the store at path for a verb that only reads: a path that names no file
// is a mistake to say, not an empty store to make.
func (m *Main) openExisting(ctx context.Context, path string) (crosscheck.Backend, error) {
	if postgres.IsDSN(path) {
		return postgres.OpenExisting(ctx, path) // a database that is not there is the server's to say
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("no store at %s (crosscheck ingest --db %s FILE… makes one): %w", path, path, crosscheck.ErrNotFound)
	}
	store, err := sqlite.Open(ctx, path)
	if err != nil && sqlite.IsReadOnly(err) {
		// a store the user may read but not write still answers reading verbs
		ro, roErr := sqlite.OpenReadOnly(ctx, path)
		if roErr == nil {
			return ro, nil
		}
		return nil, roErr // why it cannot be read either ("the store's schema is older …")
	}
	return store, err
}

// truncate shortens s to n runes for a table cell.
func truncate(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
