package web

import (
	"context"
	"database/sql"
	"runtime/trace"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/pipeline"
)

// spent is what one request spent waiting for the store, so that /metrics can tell, route by
// route, the time the store took from the time the server took itself (rendering, encoding,
// and waiting for a core).
type spent struct{ store atomic.Int64 } // nanoseconds

type spentKey struct{}

// withSpent gives a request's context the tally its store calls add to.
func withSpent(ctx context.Context) (context.Context, *spent) {
	t := &spent{}
	return context.WithValue(ctx, spentKey{}, t), t
}

// storeCall times one call to the store: a region of the request's task in a runtime trace,
// and its time added to the request's tally. It returns the function that ends it.
func storeCall(ctx context.Context, name string) func() {
	start := time.Now()
	region := trace.StartRegion(ctx, name)
	return func() {
		region.End()
		if t, ok := ctx.Value(spentKey{}).(*spent); ok {
			t.store.Add(int64(time.Since(start)))
		}
	}
}

// timedStore is the server's store with the calls pages make timed (see storeCall).
type timedStore struct{ Store }

// ReadOnly reports whether the store underneath was opened for reading only.
func (t timedStore) ReadOnly() bool {
	ro, ok := t.Store.(interface{ ReadOnly() bool })
	return ok && ro.ReadOnly()
}

func (t timedStore) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	defer storeCall(ctx, "store.Article")()
	return t.Store.Article(ctx, id)
}

func (t timedStore) Raw(ctx context.Context, id string) ([]byte, error) {
	defer storeCall(ctx, "store.Raw")()
	return t.Store.Raw(ctx, id)
}

func (t timedStore) Count(ctx context.Context) (int, error) {
	defer storeCall(ctx, "store.Count")()
	return t.Store.Count(ctx)
}

func (t timedStore) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	defer storeCall(ctx, "store.Story")()
	return t.Store.Story(ctx, id)
}

func (t timedStore) Duplicates(ctx context.Context, articles []string) ([]crosscheck.DuplicateLink, error) {
	defer storeCall(ctx, "store.Duplicates")()
	return t.Store.Duplicates(ctx, articles)
}

func (t timedStore) Report(ctx context.Context, story, key string) ([]byte, error) {
	defer storeCall(ctx, "store.Report")()
	return t.Store.Report(ctx, story, key)
}

func (t timedStore) ReportNumbers(ctx context.Context, story, key string) ([]byte, error) {
	defer storeCall(ctx, "store.ReportNumbers")()
	return t.Store.ReportNumbers(ctx, story, key)
}

func (t timedStore) Search(ctx context.Context, q string, limit, offset int) ([]crosscheck.SearchHit, int, error) {
	defer storeCall(ctx, "store.Search")()
	return t.Store.Search(ctx, q, limit, offset)
}

func (t timedStore) StoryList(ctx context.Context, q crosscheck.StoryQuery) ([]string, int, error) {
	defer storeCall(ctx, "store.StoryList")()
	return t.Store.StoryList(ctx, q)
}

func (t timedStore) Outlets(ctx context.Context) ([]crosscheck.Outlet, error) {
	defer storeCall(ctx, "store.Outlets")()
	return t.Store.Outlets(ctx)
}

func (t timedStore) Generation(ctx context.Context) (string, error) {
	defer storeCall(ctx, "store.Generation")()
	return t.Store.Generation(ctx)
}

// ShownArticles is a store that reads articles as their pages show them — all but their
// tokens, parse, entities and map back to the source — several in one query.
type ShownArticles interface {
	ArticlesShown(ctx context.Context, ids []string) ([]*crosscheck.Article, error)
}

// articlesShown reads the given articles for a page: as ShownArticles reads them when the
// store can, else whole.
func (t timedStore) articlesShown(ctx context.Context, ids []string) ([]*crosscheck.Article, error) {
	defer storeCall(ctx, "store.ArticlesShown")()
	if shown, ok := t.Store.(ShownArticles); ok {
		return shown.ArticlesShown(ctx, ids)
	}
	return pipeline.Articles(ctx, t.Store, ids)
}

func (t timedStore) Feeds(ctx context.Context) ([]crosscheck.Feed, error) {
	defer storeCall(ctx, "store.Feeds")()
	return t.Store.Feeds(ctx)
}

// ReaderPool is a store that reads through a pool of connections and tells how it is used, so
// that /metrics can tell the time requests waited for a connection from the time queries took.
type ReaderPool interface {
	ReaderStats() sql.DBStats
}

func readerMetrics(pool ReaderPool) []prometheus.Collector {
	return []prometheus.Collector{
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "crosscheck_store_reader_waits_total",
			Help: "Reads that waited for a connection of the store's readers' pool."},
			func() float64 { return float64(pool.ReaderStats().WaitCount) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "crosscheck_store_reader_wait_seconds_total",
			Help: "The time reads waited for a connection of the store's readers' pool."},
			func() float64 { return pool.ReaderStats().WaitDuration.Seconds() }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "crosscheck_store_readers_in_use",
			Help: "Connections of the store's readers' pool in use."},
			func() float64 { return float64(pool.ReaderStats().InUse) }),
	}
}
