package reconcile

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck/crosscheck"
)

// Two sentences say the same when their words overlap this much (weighted Dice); a pair of
// articles derives when enough of the shorter one's sentences align with the other's in order,
// and several of them closely.
const (
	sentenceAlign = 0.4
	extendAlign   = 0.3 // a sentence beside an aligned pair, beside its match, aligns at this
	minAligned    = 3
	deriveShare   = 0.4 // of the shorter article's sentences
	copyMean      = 0.85
	strongAlign   = 0.5 // a rewrite has minAligned pairs this close; independent reports of one event rarely do
	// A passage of this many close pairs of the writer's own sentences derives whatever the
	// share: one agency copy cut to a third, or padded with paragraphs of the outlet's own.
	minPassage = 4
	// Three sentences of the writers' own that follow one another in both articles are a
	// parallel passage: a press release rewritten sentence by sentence, though cut to a few.
	passageRun = 3
	// A sentence this much inside quotation marks is a quote's, not the writer's: outlets that
	// print the same quotes share them, not a text.
	quotedSentence = 0.5
	// Failing that, a translation keeps the order of the names, figures and days: this share
	// of the longer article's, and at least minAnchors of them, in one order.
	anchorShare = 0.55
	minAnchors  = 6
)

// derivations links the articles that copy or rewrite one another, or one common source: their
// sentences align in order over much of the shorter article. Independent reports of one event
// share facts, not structure, so their aligned sentences are few or out of order.
func (s *story) derivations(dups []crosscheck.DuplicateLink) []crosscheck.Derivation {
	near := map[[2]string]float64{}
	for _, d := range dups {
		near[[2]string{d.Article, d.Of}] = d.Similarity
		near[[2]string{d.Of, d.Article}] = d.Similarity
	}
	out := []crosscheck.Derivation{}
	for _, p := range s.candidates(near) {
		a, b := s.arts[p[0]], s.arts[p[1]]
		s.compared++
		if d, ok := s.derive(a, b, near[[2]string{a.ID, b.ID}]); ok {
			out = append(out, d)
		}
	}
	return out
}

// A story of up to allPairs articles compares every pair of them. A bigger one compares each
// article with the partners articles that share most of its rare words (used by rareShare of
// the articles at most), and with its near-duplicates: a rewrite keeps the words that set
// one report apart from the others, the names and phrasing a common source gave both.
// The work grows with the articles, not with their pairs.
const (
	allPairs  = 40
	partners  = 12
	rareShare = 0.05
)

// candidates returns the pairs of articles to compare, as indexes into s.arts, each pair
// once and in order.
func (s *story) candidates(near map[[2]string]float64) [][2]int {
	n := len(s.arts)
	var out [][2]int
	if n <= allPairs {
		for i := range n {
			for j := i + 1; j < n; j++ {
				out = append(out, [2]int{i, j})
			}
		}
		return out
	}
	// postings of the rare words: the articles that use each
	rare := max(3, int(rareShare*float64(n)))
	postings := map[int32][]int{}
	for i, a := range s.arts {
		seen := map[int32]bool{}
		for _, sn := range a.sentences {
			for _, w := range sn.words {
				if !seen[w] && s.df[w] >= 2 && s.df[w] <= rare {
					seen[w] = true
					postings[w] = append(postings[w], i)
				}
			}
		}
	}
	idf := s.weights()
	shared := make([]map[int]float64, n)
	for i := range shared {
		shared[i] = map[int]float64{}
	}
	for w, list := range postings {
		for x, i := range list {
			for _, j := range list[x+1:] {
				shared[i][j] += idf[w]
				shared[j][i] += idf[w]
			}
		}
	}
	keep := map[[2]int]bool{}
	for i := range n {
		others := make([]int, 0, len(shared[i]))
		for j := range shared[i] {
			others = append(others, j)
		}
		sort.Slice(others, func(x, y int) bool {
			if a, b := shared[i][others[x]], shared[i][others[y]]; a != b {
				return a > b
			}
			return others[x] < others[y]
		})
		for _, j := range others[:min(partners, len(others))] {
			keep[[2]int{min(i, j), max(i, j)}] = true
		}
	}
	for ids := range near {
		if a, b := s.byID[ids[0]], s.byID[ids[1]]; a != nil && b != nil && a != b {
			keep[[2]int{min(a.index, b.index), max(a.index, b.index)}] = true
		}
	}
	return sortedPairs(keep)
}

