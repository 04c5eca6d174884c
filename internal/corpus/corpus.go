// Package corpus finds the shared corpora for tests and benchmarks: ../shared/corpus beside
// the project's root, or the directory CROSSCHECK_CORPUS names. Tests that need a corpus that
// is absent skip with a message, so the project's tests pass on a fresh clone alone.
package corpus

import (
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
