// Package pipeline runs documents through extraction into a store: it reads from an ingest
// stream, extracts on every core, and writes in input order in batches, each batch atomic. It
// holds a bounded window of documents in memory whatever the size of the stream, and a bad
// document becomes a reported, stored failure while the rest of the stream goes on.
package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"runtime/pprof"
	"sort"
	"strings"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"golang.org/x/sync/semaphore"
)

// Result is what became of one input.
type Result struct {
	Input    string                  `json:"input"`
	ID       string                  `json:"id,omitempty"`
	Status   crosscheck.IngestStatus `json:"status"`
	Revision int                     `json:"revision,omitempty"`
	Error    string                  `json:"error,omitempty"`
	Reason   string                  `json:"reason,omitempty"`   // why a skipped file was passed over
	Warnings []string                `json:"warnings,omitempty"` // what was refused or cut in a stored article ("published-unreadable: 31/31/2020")
	Read     int64                   `json:"-"`                  // the bytes of the inputs read when this input was (ingest.Item.Read)
	Records  int                     `json:"records,omitempty"`  // the failed records this result stands for, when more than one (ingest.Item.Records)
}

// Options tune a run.
type Options struct {
	Workers   int // extraction goroutines; 0 for one per core
	BatchSize int // articles per store transaction; 0 for DefaultBatchSize
	Extract   extract.Options
	// Group, when set, places every new article in a story as it is stored, after placing
	// the stored articles an earlier run left unplaced.
	Group *group.Options
	// Report is called with each input's result, in input order, after its batch is stored.
	Report func(Result)
	// Reports, with Group, makes and stores the reports of the stories the run changed, once
	// it has grouped, so that a server over the store reads them instead of making them.
	Reports bool
}

// DefaultBatchSize is how many articles one store transaction holds: large enough that commits
// cost little per article, small enough that a crash loses little work.
const DefaultBatchSize = 256

// window is how many documents may be in flight between reading and storing, and
// windowBytes how many bytes of them (a document weighs its raw bytes, windowBytes at most):
// enough documents that the workers go on through a grouping save, which holds the store's
// write lock for about a second at a time while the writer waits for it, and few enough bytes
// that large pages do not fill memory.
const window = 1024

var windowBytes int64 = 64 << 20 // a variable for the tests

// weight is what a document of the item weighs in the window.
func weight(it ingest.Item) int64 {
	if it.Doc == nil {
		return 1
	}
	return min(max(int64(len(it.Doc.Raw)), 1), windowBytes)
}

// queued is how many read documents wait for a worker: enough that the workers go on while a
// fetched page is slow to come, so that no core waits on another stage.
const queued = 64

// Summary counts a run's results.
type Summary struct {
	Added, Unchanged, Failed int // Failed counts the failed records, also those told in one result (Result.Records)
	Groups                   GroupSummary
	Reports                  int      // story reports made (Options.Reports)
	Skipped                  int      // files of folders passed over
	FirstSkipped             []Result // the first maxListedSkips of them, with why
}

// maxListedSkips bounds the skipped files a summary lists.
const maxListedSkips = 100

type job struct {
	seq    int
	item   ingest.Item
	weight int64 // what it weighs in the window
	// stored is the hash of the latest stored revision of the item's article ("" when there is
	// none), when looked is set (see lookUpSeen)
	stored string
	looked bool
}

type done struct {
	seq     int
	weight  int64 // what its document weighed in the window
	read    int64
	records int    // the failed records the item stands for (ingest.Item.Records)
	skipped string // why a file of a folder was passed over (ingest.Item.Skipped)
	entry   crosscheck.Entry
	place   *placing // what grouping reads of the article, when the run groups
	// skip is set when the document is already stored as it is.
	skip bool
}

