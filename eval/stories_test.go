package eval_test

import (
	"math"
	"testing"

	"github.com/crosscheck/crosscheck/eval"
)

func TestClustering(t *testing.T) {
	gold := map[string]string{"a": "1", "b": "1", "c": "1", "d": "2", "e": "2"}
	// perfect
	if s := eval.Clustering(gold, gold); s.BCubedF1 != 1 || s.PairF1 != 1 {
		t.Fatalf("perfect: %+v", s)
	}
	// all in one cluster: B-cubed precision (3*3/5 + 2*2/5)/5 = 13/25, recall 1; pairs 4 of 10
	one := map[string]string{"a": "x", "b": "x", "c": "x", "d": "x", "e": "x"}
	s := eval.Clustering(one, gold)
	if math.Abs(s.BCubedP-13.0/25) > 1e-9 || s.BCubedR != 1 || math.Abs(s.PairP-0.4) > 1e-9 || s.PairR != 1 {
		t.Fatalf("one cluster: %+v", s)
	}
	// singletons: precision 1, B-cubed recall (3*(1/3) + 2*(1/2))/5 = 2/5, no pairs found
	single := map[string]string{"a": "1", "b": "2", "c": "3", "d": "4", "e": "5"}
	s = eval.Clustering(single, gold)
	if s.BCubedP != 1 || math.Abs(s.BCubedR-0.4) > 1e-9 || s.PairR != 0 {
		t.Fatalf("singletons: %+v", s)
	}
}
