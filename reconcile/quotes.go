package reconcile

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

var debugQuotes = false

// quoteRef is one article's quote prepared for grouping.
type quoteRef struct {
	art   *article
	q     crosscheck.Quote
	words []int32   // the quote's content words
	ctx   []int32   // the content words of the sentences that hold it
	keys  []string  // the quote's words in order, folded (see key), for runs of the same words
	who   speaker   // the speaker as the story names it
	parts [][]int32 // the content words of each piece of a quote the writer printed in pieces
}

// Quotes of one utterance are grouped when their words, or their words and the sentences
// around them, overlap this much (weighted by how rare each word is in the story).
const (
	quoteLink        = 0.35
	quoteLinkUnknown = 0.7 // when one side's speaker is unknown
	quoteLinkOther   = 0.6 // when the speakers differ: words relayed by another
	quoteParallel    = 0.5 // the score of quotes in parallel sentences of derived articles
)

// quoteGroups groups the story's quotes by utterance: quotes of different articles whose
// speakers agree and whose words, or whose words and sentences, say the same.
func (s *story) quoteGroups(derived []crosscheck.Derivation) []crosscheck.QuoteGroup {
	parallel := s.parallel(derived)
	var refs []quoteRef
	for _, a := range s.arts {
		for _, q := range a.Quotes {
			first, last := a.sentenceAt(q.Start), a.sentenceAt(max(q.Start, q.End-1))
			var ctx []int32
			for i := max(first, 0); i <= last && i >= 0; i++ {
				ctx = append(ctx, a.sentences[i].words...)
			}
			slices.Sort(ctx)
			var keys []string
			for _, w := range alignWords(q.Text) {
				keys = append(keys, key(w))
			}
			var parts [][]int32
			if len(q.Parts) > 1 {
				for _, p := range q.Parts {
					parts = append(parts, s.words(a.Text[p[0]:p[1]]))
				}
			}
			refs = append(refs, quoteRef{art: a, q: q, words: s.words(q.Text + " " + question(a, q)), ctx: slices.Compact(ctx),
				keys: keys, who: s.speakerOf(a, q.Speaker), parts: parts})
		}
	}
	var groups []crosscheck.QuoteGroup
	for _, members := range s.linkQuotes(refs, parallel) {
		groups = append(groups, s.group(refs, members))
	}
	sort.SliceStable(groups, func(i, j int) bool { return articlesIn(groups[i]) > articlesIn(groups[j]) })
	return groups
}

// askedRe finds the question a quote answers in the words before it: "Asked by a journalist
// whether an end to the conflict was now closer than before, Ushakov replied:".
var askedRe = mustGate(`(?i)\basked\b[^.?!"“]*?\b(?:whether|if|about|what|how|why|when)\b([^"“]*)$`)

// answerRe opens a quote that answers rather than states: its meaning is in the question.
var answerRe = mustGate(`(?i)^(?:no|yes|not|never|nothing|of course|absolutely|certainly)\b`)

// question returns the words of the question a quote answers ("No further …" answers
// "whether an end to the conflict was now closer"), or "".
func question(a *article, q crosscheck.Quote) string {
	if !answerRe.MatchString(q.Text) {
		return ""
	}
	i := a.sentenceAt(q.Start)
	if i < 0 {
		return ""
	}
	m := askedRe.FindStringSubmatch(strings.TrimRight(a.Text[a.sentences[i].span[0]:q.Start], " \"“‘'"))
	if m == nil {
		return ""
	}
	return m[1]
}

