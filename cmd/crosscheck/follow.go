package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"sync"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/feed"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/postgres"
	"github.com/crosscheck/crosscheck/work"
)

func (m *Main) follow(ctx context.Context, args []string) error {
	fs := m.flags("follow", "[--every 10m] [--once] [--allow-private] [--enqueue]",
		`Polls every followed feed (crosscheck feeds add), fetches the pages of the items not taken
before, ingests and groups them, and prints a line per round; it keeps running until
interrupted, or with --once runs one round and exits (status 1 when a feed or an item failed).
A feed and a page fetched before are asked for with a conditional GET. What a round has taken
is in the store, so a follow stopped at any point starts again where it was, with no item lost
or taken twice. An item whose page cannot be had is taken from the feed's full content when the
feed carries it; one that fails is tried again in the next rounds, three times in all. With
--enqueue (a PostgreSQL store) a round puts a job per followed feed on the work queue instead,
and crosscheck worker polls the feeds, fetches the new items' pages and groups them.`,
		`  crosscheck follow --every 15m
  crosscheck follow --once --db newsroom.db
  crosscheck follow --once --enqueue --db postgres://crosscheck@db.example.org/news`)
	db := m.dbFlag(fs)
	every := fs.Duration("every", 10*time.Minute, "the time between the starts of two rounds")
	once := fs.Bool("once", false, "run one round and exit")
	allowPrivate := fs.Bool("allow-private", false, "fetch from loopback and private addresses (intranets, tests)")
	workers := fs.Int("workers", 0, "extraction goroutines (0: one per core)")
	reports := fs.Bool("reports", false, "also make the reports of the stories that changed, so that a server over the store has them at once")
	enqueue := fs.Bool("enqueue", false, "put a job per feed on the store's work queue, for crosscheck worker, instead of polling")
	nice := niceFlag(fs)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *enqueue && !postgres.IsDSN(*db) {
		return errNoQueue(*db)
	}
	if err := beNice(*nice, *db, m.Stderr); err != nil {
		return err
	}
	if *every <= 0 {
		fmt.Fprintln(m.Stderr, "crosscheck follow: --every must be more than 0")
		return errUsage
	}
	store, err := m.openWritable(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	f := m.newFollower(store, *allowPrivate, *workers, *reports)
	if *enqueue {
		q, err := queueOf(store, *db)
		if err != nil {
			return err
		}
		f.queue = q
	}
	for round := 1; ; round++ {
		start := m.Now()
		if f.queue != nil {
			n, err := f.enqueue(ctx)
			if errors.Is(err, context.Canceled) && !*once {
				return nil
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(m.Stdout, "round %d at %s: %d feeds queued; crosscheck worker --db %s polls them\n", round, start.UTC().Format("2006-01-02 15:04:05Z"), n, *db)
			if *once {
				return nil
			}
			if err := httpfetch.Sleep(ctx, *every-m.Now().Sub(start)); err != nil {
				return nil
			}
			continue
		}
		r, err := f.round(ctx)
		if errors.Is(err, context.Canceled) && !*once {
			return nil // stopping is how follow ends
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(m.Stdout, "round %d at %s: %s\n", round, start.UTC().Format("2006-01-02 15:04:05Z"), r)
		if *once {
			if r.feedsFailed+r.failed > 0 {
				return errSomeFailed{r.feedsFailed + r.failed}
			}
			return nil
		}
		if err := httpfetch.Sleep(ctx, *every-m.Now().Sub(start)); err != nil {
			return nil
		}
	}
}

// follower runs rounds over the followed feeds.
type follower struct {
	m       *Main
	store   crosscheck.Backend
	workers int
	reports bool             // make the reports of the stories that changed
	queue   crosscheck.Queue // with follow --enqueue, where a round puts its feed jobs
	// guarded fetches feeds added without --allow-private (unless follow was given it), open
	// the others.
	guarded, open *httpfetch.Client
}

func (m *Main) newFollower(store crosscheck.Backend, allowPrivate bool, workers int, reports bool) *follower {
	return &follower{m: m, store: store, workers: workers, reports: reports,
		guarded: httpfetch.New(m.fetchOptions(allowPrivate)), open: httpfetch.New(m.fetchOptions(true))}
}

// enqueue puts a job per followed feed on the queue and returns how many it put there; a feed
// whose job waits still is not queued twice.
func (f *follower) enqueue(ctx context.Context) (int, error) {
	feeds, err := f.store.Feeds(ctx)
	if err != nil || len(feeds) == 0 {
		return 0, err
	}
	jobs := make([]crosscheck.NewJob, len(feeds))
	for i, fd := range feeds {
		jobs[i] = work.FeedJob(fd.URL, f.reports)
	}
	if _, err := f.queue.Enqueue(ctx, jobs); err != nil {
		return 0, fmt.Errorf("enqueue: %w", err)
	}
	return len(jobs), nil
}

// roundSummary counts a round.
type roundSummary struct {
	feeds, notModified, feedsFailed int
	items, added, unchanged, failed int
	groups                          pipeline.GroupSummary
	reports                         int
}

func (r roundSummary) String() string {
	s := fmt.Sprintf("%d feeds (%d not modified, %d failed), %d new items: %d added, %d unchanged, %d failed",
		r.feeds, r.notModified, r.feedsFailed, r.items, r.added, r.unchanged, r.failed)
	if r.groups.Grouped > 0 {
		s += fmt.Sprintf("; grouped %d: %d new stories, %d near-duplicates", r.groups.Grouped, r.groups.NewStories, r.groups.Duplicates)
	}
	if r.reports > 0 {
		s += fmt.Sprintf("; %d story reports made", r.reports)
	}
	return s
}

// taken is one input a round gave the pipeline: a feed's failure or one of its items.
type taken struct {
	input string
	feed  string
	key   string // the item's key in the store; empty for the feed's own failure
	link  string
	err   string // the feed's failure
}

// fetchers is how many feeds or pages a round fetches at once; the client still asks one host
// for one thing at a time.
const fetchers = 8

// ordered computes do(0) … do(n-1) with up to workers of them at once, and yields the results
// in order; it stops when the consumer or ctx does.
func ordered[T any](ctx context.Context, n, workers int, do func(i int) T) iter.Seq[T] {
	return func(yield func(T) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		outs := make([]chan T, n)
		for i := range outs {
			outs[i] = make(chan T, 1)
		}
		slots := make(chan struct{}, workers)
		go func() {
			for i := range n {
				select {
				case slots <- struct{}{}:
				case <-ctx.Done():
					return
				}
				go func() { outs[i] <- do(i) }()
			}
		}()
		for i := range n {
			var v T
			select {
			case v = <-outs[i]:
			case <-ctx.Done():
				return
			}
			<-slots
			if !yield(v) {
				return
			}
		}
	}
}

// round polls every feed once. The items' outcomes are saved after the pipeline has stored
// their articles, and a feed's validators after all its items' outcomes, so a round cut short
// is done again by the next one.
func (f *follower) round(ctx context.Context) (roundSummary, error) {
	var sum roundSummary
	feeds, err := f.store.Feeds(ctx)
	if err != nil {
		return sum, err
	}
	sum.feeds = len(feeds)
	var mu sync.Mutex
	var inputs []taken
	var fetched []crosscheck.Feed
	var results []pipeline.Result
	prog := progress{w: f.m.Stderr, on: f.m.Terminal, start: f.m.Now(), now: f.m.Now}
	feedNo := 0
	prog.line = func(p *progress, rate float64) string {
		return fmt.Sprintf("following: %d of %d feeds read, %d items stored, %d failed", feedNo, len(feeds), p.a, p.f)
	}
	// the feeds are polled first: a round with no new item groups nothing, and does not read
	// the grouping state (its size grows with the store's)
	type polled struct {
		fd    crosscheck.Feed
		state crosscheck.Feed
		items []feed.Item
	}
	var todo []taken
	var found []feed.Item // beside todo; the zero Item for a feed's failure
	var feedOf []crosscheck.Feed
	newItems := 0
	for p := range ordered(ctx, len(feeds), fetchers, func(i int) polled {
		state, list := f.Poll(ctx, feeds[i])
		return polled{feeds[i], state, list}
	}) {
		mu.Lock()
		fetched = append(fetched, p.state)
		feedNo++
		prog.draw()
		mu.Unlock()
		if p.state.Status == "error" {
			todo, found, feedOf = append(todo, taken{input: p.fd.URL, feed: p.fd.URL, err: p.state.Error}), append(found, feed.Item{}), append(feedOf, p.fd)
			continue
		}
		for _, it := range p.items {
			todo = append(todo, taken{input: work.ItemInput(p.fd.URL, it), feed: p.fd.URL, key: work.ItemKey(it), link: it.Link})
			found, feedOf = append(found, it), append(feedOf, p.fd)
			newItems++
		}
	}
	items := func(yield func(ingest.Item) bool) {
		i := 0
		for item := range ordered(ctx, len(todo), fetchers, func(i int) ingest.Item {
			if todo[i].key == "" {
				return ingest.Item{Input: todo[i].input, Err: errors.New(todo[i].err)}
			}
			doc, err := f.ItemDocument(ctx, feedOf[i], found[i])
			return ingest.Item{Input: todo[i].input, Doc: doc, Err: err}
		}) {
			mu.Lock()
			inputs = append(inputs, todo[i])
			mu.Unlock()
			i++
			if !yield(item) {
				return
			}
		}
	}
	report := func(r pipeline.Result) {
		mu.Lock()
		defer mu.Unlock()
		results = append(results, r)
		prog.count(r)
		if r.Status == crosscheck.StatusError {
			prog.clear()
			fmt.Fprintf(f.m.Stderr, "crosscheck follow: %s: %s\n", r.Input, r.Error)
		}
		prog.draw()
	}
	opts := pipeline.Options{Workers: f.workers, Report: report, Reports: f.reports}
	if newItems > 0 {
		groupOpts := group.DefaultOptions
		opts.Group = &groupOpts
	}
	psum, runErr := pipeline.Run(ctx, items, f.store, opts)
	mu.Lock()
	prog.clear()
	mu.Unlock()
	sum.groups, sum.reports = psum.Groups, psum.Reports
	var outcomes []crosscheck.FeedItem
	for i, r := range results {
		in := inputs[i]
		if in.input != r.Input {
			return sum, fmt.Errorf("internal error: result %d is for %s, not %s", i, r.Input, in.input)
		}
		if in.key == "" {
			sum.feedsFailed++
			continue
		}
		sum.items++
		it := crosscheck.FeedItem{Feed: in.feed, Item: in.key, Link: in.link, Article: r.ID, Error: r.Error}
		switch r.Status {
		case crosscheck.StatusAdded:
			sum.added++
		case crosscheck.StatusUnchanged:
			sum.unchanged++
		default:
			sum.failed++
			it.Article = ""
		}
		outcomes = append(outcomes, it)
	}
	// a context of its own: what the pipeline stored is recorded even when the round was stopped
	save := context.WithoutCancel(ctx)
	if err := f.store.SaveItems(save, outcomes); err != nil {
		return sum, err
	}
	if runErr != nil {
		return sum, runErr
	}
	for _, st := range fetched {
		if st.Status == "not modified" {
			sum.notModified++
		}
		if err := f.store.FeedFetched(save, st); err != nil {
			return sum, err
		}
	}
	return sum, ctx.Err()
}

func (f *follower) client(fd crosscheck.Feed) *httpfetch.Client {
	if fd.AllowPrivate {
		return f.open
	}
	return f.guarded
}

// Poll fetches a feed with a conditional GET and returns its new state and the items not
// taken before; the follower polls for a worker's feed jobs (work.FeedPoller) as for its rounds.
func (f *follower) Poll(ctx context.Context, fd crosscheck.Feed) (crosscheck.Feed, []feed.Item) {
	state := crosscheck.Feed{URL: fd.URL, LastFetch: f.m.Now().UTC().Format(time.RFC3339)}
	fail := func(err error) (crosscheck.Feed, []feed.Item) {
		state.Status, state.Error = "error", "the feed: "+err.Error()
		return state, nil
	}
	resp, err := f.client(fd).Get(ctx, httpfetch.Request{URL: fd.URL, ETag: fd.ETag, LastModified: fd.LastModified, Accept: feed.Accept})
	if err != nil {
		return fail(err)
	}
	if resp.NotModified {
		state.Status = "not modified"
		return state, nil
	}
	parsed, err := feed.Parse(resp.Body, resp.Final)
	if err != nil {
		return fail(err)
	}
	state.Status, state.Title, state.ETag, state.LastModified = "ok", parsed.Title, resp.ETag, resp.LastModified
	keys := make([]string, len(parsed.Items))
	for i, it := range parsed.Items {
		keys[i] = work.ItemKey(it)
	}
	seen, err := f.store.SeenItems(ctx, fd.URL, keys)
	if err != nil {
		return fail(err)
	}
	var fresh []feed.Item
	for i, it := range parsed.Items {
		if !seen[keys[i]] {
			seen[keys[i]] = true // a feed listing an item twice gives it once
			fresh = append(fresh, it)
		}
	}
	return state, fresh
}

// ItemDocument fetches an item's page and gives it the item's metadata; when the page cannot
// be had, the feed's full content stands in for it.
func (f *follower) ItemDocument(ctx context.Context, fd crosscheck.Feed, it feed.Item) (*crosscheck.Document, error) {
	var pageErr error
	id := ""
	if it.Link != "" {
		p := &pages{client: f.client(fd), store: f.store}
		doc, err := p.page(ctx, it.Link)
		if err == nil {
			withItem(doc, it, fd.URL)
			return doc, nil
		}
		pageErr = err
		if norm, err := httpfetch.Normalize(it.Link); err == nil {
			id = ingest.IDFromURL(norm)
		}
	}
	if doc, ok := it.ContentDocument(id, fd.URL, f.m.Now().UTC()); ok {
		return doc, nil
	}
	if pageErr == nil {
		pageErr = errors.New("the item has no link and the feed gives no full content")
	}
	return nil, pageErr
}

// withItem gives a page the metadata its feed item carries, keeping the page's URL and
// Content-Type.
func withItem(doc *crosscheck.Document, it feed.Item, feedURL string) {
	meta := it.Meta(feedURL)
	meta.URL, meta.ContentType = doc.Meta.URL, doc.Meta.ContentType
	if meta.URL == "" {
		meta.URL = it.Link
	}
	doc.Meta = meta
}
