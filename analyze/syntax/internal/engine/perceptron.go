package engine

// Perceptron is a multiclass averaged perceptron over hashed features, for training only: the
// weights it learns are exported with Averaged and quantised into a Table.
type Perceptron struct {
	classes int
	index   map[uint32]int32
	w       []int32 // current weights, rows × classes
	u       []int64 // sum of step × change, for averaging
	n       []int32 // updates per row
	step    int64
}

// NewPerceptron returns an empty model over the given number of classes.
func NewPerceptron(classes int) *Perceptron {
	return &Perceptron{classes: classes, index: map[uint32]int32{}}
}

// Score adds the current weights of feats to scores.
func (p *Perceptron) Score(feats []uint32, scores []int32) {
	for _, f := range feats {
		if r, ok := p.index[f]; ok {
			ws := p.w[int(r)*p.classes : int(r+1)*p.classes]
			for c, v := range ws {
				scores[c] += v
			}
		}
	}
}

// Tick counts one training instance (the clock of the averaging).
func (p *Perceptron) Tick() { p.step++ }

// Update moves the weights of feats towards class good and away from class bad.
func (p *Perceptron) Update(feats []uint32, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r, ok := p.index[f]
		if !ok {
			r = int32(len(p.w) / p.classes)
			p.index[f] = r
			p.w = append(p.w, make([]int32, p.classes)...)
			p.u = append(p.u, make([]int64, p.classes)...)
			p.n = append(p.n, 0)
		}
		p.n[r]++
		i := int(r) * p.classes
		p.w[i+good]++
		p.u[i+good] += p.step
		p.w[i+bad]--
		p.u[i+bad] -= p.step
	}
}

// Row is a feature's averaged weights and the number of updates that changed them.
type Row struct {
	W       []float32
	Updates int32
}

// Averaged is the averaged weights of every feature.
func (p *Perceptron) Averaged() map[uint32]Row {
	out := make(map[uint32]Row, len(p.index))
	steps := float64(max(p.step, 1))
	for f, r := range p.index {
		row := make([]float32, p.classes)
		i := int(r) * p.classes
		for c := range row {
			row[c] = float32(float64(p.w[i+c]) - float64(p.u[i+c])/steps)
		}
		out[f] = Row{row, p.n[r]}
	}
	return out
}

// argmax is the highest-scoring class among those allowed (all when allowed is nil); ties go
// to the lower class.
func argmax(scores []int32, allowed func(int) bool) int {
	if allowed == nil {
		return best(scores)
	}
	best := -1
	for c, s := range scores {
		if !allowed(c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

// best is the highest-scoring class of scores (not empty), ties to the lower class.
func best(scores []int32) int {
	b, top := 0, scores[0]
	for c, s := range scores {
		if s > top {
			b, top = c, s
		}
	}
	return b
}

// bestValid is the highest-scoring transition the state allows, ties to the lower one: the
// same as argmax(scores, s.valid).
func (s *state) bestValid(scores *[transitions]int32) int {
	b := -1
	for t, v := range scores {
		if (b < 0 || v > scores[b]) && s.valid(t) {
			b = t
		}
	}
	return b
}