// linkQuotes clusters the quotes by average linkage: pairs are taken best first, and two
// groups merge when their quotes of different articles score quoteLink on average. Single
// linkage would chain two utterances through one quote that shares words with both. It
// returns the groups, each as indexes into refs, in the order of their first quote.
func (s *story) linkQuotes(refs []quoteRef, parallel map[sentencePair]bool) [][]int {
	n := len(refs)
	score := map[[2]int32]float32{} // by pair of quotes compared, the lower index first
	lookup := func(i, j int) (float32, bool) {
		v, ok := score[[2]int32{int32(min(i, j)), int32(max(i, j))}]
		return v, ok
	}
	at := func(i, j int) float32 { v, _ := lookup(i, j); return v }
	set := func(i, j int, v float32) { score[[2]int32{int32(min(i, j)), int32(max(i, j))}] = v }
	near := make([][]int, n) // the quotes each quote was compared with
	type edge struct {
		i, j int
		s    float32
	}
	var twins [][2]int // quotes in parallel sentences of derived articles
	for _, p := range s.quotePairs(refs, parallel) {
		i, j := p[0], p[1]
		a, b := refs[i], refs[j]
		s.quotesCompared++
		v := float32(s.utteranceScore(a, b))
		if parallel[sentencePair{a.art, b.art, a.art.sentenceAt(a.q.Start), b.art.sentenceAt(b.q.Start)}] && a.who.match(b.who) >= 0 {
			v = max(v, quoteParallel)
			twins = append(twins, [2]int{i, j})
		}
		set(i, j, v)
		if v > 0 {
			near[i], near[j] = append(near[i], j), append(near[j], i)
		}
	}
	// One text printed twice renders each of its quotes once: a quote's twin is as close to
	// every other quote as the quote is, so a translation groups with what its original groups with.
	for _, t := range twins {
		others := append(append([]int{}, near[t[0]]...), near[t[1]]...)
		slices.Sort(others)
		for _, k := range slices.Compact(others) {
			if k == t[0] || k == t[1] || refs[k].art == refs[t[0]].art || refs[k].art == refs[t[1]].art {
				continue
			}
			v := max(at(t[0], k), at(t[1], k))
			for _, x := range t {
				if at(x, k) == 0 {
					near[x], near[k] = append(near[x], k), append(near[k], x)
				}
				set(x, k, v)
			}
		}
	}
	var edges []edge
	for p, v := range score {
		if v >= quoteLink {
			edges = append(edges, edge{int(p[0]), int(p[1]), v})
		}
	}
	sort.Slice(edges, func(a, b int) bool {
		if edges[a].s != edges[b].s {
			return edges[a].s > edges[b].s
		}
		if edges[a].i != edges[b].i {
			return edges[a].i < edges[b].i
		}
		return edges[a].j < edges[b].j
	})
	parent := make([]int, n)
	members := make([][]int, n)
	for i := range parent {
		parent[i], members[i] = i, []int{i}
	}
	root := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	for _, e := range edges {
		a, b := root(e.i), root(e.j)
		if a == b {
			continue
		}
		var sum float32
		pairs := 0
		for _, x := range members[a] {
			for _, y := range members[b] {
				if v, ok := lookup(x, y); ok {
					sum += v // over the pairs compared: all of a story's but the biggest
					pairs++
				}
			}
		}
		if pairs == 0 || sum/float32(pairs) < quoteLink {
			continue
		}
		a, b = min(a, b), max(a, b)
		parent[b] = a
		members[a] = append(members[a], members[b]...)
		members[b] = nil
	}
	// A piece of a longer quote is the longer quote's, whatever else the longer one's group
	// holds: one outlet printed in one span what another printed in pieces, and a piece is
	// far from the other pieces' variants. So are two quotes of one speaker, or of a speaker
	// one of them does not know, that share a run of words, each with words the other cut.
	for _, e := range edges {
		x, y := refs[e.i], refs[e.j]
		a, b := root(e.i), root(e.j)
		if a != b && (s.piece(x, y) || s.piece(y, x) || x.who.match(y.who) >= 0 && verbatim(x.keys, y.keys) ||
			x.who.match(y.who) == 1 && (s.partOf(x, y) || s.partOf(y, x))) {
			a, b = min(a, b), max(a, b)
			parent[b] = a
			members[a] = append(members[a], members[b]...)
			members[b] = nil
		}
	}
	var groups [][]int
	for _, m := range members {
		if m != nil {
			slices.Sort(m)
			groups = append(groups, m)
		}
	}
	return groups
}

// A story of up to quoteAllPairs quotes compares every pair of them; a bigger one compares
// each quote with the quotes that share one of its quoteRare rarest words (at most
// quotePartners of them for each word), and with the quotes in parallel sentences of derived
// articles. One utterance printed many times shares its rare words in every printing.
const (
	quoteAllPairs = 1000
	quoteRare     = 4
	quotePartners = 150
)