func (s *story) derive(a, b *article, nearDup float64) (crosscheck.Derivation, bool) {
	pairs := s.alignSentences(a, b)
	la, lb := substantial(a), substantial(b)
	shorter := min(la, lb)
	if shorter == 0 {
		return crosscheck.Derivation{}, false
	}
	share := float64(len(pairs)) / float64(shorter)
	mean := 0.0
	for _, p := range pairs {
		mean += p.Similarity
	}
	if len(pairs) > 0 {
		mean /= float64(len(pairs))
	}
	d := crosscheck.Derivation{Articles: [2]string{a.ID, b.ID}, Evidence: pairs, Credits: credits(a, b)}
	prose, run := writersOwn(a, b, pairs)
	switch {
	case nearDup > 0 || (mean >= copyMean && share >= 0.8):
		d.Kind, d.Score = "copy", max(nearDup, share*mean)
		d.Reason = fmt.Sprintf("near-copies: %d of %d sentences align in order (mean similarity %.2f)", len(pairs), shorter, mean)
	case prose >= minAligned && (share >= deriveShare || run >= passageRun), prose >= minPassage:
		d.Kind, d.Score = "rewrite", share*mean
		d.Reason = fmt.Sprintf("rewrites of one text: %d of the shorter article's %d sentences align in the same order, %d of them the writers' own (mean similarity %.2f)", len(pairs), shorter, prose, mean)
	default:
		// a translation, or a rewrite in other words: the names, figures and days in one order
		x, y := a.anchors, b.anchors
		common := lcs(x, y)
		ratio := float64(common) / float64(max(len(x), len(y)))
		if common < minAnchors || ratio < anchorShare || len(pairs) < 2 {
			return d, false
		}
		d.Kind, d.Score = "rewrite", ratio*max(share, 0.5)
		d.Reason = fmt.Sprintf("one text in other words: %d of %d names, figures and days in the same order, %d sentences align", common, max(len(x), len(y)), len(pairs))
	}
	d.Score = float64(int(d.Score*1000+0.5)) / 1000
	if len(d.Credits) > 0 {
		d.Reason += "; credits: " + strings.Join(d.Credits, ", ")
	}
	return d, true
}

// substantial counts an article's sentences with at least three content words.
func substantial(a *article) int {
	n := 0
	for _, s := range a.sentences {
		if len(s.words) >= 3 {
			n++
		}
	}
	return n
}

// alignSentences pairs each sentence of a with its best match in b, then keeps the longest
// chain of pairs in the same order in both articles.
func (s *story) alignSentences(a, b *article) []crosscheck.AlignedPair {
	var ms []match
	for i, x := range aligned(a) {
		if len(x.words) < 3 {
			continue
		}
		best, bj := 0.0, -1
		for j, y := range aligned(b) {
			if len(y.words) < 3 {
				continue
			}
			s.sentencePairs++
			if sim := s.dice(x.words, y.words); sim > best {
				best, bj = sim, j
			}
		}
		if best >= sentenceAlign {
			ms = append(ms, match{i, bj, best})
		}
	}
	ms = s.extend(a, b, ms)
	// longest chain increasing in j (ms is increasing in i)
	n := len(ms)
	length, prev := make([]int, n), make([]int, n)
	end := -1
	for k := range ms {
		length[k], prev[k] = 1, -1
		for l := 0; l < k; l++ {
			if ms[l].j < ms[k].j && length[l]+1 > length[k] {
				length[k], prev[k] = length[l]+1, l
			}
		}
		if end < 0 || length[k] > length[end] {
			end = k
		}
	}
	var out []crosscheck.AlignedPair
	for k := end; k >= 0; k = prev[k] {
		m := ms[k]
		sa, sb := a.sentences[m.i].span, b.sentences[m.j].span
		out = append(out, crosscheck.AlignedPair{A: a.evidence(sa[0], sa[1]), B: b.evidence(sb[0], sb[1]),
			Similarity: float64(int(m.sim*1000+0.5)) / 1000})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].A.Start < out[j].A.Start })
	return out
}

