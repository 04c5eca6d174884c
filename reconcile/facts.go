package reconcile

import (
	"container/heap"
	"fmt"
	"math"
	"slices"
	"sort"
	"time"

	"github.com/crosscheck/crosscheck"
)

// claim is one value an article states about some subject: a number, a date, a role.
type claim struct {
	art      *article
	value    float64 // numbers; for dates, days since 1970
	label    string  // the value as the report shows it
	approx   bool
	start    int
	end      int
	ctx      []int32
	subject  string // what the value counts or dates, when the article says ("plan", "meeting")
	sentence int
	crowded  bool   // a date or a percentage: values crowd together, so nearness does not make two one fact
	verb     string // for a date, the stem of the verb it dates ("trapped", "drilling"), if found; for a number, the event it counts ("kill")
	owner    string // for a number, whose it is ("ortiz", "girl"); two owners differ only when both are known
	named    bool   // for a number, its owner is a person the article names (not a noun: "girl")
	bound    string // for a number, "lower" ("more than 40") or "upper" ("up to 8"), else ""
	listed   bool   // for a number, one of a list ("sons aged 11 and 14"): its neighbours are not rival values
	read     reading
}

// A claim joins the fact whose sentences share this much with its own (see assign); values
// close to the fact's count towards it.
const factJoin = 0.3

// facts aligns the story's claims into facts: counts and durations by their unit, dates of
// events, people's roles and the places the story happens in.
func (s *story) facts() []crosscheck.Fact {
	if len(s.byID) < 2 {
		// every fact's values cite the story's articles, and quiet drops a fact of fewer
		// than two: with one article there is none to read
		return []crosscheck.Fact{}
	}
	var out []crosscheck.Fact
	out = append(out, s.numberFacts()...)
	out = append(out, s.dateFacts()...)
	out = append(out, s.roleFacts()...)
	out = append(out, s.placeFacts()...)
	out = append(out, s.seatFacts()...)
	out = append(out, s.deathPlaceFacts()...)
	out = append(out, s.degreeFacts()...)
	out = append(out, s.authorFacts()...)
	out = append(out, s.nameFacts()...)
	out = append(out, s.causeFacts()...)
	out = append(out, s.lossFacts()...)
	out = append(out, s.nicknameFacts()...)
	out = append(out, s.kinJobFacts()...)
	out = append(out, s.documentKindFacts()...)
	out = append(out, s.nicknameSourceFacts()...)
	out = append(out, s.schoolKindFacts()...)
	out = append(out, s.agentFacts()...)
	out = append(out, s.namedThingFacts()...)
	out = append(out, s.courtPlaceFacts()...)
	out = s.quiet(out)
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Verdict == "conflict") != (out[j].Verdict == "conflict") {
			return out[i].Verdict == "conflict"
		}
		return articleCount(out[i]) > articleCount(out[j])
	})
	if out == nil {
		out = []crosscheck.Fact{}
	}
	return out
}

func articleCount(f crosscheck.Fact) int {
	n := 0
	for _, v := range f.Values {
		n += len(v.Articles)
	}
	return n
}

// claim starts a claim of a at [start, end) with the sentence that holds it.
func (a *article) claim(start, end int) claim {
	c := claim{art: a, start: start, end: end, sentence: a.sentenceAt(start)}
	if c.sentence >= 0 {
		c.ctx = a.sentences[c.sentence].words
		a.sentenceBytes += a.sentences[c.sentence].span[1] - a.sentences[c.sentence].span[0]
	}
	return c
}

// assign files claims into facts in two passes. First, claims of one value whose sentences
// share something make one fact each. Then facts of different values merge into conflicts,
// best pair first, when their sentences match (value closeness counting towards it) — unless
// an article states both values, since an article does not contradict itself. A fact of one
// article alone is dropped.
//
// A key of more than bigKey claims (a story far larger than a day's coverage of one event)
// compares at a bounded cost instead: a claim only with the facts whose claims share a rare
// word of its sentence, and a fact by its first factSample claims (their sentences, values,
// owners and verbs).
func (s *story) assign(claims []claim, agree func(a, b claim) bool) [][]claim {
	big := len(claims) > bigKey
	var facts [][]claim
	var words *rareWords
	if big {
		words = &rareWords{facts: map[int32][]int{}, common: map[int32]bool{}}
	}
	for _, c := range claims {
		best, bestSim := -1, 0.0
		consider := func(i int) {
			if !agree(facts[i][0], c) || ownedApart(sampled(facts[i], big), c) {
				return
			}
			if sim := s.maxSim(sampled(facts[i], big), []claim{c}); best < 0 || sim > bestSim {
				best, bestSim = i, sim
			}
		}
		if big {
			for _, i := range words.near(c.ctx) {
				consider(i)
			}
		} else {
			for i := range facts {
				consider(i)
			}
		}
		if best >= 0 && bestSim >= agreeJoin {
			facts[best] = append(facts[best], c)
		} else {
			best = len(facts)
			facts = append(facts, []claim{c})
		}
		if big {
			words.add(c.ctx, best)
		}
	}
	m := s.newMerger(facts, agree, words)
	m.run()
	return slices.DeleteFunc(m.live(), func(f []claim) bool { return !severalArticles(f) })
}

