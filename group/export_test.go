package group

// SetDuplicateWindow sets the near-duplicate window for a test; the returned func restores it.
func SetDuplicateWindow(n int64) (restore func()) {
	old := duplicateWindow
	duplicateWindow = n
	return func() { duplicateWindow = old }
}
