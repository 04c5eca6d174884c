package group_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/internal/realnews"
	"github.com/crosscheck/crosscheck/sqlite"
)

// base is a real article a stream is made from (realnews.Read).
type base = realnews.Article

// perturb makes a new article from a real one: sentences dropped and reordered, words and
// numbers changed, as another outlet or a later update would.
func perturb(r *rand.Rand, b base) base {
	sentences := strings.SplitAfter(b.Text, ". ")
	var kept []string
	for _, s := range sentences {
		if r.Float64() < 0.8 {
			kept = append(kept, s)
		}
	}
	if len(kept) > 2 && r.Float64() < 0.5 {
		i, j := r.IntN(len(kept)), r.IntN(len(kept))
		kept[i], kept[j] = kept[j], kept[i]
	}
	words := strings.Fields(strings.Join(kept, ""))
	for i, w := range words {
		switch {
		case w[0] >= '0' && w[0] <= '9' && r.Float64() < 0.3:
			words[i] = fmt.Sprint(r.IntN(1000))
		case r.Float64() < 0.03:
			words[i] = "changed"
		}
	}
	return base{Title: b.Title, Text: strings.Join(words, " ")}
}

// BenchmarkGroupScaling streams 200,000 articles through near-duplicate detection and story
// grouping and compares the time per article of the first and last tenth, which must stay
// within 1.5× of each other, and reports the heap per article.
func BenchmarkGroupScaling(b *testing.B) {
	src := realnews.Read(b)
	const n = 200_000
	r := rand.New(rand.NewPCG(7, 7))
	stream := make([]base, n)
	dates := make([]time.Time, n)
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range stream {
		stream[i] = perturb(r, src[r.IntN(len(src))])
		dates[i] = start.Add(time.Duration(i) * 5 * time.Minute) // two years of news, in order
	}
	b.ResetTimer()
	for iter := 0; iter < b.N; iter++ {
		runtime.GC()
		var before runtime.MemStats
		runtime.ReadMemStats(&before)
		c := group.NewClusterer(group.DefaultOptions)
		var tenth [10]time.Duration
		for i, a := range stream {
			t0 := time.Now()
			c.Duplicate(fmt.Sprint(i), group.Sign(a.Title+"\n"+a.Text))
			c.Add(fmt.Sprint(i), group.Extract(a.Title, a.Text), dates[i])
			tenth[i*10/n] += time.Since(t0)
		}
		b.StopTimer()
		runtime.GC()
		var after runtime.MemStats
		runtime.ReadMemStats(&after)
		per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(n/10) }
		b.ReportMetric(per(tenth[0]), "µs/article-first10%")
		b.ReportMetric(per(tenth[9]), "µs/article-last10%")
		b.ReportMetric(per(tenth[9])/per(tenth[0]), "last/first")
		b.ReportMetric(float64(after.HeapInuse-before.HeapInuse)/n, "heap-bytes/article")
		b.ReportMetric(float64(len(c.Stories())), "stories")
		if ratio := per(tenth[9]) / per(tenth[0]); ratio > 1.5 {
			b.Errorf("the last tenth costs %.2f× the first", ratio)
		}
		runtime.KeepAlive(c)
		b.StartTimer()
	}
}

// Grouping in a store saves every saveEvery articles and keeps what it read to about
// cacheLimit bytes (CROSSCHECK_BENCH_CACHE_MB, when set, for a shorter stream that is to
// outgrow its cache as a long one does). An ingest run saves more often with a smaller cache
// (pipeline's commitEvery and cacheLimit, 2,000 articles and 48 MB), since the analysis shares
// its memory limit; grouping alone, as here, has the room.
const (
	saveEvery  = 10_000
	cacheLimit = 96 << 20
)

