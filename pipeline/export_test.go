package pipeline

import "testing"

// SetCommitEvery makes a grouping transaction save every n articles until the test ends.
func SetCommitEvery(t testing.TB, n int) {
	old := commitEvery
	commitEvery = n
	t.Cleanup(func() { commitEvery = old })
}