// Beyond bigKey claims of one key, assign compares a claim only with the facts that hold a
// word of its sentence which at most rareFacts facts hold, and a fact by its first
// factSample claims. No story scored comes near: the largest key of a 600-article story
// holds some 650 claims.
const (
	bigKey     = 1000
	rareFacts  = 40
	factSample = 8
)

// sampled is the claims of a fact that assign compares: all of them, or in a big key the
// first factSample.
func sampled(f []claim, big bool) []claim {
	if big && len(f) > factSample {
		return f[:factSample]
	}
	return f
}

// rareWords indexes the facts of a big key by the words of their claims' sentences, as long
// as a word stays rare (held by at most rareFacts facts).
type rareWords struct {
	facts  map[int32][]int
	common map[int32]bool
}

// near is the facts, in their order, that share a rare word with the sentence words.
func (r *rareWords) near(words []int32) []int {
	var out []int
	for _, w := range words {
		out = append(out, r.facts[w]...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// add files fact i under the sentence words; a word held by more than rareFacts facts
// becomes common and finds nothing more.
func (r *rareWords) add(words []int32, i int) {
	for _, w := range words {
		switch f := r.facts[w]; {
		case r.common[w] || slices.Contains(f, i):
		case len(f) == rareFacts:
			r.common[w] = true
			delete(r.facts, w)
		default:
			r.facts[w] = append(f, i)
		}
	}
}

// A merger merges facts into conflicts, best pair first. What decides a pair's merge only
// grows with its facts (the best match of their sentences, a value or an article they
// share), so it is worked out once for every pair and, after a merge, combined from the two
// merged facts' pairs rather than compared again; the candidate merges wait in a queue,
// best first, and a merge re-scores only the merged fact's pairs. In a big key (rareWords)
// only the facts that share a rare word are paired.
type merger struct {
	s     *story
	agree func(a, b claim) bool
	big   bool
	facts [][]claim
	pairs []map[int]*factPair // by fact, its paired facts
	gone  []bool              // merged into another
	queue mergeQueue
}

// A factPair is what decides the merge of two facts.
type factPair struct {
	sim     float64 // the best match of their sentences
	value   bool    // they share a value
	article bool    // an article states a value in each that the other does not
	version int     // bumped at each new score, so that the queued ones go stale
}

func (s *story) newMerger(facts [][]claim, agree func(a, b claim) bool, words *rareWords) *merger {
	n := len(facts)
	m := &merger{s: s, agree: agree, big: words != nil, facts: facts, pairs: make([]map[int]*factPair, n),
		gone: make([]bool, n)}
	for i := range facts {
		m.pairs[i] = map[int]*factPair{}
	}
	pair := func(i, j int) {
		if m.pairs[i][j] == nil {
			p := m.pair(i, j)
			m.pairs[i][j], m.pairs[j][i] = p, p
		}
	}
	for i := range facts {
		if m.big {
			for _, c := range sampled(facts[i], true) {
				for _, j := range words.near(c.ctx) {
					if j != i {
						pair(min(i, j), max(i, j))
					}
				}
			}
			continue
		}
		for j := i + 1; j < n; j++ {
			pair(i, j)
		}
	}
	for i := range facts {
		for j := range m.pairs[i] {
			if i < j {
				m.offer(i, j)
			}
		}
	}
	return m
}

// view is the claims of fact i that the merger compares (see sampled).
func (m *merger) view(i int) []claim { return sampled(m.facts[i], m.big) }

// pair compares two facts.
func (m *merger) pair(i, j int) *factPair {
	a, b := m.view(i), m.view(j)
	if shareArticle(a, b, m.agree) {
		return &factPair{article: true} // never merged: the rest does not matter
	}
	return &factPair{sim: m.s.maxSim(a, b), value: shareValue(a, b, m.agree)}
}

// offer queues the merge of facts i < j when they may merge, in place of any queued before.
func (m *merger) offer(i, j int) {
	p := m.pairs[i][j]
	p.version++
	if score, ok := m.score(i, j); ok {
		heap.Push(&m.queue, mergeCandidate{score: score, i: i, j: j, pair: p, version: p.version})
	}
}

// score is how well facts i < j match, and whether they may merge at all.
func (m *merger) score(i, j int) (float64, bool) {
	p := m.pairs[i][j]
	if p.article {
		return 0, false
	}
	a, b, sim := m.view(i), m.view(j), p.sim
	if !p.value && sim < conflictSim && !rivalPairs(a, b) {
		return 0, false // neither matching sentences nor a shared value (sameOwnedValue needs one)
	}
	score := sim + closeness(a[0], b[0], m.agree)/2 + ownerWeight(a, b)
	if score < factJoin {
		return 0, false // too weak a match to merge, whatever the rest says
	}
	if !sameEvent(a, b) || !p.value && !mayConflict(a, b, sim) {
		return 0, false // the day one thing happened against the day another did; one person's age against another's
	}
	if sim < conflictSim && !sameOwnedValue(a, b, m.agree) && !rivalPairs(a, b) {
		return 0, false // close values alone do not make one fact: "a premium of 27%", "jumped 24%"
	}
	return score, true
}

// run merges the best pair of facts until none may merge.
func (m *merger) run() {
	for m.queue.Len() > 0 {
		c := heap.Pop(&m.queue).(mergeCandidate)
		if m.gone[c.i] || m.gone[c.j] || c.pair.version != c.version {
			continue // one of the two has merged since
		}
		m.merge(c.i, c.j)
	}
}

// merge moves fact j into fact i < j and queues the merged fact's candidate merges anew. A
// pair of the merged fact is the two facts' pairs combined; where only one of them was
// paired (a big key), whether an article states values in both is asked of the other. In a
// big key, once a fact's sample is full, only the pairs that changed are scored again.
func (m *merger) merge(i, j int) {
	pi, pj := m.pairs[i], m.pairs[j]
	before := m.view(i)
	var changed []int
	for k, q := range pj {
		if k == i {
			continue
		}
		p := pi[k]
		if p == nil {
			p = &factPair{article: shareArticle(before, m.view(k), m.agree)}
			pi[k], m.pairs[k][i] = p, p
		}
		p.sim, p.value, p.article = max(p.sim, q.sim), p.value || q.value, p.article || q.article
		delete(m.pairs[k], j)
		changed = append(changed, k)
	}
	for k, p := range pi {
		if k != j && pj[k] == nil && !p.article {
			if p.article = shareArticle(m.view(j), m.view(k), m.agree); p.article {
				changed = append(changed, k)
			}
		}
	}
	delete(pi, j)
	m.facts[i] = append(m.facts[i], m.facts[j]...)
	m.facts[j], m.pairs[j], m.gone[j] = nil, nil, true
	if len(m.view(i)) != len(before) {
		changed = changed[:0]
		for k := range pi {
			changed = append(changed, k)
		}
	}
	for _, k := range changed {
		m.offer(min(i, k), max(i, k))
	}
}

// live is the facts left, in their order.
func (m *merger) live() [][]claim {
	var out [][]claim
	for i, f := range m.facts {
		if !m.gone[i] {
			out = append(out, f)
		}
	}
	return out
}

// A mergeCandidate is a merge of facts i < j as scored at a version of their pair.
type mergeCandidate struct {
	score   float64
	i, j    int
	pair    *factPair
	version int
}

// mergeQueue holds the candidate merges best first; of equal scores, the first pair in the
// facts' order.
type mergeQueue []mergeCandidate

func (q mergeQueue) Len() int { return len(q) }
func (q mergeQueue) Less(a, b int) bool {
	if q[a].score != q[b].score {
		return q[a].score > q[b].score
	}
	if q[a].i != q[b].i {
		return q[a].i < q[b].i
	}
	return q[a].j < q[b].j
}
func (q mergeQueue) Swap(a, b int) { q[a], q[b] = q[b], q[a] }
func (q *mergeQueue) Push(x any)   { *q = append(*q, x.(mergeCandidate)) }
func (q *mergeQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

// Claims of one value join when their sentences share this much; facts of different values
// merge only when their sentences share at least conflictSim.
const (
	agreeJoin   = 0.1
	conflictSim = 0.08
)

func (s *story) maxSim(a, b []claim) float64 {
	best := 0.0
	s.factsCompared += len(a) * len(b)
	for _, x := range a {
		for _, y := range b {
			best = max(best, s.dice(x.ctx, y.ctx))
		}
	}
	return best
}

// shareValue reports whether two sets of claims state one value: the second then adds
// articles to a value the first has, which no rule against rivals stops.
func shareValue(a, b []claim, agree func(a, b claim) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if agree(x, y) {
				return true
			}
		}
	}
	return false
}

// shareArticle reports an article that states different values in the two sets, or two
// people's figures the sets hold (ownersDiffer): either way they are two facts.
func shareArticle(a, b []claim, agree func(a, b claim) bool) bool {
	for _, x := range a {
		for _, y := range b {
			if x.art == y.art && !agree(x, y) || ownersDiffer(x, y) {
				return true
			}
		}
	}
	return false
}

func severalArticles(claims []claim) bool {
	for _, c := range claims[1:] {
		if c.art != claims[0].art {
			return true
		}
	}
	return false
}

// closeness is 1 for values that agree and falls with their relative distance.
func closeness(a, b claim, agree func(a, b claim) bool) float64 {
	if agree(a, b) {
		return 1
	}
	if a.crowded || a.value == 0 || b.value == 0 {
		return 0
	}
	r := math.Min(math.Abs(a.value), math.Abs(b.value)) / math.Max(math.Abs(a.value), math.Abs(b.value))
	return math.Max(0, 2*r-1)
}

// fact turns a set of claims of two or more articles into a fact; a set from one article
// alone is not one.
func (s *story) fact(claims []claim, kind, subject string, agree func(a, b claim) bool) crosscheck.Fact {
	var values []crosscheck.FactValue
	var reps []claim
	for _, c := range claims {
		k := valueOf(c, reps, agree)
		if k < 0 {
			reps = append(reps, c)
			values = append(values, crosscheck.FactValue{Value: c.label})
			k = len(values) - 1
		}
		v := &values[k]
		if !slices.Contains(v.Articles, c.art.ID) {
			v.Articles = append(v.Articles, c.art.ID)
		}
		v.Evidence = append(v.Evidence, c.art.evidence(c.start, c.end))
	}
	verdict := "agree"
	if len(values) > 1 {
		verdict = "conflict"
	}
	sort.SliceStable(values, func(i, j int) bool { return len(values[i].Articles) > len(values[j].Articles) })
	return crosscheck.Fact{Subject: subject, Kind: kind, Verdict: verdict, Values: values}
}

func mostCommon(claims []claim, f func(claim) string) string {
	count := map[string]int{}
	best := ""
	for _, c := range claims {
		k := f(c)
		if k == "" {
			continue
		}
		count[k]++
		if count[k] > count[best] || best == "" {
			best = k
		}
	}
	return best
}

// anomalies flags a date an article alone gives for what the others date otherwise, when it
// lies far from the article's own publication, and a role one article gives against all others.
func (s *story) anomalies(facts []crosscheck.Fact) []crosscheck.Anomaly {
	out := []crosscheck.Anomaly{}
	for _, f := range facts {
		if f.Verdict != "conflict" || len(f.Values) < 2 {
			continue
		}
		majority := f.Values[0]
		for _, v := range f.Values[1:] {
			if len(v.Articles) >= len(majority.Articles) {
				continue
			}
			flagged := map[string]bool{}
			for _, ev := range v.Evidence {
				a := s.byID[ev.Article]
				if flagged[a.ID] {
					continue
				}
				flagged[a.ID] = true
				switch f.Kind {
				case "date":
					d, err := time.Parse("2006-01-02", v.Value)
					if err != nil || a.dct.IsZero() {
						continue
					}
					gap := math.Abs(a.dct.Sub(d).Hours() / 24)
					if gap <= 30 {
						continue
					}
					out = append(out, crosscheck.Anomaly{Kind: "date", Article: a.ID, Evidence: ev,
						Detail: fmt.Sprintf("%s is %.0f days from the article's own publication (%s) while %d other article(s) date it %s",
							v.Value, gap, a.Published[:10], len(majority.Articles), majority.Value)})
				case "role":
					if len(majority.Articles) >= 2 && len(v.Articles) == 1 {
						out = append(out, crosscheck.Anomaly{Kind: "role", Article: a.ID, Evidence: ev,
							Detail: fmt.Sprintf("%s: %q here, %q in %d other article(s)", f.Subject, v.Value, majority.Value, len(majority.Articles))})
					}
				}
			}
		}
	}
	return out
}
