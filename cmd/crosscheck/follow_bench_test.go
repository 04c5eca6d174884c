package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
)

// benchFeeds serves feeds that never run dry, for a follow beside a load: each of its feeds
// gives perFetch items not given before at every fetch, each linking a page of benchPage.
type benchFeeds struct {
	*httptest.Server
	feeds, perFetch int
	next            []int // per feed, the first item its next fetch gives
	mu              sync.Mutex
	pages           atomic.Int64 // pages served
}

func newBenchFeeds(b *testing.B, feeds, perFetch int) *benchFeeds {
	f := &benchFeeds{feeds: feeds, perFetch: perFetch, next: make([]int, feeds)}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	b.Cleanup(f.Close)
	return f
}

func (f *benchFeeds) serve(w http.ResponseWriter, r *http.Request) {
	if p, ok := strings.CutPrefix(r.URL.Path, "/p/"); ok {
		i, err := strconv.Atoi(p)
		if err != nil {
			http.NotFound(w, r)
			return
		}
		f.pages.Add(1)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, benchPage(i))
		return
	}
	n, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/feed/"))
	if err != nil || n < 0 || n >= f.feeds {
		http.NotFound(w, r)
		return
	}
	f.mu.Lock()
	first := f.next[n]
	f.next[n] += f.perFetch
	f.mu.Unlock()
	var items strings.Builder
	for k := first; k < first+f.perFetch; k++ {
		i := k*f.feeds + n // the items of all feeds are distinct pages
		fmt.Fprintf(&items, `<item><title>Report %d</title><link>%s/p/%d</link><guid>p-%d</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate></item>`, i, f.URL, i, i)
	}
	w.Header().Set("Content-Type", "application/rss+xml")
	fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench %d</title>%s</channel></rss>`, n, items.String())
}

// followFeeds has db follow the feeds of a loopback feed server, for a follow beside a load,
// until the benchmark ends (a store the benchmarks reuse follows no feed of a server gone).
func followFeeds(b *testing.B, db string) *benchFeeds {
	feeds := newBenchFeeds(b, 10, 20)
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
	args := []string{"feeds", "add", "--db", db, "--allow-private"}
	for i := range feeds.feeds {
		args = append(args, fmt.Sprintf("%s/feed/%d", feeds.URL, i))
	}
	if code := m.Run(context.Background(), args); code != 0 {
		b.Fatalf("feeds add: exit %d", code)
	}
	b.Cleanup(func() {
		for _, u := range args[5:] {
			m.Run(context.Background(), []string{"feeds", "remove", "--db", db, u})
		}
	})
	feeds.pages.Store(0)
	return feeds
}

// followBeside follows the feeds of a loopback feed server into db until the returned stop is
// called; stop says what was taken and how fast. The follow runs as a process of its own
// (TestFollowBesideChild, politeness off), beside the server it loads, sharing the machine's
// cores with it as a follow and a server do.
func followBeside(b *testing.B, db string) (stop func() string) {
	feeds := followFeeds(b, db)
	cmd := exec.Command(os.Args[0], "-test.run=^TestFollowBesideChild$", "-test.bench=^$")
	cmd.Env = append(os.Environ(), "CROSSCHECK_FOLLOW_BESIDE_DB="+db)
	var rounds syncBuffer
	cmd.Stdout, cmd.Stderr = &rounds, io.Discard
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	return func() string {
		pages, took := feeds.pages.Load(), time.Since(start)
		cmd.Process.Signal(os.Interrupt)
		err := cmd.Wait()
		return followTook(b, "follow beside the load", pages, took, rounds.String(), err)
	}
}

// followInServer has the server over db, which follows the feeds db follows (serve --follow,
// CROSSCHECK_BENCH_FOLLOW=serve), follow those of a loopback feed server from now until the
// returned stop is called; stop says what was taken and how fast, from the server's log.
func followInServer(b *testing.B, db string, log *syncBuffer) (stop func() string) {
	feeds := followFeeds(b, db)
	from, start := len(log.String()), time.Now()
	return func() string {
		pages, took := feeds.pages.Load(), time.Since(start)
		return followTook(b, "the server's follow over the load", pages, took, log.String()[from:], nil)
	}
}

// followTook says what a follow took from its round lines, and reports its pages a second.
func followTook(b *testing.B, what string, pages int64, took time.Duration, rounds string, err error) string {
	added := 0
	lines := regexp.MustCompile(`: (\d+) added`).FindAllStringSubmatch(rounds, -1)
	for _, l := range lines {
		n, _ := strconv.Atoi(l[1])
		added += n
	}
	b.ReportMetric(float64(pages)/took.Seconds(), "follow-pages/s")
	return fmt.Sprintf("%s: %d pages fetched in %s (%.1f a second), %d rounds done with %d articles added (%v)",
		what, pages, took.Round(time.Millisecond), float64(pages)/took.Seconds(), len(lines), added, err)
}

// TestFollowBesideChild is the follow BenchmarkServeLoad runs beside its load with
// CROSSCHECK_BENCH_FOLLOW=1: a process of its own, politeness off, stopped by an interrupt.
func TestFollowBesideChild(t *testing.T) {
	db := os.Getenv("CROSSCHECK_FOLLOW_BESIDE_DB")
	if db == "" {
		t.Skip("the follow BenchmarkServeLoad runs beside its load")
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	m := &Main{Stdin: strings.NewReader(""), Stdout: os.Stdout, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now,
		Fetch: &httpfetch.Options{Delay: -1, IgnoreRobots: true}}
	if code := m.Run(ctx, append([]string{"follow", "--db", db, "--every", "1s"}, niceArgs()...)); code != 0 {
		t.Errorf("follow: exit %d", code)
	}
}

// BenchmarkFollowRound runs rounds of crosscheck follow, politeness off, each taking 200 new
// items of 10 loopback feeds into a store (CROSSCHECK_BENCH_DB, copied first, else empty),
// and reports pages per second.
func BenchmarkFollowRound(b *testing.B) {
	db := filepath.Join(b.TempDir(), "follow.db")
	if from := os.Getenv("CROSSCHECK_BENCH_DB"); from != "" {
		raw, err := os.ReadFile(from)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(db, raw, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	feeds := followFeeds(b, db)
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now,
		Fetch: &httpfetch.Options{Delay: -1, IgnoreRobots: true}}
	start := time.Now()
	for b.Loop() {
		if code := m.Run(context.Background(), []string{"follow", "--db", db, "--once"}); code != 0 {
			b.Fatalf("follow: exit %d", code)
		}
	}
	b.ReportMetric(float64(feeds.pages.Load())/time.Since(start).Seconds(), "pages/s")
}
