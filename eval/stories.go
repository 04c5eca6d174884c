package eval

// ClusterScores are the clustering figures of the news-stream literature.
type ClusterScores struct {
	Articles int     `json:"articles"`
	Gold     int     `json:"gold_clusters"`
	Found    int     `json:"found_clusters"`
	BCubedP  float64 `json:"bcubed_precision"`
	BCubedR  float64 `json:"bcubed_recall"`
	BCubedF1 float64 `json:"bcubed_f1"`
	PairP    float64 `json:"pairwise_precision"`
	PairR    float64 `json:"pairwise_recall"`
	PairF1   float64 `json:"pairwise_f1"`
}

// Clustering scores predicted clusters against gold ones over the items both name. B-cubed
// averages, per item, the share of its predicted cluster that is in its gold cluster
// (precision) and the share of its gold cluster found with it (recall); pairwise counts the
// unordered pairs of items put together.
func Clustering(pred, gold map[string]string) ClusterScores {
	type key struct{ p, g string }
	both := map[key]int{}
	predSize, goldSize := map[string]int{}, map[string]int{}
	n := 0
	for id, g := range gold {
		p, ok := pred[id]
		if !ok {
			continue
		}
		n++
		both[key{p, g}]++
		predSize[p]++
		goldSize[g]++
	}
	s := ClusterScores{Articles: n, Gold: len(goldSize), Found: len(predSize)}
	if n == 0 {
		return s
	}
	var tp, predPairs, goldPairs float64
	for k, c := range both {
		cf := float64(c)
		s.BCubedP += cf * cf / float64(predSize[k.p])
		s.BCubedR += cf * cf / float64(goldSize[k.g])
		tp += cf * (cf - 1) / 2
	}
	for _, c := range predSize {
		predPairs += float64(c) * float64(c-1) / 2
	}
	for _, c := range goldSize {
		goldPairs += float64(c) * float64(c-1) / 2
	}
	s.BCubedP /= float64(n)
	s.BCubedR /= float64(n)
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	if predPairs > 0 {
		s.PairP = tp / predPairs
	} else {
		s.PairP = 1
	}
	if goldPairs > 0 {
		s.PairR = tp / goldPairs
	} else {
		s.PairR = 1
	}
	s.PairF1 = f1(s.PairP, s.PairR)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