// Run ingests every item of the stream into store.
func Run(ctx context.Context, items iter.Seq[ingest.Item], store crosscheck.Store, opts Options) (Summary, error) {
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	if opts.BatchSize <= 0 {
		opts.BatchSize = DefaultBatchSize
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	jobs := make(chan job, queued)
	results := make(chan done, window) // what the window holds: the workers go on while the writer waits
	docs, bytes := semaphore.NewWeighted(window), semaphore.NewWeighted(windowBytes)

	go stage("read", func() {
		defer close(jobs)
		seq := 0
		for it := range items {
			w := weight(it)
			if docs.Acquire(ctx, 1) != nil || bytes.Acquire(ctx, w) != nil {
				return
			}
			select {
			case jobs <- job{seq: seq, item: it, weight: w}:
			case <-ctx.Done():
				return
			}
			seq++
		}
	})

	// before the workers start: they read opts
	if opts.Extract.Repeated == nil {
		opts.Extract.Repeated = learned(ctx, store)
	}
	looked := lookUpSeen(ctx, store, jobs)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go stage("analysis", func() {
			defer wg.Done()
			for j := range looked {
				select {
				case results <- work(ctx, store, j, opts.Extract, opts.Group != nil):
				case <-ctx.Done():
					return
				}
			}
		})
	}
	go func() { wg.Wait(); close(results) }()

	w := writer{store: store, opts: opts, touched: map[string]bool{}, index: startIndexer(ctx, store)}
	defer w.index.stop()
	var g *grouper
	var grouped chan *placing
	groupDone := make(chan struct{})
	stored := false // every article of the stream is stored: set before grouped is closed
	if opts.Group != nil {
		var err error
		if g, err = newGrouper(ctx, store, *opts.Group); err != nil {
			return w.sum, err
		}
		if err := g.catchUp(ctx); err != nil {
			return w.sum, err
		}
		grouped = make(chan *placing, window)
		w.grouped = grouped
		in := grouped // finish sets grouped to nil: the stage ranges over its own copy
		go stage("group", func() {
			defer close(groupDone)
			for a := range in {
				g.add(a)
			}
			if stored && g.err == nil {
				// the last save begins as the last article is placed, beside the rest of
				// the writer's work
				g.err = g.start(ctx)
			}
			g.wait() // the save in flight ends with the stage; its error is the grouper's
		})
	} else {
		close(groupDone)
	}
	finish := func() {
		if grouped != nil {
			close(grouped)
			grouped = nil
		}
		<-groupDone
	}
	defer finish()
	// the stages are named in a processor profile (go tool pprof -tags): "read", "seen",
	// "analysis", "group", "group save", "search index", "write", and "finish" for what
	// follows the stream
	defer pprof.SetGoroutineLabels(ctx)
	pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("stage", "write")))
	pending := map[int]done{}
	next := 0
	for d := range results {
		pending[d.seq] = d
		for {
			d, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			docs.Release(1)
			bytes.Release(d.weight)
			if err := w.add(ctx, d); err != nil {
				return w.sum, err
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return w.sum, err
	}
	pprof.SetGoroutineLabels(pprof.WithLabels(ctx, pprof.Labels("stage", "finish")))
	if err := w.flush(ctx); err != nil {
		return w.sum, err
	}
	if grouped != nil {
		stored = true
		close(grouped)
		grouped = nil
	}
	if err := relearn(ctx, store, w.touched); err != nil {
		return w.sum, err
	}
	if err := w.index.stop(); err != nil {
		return w.sum, err
	}
	if err := indexSearch(ctx, store); err != nil {
		return w.sum, err
	}
	finish()
	if g != nil {
		err := g.save(ctx)
		w.sum.Groups = g.sum
		if errors.Is(err, crosscheck.ErrConflict) {
			// another process grouped meanwhile: group again from what it saved
			w.sum.Groups, err = Group(ctx, store, *opts.Group)
		}
		if err == nil && opts.Reports {
			// the writer makes the reports of the stories it changed, so that readers only read
			w.sum.Reports, err = MakeReports(ctx, store, w.sum.Groups.Stories, opts.Workers)
		}
		return w.sum, err
	}
	return w.sum, nil
}

// stage runs f as a stage of the pipeline, named in a processor profile.
func stage(name string, f func()) {
	pprof.Do(context.Background(), pprof.Labels("stage", name), func(context.Context) { f() })
}

// searchIndex is a store with a full-text index that the writer brings up to date.
type searchIndex interface {
	IndexSearch(context.Context) error
}

// indexSearch brings a store's full-text index up to date, where it has one: the writer does
// it as a run is stored (see indexer) and once it is, so that searching only reads.
func indexSearch(ctx context.Context, store crosscheck.Store) error {
	if ix, ok := store.(searchIndex); ok {
		return ix.IndexSearch(ctx)
	}
	return nil
}

// indexEvery is how many articles the writer stores between two updates of the search index
// beside the stream: the index of a run is then made while it reads and extracts, on the core
// the extraction leaves, instead of all after it. A few thousand articles make one segment of
// the index each (see migration 017).
var indexEvery = 4096 // a variable for the tests

// An indexer brings a store's search index up to date in a goroutine of its own when the
// writer wakes it, taking its turn at the store's write lock between the writer's batches.
// It is nil for a store without a search index.
type indexer struct {
	wake    chan struct{}
	done    chan struct{}
	err     error // set before done is closed
	stopped bool
}

func startIndexer(ctx context.Context, store crosscheck.Store) *indexer {
	ix, ok := store.(searchIndex)
	if !ok {
		return nil
	}
	x := &indexer{wake: make(chan struct{}, 1), done: make(chan struct{})}
	go stage("search index", func() {
		defer close(x.done)
		for range x.wake {
			// a run that ends first leaves the rest of the index to the next run
			if x.err = ix.IndexSearch(ctx); x.err != nil {
				return
			}
		}
	})
	return x
}

// poke asks for an update of the index without waiting for it; an update asked for while one
// runs follows it.
func (x *indexer) poke() {
	if x == nil || x.stopped {
		return
	}
	select {
	case x.wake <- struct{}{}:
	default:
	}
}

// stop waits for the update in progress, if any, and returns the first error of the updates.
func (x *indexer) stop() error {
	if x == nil {
		return nil
	}
	if !x.stopped {
		x.stopped = true
		close(x.wake)
	}
	<-x.done
	return x.err
}

// learned returns the Repeated function extraction uses: the boilerplate each source had when
// the run began, so that every article of a run is cleaned alike whatever the order the
// workers finish in. relearn brings the store up to date after the run.
func learned(ctx context.Context, store crosscheck.Store) func(source, folded string) bool {
	var mu sync.Mutex
	cache := map[string]map[int64]bool{}
	return func(source, folded string) bool {
		mu.Lock()
		set, ok := cache[source]
		if !ok {
			set, _ = store.Boilerplate(ctx, source)
			cache[source] = set
		}
		mu.Unlock()
		return set[crosscheck.LineHash(folded)]
	}
}

// relearn recomputes the boilerplate of every source a run added to and, where it changed,
// cleans again the source's articles that carry a line that entered or left it.
func relearn(ctx context.Context, store crosscheck.Store, touched map[string]bool) error {
	sources := make([]string, 0, len(touched))
	for s := range touched {
		sources = append(sources, s)
	}
	sort.Strings(sources)
	for _, source := range sources {
		before, err := store.Boilerplate(ctx, source)
		if err != nil {
			return err
		}
		after, changed, err := store.Relearn(ctx, source)
		if err != nil {
			return err
		}
		if !changed {
			continue
		}
		diff := map[int64]bool{}
		for h := range before {
			diff[h] = diff[h] || !after[h]
		}
		for h := range after {
			diff[h] = diff[h] || !before[h]
		}
		opts := extract.Options{Repeated: func(_, folded string) bool { return after[crosscheck.LineHash(folded)] }}
		for doc, err := range store.SourceDocuments(ctx, source, diff) {
			if err != nil {
				return err
			}
			a, err := extractSafely(doc, opts)
			if err != nil {
				continue // it extracted before; a failure now leaves the stored version
			}
			if err := store.Reclean(ctx, a); err != nil {
				return err
			}
		}
	}
	return nil
}

// warnings lists what extraction refused or cut in an article and says on it: dates it would
// not take as the publication date and the bounds of what it read.
func warnings(a *crosscheck.Article) []string {
	var out []string
	for _, r := range a.Removed {
		if strings.HasPrefix(r.Rule, "published-") || strings.HasPrefix(r.Rule, "modified-") || strings.HasSuffix(r.Rule, "-bound") {
			out = append(out, r.Rule+": "+r.Text)
		}
	}
	return out
}

// extractSafely extracts one document; a panic in extraction is a failure of that document
// only.
func extractSafely(doc *crosscheck.Document, opts extract.Options) (a *crosscheck.Article, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("internal error in extraction: %v", p)
		}
	}()
	return extract.Article(doc, opts)
}

