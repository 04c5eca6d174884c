package group

import (
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