// quotePairs returns the pairs of quotes of different articles to compare, each once, the
// lower index first, in order.
func (s *story) quotePairs(refs []quoteRef, parallel map[sentencePair]bool) [][2]int {
	n := len(refs)
	var out [][2]int
	if n <= quoteAllPairs {
		for i := range n {
			for j := i + 1; j < n; j++ {
				if refs[i].art != refs[j].art {
					out = append(out, [2]int{i, j})
				}
			}
		}
		return out
	}
	postings := map[int32][]int{}
	for i, r := range refs {
		for _, w := range r.words {
			postings[w] = append(postings[w], i)
		}
	}
	keep := map[[2]int]bool{}
	add := func(i, j int) {
		if i != j && refs[i].art != refs[j].art {
			keep[[2]int{min(i, j), max(i, j)}] = true
		}
	}
	for i, r := range refs {
		rarest := slices.Clone(r.words)
		sort.SliceStable(rarest, func(x, y int) bool { return len(postings[rarest[x]]) < len(postings[rarest[y]]) })
		for _, w := range rarest[:min(quoteRare, len(rarest))] {
			list := postings[w]
			// the quotes nearest in the story's order: its neighbours in the posting list
			k, _ := slices.BinarySearch(list, i)
			lo, hi := max(0, k-quotePartners/2), min(len(list), k+quotePartners/2)
			for _, j := range list[lo:hi] {
				add(i, j)
			}
		}
	}
	bySentence := map[*article]map[int][]int{}
	for i, r := range refs {
		if bySentence[r.art] == nil {
			bySentence[r.art] = map[int][]int{}
		}
		si := r.art.sentenceAt(r.q.Start)
		bySentence[r.art][si] = append(bySentence[r.art][si], i)
	}
	for p := range parallel {
		for _, i := range bySentence[p.a][p.si] {
			for _, j := range bySentence[p.b][p.sj] {
				add(i, j)
			}
		}
	}
	return sortedPairs(keep)
}

func articlesIn(g crosscheck.QuoteGroup) int {
	seen := map[string]bool{}
	for _, v := range g.Variants {
		seen[v.Article] = true
	}
	return len(seen)
}

// utteranceScore says how surely two quotes of different articles render one utterance, on
// the scale of quoteLink: the overlap of their words, or of their words and sentences, less a
// margin when a speaker is unknown and a larger one when the speakers differ.
func (s *story) utteranceScore(a, b quoteRef) float64 {
	t := s.overlap(a.words, b.words)
	same := a.who.match(b.who)
	if min(len(a.words), len(b.words)) < 3 && !(same == 1 && (within(a.keys, b.keys) || within(b.keys, a.keys))) {
		// "no compromise" is not every longer quote that has "compromise": a quote of a word
		// or two matches by the words of both, unless one speaker prints them as they stand
		// in the other's quote
		t = s.dice(a.words, b.words)
	}
	c := s.dice(a.ctx, b.ctx)
	score := max(t, (t+c)/2)
	if debugQuotes {
		fmt.Printf("sim %.2f %.2f %q ~ %q\n", t, c, a.q.Text[:min(40, len(a.q.Text))], b.q.Text[:min(40, len(b.q.Text))])
	}
	switch same {
	case 1:
		if score < quoteLink && t > 0 && (verbatim(a.keys, b.keys) || s.partOf(a, b) || s.partOf(b, a)) {
			score = quoteLink // pieces of one utterance, each with words the other cut
		}
		return score
	case 0:
		score -= quoteLinkUnknown - quoteLink
		if score < quoteLink && t > 0 && verbatim(a.keys, b.keys) {
			score = quoteLink // the words tell it, where one speaker is not known
		}
		return score
	}
	if t >= quoteLinkOther && verbatim(a.keys, b.keys) {
		// a sentence's worth of the same words in the same order is one utterance, whoever
		// each article names: one of them has it wrong, or relays it
		return score
	}
	if len(a.words) < 3 || len(b.words) < 3 || !relays(a, b) && !relays(b, a) {
		return 0
	}
	return t - (quoteLinkOther - quoteLink)
}

// pieceShare is how much of a quote's words a longer quote of its speaker holds for the
// quote to be a piece of it.
const pieceShare = 0.8

