package group

// split moves the half of a story's members that halves finds without the story's first
// article to a new story, which it returns (nil when the story stays whole), and whether the
// article id went with it. Articles past the member cap stay where they are. A story whose
// members are those halves last found one event in is not read and tried again: once a story
// holds Members articles, its checks at later sizes would find what the last one found.
func (c *Clusterer) split(s *Story, id string) (*Story, bool, error) {
	if s.settled {
		return nil, false, nil // the same members as when they last told one event
	}
	if err := c.loadMembers(s); err != nil {
		return nil, false, err
	}
	m := s.members
	side := c.halves(m)
	if side == nil {
		s.settled = true
		return nil, false, nil
	}
	var first string
	nb := 0
	for i, x := range side {
		if x {
			if nb == 0 {
				first = m[i].id
			}
			nb++
		}
	}
	moved := c.newStory(first)
	in := false
	for i, x := range side {
		if x {
			if err := c.join(moved, m[i]); err != nil {
				return nil, false, err
			}
			c.moves = append(c.moves, Move{Article: m[i].id, From: s.ID, Story: moved.ID})
			in = in || m[i].id == id
		}
	}
	// Rebuild the story that stays from its members; articles past the cap keep their place.
	old, size := s.members, s.Size
	*s = Story{ID: s.ID, Key: s.Key, indexed: s.indexed, saved: s.saved, rebuilt: true}
	for i, x := range side {
		if !x {
			if err := c.join(s, old[i]); err != nil {
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

// halves says which members form the second of two events the members tell, or nil when
// they tell one (side[0] is false: the first member stays). When the undated members name
// two weekdays, the halves 2-means finds from them are two events below DaySplitBelow;
// otherwise the halves 2-means finds from the first member, or from the farthest pair it
// leads to (the first member is not always on the edge of its event), below SplitBelow.
func (c *Clusterer) halves(m []member) []bool {
	if len(m) < 2*c.opts.MinSplit {
		return nil
	}
	if side := c.daySplit(m); side != nil {
		return side
	}
	side, cos := c.twoMeans(m, 0)
	if b := leastLike(m, leastLike(m, 0)); b != 0 {
		if side2, cos2 := c.twoMeans(m, b); cos2 < cos {
			side, cos = side2, cos2
		}
	}
	if side == nil || cos >= c.opts.SplitBelow {
		return nil
	}
	return side
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
	return c.twoMeansFrom(m, m[a].v, m[leastLike(m, a)].v)
}

// daySplit returns the sides 2-means finds from the members that name each of the two
// weekdays most named, when their centroids' cosine is below DaySplitBelow and each side
// keeps to its weekday (nil: no split). See Options.DaySplitBelow.
func (c *Clusterer) daySplit(m []member) []bool {
	if c.opts.DaySplitBelow <= 0 {
		return nil
	}
	var n [8]int
	for _, x := range m {
		n[x.day]++
	}
	d1, d2 := 0, 0
	n[0] = 0
	for d := 1; d < 8; d++ {
		switch {
		case n[d] > n[d1]:
			d1, d2 = d, d1
		case n[d] > n[d2]:
			d2 = d
		}
	}
	if d2 == 0 || n[d2] < 2 {
		return nil
	}
	var both []member
	var bs []bool
	for _, x := range m {
		if x.day == d1 || x.day == d2 {
			both = append(both, x)
			bs = append(bs, x.day == d2)
		}
	}
	side, cos := c.twoMeansFrom(m, centroidOf(both, bs, false), centroidOf(both, bs, true))
	if side == nil || cos >= c.opts.DaySplitBelow {
		return nil
	}
	// Text and weekday must agree: the members that name d1 most are on one side, those
	// that name d2 most on the other, and no member names the other side's weekday at all.
	var dayOf [2]int // the weekday of each side
	for i, x := range m {
		if x.day != d1 && x.day != d2 {
			continue
		}
		k := 0
		if side[i] {
			k = 1
		}
		if dayOf[k] != 0 && dayOf[k] != x.day {
			return nil
		}
		dayOf[k] = x.day
	}
	if dayOf[0] == 0 || dayOf[1] == 0 {
		return nil
	}
	for i, x := range m {
		other := dayOf[1]
		if side[i] {
			other = dayOf[0]
		}
		if x.days&(1<<other) != 0 {
			return nil
		}
	}
	return side
}

// twoMeansFrom runs 2-means over the members from two seed centroids; see twoMeans.
func (c *Clusterer) twoMeansFrom(m []member, ca, cb Vector) ([]bool, float64) {
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
