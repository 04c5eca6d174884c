package group

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"
)

// Options tune story grouping.
type Options struct {
	// Threshold is the least similarity at which an article joins a story.
	Threshold float64
	// ArticleFeatures is how many of an article's heaviest features it keeps.
	ArticleFeatures int
	// QueryFeatures is how many of those it looks candidates up by.
	QueryFeatures int
	// StoryFeatures is how many features a story's centroid keeps, and IndexFeatures how many
	// of them the index lists the story under.
	StoryFeatures, IndexFeatures int
	// MaxPostings bounds the stories listed under one feature: the most recent stay.
	MaxPostings int
	// MaxCandidates bounds the stories an article is compared with: those listed under most
	// of its query features.
	MaxCandidates int
	// MaxGap is how far apart in time an article and a story may be and still be one story
	// at Threshold (0: no limit): articles about one event are published within days. An
	// article farther from a story needs FarThreshold, so that ECB+ events revisited years
	// later (16ecbplus spans 2005–2007) and misread dates do not split a story.
	MaxGap time.Duration
	// FarThreshold is the least similarity at which an article joins a story farther than
	// MaxGap from it in time (0: it never does). A story is not joined across months
	// without strong evidence, yet misread or missing dates do not split one.
	FarThreshold float64
	// NearThreshold is the least similarity at which an article joins a story when both are
	// dated and within MaxGap of each other (0: Threshold). Off by default: it lifts PAC, but
	// in a dense stream two events in one place a day apart (a dam's talks, a ferry's storm)
	// come together.
	NearThreshold float64
	// Linkage moves the similarity of an article and a story from the cosine with the
	// story's centroid (0) towards the mean cosine with its articles (1): the centroid
	// cosine times the story's cohesion to this power. A story whose articles are loosely
	// alike attracts less than a tight one.
	Linkage float64
	// NameWeight and NumberWeight scale names and numbers against words (weight 1).
	NameWeight, NumberWeight float64
	// SplitBelow splits a story in two when 2-means over its first Members articles finds
	// halves of at least MinSplit articles whose centroids' cosine is below it (0: never).
	// Two events of one kind (two title fights of one boxer) first gather into one story and
	// then come apart this way.
	SplitBelow float64
	MinSplit   int
	Members    int

	// MergeAbove merges two stories when an article is close enough to join either and the
	// stories' centroids' cosine is at least this (0: never): the article bridges them.
	MergeAbove float64

	// DaySplitBelow splits a story whose undated articles tell of two weekdays (each the
	// one most named by two or more of its members) when 2-means started from the two
	// groups finds halves whose centroids' cosine is below it (0: never) and text and day
	// agree: each group on its side, and no article naming the other side's weekday at
	// all. Without publication dates, the weekday a report names is the one sign of when
	// its event happened: two events of one kind told in one vocabulary (a rule and its
	// reversal) come apart, while one event told over several days names them together.
	DaySplitBelow float64
}

// DefaultOptions are tuned on ECB+, PAC and the events' articles together (see the README).
var DefaultOptions = Options{
	Threshold:       0.18,
	ArticleFeatures: 80,
	QueryFeatures:   25,
	StoryFeatures:   250,
	IndexFeatures:   40,
	MaxPostings:     400,
	MaxCandidates:   64,
	MaxGap:          72 * time.Hour,
	FarThreshold:    0.4,
	Linkage:         0.5,
	NameWeight:      2.5,
	NumberWeight:    4,
	SplitBelow:      0.45,
	MinSplit:        3,
	Members:         64,
	MergeAbove:      0.6,
	DaySplitBelow:   0.7,
}

// Story is a group of articles about one event.
type Story struct {
	ID       int
	Key      string // the article that started it; a story's name that outlives splits and merges
	Articles []string
	First    time.Time // earliest known publication
	Last     time.Time // latest known publication
	sum      map[int32]float32
	centroid Vector
	summed   int      // the article vectors summed in sum
	cohesion float64  // |sum| / summed: the mean cosine of the summed vectors with their centroid
	members  []member // up to Options.Members, for splitting
	indexed  []int32
}

type member struct {
	id  string
	v   Vector
	t   time.Time
	day int // the weekday the undated article names most, 1 (Sunday) to 7; 0: none or dated
	// days has bit d set when the undated article names weekday d at all
	days uint8
}