// piece reports that quote x is a piece of the longer quote y: the same speaker, and y holds
// pieceShare of x's words (three at least).
func (s *story) piece(x, y quoteRef) bool {
	if len(x.words) < 3 || len(y.words) <= len(x.words) || x.who.match(y.who) != 1 {
		return false
	}
	shared, wx, _ := s.weigh(x.words, y.words)
	return shared >= pieceShare*wx
}

// partShare is how much of the words of one piece of a quote printed in pieces another quote
// of its speaker holds for the piece to be of that quote's utterance.
const partShare = 0.6

// partOf reports that one piece of quote x, of two content words or more, is mostly in quote
// y of the same speaker: “Nobody has the right to violence,” he said as he condemned “a raw
// murderous act” holds the utterance another outlet prints as “… victims of a murderous act”.
func (s *story) partOf(x, y quoteRef) bool {
	for _, p := range x.parts {
		if len(p) < 2 {
			continue
		}
		if shared, wp, _ := s.weigh(p, y.words); shared >= partShare*wp && sharedCount(p, y.words) >= 2 {
			return true
		}
	}
	return false
}

// sharedCount is how many words two sorted sets share.
func sharedCount(a, b []int32) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case b[j] < a[i]:
			j++
		default:
			n, i, j = n+1, i+1, j+1
		}
	}
	return n
}

// verbatimRun is how many words in a row two quotes of different speakers share to be one
// utterance: more than a set phrase ("at the end of the day") holds.
const verbatimRun = 7

// verbatim reports that two quotes share verbatimRun words in a row, or that the shorter,
// of five words at least, stands whole in the other.
func verbatim(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	run := min(verbatimRun, len(a))
	if run < 5 {
		return false
	}
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			cur[j+1] = 0
			if a[i] == b[j] {
				if cur[j+1] = prev[j] + 1; cur[j+1] >= run {
					return true
				}
			}
		}
		prev, cur = cur, prev
	}
	return false
}

// within reports that the words of a, two at least, stand in b in a row, in a's order.
func within(a, b []string) bool {
	if len(a) < 2 || len(a) > len(b) {
		return false
	}
	for i := 0; i+len(a) <= len(b); i++ {
		if slices.Equal(a, b[i:i+len(a)]) {
			return true
		}
	}
	return false
}

// relays reports that a's sentence names b's speaker: a passes on b's words ("Ushakov said
// Putin asked them to convey …").
func relays(a, b quoteRef) bool {
	i := a.art.sentenceAt(a.q.Start)
	if i < 0 || b.who.last == "" {
		return false
	}
	sp := a.art.sentences[i].span
	return strings.Contains(a.art.Text[sp[0]:sp[1]], b.who.last)
}

// named reports a speaker resolved to a name, not left a pronoun or a description.
func named(s string) bool {
	if s == "" {
		return false
	}
	f := strings.Fields(s)
	switch strings.ToLower(f[0]) {
	case "he", "she", "they", "we", "i", "it", "you", "the", "a", "an", "his", "her", "their":
		return false
	}
	return true
}

func lastName(s string) string {
	f := strings.Fields(s)
	return f[len(f)-1]
}

// group builds a quote group: its variants in article order, each aligned word by word with
// the first, the speaker most variants name, and the differences of meaning.
func (s *story) group(refs []quoteRef, idx []int) crosscheck.QuoteGroup {
	sort.SliceStable(idx, func(i, j int) bool {
		a, b := refs[idx[i]], refs[idx[j]]
		if a.art.index != b.art.index {
			return a.art.index < b.art.index
		}
		return a.q.Start < b.q.Start
	})
	g := crosscheck.QuoteGroup{Differences: []crosscheck.Difference{}}
	votes := map[string]int{}
	var order []string
	for _, i := range idx {
		r := refs[i]
		v := crosscheck.QuoteVariant{Article: r.art.ID, Text: r.q.Text, Start: r.q.Start, End: r.q.End,
			Speaker: r.q.Speaker, Cue: r.q.Cue, Partial: r.q.Partial, Evidence: r.art.evidence(r.q.Start, r.q.End)}
		if len(g.Variants) > 0 {
			v.Alignment = align(g.Variants[0].Text, r.q.Text)
		}
		g.Variants = append(g.Variants, v)
		if named(r.q.Speaker) {
			if votes[r.q.Speaker] == 0 {
				order = append(order, r.q.Speaker)
			}
			votes[r.q.Speaker]++
		}
	}
	if g.Speaker = s.groupSpeaker(refs, idx); g.Speaker == "" {
		// no variant's speaker is backed by a name of its article: the words most give
		for _, sp := range order {
			if g.Speaker == "" || votes[sp] > votes[g.Speaker] || (votes[sp] == votes[g.Speaker] && len(sp) > len(g.Speaker)) {
				g.Speaker = sp
			}
		}
	}
	cut := make([][]clause, len(g.Variants))
	for i, v := range g.Variants {
		cut[i] = readClauses(v.Text)
	}
	for i := range g.Variants {
		for j := i + 1; j < len(g.Variants); j++ {
			if g.Variants[i].Article == g.Variants[j].Article {
				continue
			}
			if d, ok := difference(cut[i], cut[j]); ok {
				d.Variants = [2]int{i, j}
				g.Differences = append(g.Differences, d)
			}
		}
	}
	return g
}