// BenchmarkGroupStream streams generated articles, dated five minutes apart, through
// near-duplicate detection and story grouping with the state in a SQLite store — rows read as
// the articles need them, saved every saveEvery articles, the clusterer's cache forgotten past
// cacheLimit — so that memory stays bounded however long the stream. It reports the time per
// article (wall clock, and processor time, the steadier on a shared machine) of the first and
// last tenth and their ratio, and the peak RSS; it logs, each tenth, the rows of the state read
// and written per article. CROSSCHECK_BENCH_ARTICLES sets the length (100,000 unless set; a
// multiple of 10,000).
func BenchmarkGroupStream(b *testing.B) {
	n := 100_000
	if s := os.Getenv("CROSSCHECK_BENCH_ARTICLES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 || n%saveEvery != 0 {
			b.Fatalf("CROSSCHECK_BENCH_ARTICLES=%q: a multiple of %d, please", s, saveEvery)
		}
	}
	limit := cacheLimit
	if s := os.Getenv("CROSSCHECK_BENCH_CACHE_MB"); s != "" {
		mb, err := strconv.Atoi(s)
		if err != nil || mb <= 0 {
			b.Fatalf("CROSSCHECK_BENCH_CACHE_MB=%q: a number of megabytes, please", s)
		}
		limit = mb << 20
	}
	src := realnews.Read(b)
	ctx := context.Background()
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for iter := 0; iter < b.N; iter++ {
		store, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "stream.db"))
		if err != nil {
			b.Fatal(err)
		}
		counted := &countingState{Store: store}
		c, err := group.New(ctx, counted, group.DefaultOptions)
		if err != nil {
			b.Fatal(err)
		}
		r := rand.New(rand.NewPCG(7, 7))
		var wall, cpu, saveWall, saveCPU [10]time.Duration
		var read, written [10]rowCounts
		const chunk = 1000 // articles made before they are timed
		batch := make([]base, chunk)
		for i := 0; i < n; i += chunk {
			for j := range batch {
				batch[j] = perturb(r, src[r.IntN(len(src))])
			}
			tenth := i * 10 / n
			t0, c0 := time.Now(), cpuTime()
			counted.rows = &read[tenth]
			// the tenths are apart in a processor profile: go tool pprof -tagfocus tenth=10
			pprof.Do(ctx, pprof.Labels("tenth", strconv.Itoa(tenth+1)), func(ctx context.Context) {
				for j, a := range batch {
					id := fmt.Sprint(i + j)
					c.Duplicate(id, group.Sign(a.Title+"\n"+a.Text))
					c.Add(id, group.Extract(a.Title, a.Text), start.Add(time.Duration(i+j)*5*time.Minute))
				}
				if (i+chunk)%saveEvery == 0 {
					s0, sc0 := time.Now(), cpuTime()
					// the save apart in a profile too: -tagfocus stage=save
					pprof.Do(ctx, pprof.Labels("stage", "save"), func(context.Context) {
						ch := c.TakeChanges()
						written[tenth].add(&ch.Rows)
						if err := store.SaveGroups(ctx, crosscheck.GroupSave{Version: c.Version(), Changes: ch.Rows}); err != nil {
							b.Fatal(err)
						}
						c.Saved()
						c.Shrink(limit)
					})
					saveWall[tenth] += time.Since(s0)
					saveCPU[tenth] += cpuTime() - sc0
				}
			})
			if err := c.Err(); err != nil {
				b.Fatal(err)
			}
			wall[i*10/n] += time.Since(t0)
			cpu[i*10/n] += cpuTime() - c0
			if (i+chunk)%(n/10) == 0 {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				b.Logf("%d articles: %.0f µs an article (%.0f µs of processor time); cache %.0f MB, heap %.0f MB, peak RSS %.0f MB", i+chunk,
					float64(wall[i*10/n].Microseconds())/float64(n/10), float64(cpu[i*10/n].Microseconds())/float64(n/10),
					float64(c.Cached())/(1<<20), float64(ms.HeapInuse)/(1<<20), peakRSSMB())
				b.Logf("    of which saving %.0f µs (%.0f µs of processor time)", float64(saveWall[tenth].Microseconds())/float64(n/10),
					float64(saveCPU[tenth].Microseconds())/float64(n/10))
				b.Logf("    rows an article: read %s; written %s", read[tenth].per(n/10), written[tenth].per(n/10))
			}
		}
		meta, err := store.GroupMeta(ctx)
		if err != nil {
			b.Fatal(err)
		}
		store.Close()
		per := func(d time.Duration) float64 { return float64(d.Microseconds()) / float64(n/10) }
		b.ReportMetric(per(wall[0]), "µs/article-first10%")
		b.ReportMetric(per(wall[9]), "µs/article-last10%")
		b.ReportMetric(per(wall[9])/per(wall[0]), "last/first")
		b.ReportMetric(per(cpu[9])/per(cpu[0]), "cpu-last/first")
		b.ReportMetric(peakRSSMB(), "peak-RSS-MB")
		b.ReportMetric(float64(meta.Stories), "stories")
	}
}