// sortedPairs lists a set of pairs in order.
func sortedPairs(set map[[2]int]bool) [][2]int {
	out := make([][2]int, 0, len(set))
	for p := range set {
		out = append(out, p)
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x][0] != out[y][0] {
			return out[x][0] < out[y][0]
		}
		return out[x][1] < out[y][1]
	})
	return out
}

// match pairs sentence i of one article with sentence j of another.
type match struct {
	i, j int
	sim  float64
}

// extend grows the aligned pairs into the sentences beside them: a sentence next to an
// aligned pair, next to its match, is its rewrite when they share extendAlign ("The clinic,
// which she founded in 1990, …" beside "She founded the clinic in 1990 …"). A passage
// rewritten sentence by sentence aligns as a whole, though only some sentences stay close.
// ms is ordered by i and comes back so.
func (s *story) extend(a, b *article, ms []match) []match {
	usedA, usedB := map[int]bool{}, map[int]bool{}
	for _, m := range ms {
		usedA[m.i], usedB[m.j] = true, true
	}
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		for _, step := range [2]int{-1, 1} {
			i, j := m.i+step, m.j+step
			if i < 0 || j < 0 || i >= len(a.sentences) || j >= len(b.sentences) || usedA[i] || usedB[j] ||
				len(a.sentences[i].words) < 3 || len(b.sentences[j].words) < 3 {
				continue
			}
			if sim := s.dice(a.sentences[i].words, b.sentences[j].words); sim >= extendAlign {
				usedA[i], usedB[j] = true, true
				ms = append(ms, match{i, j, sim}) // extended in turn, later in this loop
			}
		}
	}
	sort.Slice(ms, func(x, y int) bool { return ms[x].i < ms[y].i })
	return ms
}

// writersOwn counts the close pairs of the writers' own sentences among the aligned pairs (a
// shared quote is not a shared text), and the longest run of the writers' own sentences that
// follow one another in both articles.
func writersOwn(a, b *article, pairs []crosscheck.AlignedPair) (prose, run int) {
	cur, pi, pj := 0, -2, -2
	for _, p := range pairs {
		i, j := a.sentenceAt(p.A.Start), b.sentenceAt(p.B.Start)
		if a.quoted[i] >= quotedSentence || b.quoted[j] >= quotedSentence {
			cur = 0
			continue
		}
		if p.Similarity >= strongAlign {
			prose++
		}
		if i == pi+1 && j == pj+1 {
			cur++
		} else {
			cur = 1
		}
		pi, pj = i, j
		run = max(run, cur)
	}
	return prose, run
}