// align lines up the words of b with those of a by their longest common subsequence (case and
// punctuation aside) and returns the steps, runs of one kind joined.
func align(a, b string) []crosscheck.AlignedOp {
	wa, wb := alignWords(a), alignWords(b)
	n, m := len(wa), len(wb)
	if n*m > 250000 {
		return nil // too long to align word by word
	}
	lcs := lcsTable(wa, wb)
	var ops []crosscheck.AlignedOp
	add := func(op, from, to string) {
		if k := len(ops) - 1; k >= 0 && ops[k].Op == op {
			ops[k].From = strings.TrimSpace(ops[k].From + " " + from)
			ops[k].To = strings.TrimSpace(ops[k].To + " " + to)
			return
		}
		if k := len(ops) - 1; k >= 0 && op != "=" && ops[k].Op != "=" {
			ops[k].Op = "~" // words replaced: "went well" for "were good"
			ops[k].From = strings.TrimSpace(ops[k].From + " " + from)
			ops[k].To = strings.TrimSpace(ops[k].To + " " + to)
			return
		}
		ops = append(ops, crosscheck.AlignedOp{Op: op, From: from, To: to})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && key(wa[i]) == key(wb[j]):
			add("=", wa[i], wb[j])
			i++
			j++
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			add("+", "", wb[j])
			j++
		default:
			add("-", wa[i], "")
			i++
		}
	}
	return ops
}

func alignWords(s string) []string {
	var out []string
	for _, t := range lex.Tokens(s) {
		w := s[t[0]:t[1]]
		if isLetter(strings.ToLower(w)[0]) || (w[0] >= '0' && w[0] <= '9') {
			out = append(out, w)
		}
	}
	return out
}

func key(w string) string {
	w = strings.ToLower(strings.ReplaceAll(w, "’", "'"))
	return lex.Stem(w)
}

// negations turn a clause around. "No" that stands alone answers a question ("No, …") and a
// "not" that a "but" follows contrasts ("not five minutes but five hours"): neither negates.
var negations = map[string]bool{"not": true, "never": true, "no": true, "none": true, "nothing": true,
	"neither": true, "nor": true, "without": true, "cannot": true, "hardly": true}

func negated(clause string) bool { return len(negationsIn(clause)) > 0 }

// negationsIn returns the places, among the clause's words (see alignWords), of the words
// that negate it.
func negationsIn(clause string) []int {
	words := alignWords(clause)
	lower := strings.ToLower(clause)
	var out []int
	for i, w := range words {
		lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		if !negations[lw] && !strings.HasSuffix(lw, "n't") {
			continue
		}
		if lw == "no" && i == 0 && (strings.HasPrefix(lower, "no,") || strings.HasPrefix(lower, "no.")) {
			continue
		}
		if lw == "not" && contrast(words[i+1:]) {
			continue
		}
		out = append(out, i)
	}
	return out
}

// flips reports that a negation of neg stands in the words it shares with pos: inside the run
// of words the two clauses have in common, or just before it ("the tests were not good"
// against "the tests were good"). A negation in words the other clause does not print
// ("… into a riot, the youth have no outlets" against "… into a riot") flips nothing.
func flips(neg, pos string) bool {
	wn, wp := alignWords(neg), alignWords(pos)
	lo, hi := -1, -1
	for _, op := range matchedIn(wn, wp) {
		if lo < 0 {
			lo = op
		}
		hi = op
	}
	for _, k := range negationsIn(neg) {
		if lo >= 0 && k >= lo-1 && k <= hi {
			return true
		}
	}
	return false
}

