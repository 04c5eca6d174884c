package group

// scratch is the memory an article's placing works in, reused from article to article, so
// that weighing it against its candidate stories allocates nothing.
type scratch struct {
	// dense holds the weights of the article being placed, by feature id, and zero elsewhere
	// (see spread): its cosine with a centroid is one pass over the centroid.
	dense []float32
	// has has bit f set when the article has feature f: a cache's worth of features in
	// a few kilobytes, read before the weight
	has    []uint64
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

// spread writes an article's weights into dense, which grows to hold features ids below n.
func (w *scratch) spread(v Vector, n int) {
	if len(w.dense) < n {
		w.dense = append(w.dense, make([]float32, n-len(w.dense))...)
		w.has = append(w.has, make([]uint64, (n+63)/64-len(w.has))...)
	}
	for _, f := range v {
		w.dense[f.ID] = f.Weight
		w.has[f.ID/64] |= 1 << (f.ID % 64)
	}
}

// unspread zeroes what spread wrote.
func (w *scratch) unspread(v Vector) {
	for _, f := range v {
		w.dense[f.ID] = 0
		w.has[f.ID/64] = 0
	}
}

// cosine is Cosine of the spread article and a unit vector: the same products summed in the
// same order (by feature id), over the features both have.
func (w *scratch) cosine(b Vector) float64 {
	var dot float32
	d, has := w.dense, w.has
	for _, f := range b {
		if k := int(f.ID / 64); k < len(has) && has[k]&(1<<(f.ID%64)) != 0 {
			dot += d[f.ID] * f.Weight
		}
	}
	return float64(dot)
}

// fresh1 is a feature never weighed: its entry in the cache's words (-1: none) and its hash.
type fresh1 struct {
	i    int32
	hash uint64
}
