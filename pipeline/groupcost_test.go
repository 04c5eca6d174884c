package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/realnews"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
)

// costBase is a real article the stores are made from (realnews.Read).
type costBase = realnews.Article

// costArticle is the i-th article of a generated stream: a real one with sentences dropped
// and words changed, as another outlet would tell it, dated five minutes after the one before.
func costArticle(src []costBase, i int) (*crosscheck.Document, *crosscheck.Article) {
	r := rand.New(rand.NewPCG(uint64(i), 11))
	base := src[r.IntN(len(src))]
	var kept []string
	for _, s := range strings.SplitAfter(base.Text, ". ") {
		if r.Float64() < 0.8 {
			kept = append(kept, s)
		}
	}
	words := strings.Fields(strings.Join(kept, ""))
	for k, w := range words {
		if r.Float64() < 0.03 || (w[0] >= '0' && w[0] <= '9' && r.Float64() < 0.3) {
			words[k] = fmt.Sprint(r.IntN(1000))
		}
	}
	text := strings.Join(words, " ")
	published := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * 5 * time.Minute).Format(time.RFC3339)
	doc := &crosscheck.Document{ID: fmt.Sprintf("gen-%07d", i), Input: "gen", Format: crosscheck.FormatText,
		Raw: []byte(base.Title + "\n\n" + text), Meta: crosscheck.Meta{Title: base.Title, Published: published, Source: "gen"}}
	a := &crosscheck.Article{ID: doc.ID, Title: base.Title, Text: text, Published: published, Source: "gen", Hash: doc.Hash(), Format: doc.Format}
	return doc, a
}

// groupedStore returns a store of n generated articles, grouped, made once and kept under
// os.TempDir() for the state's format and the last migration (m16), since the 100,000 take
// minutes to group: a store kept from before a migration would be migrated inside the timed
// runs (016 deletes most of its signatures, and their checkpoint falls on the first articles).
func groupedStore(b *testing.B, src []costBase, n int) string {
	path := filepath.Join(os.TempDir(), fmt.Sprintf("crosscheck-groupcost-f%d-m16-%d.db", group.StateFormat, n))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	tmp := path + ".part"
	os.Remove(tmp)
	store, err := sqlite.Open(ctx, tmp)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	for i := 0; i < n; i += 1000 {
		var entries []crosscheck.Entry
		for j := i; j < min(n, i+1000); j++ {
			doc, a := costArticle(src, j)
			entries = append(entries, crosscheck.Entry{Doc: doc, Article: a})
		}
		if _, err := store.Put(ctx, entries); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := pipeline.Group(ctx, store, group.DefaultOptions); err != nil {
		b.Fatal(err)
	}
	if err := store.IndexSearch(ctx); err != nil { // as an ingest run does at its end
		b.Fatal(err)
	}
	store.Close()
	b.Logf("made a store of %d grouped articles in %s", n, time.Since(start).Round(time.Second))
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

func copyFile(b *testing.B, from, to string) {
	in, err := os.Open(from)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	// on disk before the timer starts: else the store's first checkpoint writes the whole copy
	if err := out.Sync(); err != nil {
		b.Fatal(err)
	}
	out.Close()
}

// BenchmarkIngestOneArticle ingests one new article end to end — extraction, storing,
// grouping against the state's rows, saving — into stores of 1,000, 10,000 and 100,000
// grouped articles: the time and the memory per article must not grow with the store.
func BenchmarkIngestOneArticle(b *testing.B) {
	src := realnews.Read(b)
	for _, n := range []int{1000, 10_000, 100_000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			db := filepath.Join(b.TempDir(), "store.db")
			copyFile(b, groupedStore(b, src, n), db)
			ctx := context.Background()
			st, err := sqlite.Open(ctx, db)
			if err != nil {
				b.Fatal(err)
			}
			defer st.Close()
			store := &countingStore{Store: st}
			opts := group.DefaultOptions
			runtime.GC()
			b.ReportAllocs()
			cpu0 := cpuTime()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				doc, _ := costArticle(src, n+i)
				one := func(yield func(ingest.Item) bool) { yield(ingest.Item{Input: doc.ID + ".txt", Doc: doc}) }
				sum, err := pipeline.Run(ctx, iter.Seq[ingest.Item](one), store, pipeline.Options{Group: &opts})
				if err != nil || sum.Groups.Grouped != 1 {
					b.Fatalf("%+v %v", sum.Groups, err)
				}
			}
			b.StopTimer()
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			store.report(b)
		})
	}
}

// countingStore counts the grouping state's rows an article reads, by kind, and the postings
// in the posting lists read.
type countingStore struct {
	*sqlite.Store
	words, lists, postings, stories, members, bands, sigs int
}

func (s *countingStore) GroupWords(ctx context.Context, words []string) ([]crosscheck.GroupWord, error) {
	r, err := s.Store.GroupWords(ctx, words)
	s.words += len(r)
	return r, err
}

func (s *countingStore) GroupLists(ctx context.Context, features []int32) ([]crosscheck.GroupList, error) {
	r, err := s.Store.GroupLists(ctx, features)
	s.lists += len(r)
	for _, l := range r {
		s.postings += len(l.Stories) / 4
	}
	return r, err
}

func (s *countingStore) GroupStories(ctx context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	r, err := s.Store.GroupStories(ctx, ids)
	s.stories += len(r)
	return r, err
}

func (s *countingStore) GroupMembers(ctx context.Context, story int) ([]crosscheck.GroupMember, error) {
	r, err := s.Store.GroupMembers(ctx, story)
	s.members += len(r)
	return r, err
}

func (s *countingStore) GroupBands(ctx context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	r, err := s.Store.GroupBands(ctx, keys)
	s.bands += len(r)
	return r, err
}

func (s *countingStore) GroupSignatures(ctx context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	r, err := s.Store.GroupSignatures(ctx, ids)
	s.sigs += len(r)
	return r, err
}

// report gives the rows read per article, in all and by kind.
func (s *countingStore) report(b *testing.B) {
	n := float64(b.N)
	all := s.words + s.lists + s.stories + s.members + s.bands + s.sigs
	b.ReportMetric(float64(all)/n, "rows/op")
	b.ReportMetric(float64(s.lists)/n, "lists/op")
	b.ReportMetric(float64(s.postings)/n, "postings/op")
	b.ReportMetric(float64(s.stories)/n, "stories/op")
	b.ReportMetric(float64(s.members)/n, "members/op")
	b.ReportMetric(float64(s.bands+s.sigs)/n, "sigrows/op")
}

// cpuTime is the processor time the process has used, user and system: on a shared machine a
// steadier figure than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
