package group

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// Adding sorted vectors into a sorted sum gives, feature by feature, what adding them into a
// map gives, bit for bit, and the sum stays sorted.
func TestSumsAddAsAMap(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for round := range 200 {
		var sum Vector
		m := map[int32]float32{}
		for range 1 + r.IntN(20) {
			var v Vector
			for _, id := range r.Perm(60)[:r.IntN(30)] {
				v = append(v, Feature{ID: int32(id * (1 + round%3)), Weight: r.Float32()})
			}
			slices.SortFunc(v, byID)
			sum.add(v)
			for _, f := range v {
				m[f.ID] += f.Weight
			}
		}
		if !slices.IsSortedFunc(sum, byID) || len(sum) != len(m) {
			t.Fatalf("round %d: %d features, sorted %v; want %d", round, len(sum), slices.IsSortedFunc(sum, byID), len(m))
		}
		for i, f := range sum {
			if i > 0 && sum[i-1].ID == f.ID {
				t.Fatalf("round %d: feature %d twice", round, f.ID)
			}
			if m[f.ID] != f.Weight {
				t.Fatalf("round %d: feature %d sums to %v, want %v", round, f.ID, f.Weight, m[f.ID])
			}
		}
	}
}

// sortByID orders a vector as sorting it by id with a comparison does, whatever the ids'
// signs and the weights' values, and for vectors longer than its buffer.
func TestSortByIDIsTheSortByComparison(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	weights := []float32{0, -0.5, 1e-30, 3.25, float32(math.Inf(1)), float32(math.Copysign(0, -1))}
	for _, n := range []int{0, 1, 2, 3, 17, 150, 512, 513, 2000} {
		for range 5 {
			var v Vector
			for _, id := range r.Perm(4 * n) {
				if len(v) == n {
					break
				}
				w := r.Float32()
				if r.IntN(4) == 0 {
					w = weights[r.IntN(len(weights))]
				}
				v = append(v, Feature{ID: int32(id) - int32(2*n), Weight: w})
			}
			want := slices.Clone(v)
			slices.SortFunc(want, byID)
			sortByID(v)
			for i := range want {
				if v[i].ID != want[i].ID || math.Float32bits(v[i].Weight) != math.Float32bits(want[i].Weight) {
					t.Fatalf("n=%d: at %d %+v, want %+v", n, i, v[i], want[i])
				}
			}
		}
	}
}
