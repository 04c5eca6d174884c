package pipeline

import (
	"context"
	"errors"
	"runtime"
	"sync"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
)

// ReanalyzeOptions tune Reanalyze.
type ReanalyzeOptions struct {
	Workers int // extraction goroutines; 0: one per core
	// Progress, when set, is called after each article with how many are done and how many
	// of those failed.
	Progress func(done, failed int)
	// Failed, when set, is called for each article that could not be extracted again; the
	// stored version of it stays.
	Failed func(id string, err error)
}

// ReanalyzeSummary counts what Reanalyze did.
type ReanalyzeSummary struct {
	Articles int `json:"articles"` // extracted again and stored
	Failed   int `json:"failed"`   // left as they were
}

// Reanalyze extracts the given stored articles (all when ids is empty) again from their raw
// documents, with the cleaning and analysis of this version, and replaces their clean fields
// in place: the same revision, the same hash. Each article is replaced in a transaction of
// its own, with its story's stored report dropped, so a run stopped midway leaves every
// article either as it was or fully redone.
func Reanalyze(ctx context.Context, store crosscheck.Store, ids []string, opts ReanalyzeOptions) (ReanalyzeSummary, error) {
	var sum ReanalyzeSummary
	if opts.Workers <= 0 {
		opts.Workers = runtime.NumCPU()
	}
	repeated := learned(ctx, store)
	type result struct {
		id  string
		a   *crosscheck.Article
		err error
	}
	type job struct {
		doc *crosscheck.Document
		err error // an id not in the store
	}
	docs := make(chan job, opts.Workers*2)
	results := make(chan result, opts.Workers*2)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var readErr error
	go func() {
		defer close(docs)
		for d, err := range store.Documents(ctx, ids) {
			j := job{doc: d}
			if errors.Is(err, crosscheck.ErrNotFound) {
				j = job{doc: &crosscheck.Document{}, err: err} // reported, and the others go on
			} else if err != nil {
				readErr = err
				return
			}
			select {
			case docs <- j:
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range docs {
				r := result{id: j.doc.ID, err: j.err}
				if r.err == nil {
					r.a, r.err = extractSafely(j.doc, extract.Options{Repeated: repeated})
				}
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()
	done := 0
	for r := range results {
		done++
		if r.err != nil {
			sum.Failed++
			if opts.Failed != nil {
				opts.Failed(r.id, r.err)
			}
		} else if err := store.Reclean(ctx, r.a); err != nil {
			return sum, err
		} else {
			sum.Articles++
		}
		if opts.Progress != nil {
			opts.Progress(done, sum.Failed)
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, err
	}
	return sum, readErr
}
