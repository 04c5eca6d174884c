package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
)

// ReportVersion changes when reconciliation does, so that stored reports are made again.
const ReportVersion = "reconcile-5"

// StoryReport returns the report of the story id names (a story id or one of its articles'),
// from the store when its articles and their near-duplicates have not changed since it was
// made, else made now and stored.
func StoryReport(ctx context.Context, store crosscheck.Store, id string) (*crosscheck.Report, error) {
	b, err := StoryReportJSON(ctx, store, id)
	if err != nil {
		return nil, err
	}
	var r crosscheck.Report
	if err := json.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("the report of %s: %w", id, err)
	}
	return &r, nil
}

// StoryReportJSON is StoryReport as the JSON the store holds.
func StoryReportJSON(ctx context.Context, store crosscheck.Store, id string) ([]byte, error) {
	st, dups, key, err := storyKey(ctx, store, id)
	if err != nil {
		return nil, err
	}
	if b, err := store.Report(ctx, st.ID, key); err != nil || b != nil {
		return b, err
	}
	return makeReport(ctx, store, st, dups, key)
}

// Articles reads the articles of the given ids, in order: in one query where the store reads
// several at once.
func Articles(ctx context.Context, store crosscheck.Store, ids []string) ([]*crosscheck.Article, error) {
	if r, ok := store.(articlesReader); ok && len(ids) > 1 {
		out, err := r.ArticlesByID(ctx, ids)
		if err != nil || len(out) == len(ids) {
			return out, err
		}
		// one is not stored: read them one by one, so that the error names it
	}
	out := make([]*crosscheck.Article, 0, len(ids))
	for _, id := range ids {
		a, err := store.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// articlesReader is a store that reads several articles in one query.
type articlesReader interface {
	// ArticlesByID returns the latest revisions of the given articles, in the order given;
	// one not stored is left out.
	ArticlesByID(ctx context.Context, ids []string) ([]*crosscheck.Article, error)
}

// storyKey finds the story id names, its articles' near-duplicate links, and the key its
// report is stored under: a hash of the report version, its articles' latest revisions and
// those links.
func storyKey(ctx context.Context, store crosscheck.Store, id string) (*crosscheck.Story, []crosscheck.DuplicateLink, string, error) {
	st, err := store.Story(ctx, id)
	if err != nil {
		return nil, nil, "", err
	}
	dups, err := store.Duplicates(ctx, st.Articles)
	if err != nil {
		return nil, nil, "", err
	}
	h := sha256.New()
	h.Write([]byte(ReportVersion))
	for i, aid := range st.Articles {
		h.Write([]byte(aid + "\x00" + st.Hashes[i] + "\x00"))
	}
	for _, d := range dups {
		fmt.Fprintf(h, "%s~%s\x00", d.Article, d.Of)
	}
	return st, dups, hex.EncodeToString(h.Sum(nil)), nil
}

// emptyNotNull gives the report's lists that hold nothing as empty lists, not null, as the
// API's description promises.
func emptyNotNull(r *crosscheck.Report) {
	orEmpty(&r.Quotes)
	orEmpty(&r.Facts)
	orEmpty(&r.Derived)
	orEmpty(&r.Anomalies)
	orEmpty(&r.Timeline)
	orEmpty(&r.Articles)
	for i := range r.Quotes {
		orEmpty(&r.Quotes[i].Differences)
	}
}

func orEmpty[T any](s *[]T) {
	if *s == nil {
		*s = []T{}
	}
}

// madeReport is a story's report as the store keeps it.
type madeReport struct {
	story, key      string
	report, numbers []byte
}

// makeReport reconciles a story's articles and stores the report under key.
func makeReport(ctx context.Context, store crosscheck.Store, st *crosscheck.Story, dups []crosscheck.DuplicateLink, key string) ([]byte, error) {
	articles, err := Articles(ctx, store, st.Articles)
	if err != nil {
		return nil, err
	}
	r, err := reconcileStory(st, articles, dups)
	if err != nil {
		return nil, err
	}
	return r.report, store.SaveReport(ctx, st.ID, key, r.report, r.numbers)
}

// reconcileStory reconciles a story's articles into its report and the report's numbers, as
// JSON.
func reconcileStory(st *crosscheck.Story, articles []*crosscheck.Article, dups []crosscheck.DuplicateLink) (madeReport, error) {
	r := reconcile.Reconcile(*st, articles, dups)
	emptyNotNull(r)
	b, err := json.Marshal(r)
	if err != nil {
		return madeReport{}, err
	}
	n, err := json.Marshal(r.Story)
	if err != nil {
		return madeReport{}, err
	}
	return madeReport{story: st.ID, report: b, numbers: n}, nil
}

// StoredReportJSON returns the stored report of the story id names when it is current, and
// whether it is: a reader that must not write asks this, and leaves the making to a writer.
func StoredReportJSON(ctx context.Context, store crosscheck.Store, id string) ([]byte, bool, error) {
	st, _, key, err := storyKey(ctx, store, id)
	if err != nil {
		return nil, false, err
	}
	b, err := store.Report(ctx, st.ID, key)
	return b, b != nil, err
}

// StoredStoryNumbers returns the numbers of the story id names from its stored report when
// that is current, and whether it is; when it is not, the numbers the story itself tells (its
// articles and dates), with nothing reconciled.
func StoredStoryNumbers(ctx context.Context, store crosscheck.Store, id string) (crosscheck.StoryNumbers, bool, error) {
	st, _, key, err := storyKey(ctx, store, id)
	if err != nil {
		return crosscheck.StoryNumbers{}, false, err
	}
	b, err := store.ReportNumbers(ctx, st.ID, key)
	if err != nil {
		return crosscheck.StoryNumbers{}, false, err
	}
	var n crosscheck.StoryNumbers
	if b != nil && json.Unmarshal(b, &n) == nil {
		return n, true, nil
	}
	return crosscheck.StoryNumbers{ID: st.ID, Title: st.Title, Articles: len(st.Articles), First: st.First, Last: st.Last}, false, nil
}

// MakeReports makes and stores the reports of the given stories that are not current, on
// workers goroutines, and returns how many it made. A story that is gone is passed over; ids
// that name the same story make its report once.
//
// The stories are reconciled biggest first, so that the one that takes longest does not start
// last and leave the other workers idle at the end. Their articles are read and decoded by
// workers goroutines beside the workers that reconcile, so that a worker waiting on a read
// leaves its core to another. The reports are stored by one goroutine: SQLite takes one
// writer at a time, and workers saving at once would wait on each other's write lock (a busy
// wait that sleeps) instead of reconciling.
func MakeReports(ctx context.Context, store crosscheck.Store, stories []string, workers int) (int, error) {
	workers = max(1, workers)
	var errs firstError
	due := dueReports(ctx, store, stories, workers, &errs)
	slices.SortStableFunc(due, func(a, b dueReport) int { return cmp.Compare(len(b.st.Articles), len(a.st.Articles)) })
	type read struct {
		dueReport
		articles []*crosscheck.Article
	}
	reads := make(chan read, workers)
	go func() {
		defer close(reads)
		inParallel(ctx, len(due), workers, func(i int) {
			articles, err := Articles(ctx, store, due[i].st.Articles)
			if err != nil {
				errs.add(due[i].st.ID, err)
				return
			}
			reads <- read{due[i], articles}
		})
	}()
	saves := make(chan madeReport, saveAhead)
	made, saved := 0, make(chan struct{})
	go func() {
		defer close(saved)
		for r := range saves {
			if err := store.SaveReport(ctx, r.story, r.key, r.report, r.numbers); err != nil {
				errs.add(r.story, err)
				continue
			}
			made++
		}
	}()
	var wg sync.WaitGroup
	for range min(workers, len(due)) {
		wg.Go(func() {
			for d := range reads {
				r, err := reconcileStory(d.st, d.articles, d.dups)
				if err != nil {
					errs.add(d.st.ID, err)
					continue
				}
				r.key = d.key
				saves <- r
			}
		})
	}
	wg.Wait()
	close(saves)
	<-saved
	return made, cmp.Or(ctx.Err(), errs.get())
}

// saveAhead is how many made reports may wait for the one goroutine that stores them, so that
// the workers go on reconciling while a save waits on the disk (the write-ahead log's
// checkpoint, every thousand pages written, syncs the file).
const saveAhead = 64

// dueReport is a story whose report is to be made, with its near-duplicate links and the key
// the report is stored under.
type dueReport struct {
	st   *crosscheck.Story
	dups []crosscheck.DuplicateLink
	key  string
}

// dueReports finds, on workers goroutines, the stories of ids whose stored reports are not
// current, each once, in the order of ids.
func dueReports(ctx context.Context, store crosscheck.Store, ids []string, workers int, errs *firstError) []dueReport {
	found := make([]*dueReport, len(ids))
	inParallel(ctx, len(ids), workers, func(i int) {
		st, dups, key, err := storyKey(ctx, store, ids[i])
		if err == nil {
			var b []byte
			if b, err = store.Report(ctx, st.ID, key); err == nil && b == nil {
				found[i] = &dueReport{st, dups, key}
			}
		}
		if err != nil {
			errs.add(ids[i], err)
		}
	})
	var due []dueReport
	seen := map[string]bool{}
	for _, d := range found {
		if d != nil && !seen[d.st.ID] {
			seen[d.st.ID] = true
			due = append(due, *d)
		}
	}
	return due
}

// inParallel calls f with 0 … n-1 on workers goroutines, and returns when every call has
// returned or, once ctx is done, the calls begun have.
func inParallel(ctx context.Context, n, workers int, f func(int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Go(func() {
			for i := range jobs {
				f(i)
			}
		})
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		select {
		case jobs <- i:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
}

// firstError keeps the first of the errors several goroutines meet with the reports, but for
// those of a story or article that is gone, which is passed over.
type firstError struct {
	mu  sync.Mutex
	err error
}

func (e *firstError) add(id string, err error) {
	if errors.Is(err, crosscheck.ErrNotFound) {
		return
	}
	e.mu.Lock()
	e.err = cmp.Or(e.err, fmt.Errorf("the report of %s: %w", id, err))
	e.mu.Unlock()
}

func (e *firstError) get() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.err
}