// work extracts one document, unless the store has it already, and makes what grouping reads
// of it when the run groups.
func work(ctx context.Context, store crosscheck.Store, j job, opts extract.Options, grouping bool) (d done) {
	d.seq, d.weight = j.seq, j.weight
	it := j.item
	d.read, d.records = it.Read, it.Records
	if it.Skipped != "" {
		d.entry, d.skipped, d.skip = crosscheck.Entry{Input: it.Input}, it.Skipped, true
		return d
	}
	if it.Err != nil {
		d.entry = crosscheck.Entry{Input: it.Input, Err: it.Err}
		return d
	}
	if seenBefore(ctx, store, j) {
		d.entry = crosscheck.Entry{Input: it.Input, Doc: it.Doc}
		d.skip = true
		return d
	}
	a, err := extractSafely(it.Doc, opts)
	if err != nil {
		d.entry = crosscheck.Entry{Input: it.Input, Doc: it.Doc, Err: err}
		return d
	}
	d.entry = crosscheck.Entry{Input: it.Input, Doc: it.Doc, Article: a}
	if grouping {
		d.place = placingOf(a)
	}
	return d
}

// writer batches entries into store transactions and reports results in order.
type writer struct {
	store   crosscheck.Store
	opts    Options
	batch   []done
	sum     Summary
	touched map[string]bool // sources that gained an article
	grouped chan<- *placing
	index   *indexer
	// unindexed counts the articles stored since the indexer was last woken
	unindexed int
}

