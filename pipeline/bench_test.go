package pipeline_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

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