func credits(a, b *article) []string {
	var out []string
	for _, c := range append(append([]string{}, a.Credits...), b.Credits...) {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// sharedQuotes says how many quote groups hold both articles.
func sharedQuotes(groups []crosscheck.QuoteGroup, a, b string) string {
	n := 0
	for _, g := range groups {
		hasA, hasB := false, false
		for _, v := range g.Variants {
			hasA = hasA || v.Article == a
			hasB = hasB || v.Article == b
		}
		if hasA && hasB {
			n++
		}
	}
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d quote(s) in common", n)
}

// sentencePair names a sentence of one article and a sentence of another.
type sentencePair struct {
	a, b   *article
	si, sj int
}

// parallel returns the sentence pairs that derived articles print in the same place: the
// aligned pairs, and the sentences alone in a gap between two aligned pairs on both sides
// (a translation or a heavy rewrite of one sentence between two that align). Quotes in such
// sentences render one utterance, however differently worded.
func (s *story) parallel(derived []crosscheck.Derivation) map[sentencePair]bool {
	out := map[sentencePair]bool{}
	for _, d := range derived {
		a, b := s.byID[d.Articles[0]], s.byID[d.Articles[1]]
		var is, js []int
		for _, p := range d.Evidence {
			is, js = append(is, a.sentenceAt(p.A.Start)), append(js, b.sentenceAt(p.B.Start))
		}
		add := func(i, j int) {
			out[sentencePair{a, b, i, j}] = true
			out[sentencePair{b, a, j, i}] = true
		}
		for k := range is {
			add(is[k], js[k])
			if k > 0 && is[k]-is[k-1] == 2 && js[k]-js[k-1] == 2 {
				add(is[k]-1, js[k]-1)
			}
		}
	}
	return out
}

// anchors are the names, figures and days of an article in the order it gives them: what a
// translation or a rewrite keeps, whatever words it puts around them.
func anchors(a *crosscheck.Article) []string {
	type at struct {
		off int
		key string
	}
	var list []at
	for _, e := range a.Entities {
		f := strings.Fields(e.Name)
		key := "e:" + strings.ToLower(f[len(f)-1])
		for _, m := range e.Mentions {
			list = append(list, at{m.Start, key})
		}
	}
	for _, n := range a.Numbers {
		list = append(list, at{n.Start, "n:" + strconv.FormatFloat(n.Value, 'g', 6, 64)})
	}
	for _, d := range a.Dates {
		list = append(list, at{d.Start, "d:" + d.Value})
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].off < list[j].off })
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.key
	}
	return out
}

// lcs is the length of the longest common subsequence of two sequences.
func lcs(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// maxFamily is the largest family of derived articles (articles linked by derivations,
// directly or through others) whose every derived pair the report lists.
const maxFamily = 4

// prune keeps, in each family of derived articles larger than maxFamily, only the strongest
// links that still connect it (a maximum spanning tree), so that 200 copies of one wire item
// make 199 links rather than 19,900. Smaller families keep every pair.
func (s *story) prune(derived []crosscheck.Derivation) []crosscheck.Derivation {
	fam := newUnion(s.byID)
	for _, d := range derived {
		fam.join(d.Articles[0], d.Articles[1])
	}
	size := map[string]int{}
	for id := range s.byID {
		size[fam.find(id)]++
	}
	order := make([]int, len(derived))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return derived[order[i]].Score > derived[order[j]].Score })
	tree := newUnion(s.byID)
	keep := make([]bool, len(derived))
	for _, i := range order {
		a, b := derived[i].Articles[0], derived[i].Articles[1]
		if size[fam.find(a)] <= maxFamily || tree.find(a) != tree.find(b) {
			keep[i] = true
			tree.join(a, b)
		}
	}
	out := derived[:0]
	for i, d := range derived {
		if keep[i] {
			out = append(out, d)
		}
	}
	return out
}

// quotedShares returns, for each sentence of a, the share of its letters that stand inside
// quotation marks. The marks are read from the text itself, straight or curly, and the
// pre-tokenised “ and ” of some corpora; a quote left open runs on to the end of its
// paragraph, as a quote the next sentence continues does.
func quotedShares(a *article) []float64 {
	text := a.Text
	inside := make([]bool, len(text))
	open := false
	for i := 0; i < len(text); i++ {
		switch {
		case text[i] == '\n':
			open = false
		case text[i] == '"':
			open = !open
		case strings.HasPrefix(text[i:], "“"), strings.HasPrefix(text[i:], "``"):
			open = true
		case strings.HasPrefix(text[i:], "”"), strings.HasPrefix(text[i:], "''"):
			open = false
		}
		inside[i] = open
	}
	out := make([]float64, len(a.sentences))
	for k, s := range a.sentences {
		letters, quoted := 0, 0
		for i := s.span[0]; i < s.span[1]; i++ {
			if c := text[i]; c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
				letters++
				if inside[i] {
					quoted++
				}
			}
		}
		if letters > 0 {
			out[k] = float64(quoted) / float64(letters)
		}
	}
	return out
}
