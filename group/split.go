package group

// split runs 2-means over a story's members and, when the halves are far apart, moves the
// half without the story's first article to a new story, which it returns (nil when the
// story stays whole). Articles past the member cap stay where they are.
func (c *Clusterer) split(s *Story) *Story {
	m := s.members
	if len(m) < 2*c.opts.MinSplit {
		return nil
	}
	side, cos := c.twoMeans(m, 0)
	// A second start from the farthest pair the first start's seed leads to: the first
	// member is not always on the edge of its event.
	if b := leastLike(m, leastLike(m, 0)); b != 0 {
		if side2, cos2 := c.twoMeans(m, b); cos2 < cos {
			side, cos = side2, cos2
		}
	}
	if side == nil || cos >= c.opts.SplitBelow {
		return nil
	}
	var first string
	for i, x := range side {
		if x {
			first = m[i].id
			break
		}
	}
	moved := &Story{ID: len(c.stories), Key: first, sum: map[int32]float32{}}
	c.stories = append(c.stories, moved)
	out := map[string]bool{}
	for i, x := range side {
		if x {
			out[m[i].id] = true
		}
	}
	var stay []string
	for _, id := range s.Articles {
		if !out[id] {
			stay = append(stay, id)
		}
	}
	for i, x := range side {
		if x {
			c.join(moved, m[i].id, m[i].v, m[i].t)
			c.moves = append(c.moves, Move{Article: m[i].id, Story: moved.ID})
		}
	}
	// Rebuild the story that stays from its members; articles past the cap keep their place.
	old := s.members
	*s = Story{ID: s.ID, Key: s.Key, sum: map[int32]float32{}, indexed: s.indexed}
	for i, x := range side {
		if !x {
			c.join(s, old[i].id, old[i].v, old[i].t)
		}
	}
	s.Articles = stay
	return moved
}

// centroidOf is the unit centroid of the members on one side.
func centroidOf(m []member, side []bool, which bool) Vector {
	sum := map[int32]float32{}
	for i, x := range side {
		if x == which {
			for _, f := range m[i].v {
				sum[f.ID] += f.Weight
			}
		}
	}
	v := make(Vector, 0, len(sum))
	for k, w := range sum {
		v = append(v, Feature{k, w})
	}
	return v.top(len(v)).normalize()
}

// leastLike is the member least like member i.
func leastLike(m []member, i int) int {
	b, low := i, 2.0
	for j := range m {
		if cos := Cosine(m[i].v, m[j].v); j != i && cos < low {
			low, b = cos, j
		}
	}
	return b
}

// twoMeans runs 2-means over the members from seed a and the member least like it, and
// returns the sides (true: without the first member) and the cosine of their centroids, or
// nil when a side is smaller than MinSplit.
func (c *Clusterer) twoMeans(m []member, a int) ([]bool, float64) {
	b := leastLike(m, a)
	ca, cb := m[a].v, m[b].v
	side := make([]bool, len(m)) // true: with b
	for iter := 0; iter < 6; iter++ {
		changed := false
		for i := range m {
			toB := Cosine(m[i].v, cb) > Cosine(m[i].v, ca)
			if toB != side[i] {
				side[i], changed = toB, true
			}
		}
		ca, cb = centroidOf(m, side, false), centroidOf(m, side, true)
		if !changed && iter > 0 {
			break
		}
	}
	if side[0] {
		for i := range side {
			side[i] = !side[i]
		}
	}
	nb := 0
	for _, x := range side {
		if x {
			nb++
		}
	}
	if nb < c.opts.MinSplit || len(m)-nb < c.opts.MinSplit {
		return nil, 2
	}
	return side, Cosine(ca, cb)
}
