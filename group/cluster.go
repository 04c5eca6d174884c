package group

import (
	"math"
	"sort"
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
	// MaxGap is how far apart in time an article and a story may be and still be one story
	// (0: no limit). Off by default: ECB+ events are revisited years later (16ecbplus spans
	// 2005–2007), and the posting cap already keeps candidates to recent stories.
	MaxGap time.Duration
	// NameWeight and NumberWeight scale names and numbers against words (weight 1).
	NameWeight, NumberWeight float64
	// SplitBelow splits a story in two when 2-means over its first Members articles finds
	// halves of at least MinSplit articles whose centroids' cosine is below it (0: never).
	// Two events of one kind (two title fights of one boxer) first gather into one story and
	// then come apart this way.
	SplitBelow float64
	MinSplit   int
	Members    int
}

// DefaultOptions are tuned on ECB+ (see the README).
var DefaultOptions = Options{
	Threshold:       0.2375,
	ArticleFeatures: 80,
	QueryFeatures:   25,
	StoryFeatures:   250,
	IndexFeatures:   40,
	MaxPostings:     400,
	NameWeight:      2.5,
	NumberWeight:    3,
	SplitBelow:      0.45,
	MinSplit:        3,
	Members:         64,
}

// Story is a group of articles about one event.
type Story struct {
	ID       int
	Articles []string
	First    time.Time // earliest known publication
	Last     time.Time // latest known publication
	sum      map[string]float64
	centroid Vector
	members  []member // up to Options.Members, for splitting
	indexed  []string
}

type member struct {
	id string
	v  Vector
	t  time.Time
}

// Assignment says where an article went and why.
type Assignment struct {
	Story      int     // the story's id
	New        bool    // the article started the story
	Score      float64 // its similarity to the story it joined (0 for a new story)
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
	df       map[string]int
	stories  []*Story
	postings map[string][]int
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opts Options) *Clusterer {
	return &Clusterer{opts: opts, df: map[string]int{}, postings: map[string][]int{}}
}

func (c *Clusterer) idf(k string) float64 {
	return math.Log(float64(c.n+1)/float64(c.df[k]+1)) + 1
}

// Stories returns the stories so far, in the order they started.
func (c *Clusterer) Stories() []*Story { return c.stories }

// Add places one article, given its features and publication time (zero when unknown).
func (c *Clusterer) Add(id string, t Terms, published time.Time) Assignment {
	c.n++
	for k := range t {
		c.df[k]++
	}
	v := c.opts.weigh(t, c.idf)
	cands := c.candidates(v)
	best, bestScore, runner := -1, 0.0, 0.0
	for _, s := range cands {
		st := c.stories[s]
		if c.tooFar(st, published) {
			continue
		}
		score := Cosine(v, st.centroid)
		switch {
		case score > bestScore:
			runner = bestScore
			best, bestScore = s, score
		case score > runner:
			runner = score
		}
	}
	a := Assignment{Candidates: len(cands), Runner: runner}
	if best >= 0 && bestScore >= c.opts.Threshold {
		a.Story, a.Score, a.Rule = best, bestScore, "joined: cosine with the story ≥ threshold"
	} else {
		best = len(c.stories)
		c.stories = append(c.stories, &Story{ID: best, sum: map[string]float64{}})
		a.Story, a.New = best, true
		a.Rule = "new: no candidate story"
		if len(cands) > 0 {
			a.Rule, a.Score = "new: best candidate below threshold", bestScore
		}
	}
	st := c.stories[best]
	c.join(st, id, v, published)
	if c.opts.SplitBelow > 0 && splitPoint(len(st.Articles)) {
		if moved := c.split(st); moved != nil && contains(moved.Articles, id) {
			a.Story = moved.ID
			a.Rule += "; the story split"
		}
	}
	return a
}

// splitPoint says at which sizes a story is checked for a split: often while small, then
// at doublings, so the checks cost little per article.
func splitPoint(n int) bool {
	return n == 6 || n == 9 || n == 12 || (n >= 16 && n&(n-1) == 0)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// tooFar reports whether an article published at t is too far from a story in time.
func (c *Clusterer) tooFar(s *Story, t time.Time) bool {
	if t.IsZero() || s.First.IsZero() || c.opts.MaxGap == 0 {
		return false
	}
	return t.Before(s.First.Add(-c.opts.MaxGap)) || t.After(s.Last.Add(c.opts.MaxGap))
}

// candidates returns the stories listed under the article's heaviest features, in id order.
func (c *Clusterer) candidates(v Vector) []int {
	q := make(Vector, len(v))
	copy(q, v)
	q = q.top(c.opts.QueryFeatures)
	seen := map[int]bool{}
	var out []int
	for _, f := range q {
		for _, s := range c.postings[f.Key] {
			if !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	sort.Ints(out)
	return out
}

func (c *Clusterer) join(s *Story, id string, v Vector, t time.Time) {
	s.Articles = append(s.Articles, id)
	if len(s.members) < c.opts.Members {
		s.members = append(s.members, member{id, v, t})
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
		s.sum[f.Key] += f.Weight
	}
	if len(s.sum) > 4*c.opts.StoryFeatures {
		s.prune(2 * c.opts.StoryFeatures)
	}
	cent := make(Vector, 0, len(s.sum))
	for k, w := range s.sum {
		cent = append(cent, Feature{k, w})
	}
	s.centroid = cent.top(c.opts.StoryFeatures).normalize()
	c.reindex(s)
}

// prune keeps a story's heaviest summed features, bounding its memory.
func (s *Story) prune(keep int) {
	all := make(Vector, 0, len(s.sum))
	for k, w := range s.sum {
		all = append(all, Feature{k, w})
	}
	all = all.top(keep)
	s.sum = make(map[string]float64, len(all))
	for _, f := range all {
		s.sum[f.Key] = f.Weight
	}
}

// reindex lists a story under its heaviest centroid features.
func (c *Clusterer) reindex(s *Story) {
	idx := make(Vector, len(s.centroid))
	copy(idx, s.centroid)
	idx = idx.top(c.opts.IndexFeatures)
	keep := map[string]bool{}
	for _, f := range idx {
		keep[f.Key] = true
	}
	for _, k := range s.indexed {
		if !keep[k] {
			c.postings[k] = remove(c.postings[k], s.ID)
		}
	}
	had := map[string]bool{}
	for _, k := range s.indexed {
		had[k] = true
	}
	s.indexed = s.indexed[:0]
	for _, f := range idx {
		s.indexed = append(s.indexed, f.Key)
		if !had[f.Key] {
			p := append(c.postings[f.Key], s.ID)
			if len(p) > c.opts.MaxPostings {
				p = p[len(p)-c.opts.MaxPostings:]
			}
			c.postings[f.Key] = p
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
