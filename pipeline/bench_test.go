package pipeline_test

import (
	"context"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	xcharmap "golang.org/x/text/encoding/charmap"

	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// peakRSSMB reads the process's peak resident set size from /proc (Linux), in MiB.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			kb, _ := strconv.ParseFloat(strings.Fields(line)[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// ingestInto runs the whole pipeline over inputs into a fresh store and reports articles/s.
func ingestInto(b *testing.B, inputs []string) {
	ctx := context.Background()
	total := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := pipeline.Run(ctx, ingest.Read(ctx, inputs, ingest.Options{}), store, pipeline.Options{})
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		store.Close()
		b.StartTimer()
		total += sum.Added
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}

// BenchmarkIngestReuters ingests the 19,043 Reuters articles end to end: read the gzipped
// JSONL, extract and clean on every core, store in SQLite.
func BenchmarkIngestReuters(b *testing.B) {
	ingestInto(b, []string{corpus.Path(b, "bulk/reuters21578.jsonl.gz")})
}

// renderPages writes the first n Reuters articles as HTML pages with the furniture of a real
// news site around them: navigation, breadcrumb, share bar, related links, comment form and
// footer, in UTF-8 and in Windows-1252.
func renderPages(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	i := 0
	for it := range ingest.Read(context.Background(), []string{corpus.Path(b, "bulk/reuters21578.jsonl.gz")}, ingest.Options{}) {
		if it.Err != nil {
			continue
		}
		var page strings.Builder
		charset := "utf-8"
		if i%4 == 3 {
			charset = "windows-1252"
		}
		fmt.Fprintf(&page, `<!DOCTYPE html><html lang="en"><head><meta charset="%s"><title>%s | Wire Desk</title>
<meta property="og:title" content="%s"><meta property="article:published_time" content="1987-03-%02dT10:00:00Z">
<meta name="author" content="Wire Desk Staff"><link rel="stylesheet" href="/s.css"><script>var tracking = {id: %d};</script></head>
<body><header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li><li><a href="/world">World</a></li><li><a href="/companies">Companies</a></li></ul></nav></header>
<div class="crumbs"><a href="/">Home</a> &gt; <a href="/markets">Markets</a></div>
<main><article><h1>%s</h1><div class="meta"><span>By Wire Desk Staff</span> <span>4 min read</span></div>
<div class="share"><a href="#">Share</a> <a href="#">Tweet</a> <a href="#">Email</a></div>
`, charset, html.EscapeString(it.Doc.Meta.Title), html.EscapeString(it.Doc.Meta.Title), 1+i%28, i, html.EscapeString(it.Doc.Meta.Title))
		for _, para := range strings.Split(string(it.Doc.Raw), "\n") {
			if strings.TrimSpace(para) != "" {
				fmt.Fprintf(&page, "<p>%s</p>\n", html.EscapeString(para))
			}
		}
		page.WriteString(`</article><aside><h3>Related</h3><ul><li><a href="/a">Oil prices steady in quiet trade</a></li><li><a href="/b">Dollar slips against yen</a></li></ul></aside>
<section class="comments"><h3>Leave a Reply</h3><p>Your email address will not be published. Required fields are marked *</p><form><textarea></textarea></form></section></main>
<footer><p>© 1987 Wire Desk. All rights reserved.</p><ul><li><a href="/privacy">Privacy</a></li><li><a href="/terms">Terms</a></li></ul></footer></body></html>`)
		data := []byte(page.String())
		if charset == "windows-1252" {
			data, _ = xcharmap.Windows1252.NewEncoder().Bytes(data)
		}
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("page-%05d.html", i)), data, 0o644); err != nil {
			b.Fatal(err)
		}
		if i++; i == n {
			break
		}
	}
	return dir
}

// BenchmarkIngestHTMLPages ingests Reuters articles rendered as full HTML pages: charset
// decoding, main-text extraction, cleaning and storing.
func BenchmarkIngestHTMLPages(b *testing.B) {
	dir := renderPages(b, 2000)
	b.ResetTimer()
	ingestInto(b, []string{dir})
}

// BenchmarkGroupReuters groups the 19,043 stored Reuters articles into stories: reading them
// back, extracting features, clustering, saving stories, links and state.
func BenchmarkGroupReuters(b *testing.B) {
	ctx := context.Background()
	src := filepath.Join(b.TempDir(), "src.db")
	store, err := sqlite.Open(ctx, src)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := pipeline.Run(ctx, ingest.Read(ctx, []string{corpus.Path(b, "bulk/reuters21578.jsonl.gz")}, ingest.Options{}), store, pipeline.Options{}); err != nil {
		b.Fatal(err)
	}
	store.Close()
	raw, _ := os.ReadFile(src)
	total := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := filepath.Join(b.TempDir(), "g.db")
		os.WriteFile(db, raw, 0o644)
		store, err := sqlite.Open(ctx, db)
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		sum, err := pipeline.Group(ctx, store, group.DefaultOptions)
		if err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		store.Close()
		b.StartTimer()
		total += sum.Grouped
	}
	b.ReportMetric(float64(total)/b.Elapsed().Seconds(), "articles/s")
	b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
}