// lcsTable holds, at [i][j], the length of the longest common subsequence (by key) of a[i:]
// and b[j:].
func lcsTable(a, b []string) [][]int32 {
	n, m := len(a), len(b)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if key(a[i]) == key(b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	return lcs
}

// matchedIn returns the places of the words of a that the longest common subsequence of a and
// b (by key) matches, in order.
func matchedIn(a, b []string) []int {
	n, m := len(a), len(b)
	if n*m > 250000 {
		return nil
	}
	lcs := lcsTable(a, b)
	var out []int
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case key(a[i]) == key(b[j]):
			out = append(out, i)
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// contrast reports a "but" within the six words after a "not".
func contrast(after []string) bool {
	for _, w := range after[:min(6, len(after))] {
		if strings.EqualFold(w, "but") {
			return true
		}
	}
	return false
}

// evaluative words judge; one side negating what the other judges is an opposite evaluation.
var evaluative = map[string]bool{"acceptable": true, "suit": true, "fit": true, "good": true, "useful": true,
	"productive": true, "positive": true, "agree": true, "closer": true, "possible": true, "ready": true,
	"satisfied": true, "happy": true, "constructive": true, "progress": true, "right": true, "true": true}

// difference compares two variants clause by clause: each clause is paired with the other
// variant's clause that shares most of its content words, and a pair that are each other's
// best match but of which one is negated and the other not differ in meaning.
func difference(ca, cb []clause) (crosscheck.Difference, bool) {
	if !anyNegated(ca) && !anyNegated(cb) {
		return crosscheck.Difference{}, false
	}
	bestFor := func(x clause, ys []clause) (int, float64) {
		best, k := 0.0, -1
		for j, y := range ys {
			if sim := jaccard(x.words, y.words); sim > best {
				best, k = sim, j
			}
		}
		return k, best
	}
	for i, x := range ca {
		j, sim := bestFor(x, cb)
		if j < 0 || sim < 0.25 || x.negated == cb[j].negated {
			continue
		}
		if back, _ := bestFor(cb[j], ca); back != i {
			continue
		}
		pos, neg := x.text, cb[j].text
		if x.negated {
			pos, neg = neg, pos
		}
		if !flips(neg, pos) {
			continue
		}
		d := crosscheck.Difference{Kind: "negation", Words: [2]string{x.text, cb[j].text},
			Detail: fmt.Sprintf("%q is negated where %q is not", neg, pos)}
		if judges(pos) || judges(neg) {
			d.Kind = "opposite"
		}
		return d, true
	}
	return crosscheck.Difference{}, false
}

// clause is a clause of a variant with its content words, read once for all the variants it
// is compared with.
type clause struct {
	text    string
	words   []string
	negated bool
}

// readClauses cuts a variant into its clauses (see clauses).
func readClauses(text string) []clause {
	var out []clause
	for _, c := range clauses(text) {
		out = append(out, clause{text: c, words: contentWords(c), negated: negated(c)})
	}
	return out
}

func anyNegated(cs []clause) bool {
	for _, c := range cs {
		if c.negated {
			return true
		}
	}
	return false
}

func judges(clause string) bool {
	for _, w := range alignWords(clause) {
		if evaluative[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// clauses splits a quote at sentence ends, semicolons and "but".
func clauses(s string) []string {
	var out []string
	for _, sp := range lex.Sentences(s) {
		sentence := s[sp[0]:sp[1]]
		for _, part := range strings.FieldsFunc(sentence, func(r rune) bool { return r == ';' }) {
			for _, c := range strings.Split(part, ", but ") {
				if c = strings.TrimSpace(c); c != "" {
					out = append(out, c)
				}
			}
		}
	}
	return out
}

func jaccard(a, b []string) float64 {
	sa := map[string]bool{}
	for _, w := range a {
		sa[w] = true
	}
	sb := map[string]bool{}
	for _, w := range b {
		sb[w] = true
	}
	inter := 0
	for w := range sb {
		if sa[w] {
			inter++
		}
	}
	union := len(sa) + len(sb) - inter
	if union == 0 {
		return 0
	}
	return float64(inter) / float64(union)
}
