package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	dto "github.com/prometheus/client_model/go"
	"github.com/prometheus/common/expfmt"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// BenchmarkServeLoad measures crosscheck serve over a store holding the Reuters corpus and the
// seeds: the server runs as a process of its own on loopback, and a client sends story pages,
// story reports, story lists, article pages and searches at a constant rate, each request on
// its schedule whether or not the ones before it have been answered (so a slow answer delays
// the requests behind it in the measure too). Every URL is visited once before, so stored
// reports and the search index exist; those first visits are reported apart. Then a closed
// loop of 8 clients finds the most the server answers.
//
//	go test ./cmd/crosscheck -run XXX -bench ServeLoad -benchtime 1x
//
// CROSSCHECK_BENCH_DB reuses a store (made when absent); CROSSCHECK_BENCH_RATE (200 a second)
// and CROSSCHECK_BENCH_SECONDS (30) set the load; CROSSCHECK_BENCH_INGEST=1 runs an ingest of
// the Reuters articles again, under new ids, into the store while the load runs;
// CROSSCHECK_BENCH_FOLLOW=1 runs crosscheck follow into the store while it runs, from a
// loopback server of feeds that give new items at every fetch, and CROSSCHECK_BENCH_FOLLOW=serve
// has the server follow them itself (serve --follow, its follow a child process at
// --follow-nice 10); CROSSCHECK_BENCH_NICE=N runs that ingest or follow with --nice N (with
// serve, --follow-nice N).
func BenchmarkServeLoad(b *testing.B) {
	reuters := corpus.Path(b, "bulk/reuters21578.jsonl.gz")
	seeds := corpus.Path(b, "seeds")
	db := os.Getenv("CROSSCHECK_BENCH_DB")
	if db == "" {
		db = filepath.Join(b.TempDir(), "load.db")
	}
	if _, err := os.Stat(db); err != nil {
		b.Logf("making the store %s", db)
		m := &Main{Stdin: os.Stdin, Stdout: io.Discard, Stderr: io.Discard, Getenv: func(string) string { return "" }, Now: time.Now}
		if code := m.Run(context.Background(), []string{"ingest", "--db", db, reuters, seeds}); code != 0 {
			b.Fatalf("ingest: exit %d", code)
		}
	}
	var serverArgs []string
	inServer := os.Getenv("CROSSCHECK_BENCH_FOLLOW") == "serve"
	if inServer {
		// the server follows every second; the feeds are added when the load starts
		serverArgs = []string{"--follow", "--every", "1s", "--allow-private"}
		if nice := niceArgs(); nice != nil {
			serverArgs = append(serverArgs, "--follow-nice", nice[1])
		}
	}
	base, server, serverLog := startServer(b, db, serverArgs...)
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 512}}
	start := time.Now()
	urls := loadURLs(b, client, base)
	b.Logf("picking the URLs (the story list's first 200 stories and 100 more, whose reports are made on the way): %s", time.Since(start).Round(time.Millisecond))

	b.ResetTimer()
	// A first visit of a story whose report is not made answers at once that it is being made
	// (202) and the server makes it in the background: the visits are timed, then repeated until
	// every report is there, and that wait is reported apart.
	var cold []time.Duration
	pending := 0
	for _, u := range urls {
		start := time.Now()
		code, err := fetchStatus(client, base+u.path)
		if err != nil {
			b.Fatalf("%s: %v", u.path, err)
		}
		cold = append(cold, time.Since(start))
		if code == http.StatusAccepted {
			pending++
		}
	}
	b.Logf("first visits: %d URLs (%d reports being made), p50 %s p99 %s max %s", len(cold), pending, pct(cold, 50), pct(cold, 99), pct(cold, 100))
	start = time.Now()
	for _, u := range urls {
		for {
			code, err := fetchStatus(client, base+u.path)
			if err != nil {
				b.Fatalf("%s: %v", u.path, err)
			}
			if code != http.StatusAccepted {
				break
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	b.Logf("until every report was made in the background: %s", time.Since(start).Round(time.Millisecond))

	rate := envInt("CROSSCHECK_BENCH_RATE", 200)
	seconds := envInt("CROSSCHECK_BENCH_SECONDS", 30)
	var ingestDone chan string
	if os.Getenv("CROSSCHECK_BENCH_INGEST") != "" {
		// a writer beside the readers: the Reuters articles again, under new ids, ingested
		// into the same store by another process while the load runs
		again := reuttersAgain(b, reuters)
		ingestDone = make(chan string, 1)
		go func() {
			start := time.Now()
			cmd := exec.Command(os.Args[0], append([]string{"ingest", "--db", db}, append(niceArgs(), again)...)...)
			cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=1")
			out, err := cmd.CombinedOutput()
			ingestDone <- fmt.Sprintf("ingest beside the load: %s in %s (%v): %s", again, time.Since(start).Round(time.Millisecond), err, firstLine(out))
		}()
	}
	if nice := niceArgs(); nice != nil && (ingestDone != nil || os.Getenv("CROSSCHECK_BENCH_FOLLOW") != "") {
		b.Logf("the writer beside the load runs with --nice %s", nice[1])
	} else if inServer {
		b.Logf("the server's follow process runs at its default --follow-nice")
	} else if ingestDone != nil || os.Getenv("CROSSCHECK_BENCH_FOLLOW") != "" {
		b.Logf("the writer beside the load runs with --nice unset: nice 10 by itself while the server serves its store")
	}
	var stopFollow func() string
	switch {
	case inServer:
		stopFollow = followInServer(b, db, serverLog)
	case os.Getenv("CROSSCHECK_BENCH_FOLLOW") != "":
		stopFollow = followBeside(b, db)
	}
	before, cpu := scrape(b, client, base), cpuTime(server)
	lat, byKind, reasons, beingMade, took := openLoop(client, base, urls, rate, rate*seconds)
	if beingMade > 0 {
		b.Logf("%d answered that their report is being made (202), timed with the rest", beingMade)
	}
	b.ReportMetric(float64(beingMade), "being-made")
	failed := 0
	for reason, n := range reasons {
		failed += n
		b.Logf("failed: %d × %s", n, reason)
	}
	after, cpu := scrape(b, client, base), cpuTime(server)-cpu
	if stopFollow != nil {
		b.Log(stopFollow())
	}
	b.Logf("%d req/s for %d s: %d requests in %s, %d failed; p50 %s p90 %s p99 %s max %s",
		rate, seconds, len(lat), took.Round(time.Millisecond), failed, pct(lat, 50), pct(lat, 90), pct(lat, 99), pct(lat, 100))
	for _, k := range slices.Sorted(maps.Keys(byKind)) {
		d := byKind[k]
		fmt.Printf("  %-13s %5d requests  p50 %-8s p99 %s\n", k, len(d), pct(d, 50), pct(d, 99))
	}
	serverSide(os.Stdout, before, after)
	// the server's own CPU time per request: what the load costs, whatever else the machine runs
	fmt.Printf("  server CPU time over the load: %s, %.2f ms a request\n", cpu.Round(time.Millisecond), ms(cpu)/float64(len(lat)+failed))
	b.ReportMetric(ms(cpu)/float64(len(lat)+failed), "server-cpu-ms/req")
	if ingestDone != nil {
		b.Log(<-ingestDone)
	}
	b.ReportMetric(ms(pct(lat, 50)), "p50-ms")
	b.ReportMetric(ms(pct(lat, 99)), "p99-ms")
	b.ReportMetric(float64(len(lat))/took.Seconds(), "req/s")
	b.ReportMetric(float64(failed), "failed")

	n, took := closedLoop(client, base, urls, 8, 10*time.Second)
	b.Logf("closed loop, 8 clients: %d requests in %s, %.0f req/s", n, took.Round(time.Millisecond), float64(n)/took.Seconds())
	b.ReportMetric(float64(n)/took.Seconds(), "max-req/s")
}

// niceArgs are the flags that give the writer beside the load the priority
// CROSSCHECK_BENCH_NICE asks for.
func niceArgs() []string {
	if n := os.Getenv("CROSSCHECK_BENCH_NICE"); n != "" {
		return []string{"--nice", n}
	}
	return nil
}

// reuttersAgain writes the Reuters records under new ids, for an ingest beside the load.
func reuttersAgain(b *testing.B, reuters string) string {
	b.Helper()
	path := filepath.Join(b.TempDir(), "again.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	defer w.Flush()
	for it := range ingest.Read(context.Background(), []string{reuters}, ingest.Options{}) {
		if it.Doc == nil {
			continue
		}
		json.NewEncoder(w).Encode(map[string]string{"id": "again-" + it.Doc.ID, "title": it.Doc.Meta.Title,
			"text": string(it.Doc.Raw), "date": it.Doc.Meta.Published, "source": it.Doc.Meta.Source})
	}
	return path
}

func firstLine(b []byte) string {
	line, _, _ := strings.Cut(string(b), "\n")
	return line
}

// startServer runs the test binary as crosscheck serve over db on a free loopback port, with
// args, and returns its base URL, process id and log; the server is stopped when the
// benchmark ends.
func startServer(b *testing.B, db string, args ...string) (string, int, *syncBuffer) {
	cmd := exec.Command(os.Args[0], append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=1")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	lines := bufio.NewScanner(stderr)
	for lines.Scan() {
		var line struct{ Msg, Addr string }
		if json.Unmarshal(lines.Bytes(), &line) == nil && line.Msg == "serving" {
			log := &syncBuffer{}
			go io.Copy(log, stderr)
			return "http://" + line.Addr, cmd.Process.Pid, log
		}
	}
	b.Fatalf("the server stopped before serving: %v", lines.Err())
	return "", 0, nil
}

// cpuTime returns the CPU time a process has used, user and system, from /proc (0 where there
// is none).
func cpuTime(pid int) time.Duration {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	// the fields after the command's name, which is in parentheses and may hold spaces
	_, after, _ := strings.Cut(string(stat), ") ")
	f := strings.Fields(after)
	if len(f) < 13 {
		return 0
	}
	user, _ := strconv.ParseInt(f[11], 10, 64)
	system, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(user+system) * time.Second / 100 // clock ticks, 100 a second on Linux
}

// loadURL is one request of the load, and the kind of page it asks for.
type loadURL struct{ kind, path string }

// loadURLs picks what the load asks for: the stories on the first four pages of the list and
// 100 more from anywhere in it, their pages and reports, the articles of 100 of them, the
// list's first pages, and searches for common words.
func loadURLs(b *testing.B, client *http.Client, base string) []loadURL {
	var list struct {
		Total   int
		Stories []struct{ ID string }
	}
	get := func(path string, v any) {
		resp, err := client.Get(base + path)
		// a report not made yet is being made in the background: ask again until it is there
		for deadline := time.Now().Add(time.Minute); err == nil && resp.StatusCode == http.StatusAccepted && time.Now().Before(deadline); {
			resp.Body.Close()
			time.Sleep(20 * time.Millisecond)
			resp, err = client.Get(base + path)
		}
		if err != nil {
			b.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			b.Fatalf("%s: %s", path, resp.Status)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			b.Fatalf("%s: %v", path, err)
		}
	}
	var stories []string
	for offset := 0; offset < 200; offset += 50 {
		get(fmt.Sprintf("/api/stories?limit=50&offset=%d", offset), &list)
		for _, s := range list.Stories {
			stories = append(stories, s.ID)
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100 {
		get(fmt.Sprintf("/api/stories?limit=1&offset=%d", r.IntN(list.Total)), &list)
		stories = append(stories, list.Stories[0].ID)
	}
	var urls []loadURL
	for i, id := range stories {
		urls = append(urls, loadURL{"story page", "/stories/" + url.PathEscape(id)}, loadURL{"story JSON", "/api/stories/" + url.PathEscape(id)})
		if i%3 != 0 {
			continue
		}
		var rep struct{ Articles []struct{ ID string } }
		get("/api/stories/"+url.PathEscape(id), &rep)
		a := rep.Articles[r.IntN(len(rep.Articles))].ID
		urls = append(urls, loadURL{"article page", "/articles/" + url.PathEscape(a)}, loadURL{"article JSON", "/api/articles/" + url.PathEscape(a)})
	}
	for offset := 0; offset < 200; offset += 50 {
		urls = append(urls, loadURL{"story list", fmt.Sprintf("/?offset=%d", offset)}, loadURL{"list JSON", fmt.Sprintf("/api/stories?offset=%d", offset)})
	}
	for _, w := range []string{"oil", "bank", "trade", "dollar", "wheat", "coffee", "gold", "profit", "interest rates", "Ushakov"} {
		q := url.QueryEscape(w)
		urls = append(urls, loadURL{"search", "/search?q=" + q}, loadURL{"search JSON", "/api/search?q=" + q}, loadURL{"list search", "/?q=" + q})
	}
	return urls
}

func fetch(client *http.Client, u string) error {
	code, err := fetchStatus(client, u)
	if err == nil && code != 200 {
		err = fmt.Errorf("%d %s", code, http.StatusText(code))
	}
	return err
}

// fetchStatus gets u and reads its answer, returning its status when it is 200 or 202.
func fetchStatus(client *http.Client, u string) (int, error) {
	resp, err := client.Get(u)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if _, err := io.Copy(io.Discard, resp.Body); err != nil {
		return 0, err
	}
	if resp.StatusCode != 200 && resp.StatusCode != http.StatusAccepted {
		return resp.StatusCode, fmt.Errorf("%s", resp.Status)
	}
	return resp.StatusCode, nil
}

// openLoop sends n requests picked at random from urls, rate a second, each at its time, and
// returns their latencies from the time each was due, by kind too, how many failed, by
// reason, and how many were answered that their report is being made (202: a writer changed
// the story, and the report is made again in the background; an answer, timed with the rest).
func openLoop(client *http.Client, base string, urls []loadURL, rate, n int) ([]time.Duration, map[string][]time.Duration, map[string]int, int, time.Duration) {
	r := rand.New(rand.NewPCG(3, 4))
	var mu sync.Mutex
	var wg sync.WaitGroup
	lat := make([]time.Duration, 0, n)
	byKind := map[string][]time.Duration{}
	failed := map[string]int{}
	beingMade := 0
	interval := time.Second / time.Duration(rate)
	start := time.Now()
	for i := range n {
		u := urls[r.IntN(len(urls))]
		due := start.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(due))
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, err := fetchStatus(client, base+u.path)
			d := time.Since(due)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				failed[err.Error()]++
				return
			}
			if code == http.StatusAccepted {
				beingMade++
			}
			lat = append(lat, d)
			byKind[u.kind] = append(byKind[u.kind], d)
		}()
	}
	wg.Wait()
	return lat, byKind, failed, beingMade, time.Since(start)
}

// closedLoop has workers send requests one after another for d and returns how many were
// answered.
func closedLoop(client *http.Client, base string, urls []loadURL, workers int, d time.Duration) (int, time.Duration) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	start := time.Now()
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(5, uint64(w)))
			for time.Since(start) < d {
				if fetch(client, base+urls[r.IntN(len(urls))].path) == nil {
					mu.Lock()
					n++
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return n, time.Since(start)
}

// pct returns the p-th percentile of ds (100: the largest).
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := min(len(s)-1, (len(s)*p+99)/100-1)
	return s[max(i, 0)].Round(10 * time.Microsecond)
}

func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// metrics is what the server's /metrics said at one moment, by metric name.
type metrics map[string]*dto.MetricFamily

func scrape(b *testing.B, client *http.Client, base string) metrics {
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var p expfmt.TextParser
	m, err := p.TextToMetricFamilies(resp.Body)
	if err != nil {
		b.Fatalf("/metrics: %v", err)
	}
	return m
}

// counter returns the value of an unlabelled counter (0 when there is none).
func (m metrics) counter(name string) float64 {
	if f := m[name]; f != nil && len(f.Metric) > 0 {
		return f.Metric[0].GetCounter().GetValue()
	}
	return 0
}

// histogram is a histogram's cumulative counts under each bucket's upper bound, its count
// and its sum.
type histogram struct {
	bounds []float64
	counts []uint64
	count  uint64
	sum    float64
}

// histograms returns the histograms of a metric by the value of one label ("" for none).
func (m metrics) histograms(name, label string) map[string]histogram {
	out := map[string]histogram{}
	f := m[name]
	if f == nil {
		return out
	}
	for _, mt := range f.Metric {
		key := ""
		for _, l := range mt.Label {
			if l.GetName() == label {
				key = l.GetValue()
			}
		}
		hs := mt.GetHistogram()
		h := histogram{count: hs.GetSampleCount(), sum: hs.GetSampleSum()}
		for _, bk := range hs.Bucket {
			h.bounds, h.counts = append(h.bounds, bk.GetUpperBound()), append(h.counts, bk.GetCumulativeCount())
		}
		out[key] = h
	}
	return out
}

// since is what h counted after was taken from what it counted before.
func (h histogram) since(before histogram) histogram {
	d := histogram{bounds: h.bounds, count: h.count - before.count, sum: h.sum - before.sum}
	for i, c := range h.counts {
		if i < len(before.counts) {
			c -= before.counts[i]
		}
		d.counts = append(d.counts, c)
	}
	return d
}

// atMost returns the upper bound of the bucket that holds the p-th percentile.
func (h histogram) atMost(p float64) float64 {
	want := uint64(float64(h.count)*p/100 + 0.5)
	for i, c := range h.counts {
		if c >= max(want, 1) {
			return h.bounds[i]
		}
	}
	return math.Inf(1)
}

func seconds(s float64) string {
	if math.IsInf(s, 1) {
		return "more"
	}
	return time.Duration(s * float64(time.Second)).Round(10 * time.Microsecond).String()
}

// serverSide prints, from the server's own histograms over the load, each route's time to
// answer split into the time its store calls took and the rest (rendering, encoding, waiting
// for a core), and the runtime's scheduling latency and GC pauses.
func serverSide(w io.Writer, before, after metrics) {
	fmt.Fprintln(w, "  server side over the load (percentiles are bucket bounds):")
	total, inStore := after.histograms("crosscheck_http_request_duration_seconds", "route"), after.histograms("crosscheck_http_request_store_seconds", "route")
	total0, inStore0 := before.histograms("crosscheck_http_request_duration_seconds", "route"), before.histograms("crosscheck_http_request_store_seconds", "route")
	for _, route := range slices.Sorted(maps.Keys(total)) {
		t, st := total[route].since(total0[route]), inStore[route].since(inStore0[route])
		if t.count == 0 || route == "GET /metrics" {
			continue
		}
		n := float64(t.count)
		fmt.Fprintf(w, "    %-24s %5d  mean %-9s (store %-9s rest %-9s)  p50 ≤ %-7s p99 ≤ %-7s store p99 ≤ %s\n", route, t.count,
			seconds(t.sum/n), seconds(st.sum/n), seconds((t.sum-st.sum)/n), seconds(t.atMost(50)), seconds(t.atMost(99)), seconds(st.atMost(99)))
	}
	if waits := after.counter("crosscheck_store_reader_waits_total") - before.counter("crosscheck_store_reader_waits_total"); waits > 0 {
		wait := after.counter("crosscheck_store_reader_wait_seconds_total") - before.counter("crosscheck_store_reader_wait_seconds_total")
		fmt.Fprintf(w, "    reads that waited for a connection: %.0f, %s in all\n", waits, seconds(wait))
	}
	for _, name := range []string{"go_sched_latencies_seconds", "go_sched_pauses_total_gc_seconds"} {
		h := after.histograms(name, "")[""].since(before.histograms(name, "")[""])
		if h.count > 0 {
			fmt.Fprintf(w, "    %-24s %d  p50 ≤ %s p99 ≤ %s p99.9 ≤ %s max ≤ %s\n", name, h.count, seconds(h.atMost(50)), seconds(h.atMost(99)), seconds(h.atMost(99.9)), seconds(h.atMost(100)))
		}
	}
}