// Assignment says where an article went and why.
type Assignment struct {
	Story      int     // the story's id
	New        bool    // the article started the story
	Score      float64 // its similarity to the best candidate story (0 when none)
	Threshold  float64 // the similarity that candidate needed (Options.Threshold when none)
	Runner     float64 // the similarity to the best other candidate
	Candidates int     // how many stories the index offered
	Rule       string  // "joined: cosine ≥ threshold", "new: no candidate", …
}

// Clusterer groups articles into stories one at a time. An article is compared only with the
// stories an inverted index offers for its heaviest features, so adding one costs the same
// whatever the number of stories. The same articles in the same order give the same stories.
type Clusterer struct {
	opts     Options
	n        int
	vocab    map[string]int32 // feature → id
	words    []string         // id → feature
	df       []int32          // id → documents with the feature
	stories  []*Story
	postings map[int32][]int
	dups     *Duplicates
	hits     []uint8      // per story, reused by candidates
	touched  []int        // reused by candidates
	buckets  [][]int      // reused by candidates
	dirty    map[int]bool // stories changed since TakeChanges
	moves    []Move       // articles splits moved since TakeChanges
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opts Options) *Clusterer {
	return &Clusterer{opts: opts, vocab: map[string]int32{}, postings: map[int32][]int{}, dups: NewDuplicates()}
}

// Duplicate records a text's signature and returns the earlier text it nearly copies, if any.
func (c *Clusterer) Duplicate(id string, sig Signature) (Duplicate, bool) {
	return c.dups.Add(id, sig)
}

// vector counts the article in the document frequencies and returns its weighted unit vector.
// idfPrior counts documents that share no feature with any other, as if every store began
// with them: in a store of a few articles, all on one event, the words they share would
// otherwise weigh almost nothing against the words they do not. At 20 the last of six
// articles on one event, weighed when the event's own words are in every document, missed
// the story by a hair; 30 keeps them in and leaves a stream of hundreds of stories as it was.
const idfPrior = 30

