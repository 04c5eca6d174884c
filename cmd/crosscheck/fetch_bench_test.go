package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
)

// benchPage is a news page of about 3 KB, its words drawn with a fixed seed so that every run
// serves the same pages: a few stories' worth of topics, so that grouping has work to do.
func benchPage(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	topics := [][]string{
		{"bridge", "council", "repairs", "river", "traffic", "engineers", "budget"},
		{"election", "minister", "votes", "party", "campaign", "parliament", "polls"},
		{"storm", "flooding", "rain", "coast", "evacuation", "warnings", "damage"},
		{"market", "shares", "investors", "profit", "bank", "quarter", "rates"},
	}
	words := topics[i%len(topics)]
	common := []string{"the", "said", "on", "a", "of", "and", "to", "in", "was", "after", "officials", "Tuesday", "city"}
	var b strings.Builder
	fmt.Fprintf(&b, "<!doctype html><html><head><title>Report %d on the %s</title></head><body><nav>Home | World | Business</nav><article><h1>Report %d on the %s</h1>", i, words[0], i, words[0])
	for p := 0; p < 6; p++ {
		b.WriteString("<p>")
		for s := 0; s < 4; s++ {
			n := 10 + r.IntN(8)
			for w := 0; w < n; w++ {
				word := common[r.IntN(len(common))]
				if r.IntN(3) == 0 {
					word = words[r.IntN(len(words))]
				}
				if w == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				b.WriteString(word)
				b.WriteByte(' ')
			}
			fmt.Fprintf(&b, "%d. ", r.IntN(1000))
		}
		b.WriteString("</p>")
	}
	b.WriteString("</article><footer>Share this story</footer></body></html>")
	return b.String()
}

// BenchmarkIngestURLs fetches pages from a loopback server through ingest, grouping and the
// reports, with politeness off, and reports pages per second (the target: 500/s on two
// cores) and per second of processor. Run with -benchtime=1x; CROSSCHECK_BENCH_PAGES sets the
// count (default 1,000); CROSSCHECK_BENCH_KEEP names a folder the last run's stores are moved
// to (urls.db, files.db); CROSSCHECK_BENCH_ADDR is the address the server listens on.
func BenchmarkIngestURLs(b *testing.B) {
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("CROSSCHECK_BENCH_PAGES")); err == nil && v > 0 {
		n = v
	}
	// the pages are made before the clock starts, so that the server, which shares the
	// process, costs what a server sending stored pages would
	pages := make([][]byte, n)
	for i := range pages {
		pages[i] = []byte(benchPage(i))
	}
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/p/"))
		if err != nil || i < 0 || i >= len(pages) {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(pages[i])
	}))
	if addr := os.Getenv("CROSSCHECK_BENCH_ADDR"); addr != "" {
		// a fixed address gives the pages the same URLs, so the same article ids, in every run
		l, err := net.Listen("tcp", addr)
		if err != nil {
			b.Fatal(err)
		}
		srv.Listener.Close()
		srv.Listener = l
	}
	srv.Start()
	defer srv.Close()
	urls := []string{"ingest", "--allow-private"}
	files := []string{"ingest"}
	if os.Getenv("CROSSCHECK_BENCH_REPORTS") != "" {
		urls, files = append(urls, "--reports"), append(files, "--reports")
	}
	dir := b.TempDir()
	for i := range n {
		urls = append(urls, fmt.Sprintf("%s/p/%d", srv.URL, i))
		path := filepath.Join(dir, fmt.Sprintf("p%d.html", i))
		if err := os.WriteFile(path, pages[i], 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, path)
	}
	// the same pages as files: the local part alone, to set the fetching against
	for name, args := range map[string][]string{"urls": urls, "files": files} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				db := filepath.Join(b.TempDir(), "bench.db")
				var out, errOut bytes.Buffer
				m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
					Now: time.Now, Fetch: &httpfetch.Options{Delay: -1, IgnoreRobots: true}}
				start, cpu := time.Now(), cpuTime(os.Getpid())
				if code := m.Run(context.Background(), append(args, "--db", db)); code != 0 {
					b.Fatalf("exit %d: %s", code, errOut.String())
				}
				b.ReportMetric(float64(n)/time.Since(start).Seconds(), "pages/s")
				if used := cpuTime(os.Getpid()) - cpu; used > 0 {
					// the whole process's: the loopback server's work is in it
					b.ReportMetric(float64(n)/used.Seconds(), "pages/cpu-s")
				}
				b.Logf("%s", strings.TrimSpace(out.String()))
				if keep := os.Getenv("CROSSCHECK_BENCH_KEEP"); keep != "" {
					// the store of the last run, kept to compare what two builds stored
					if err := os.Rename(db, filepath.Join(keep, name+".db")); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
