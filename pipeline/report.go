package pipeline

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
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
	_, b, err := makeReport(ctx, store, st, dups, key)
	return b, err
}

// Articles reads the articles of the given ids, in order.
func Articles(ctx context.Context, store crosscheck.Store, ids []string) ([]*crosscheck.Article, error) {
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

// makeReport reconciles a story's articles and stores the report under key.
func makeReport(ctx context.Context, store crosscheck.Store, st *crosscheck.Story, dups []crosscheck.DuplicateLink, key string) (*crosscheck.Report, []byte, error) {
	articles, err := Articles(ctx, store, st.Articles)
	if err != nil {
		return nil, nil, err
	}
	r := reconcile.Reconcile(*st, articles, dups)
	emptyNotNull(r)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, nil, err
	}
	n, err := json.Marshal(r.Story)
	if err != nil {
		return nil, nil, err
	}
	return r, b, store.SaveReport(ctx, st.ID, key, b, n)
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
// workers goroutines, and returns how many it made. A story that is gone is passed over.
func MakeReports(ctx context.Context, store crosscheck.Store, stories []string, workers int) (int, error) {
	jobs := make(chan string)
	var mu sync.Mutex
	made, firstErr := 0, error(nil)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for id := range jobs {
				st, dups, key, err := storyKey(ctx, store, id)
				if err == nil {
					var b []byte
					if b, err = store.Report(ctx, st.ID, key); err == nil && b == nil {
						_, _, err = makeReport(ctx, store, st, dups, key)
						mu.Lock()
						made++
						mu.Unlock()
					}
				}
				if err != nil && !errors.Is(err, crosscheck.ErrNotFound) {
					mu.Lock()
					firstErr = cmp.Or(firstErr, fmt.Errorf("the report of %s: %w", id, err))
					mu.Unlock()
				}
			}
		}()
	}
	for _, id := range stories {
		select {
		case jobs <- id:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	return made, cmp.Or(ctx.Err(), firstErr)
}
