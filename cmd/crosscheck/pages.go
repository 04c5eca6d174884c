package main

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"runtime"
	"slices"
	"sync"

	"github.com/crosscheck/crosscheck"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/ingest"
)

// pages fetches pages into documents with a conditional GET: a page fetched before is asked
// for with the validators its last fetch left, and one that has not changed comes back as the
// document stored, which the pipeline finds unchanged.
type pages struct {
	client *httpfetch.Client
	store  crosscheck.Backend
}

// fetchOptions are the client's options for a command: the defaults, the guard off with
// --allow-private, and any the tests set.
func (m *Main) fetchOptions(allowPrivate bool) httpfetch.Options {
	opts := httpfetch.Options{}
	if m.Fetch != nil {
		opts = *m.Fetch
	}
	opts.AllowPrivate = opts.AllowPrivate || allowPrivate
	if opts.Now == nil {
		opts.Now = m.Now
	}
	return opts
}

// anyURL reports whether any input is a URL.
func anyURL(inputs []string) bool {
	return slices.ContainsFunc(inputs, ingest.IsURL)
}

// ahead returns the fetch ingest is to call for the URLs among inputs, which it calls in their
// order: the pages are fetched up to eight at a time ahead of the calls (the client still asks
// each host for one page at a time). A call out of that order fetches its page itself. stop
// ends the fetching ahead.
func (p *pages) ahead(ctx context.Context, inputs []string) (fetch func(context.Context, string) (*crosscheck.Document, error), stop func()) {
	type fetched struct {
		url string
		doc *crosscheck.Document
		err error
	}
	var urls []string
	for _, in := range inputs {
		if ingest.IsURL(in) {
			urls = append(urls, in)
		}
	}
	next, stop := iter.Pull(ordered(ctx, len(urls), fetchers, func(i int) fetched {
		doc, err := p.page(ctx, urls[i])
		return fetched{urls[i], doc, err}
	}))
	var mu sync.Mutex
	return func(ctx context.Context, url string) (*crosscheck.Document, error) {
		mu.Lock()
		f, ok := next()
		mu.Unlock()
		if !ok || f.url != url {
			return p.page(ctx, url)
		}
		return f.doc, f.err
	}, stop
}

// fetchProcs gives the runtime one processor more than it schedules on while pages are
// fetched, and returns what puts it back. The extraction workers are as many as the cores and
// keep them busy; a fetch is a chain of short waits on the network (the request written, the
// answer read), and each of its goroutines, woken while every processor runs a worker, would
// wait for that worker's time slice to end. Over one host, asked one page at a time, the
// fetches then come slower than the workers take them, and cores sit idle while the workers
// wait for pages. With the spare processor the chain runs as soon as it is woken, the
// system sharing the cores. A GOMAXPROCS the user set is left alone.
func (m *Main) fetchProcs() (restore func()) {
	if m.Getenv("GOMAXPROCS") != "" {
		return func() {}
	}
	runtime.GOMAXPROCS(runtime.GOMAXPROCS(0) + 1)
	return runtime.SetDefaultGOMAXPROCS
}

// page fetches one page as a document.
func (p *pages) page(ctx context.Context, raw string) (*crosscheck.Document, error) {
	norm, err := httpfetch.Normalize(raw)
	if err != nil {
		return nil, err
	}
	st, known, err := p.store.FetchState(ctx, norm)
	if err != nil {
		return nil, err
	}
	req := httpfetch.Request{URL: raw}
	if known && st.Article != "" {
		req.ETag, req.LastModified = st.ETag, st.LastModified
	}
	doc, resp, err := p.client.Page(ctx, req)
	if err != nil {
		return nil, err
	}
	if resp.NotModified {
		if stored := p.stored(ctx, st.Article); stored != nil {
			return stored, nil
		}
		// The validators outlived the article (a run killed before storing it): ask again.
		req.ETag, req.LastModified = "", ""
		if doc, resp, err = p.client.Page(ctx, req); err != nil {
			return nil, err
		}
		if doc == nil {
			return nil, errors.New("the server answered 304 Not Modified to a request without validators")
		}
	}
	doc.Input = raw
	state := crosscheck.FetchState{URL: norm, Article: doc.ID, ETag: resp.ETag, LastModified: resp.LastModified, Status: resp.Status, Fetched: resp.Fetched.Format("2006-01-02T15:04:05Z")}
	// the fetch is recorded with the article, in the transaction of its batch; a page that
	// came back as it is stored is stored no more, so its fetch is recorded here
	if known {
		if seen, err := p.store.Seen(ctx, doc.ID, doc.Hash()); err == nil && seen {
			if err := p.store.SaveFetchState(ctx, state); err != nil {
				return nil, fmt.Errorf("recording the fetch: %w", err)
			}
			return doc, nil
		}
	}
	doc.Fetch = &state
	return doc, nil
}

// stored returns the stored document of an article, or nil.
func (p *pages) stored(ctx context.Context, id string) *crosscheck.Document {
	if id == "" {
		return nil
	}
	for d, err := range p.store.Documents(ctx, []string{id}) {
		if err == nil && d != nil {
			return d
		}
	}
	return nil
}
