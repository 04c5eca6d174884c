package pipeline

import "testing"

// SetCommitEvery makes a grouping transaction save every n articles until the test ends.
func SetCommitEvery(t testing.TB, n int) {
	old := commitEvery
	commitEvery = n
	t.Cleanup(func() { commitEvery = old })
}

// SetIndexEvery makes the writer update the search index every n stored articles until the
// test ends.
func SetIndexEvery(t testing.TB, n int) {
	old := indexEvery
	indexEvery = n
	t.Cleanup(func() { indexEvery = old })
}

// SetWindowBytes bounds the bytes of the documents in flight to n until the test ends.
func SetWindowBytes(t testing.TB, n int64) {
	old := windowBytes
	windowBytes = n
	t.Cleanup(func() { windowBytes = old })
}
