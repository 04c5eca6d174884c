package group

// scratch is the memory an article's placing works in, reused from article to article, so
// that weighing it against its candidate stories allocates nothing.
type scratch struct {
	// dense holds the weights of the article being placed, by feature id, and zero elsewhere
	// (see spread): its cosine with a centroid is one pass over the centroid.
	dense []float32
	query Vector  // the article's query features (see candidates)
	ids   []int32 // their ids
	cands []int   // the candidate stories
	keys  []string
	terms Vector // the article's weighed features before top (see vector)
	// reindex's: the story's index features, those it was listed under, the lists to read
	index  Vector
	had    []int32
	change []int32
}

// spread writes an article's weights into dense, which grows to hold features ids below n.
func (w *scratch) spread(v Vector, n int) {
	if len(w.dense) < n {
		w.dense = append(w.dense, make([]float32, n-len(w.dense))...)
	}
	for _, f := range v {
		w.dense[f.ID] = f.Weight
	}
}

// unspread zeroes what spread wrote.
func (w *scratch) unspread(v Vector) {
	for _, f := range v {
		w.dense[f.ID] = 0
	}
}

// cosine is Cosine of the spread article and a unit vector: the same products summed in the
// same order (by feature id), the features the article lacks adding zeros, which leave the
// sum as it is.
func (w *scratch) cosine(b Vector) float64 {
	var dot float32
	d := w.dense
	for _, f := range b {
		if int(f.ID) < len(d) {
			dot += d[f.ID] * f.Weight
		}
	}
	return float64(dot)
}
