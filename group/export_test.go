package group

// SetDuplicateWindow sets the near-duplicate window for a test; the returned func restores it.
func SetDuplicateWindow(n int64) (restore func()) {
	old := duplicateWindow
	duplicateWindow = n
	return func() { duplicateWindow = old }
}

// BandSignatures returns the signatures a Memory state's band buckets hold, one per entry.
func BandSignatures(m *Memory) []int64 {
	var out []int64
	for _, b := range m.bands {
		out = append(out, b...)
	}
	return out
}

// Signatures is how many signatures a Memory state has counted.
func Signatures(m *Memory) int64 { return m.meta.Signatures }

// StoredSignatures is how many signatures a Memory state holds.
func StoredSignatures(m *Memory) int { return len(m.sigs) }
