package group

// scratch is the memory an article's placing works in, reused from article to article, so
// that weighing it against its candidate stories allocates nothing.
type scratch struct {
	// table holds the weights of the article being placed in an open-addressed table of its
	// features (see spread), a few kilobytes whatever the vocabulary: its cosine with a
	// centroid is one pass over the centroid.
	table  []spreadSlot
	mask   uint32
	query  Vector  // the article's query features (see candidates)
	ids    []int32 // their ids
	cands  []int   // the candidate stories
	keys   []string
	hashes []uint64 // wordHash of keys
	entry  []fresh1
	order  []int
	terms  Vector // the article's weighed features before top (see vector)
	// reindex's: the story's index features, those it was listed under, the lists to read
	index  Vector
	had    []int32
	change []int32
}

// A spreadSlot is a feature of the spread article: its id plus one (0: a free slot) and weight.
type spreadSlot struct {
	id     int32
	weight float32
}

// slot is where a feature's search in the table begins.
func (w *scratch) slot(id int32) uint32 { return (uint32(id) * 0x9e3779b1) >> 16 & w.mask }

// spread writes an article's weights into the table, made at least four times as large as
// the article's features.
func (w *scratch) spread(v Vector) {
	n := 16
	for n < 4*len(v) {
		n *= 2
	}
	if len(w.table) < n {
		w.table = make([]spreadSlot, n)
	}
	w.mask = uint32(len(w.table) - 1)
	for _, f := range v {
		h := w.slot(f.ID)
		for w.table[h].id != 0 {
			h = (h + 1) & w.mask
		}
		w.table[h] = spreadSlot{f.ID + 1, f.Weight}
	}
}

// unspread empties the table.
func (w *scratch) unspread() { clear(w.table) }

// cosine is Cosine of the spread article and a unit vector: the same products summed in the
// same order (by feature id), over the features both have.
func (w *scratch) cosine(b Vector) float64 {
	var dot float32
	t, mask := w.table, w.mask
	for _, f := range b {
		for h := w.slot(f.ID); t[h].id != 0; h = (h + 1) & mask {
			if t[h].id == f.ID+1 {
				dot += t[h].weight * f.Weight
				break
			}
		}
	}
	return float64(dot)
}

// fresh1 is a feature never weighed: its entry in the cache's words (-1: none) and its hash.
type fresh1 struct {
	i    int32
	hash uint64
}
