package group

// sigTable is the cache's near-duplicate signatures by number, with their articles' ids: the
// signatures in a map of their own, which holds no pointer, so that the collector does not
// walk a window's worth of them (five megabytes) at every cycle to find the ids.
type sigTable struct {
	sig map[int64]Signature
	id  map[int64]string
}

func newSigTable() sigTable {
	return sigTable{sig: map[int64]Signature{}, id: map[int64]string{}}
}

func (t sigTable) has(j int64) bool {
	_, ok := t.sig[j]
	return ok
}

func (t sigTable) get(j int64) (sigEntry, bool) {
	s, ok := t.sig[j]
	return sigEntry{t.id[j], s}, ok
}

func (t sigTable) set(j int64, e sigEntry) {
	t.sig[j], t.id[j] = e.sig, e.id
}

func (t sigTable) del(j int64) {
	delete(t.sig, j)
	delete(t.id, j)
}

func (t sigTable) len() int { return len(t.sig) }
