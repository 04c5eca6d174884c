// Package corpus finds the shared corpora for tests and benchmarks: ../shared/corpus beside
// the project's root, or the directory CROSSCHECK_CORPUS names. Tests that need a corpus that
// is absent skip with a message, so the project's tests pass on a fresh clone alone.
package corpus

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Dir returns the corpus directory, or "" when there is none.
func Dir() string {
	if d := os.Getenv("CROSSCHECK_CORPUS"); d != "" {
		return d
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return ""
	}
	root := filepath.Join(filepath.Dir(file), "..", "..")
	d := filepath.Join(root, "..", "shared", "corpus")
	if _, err := os.Stat(d); err != nil {
		return ""
	}
	return d
}

// Path returns the path of a file in the corpus, skipping the test when it is absent.
func Path(tb testing.TB, rel string) string {
	tb.Helper()
	d := Dir()
	if d == "" {
		tb.Skipf("corpus not found (../shared/corpus or CROSSCHECK_CORPUS): skipping what needs %s", rel)
	}
	p := filepath.Join(d, rel)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("corpus file %s not found: skipping", p)
	}
	return p
}

// Texts returns the "text" of the first n records of the gzipped JSON Lines file at path
// (Reuters' form), the records that do not parse left out.
func Texts(tb testing.TB, path string, n int) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(nil, 1<<24)
	var texts []string
	for len(texts) < n && sc.Scan() {
		var rec struct{ Text string }
		if json.Unmarshal(sc.Bytes(), &rec) == nil {
			texts = append(texts, rec.Text)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}