// New features get ids in sorted order, so ids do not depend on map order.
func (c *Clusterer) vector(t Terms) Vector {
	keys := make([]string, 0, len(t))
	for k := range t {
		if !strings.HasPrefix(k, dayPrefix) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	c.n++
	v := make(Vector, 0, len(keys))
	for _, k := range keys {
		id, ok := c.vocab[k]
		if !ok {
			id = int32(len(c.words))
			c.vocab[k] = id
			c.words = append(c.words, k)
			c.df = append(c.df, 0)
		}
		c.df[id]++
		idf := math.Log(float64(c.n+idfPrior)/float64(c.df[id]+1)) + 1
		w := (1 + math.Log(t[k])) * idf * c.opts.kindWeight(k)
		v = append(v, Feature{ID: id, Weight: float32(w)})
	}
	return v.top(c.opts.ArticleFeatures).normalize()
}

// Stories returns the stories so far, in the order they started.
func (c *Clusterer) Stories() []*Story { return c.stories }

// Add places one article, given its features and publication time (zero when unknown).
func (c *Clusterer) Add(id string, t Terms, published time.Time) Assignment {
	v := c.vector(t)
	cands := c.candidates(v)
	// Each candidate is weighed against its own threshold (see need); the best is the one
	// that passes it by the widest margin.
	best, second := -1, -1
	var bestMargin, runnerMargin float64
	a := Assignment{Candidates: len(cands)}
	var bestWhy string
	for _, s := range cands {
		st := c.stories[s]
		need, why, ok := c.need(st, published)
		if !ok {
			continue
		}
		score := c.similarity(v, st)
		switch margin := score / need; {
		case margin > bestMargin:
			second, runnerMargin, a.Runner = best, bestMargin, a.Score
			best, bestMargin, bestWhy = s, margin, why
			a.Score, a.Threshold = score, need
		case margin > runnerMargin:
			second, runnerMargin, a.Runner = s, margin, score
		}
	}
	if best >= 0 && bestMargin >= 1 {
		a.Story, a.Rule = best, "joined: similarity with the story ≥ threshold"+bestWhy
	} else {
		best = len(c.stories)
		c.stories = append(c.stories, &Story{ID: best, Key: id, sum: map[int32]float32{}})
		a.Story, a.New = best, true
		a.Rule = "new: no candidate story"
		if len(cands) > 0 {
			a.Rule = "new: best candidate below threshold" + bestWhy
		}
		if a.Threshold == 0 {
			a.Threshold = c.opts.Threshold
		}
	}
	st := c.stories[best]
	m := member{id: id, v: v, t: published}
	if published.IsZero() {
		m.day, m.days = weekdayOf(t)
	}
	c.join(st, m)
	if !a.New && second >= 0 && runnerMargin >= 1 && c.opts.MergeAbove > 0 &&
		Cosine(st.centroid, c.stories[second].centroid) >= c.opts.MergeAbove &&
		!c.apart(st, c.stories[second]) {
		into := c.merge(st, c.stories[second])
		a.Story = into.ID
		a.Rule += fmt.Sprintf("; it bridged two stories, which merged (runner-up %.3f)", a.Runner)
		st = into
	}
	if c.opts.SplitBelow > 0 && splitPoint(len(st.Articles)) {
		if moved := c.split(st); moved != nil && contains(moved.Articles, id) {
			a.Story = moved.ID
			a.Rule += "; the story split"
		}
	}
	return a
}

// splitPoint says at which sizes a story is checked for a split: often while small, then
// at doublings, so the checks cost little per article. Not at six: three articles against
// three are as often two angles of one event (the fire and the arrests, the killing and the
// trial) as two events, and a split there cuts a small story in half.
func splitPoint(n int) bool {
	return n == 9 || n == 12 || (n >= 16 && n&(n-1) == 0)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// merge moves the newer of two stories into the older and returns the older. The newer is left
// empty, out of the index.
func (c *Clusterer) merge(a, b *Story) *Story {
	if b.ID < a.ID {
		a, b = b, a
	}
	for i, id := range b.Articles {
		a.Articles = append(a.Articles, id)
		if i < len(b.members) && len(a.members) < c.opts.Members {
			a.members = append(a.members, b.members[i])
		}
		c.moves = append(c.moves, Move{Article: id, Story: a.ID})
	}
	for k, w := range b.sum {
		a.sum[k] += w
	}
	a.summed += b.summed
	if !b.First.IsZero() && (a.First.IsZero() || b.First.Before(a.First)) {
		a.First = b.First
	}
	if b.Last.After(a.Last) {
		a.Last = b.Last
	}
	a.centroid = c.centroidOf(a)
	c.reindex(a)
	for _, k := range b.indexed {
		c.postings[k] = remove(c.postings[k], b.ID)
	}
	*b = Story{ID: b.ID, Key: b.Key, sum: map[int32]float32{}}
	c.touch(a.ID)
	c.touch(b.ID)
	return a
}

// apart says two stories' members tell two events by the split's test (see halves): a
// merge the next split would undo is not made.
func (c *Clusterer) apart(a, b *Story) bool {
	if c.opts.SplitBelow <= 0 {
		return false
	}
	if b.ID < a.ID {
		a, b = b, a
	}
	m := append(append([]member(nil), a.members...), b.members...)
	if len(m) > c.opts.Members {
		m = m[:c.opts.Members]
	}
	return c.halves(m) != nil
}

// tooFar reports whether an article published at t is too far from a story in time.
func (c *Clusterer) tooFar(s *Story, t time.Time) bool {
	if t.IsZero() || s.First.IsZero() || c.opts.MaxGap == 0 {
		return false
	}
	return t.Before(s.First.Add(-c.opts.MaxGap)) || t.After(s.Last.Add(c.opts.MaxGap))
}

// similarity is an article's similarity to a story (see Options.Linkage).
func (c *Clusterer) similarity(v Vector, s *Story) float64 {
	cos := Cosine(v, s.centroid)
	if c.opts.Linkage > 0 && s.cohesion < 1 {
		cos *= math.Pow(s.cohesion, c.opts.Linkage)
	}
	return cos
}

// need is the similarity an article published at t needs to join a story, and why, or
// false when it may not join it. Dated within MaxGap of each other, both, it needs
// NearThreshold; farther apart, FarThreshold; otherwise Threshold.
func (c *Clusterer) need(s *Story, t time.Time) (float64, string, bool) {
	switch {
	case c.opts.MaxGap == 0 || t.IsZero() || s.First.IsZero():
		return c.opts.Threshold, "", true
	case c.tooFar(s, t):
		if c.opts.FarThreshold <= 0 {
			return 0, "", false
		}
		return c.opts.FarThreshold, " for a story far in time", true
	case c.opts.NearThreshold > 0:
		return c.opts.NearThreshold, " for a story near in time", true
	}
	return c.opts.Threshold, "", true
}

// candidates returns the stories listed under most of the article's heaviest features — at
// most MaxCandidates, ties to the newer story — in id order. The work is bounded by
// QueryFeatures × MaxPostings whatever the number of stories.
func (c *Clusterer) candidates(v Vector) []int {
	q := make(Vector, len(v))
	copy(q, v)
	q = q.top(c.opts.QueryFeatures)
	if len(c.hits) < len(c.stories) {
		c.hits = append(c.hits, make([]uint8, len(c.stories)-len(c.hits))...)
	}
	touched := c.touched[:0]
	for _, f := range q {
		for _, s := range c.postings[f.ID] {
			if c.hits[s] == 0 {
				touched = append(touched, s)
			}
			c.hits[s]++
		}
	}
	c.touched = touched
	out := append([]int(nil), touched...)
	if len(touched) > c.opts.MaxCandidates {
		if len(c.buckets) < len(q)+1 {
			c.buckets = make([][]int, len(q)+1)
		}
		for h := range c.buckets {
			c.buckets[h] = c.buckets[h][:0]
		}
		for _, s := range touched {
			c.buckets[c.hits[s]] = append(c.buckets[c.hits[s]], s)
		}
		out = out[:0]
		for h := len(q); h > 0 && len(out) < c.opts.MaxCandidates; h-- {
			b := c.buckets[h]
			if need := c.opts.MaxCandidates - len(out); len(b) > need {
				sort.Sort(sort.Reverse(sort.IntSlice(b)))
				b = b[:need]
			}
			out = append(out, b...)
		}
	}
	for _, s := range touched {
		c.hits[s] = 0
	}
	sort.Ints(out)
	return out
}

func (c *Clusterer) join(s *Story, m member) {
	id, v, t := m.id, m.v, m.t
	s.Articles = append(s.Articles, id)
	if len(s.members) < c.opts.Members {
		s.members = append(s.members, m)
	}

	if !t.IsZero() {
		if s.First.IsZero() || t.Before(s.First) {
			s.First = t
		}
		if t.After(s.Last) {
			s.Last = t
		}
	}
	for _, f := range v {
		s.sum[f.ID] += f.Weight
	}
	s.summed++
	if len(s.sum) > 4*c.opts.StoryFeatures {
		s.prune(2 * c.opts.StoryFeatures)
	}
	s.centroid = c.centroidOf(s)
	c.reindex(s)
	c.touch(s.ID)
}

// A Move is an article a split moved to another story.
type Move struct {
	Article string
	Story   int
}

// touch notes that a story changed.
func (c *Clusterer) touch(id int) {
	if c.dirty == nil {
		c.dirty = map[int]bool{}
	}
	c.dirty[id] = true
}

// TakeChanges returns the stories that changed since the last call, in id order, and the
// articles splits moved, in the order they moved; it forgets both.
func (c *Clusterer) TakeChanges() ([]*Story, []Move) {
	ids := make([]int, 0, len(c.dirty))
	for id := range c.dirty {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	out := make([]*Story, len(ids))
	for i, id := range ids {
		out[i] = c.stories[id]
	}
	moves := c.moves
	c.dirty, c.moves = nil, nil
	return out, moves
}

// prune keeps a story's heaviest summed features, bounding its memory.
func (s *Story) prune(keep int) {
	all := make(Vector, 0, len(s.sum))
	for k, w := range s.sum {
		all = append(all, Feature{k, w})
	}
	all = all.top(keep)
	s.sum = make(map[int32]float32, len(all))
	for _, f := range all {
		s.sum[f.ID] = f.Weight
	}
}

// reindex lists a story under its heaviest centroid features.
func (c *Clusterer) reindex(s *Story) {
	idx := make(Vector, len(s.centroid))
	copy(idx, s.centroid)
	idx = idx.top(c.opts.IndexFeatures)
	keep := map[int32]bool{}
	for _, f := range idx {
		keep[f.ID] = true
	}
	for _, k := range s.indexed {
		if !keep[k] {
			c.postings[k] = remove(c.postings[k], s.ID)
		}
	}
	had := map[int32]bool{}
	for _, k := range s.indexed {
		had[k] = true
	}
	s.indexed = s.indexed[:0]
	for _, f := range idx {
		s.indexed = append(s.indexed, f.ID)
		if !had[f.ID] {
			p := append(c.postings[f.ID], s.ID)
			if len(p) > c.opts.MaxPostings {
				p = p[len(p)-c.opts.MaxPostings:]
			}
			c.postings[f.ID] = p
		}
	}
}

func remove(list []int, x int) []int {
	for i, y := range list {
		if y == x {
			return append(list[:i], list[i+1:]...)
		}
	}
	return list
}
