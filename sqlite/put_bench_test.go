package sqlite_test

import (
	"context"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/sqlite"
)

// processorTime is the processor time the process has used, user and system.
func processorTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPutReuters stores the first 2,048 Reuters articles, extracted beforehand, into a
// fresh store in batches as an ingest does, and indexes them for search: the writer's and
// the finish stage's work alone. cpu-ms/article is the processor time it took, which other
// work on the machine changes less than the time it took.
func BenchmarkPutReuters(b *testing.B) {
	const n, batch = 2048, 256
	ctx := context.Background()
	path := corpus.Path(b, "bulk/reuters21578.jsonl.gz")
	var entries []crosscheck.Entry
	for it := range ingest.Read(ctx, []string{path}, ingest.Options{}) {
		if it.Doc == nil {
			continue
		}
		a, err := extract.Article(it.Doc, extract.Options{})
		if err != nil {
			continue
		}
		if entries = append(entries, crosscheck.Entry{Input: it.Input, Doc: it.Doc, Article: a}); len(entries) == n {
			break
		}
	}
	var cpu time.Duration
	stored := 0
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "put.db"))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		start := processorTime()
		for i := 0; i < len(entries); i += batch {
			if _, err := s.Put(ctx, entries[i:min(i+batch, len(entries))]); err != nil {
				b.Fatal(err)
			}
		}
		if err := s.IndexSearch(ctx); err != nil {
			b.Fatal(err)
		}
		cpu += processorTime() - start
		stored += len(entries)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(cpu.Seconds()*1000/float64(stored), "cpu-ms/article")
}
