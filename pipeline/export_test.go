package pipeline

// SetCommitEvery makes a grouping transaction save every n articles until the test ends.
func SetCommitEvery(t interface{ Cleanup(func()) }, n int) {
	old := commitEvery
	commitEvery = n
	t.Cleanup(func() { commitEvery = old })
}
