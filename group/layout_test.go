package group

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// The features' table finds what was added, by text, through growth and after keep packed it.
func TestWordTable(t *testing.T) {
	var w wordTable
	const n = 5000
	for i := range n {
		e := w.add(fmt.Sprintf("w:%d", i), wordEntry{id: int32(i), df: int32(i % 7)})
		if e.id != int32(i) {
			t.Fatalf("added %d, got entry %+v", i, e)
		}
	}
	if w.find("w:nothing") >= 0 || w.find("") >= 0 {
		t.Error("found a feature never added")
	}
	for i := range n {
		e := w.at(fmt.Sprintf("w:%d", i))
		if e == nil || e.id != int32(i) || w.word(e) != fmt.Sprintf("w:%d", i) {
			t.Fatalf("feature %d read back as %+v", i, e)
		}
	}
	w.keep(func(e *wordEntry) bool { return e.id%3 == 0 })
	w.keep(func(*wordEntry) bool { return true }) // the table as it was
	for i := range n {
		k := fmt.Sprintf("w:%d", i)
		e := w.at(k)
		switch {
		case i%3 != 0 && e != nil:
			t.Fatalf("feature %d kept", i)
		case i%3 == 0 && (e == nil || e.id != int32(i) || e.df != int32(i%7) || w.word(e) != k):
			t.Fatalf("feature %d read back after keep as %+v", i, e)
		}
	}
	if got := w.len(); got != (n+2)/3 {
		t.Errorf("%d entries kept, want %d", got, (n+2)/3)
	}
}

// The posting lists keep their stories in order, the latest up to the limit, through moves to
// the arena's end and keep, each apart from the others.
func TestPostingTable(t *testing.T) {
	p := newPostingTable()
	want := map[int32][]int32{}
	r := rand.New(rand.NewPCG(3, 4))
	const limit = 9
	for step := range 3000 {
		f := int32(r.IntN(40))
		i := p.get(f)
		if i < 0 {
			i = p.add(f, 0)
		}
		switch story := int32(step); {
		case r.IntN(4) == 0 && len(want[f]) > 0:
			x := want[f][r.IntN(len(want[f]))]
			if !p.remove(i, x) {
				t.Fatalf("story %d not found under %d", x, f)
			}
			want[f] = slices.DeleteFunc(want[f], func(y int32) bool { return y == x })
		default:
			p.push(i, story, limit)
			want[f] = append(want[f], story)
			if len(want[f]) > limit {
				want[f] = want[f][len(want[f])-limit:]
			}
		}
		if step == 1000 {
			p.keep(func(int32, int32) bool { return true }) // the table as it was
		}
		if step == 1500 {
			p.keep(func(f, _ int32) bool { return f%2 == 0 })
			for f := range want {
				if f%2 != 0 {
					delete(want, f)
				}
			}
		}
	}
	for f, l := range want {
		if got := p.stories(p.get(f)); !slices.Equal(got, l) {
			t.Errorf("feature %d lists %v, want %v", f, got, l)
		}
	}
	if p.remove(p.add(99, 0), 1) {
		t.Error("a story taken off an empty list")
	}
}

// An article's cosine with a centroid through its spread weights is Cosine's, to the bit.
func TestSpreadCosine(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vec := func(n, of int) Vector {
		var v Vector
		for _, id := range r.Perm(of)[:n] {
			v = append(v, Feature{ID: int32(id), Weight: r.Float32()})
		}
		return v.top(n).normalize()
	}
	var w scratch
	for range 200 {
		a, b := vec(80, 3000), vec(250, 3000)
		w.spread(a)
		if got, want := w.cosine(b), Cosine(a, b); got != want {
			t.Fatalf("spread cosine %v, want %v", got, want)
		}
		w.unspread()
		if got := w.cosine(b); got != 0 {
			t.Fatalf("cosine %v after unspread, want 0", got)
		}
	}
}

// top keeps the features a sort by weight keeps, ties in weight by id.
func TestTopSelects(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for round := range 2000 {
		n := 1 + r.IntN(300)
		var v Vector
		for _, id := range r.Perm(4 * n)[:n] {
			v = append(v, Feature{ID: int32(id), Weight: float32(r.IntN(1 + round%20))}) // many ties
		}
		k := r.IntN(n + 2)
		want := slices.Clone(v)
		slices.SortFunc(want, heavierFirst)
		want = want[:min(k, n)]
		slices.SortFunc(want, byID)
		if got := slices.Clone(v).top(k); !slices.Equal(got, want) {
			t.Fatalf("top %d of %v: %v, want %v", k, v, got, want)
		}
	}
}