func (w *writer) add(ctx context.Context, d done) error {
	w.batch = append(w.batch, d)
	if len(w.batch) >= w.opts.BatchSize {
		return w.flush(ctx)
	}
	return nil
}

func (w *writer) flush(ctx context.Context) error {
	if len(w.batch) == 0 {
		return nil
	}
	var entries []crosscheck.Entry
	for _, d := range w.batch {
		if !d.skip {
			entries = append(entries, d.entry)
		}
	}
	var put []crosscheck.PutResult
	if len(entries) > 0 {
		var err error
		put, err = w.store.Put(ctx, entries)
		if err != nil {
			return fmt.Errorf("store: %w", err)
		}
		if w.unindexed += len(entries); w.unindexed >= indexEvery {
			w.unindexed = 0
			w.index.poke()
		}
	}
	k := 0
	for _, d := range w.batch {
		r := Result{Input: d.entry.Input, Read: d.read, Records: d.records}
		if d.entry.Doc != nil {
			r.ID = d.entry.Doc.ID
		}
		switch {
		case d.skipped != "":
			r.Status, r.Reason = crosscheck.StatusSkipped, d.skipped
		case d.skip:
			r.Status = crosscheck.StatusUnchanged
		default:
			p := put[k]
			k++
			r.Status, r.Revision = p.Status, p.Revision
			if d.entry.Err != nil {
				r.Error = d.entry.Err.Error()
			}
		}
		if a := d.entry.Article; a != nil && r.Status != crosscheck.StatusUnchanged {
			r.Warnings = warnings(a)
		}
		switch r.Status {
		case crosscheck.StatusAdded:
			w.sum.Added++
			if a := d.entry.Article; a != nil && a.Source != "" {
				w.touched[a.Source] = true
			}
			if w.grouped != nil && r.Revision == 1 {
				w.grouped <- d.place
			}
		case crosscheck.StatusUnchanged:
			w.sum.Unchanged++
		case crosscheck.StatusSkipped:
			if w.sum.Skipped++; len(w.sum.FirstSkipped) < maxListedSkips {
				w.sum.FirstSkipped = append(w.sum.FirstSkipped, r)
			}
		default:
			w.sum.Failed += max(1, r.Records)
		}
		if w.opts.Report != nil {
			w.opts.Report(r)
		}
	}
	clear(w.batch) // the stored articles are not kept until the next batch overwrites them
	w.batch = w.batch[:0]
	return nil
}
