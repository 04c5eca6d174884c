package group

// split runs 2-means over a story's members and, when the halves are far apart, moves the
// half without the story's first article to a new story, which it returns (nil when the
// story stays whole), and whether the article id went with it. Articles past the member cap
// stay where they are.
func (c *Clusterer) split(s *Story, id string) (*Story, bool, error) {
	if err := c.loadMembers(s); err != nil {
		return nil, false, err
	}
	m := s.members
	if len(m) < 2*c.opts.MinSplit {
		return nil, false, nil
	}
	// Seeds: the first member and the member least like it.
	a, b := 0, 0
	low := 2.0
	for i := 1; i < len(m); i++ {
		if cos := Cosine(m[0].v, m[i].v); cos < low {
			low, b = cos, i
		}
	}
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
	nb := 0
	for _, x := range side {
		if x {
			nb++
		}
	}
	if side[0] || nb < c.opts.MinSplit || len(m)-nb < c.opts.MinSplit || Cosine(ca, cb) >= c.opts.SplitBelow {
		return nil, false, nil
	}
	var first string
	for i, x := range side {
		if x {
			first = m[i].id
			break
		}
	}
	moved := c.newStory(first)
	in := false
	for i, x := range side {
		if x {
			if err := c.join(moved, m[i].id, m[i].v, m[i].t); err != nil {
				return nil, false, err
			}
			c.moves = append(c.moves, Move{Article: m[i].id, From: s.ID, Story: moved.ID})
			in = in || m[i].id == id
		}
	}
	// Rebuild the story that stays from its members; articles past the cap keep their place.
	old, size := s.members, s.Size
	*s = Story{ID: s.ID, Key: s.Key, sum: map[int32]float32{}, indexed: s.indexed, saved: s.saved, rebuilt: true}
	for i, x := range side {
		if !x {
			if err := c.join(s, old[i].id, old[i].v, old[i].t); err != nil {
				return nil, false, err
			}
		}
	}
	s.Size = size - nb
	return moved, in, nil
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
