package engine

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// Score adds the same weights as reading each feature's row one by one, for tables of every
// layout (weights inline, dense rows, sparse rows), features present and absent, repeated,
// and more of them than it reads ahead at once.
func TestScoreAddsEveryFeaturesRow(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, classes := range []int{3, inlineClasses, 6, laneFrom, 17, 51, 70} {
		var keys []uint32
		seen := map[uint32]bool{}
		for len(keys) < 500 {
			if k := r.Uint32()%4000 + 1; !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		w := make([]int16, len(keys)*classes)
		for i := range w {
			if r.IntN(3) > 0 { // rows with zeros, as sparse rows have
				w[i] = int16(r.IntN(2001) - 1000)
			}
		}
		if classes == 17 { // the weights at the ends of int16, which lanes hold one row a sum
			w[0], w[1] = math.MaxInt16, -math.MaxInt16
		}
		if classes == 51 { // and one lanes cannot hold
			w[0] = math.MinInt16
		}
		tab := newTable(classes, keys, w)
		for _, n := range []int{0, 1, 40, firstSlots, firstSlots + 1, 3*firstSlots + 7} {
			feats := make([]uint32, n)
			for i := range feats {
				feats[i] = r.Uint32()%4000 + 1
			}
			got, want := make([]int32, classes), make([]int32, classes)
			tab.Score(feats, got)
			for _, f := range feats {
				if row, ok := slices.BinarySearch(keys, f); ok {
					for c := range want {
						want[c] += int32(w[row*classes+c])
					}
				}
			}
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, %d features: %v, want %v", classes, n, got, want)
			}
		}
	}
}