// rowCounts counts grouping-state rows by table, and the bytes of their blobs.
type rowCounts struct {
	words, lists, stories, members, bands, sigs, bytes int
	left                                               int // band entries deleted (written only)
}

func (r *rowCounts) add(ch *crosscheck.GroupChanges) {
	r.words += len(ch.Words)
	r.lists += len(ch.Lists)
	r.stories += len(ch.Stories)
	r.members += len(ch.Members)
	r.bands += len(ch.Bands)
	r.sigs += len(ch.Signatures)
	r.left += len(ch.Left)
	for _, l := range ch.Lists {
		r.bytes += len(l.Stories)
	}
	for _, s := range ch.Stories {
		r.bytes += len(s.Sum) + len(s.Indexed)
	}
	for _, m := range ch.Members {
		r.bytes += len(m.Vector)
	}
	for _, s := range ch.Signatures {
		r.bytes += len(s.Signature)
	}
}

// per says the counts per article, over n articles.
func (r *rowCounts) per(n int) string {
	f := func(x int) float64 { return float64(x) / float64(n) }
	s := fmt.Sprintf("%.2f words, %.2f lists, %.2f stories, %.2f members, %.2f bands, %.2f signatures (%.0f bytes of blobs)",
		f(r.words), f(r.lists), f(r.stories), f(r.members), f(r.bands), f(r.sigs), f(r.bytes))
	if r.left > 0 {
		s += fmt.Sprintf(", %.2f bands deleted", f(r.left))
	}
	return s
}

// countingState is a store's grouping state that counts the rows it returns.
type countingState struct {
	*sqlite.Store
	rows *rowCounts
}

func (s *countingState) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	out, err := s.Store.GroupWords(ctx, words)
	s.rows.words += len(out)
	return out, err
}

func (s *countingState) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	out, err := s.Store.GroupLists(ctx, features)
	s.rows.lists += len(out)
	for _, l := range out {
		s.rows.bytes += len(l.Stories)
	}
	return out, err
}

func (s *countingState) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	out, err := s.Store.GroupStories(ctx, ids)
	s.rows.stories += len(out)
	for _, r := range out {
		s.rows.bytes += len(r.Sum) + len(r.Indexed)
	}
	return out, err
}

func (s *countingState) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	out, err := s.Store.GroupMembers(ctx, story)
	s.rows.members += len(out)
	for _, m := range out {
		s.rows.bytes += len(m.Vector)
	}
	return out, err
}

func (s *countingState) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	out, err := s.Store.GroupBands(ctx, keys)
	s.rows.bands += len(out)
	return out, err
}

func (s *countingState) GroupSignatures(ctx context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	out, err := s.Store.GroupSignatures(ctx, ids)
	s.rows.sigs += len(out)
	for _, g := range out {
		s.rows.bytes += len(g.Signature)
	}
	return out, err
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// peakRSSMB is the process's peak resident set size (Linux), in MiB.
func peakRSSMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.Fields(rest)[0], 64)
			return kb / 1024
		}
	}
	return 0
}
