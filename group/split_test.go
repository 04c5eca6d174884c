package group

import (
	"fmt"
	"testing"
)

// vec makes a unit vector from feature ids and weights, in id order.
func vec(fw ...float32) Vector {
	var v Vector
	for i := 0; i+1 < len(fw); i += 2 {
		v = append(v, Feature{ID: int32(fw[i]), Weight: fw[i+1]})
	}
	return v.top(len(v)).normalize()
}

// The first article of a story may sit between its two events; the member least like it is
// then an outlier of one event, and 2-means from those two seeds leaves the outlier alone.
// The second start, from the farthest pair, finds the events.
func TestSplitFindsTheEventsWhenTheFirstArticleIsBetweenThem(t *testing.T) {
	const a, b, odd = 1, 2, 5 // event A's feature, event B's, the outlier's own
	m := []member{{id: "first", v: vec(a, 0.3, b, 1)}}
	for i := 0; i < 3; i++ {
		m = append(m, member{id: fmt.Sprint("a", i), v: vec(a, 1, 10+float32(i), 0.2)})
	}
	m = append(m, member{id: "a-odd", v: vec(a, 0.05, odd, 1)})
	for i := 0; i < 3; i++ {
		m = append(m, member{id: fmt.Sprint("b", i), v: vec(b, 1, 20+float32(i), 0.2)})
	}
	c := NewClusterer(DefaultOptions)
	side, cos := c.twoMeans(m, 0)
	if side != nil {
		t.Fatalf("the first start found halves of %d or more (%v): the case needs it to fail", c.opts.MinSplit, side)
	}
	s := &Story{ID: 0, Key: "first", sum: map[int32]float32{}}
	c.stories = append(c.stories, s)
	for _, x := range m {
		c.join(s, x.id, x.v, x.t)
	}
	moved := c.split(s)
	if moved == nil {
		t.Fatalf("no split (first start's cosine %.2f)", cos)
	}
	want := map[string]bool{"a0": true, "a1": true, "a2": true, "a-odd": true}
	if len(moved.Articles) != len(want) {
		t.Fatalf("moved %v, kept %v", moved.Articles, s.Articles)
	}
	for _, id := range moved.Articles {
		if !want[id] {
			t.Fatalf("moved %v, kept %v", moved.Articles, s.Articles)
		}
	}
}
