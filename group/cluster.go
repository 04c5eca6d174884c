package group

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck/crosscheck"
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
	Key      string    // the article that started it; a story's name that outlives splits and merges
	Articles []string  // kept by a Memory state only (see Clusterer.Stories)
	First    time.Time // earliest known publication
	Last     time.Time // latest known publication
	Size     int       // the articles in it
	sum      Vector    // the summed article vectors, by feature id (not unit)
	centroid Vector
	summed   int     // the article vectors summed in sum
	cohesion float64 // |sum| / summed: the mean cosine of the summed vectors with their centroid
	// members are up to Options.Members articles, for splitting, from index base on: the
	// first base are in the state and loaded when needed (see members).
	members []member
	base    int
	saved   int  // members already in the state
	rebuilt bool // the members in the state are to be replaced
	// settled says halves found one event in the members, which have not changed since (kept
	// while the story is cached: one read again is tried again)
	settled bool
	indexed []int32
	used    uint32 // the article that last used it (see Shrink)
	// joined is the article that last changed it; partial says its sums were let go (see
	// Shrink) and are read again from the state when it changes
	joined  uint32
	partial bool
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
//
// What it learns lives in a crosscheck.GroupState, read for what an article needs (its
// features' document frequencies, the postings of its heaviest features, the candidate
// stories, its signature's band buckets) and kept in a cache; TakeChanges hands back the rows
// that changed, for the state's owner to write.
type Clusterer struct {
	opts  Options
	ctx   context.Context
	state crosscheck.GroupState
	err   error // the first error reading the state; Add does nothing after it
	meta  crosscheck.GroupMeta
	// whole says the cache holds the whole state: it began empty and nothing was forgotten,
	// so what is not in the cache is not in the state either.
	whole bool
	// own says every row of the state was written through this clusterer: it began over an
	// empty state and has not forgotten since (see gone.go); goneWords and goneLists hold
	// the features and posting lists its cache let go.
	own                  bool
	goneWords, goneLists goneFilter
	// bandsFrom is the first signature from which the cache holds every band entry: those
	// this clusterer made (0 when whole).
	bandsFrom int64
	used      uint32 // articles added: the cache's clock (see Shrink)
	words     wordTable
	postings  postingTable
	stories   map[int]*Story
	bands     map[uint64][]int64 // band buckets of two signatures or more, oldest first
	band1     map[uint64]int64   // band buckets of one signature (see bucketOf)
	sigs      sigTable
	hits      []uint8        // per story, reused by candidates
	touched   []int          // reused by candidates
	buckets   [][]int        // reused by candidates
	scratch   Vector         // reused by centroidOf
	work      scratch        // reused by add and what it calls
	dirty     map[int]bool   // stories changed since TakeChanges
	changed   []int32        // features counted since TakeChanges, by entry in words
	posted    map[int32]bool // postings changed since TakeChanges
	newSigs   []crosscheck.GroupSignature
	newBands  []crosscheck.GroupBand
	// retired is the signature from which the band entries are in the state: those of older
	// ones went with them out of the window (see retire), the last text having been compared
	// with the window before it; oldBands are the ones to delete.
	retired  int64
	oldBands []crosscheck.GroupBand
	moves    []Move // articles placed, and moved by splits and merges, since TakeChanges
}

// NewClusterer returns a clusterer over an empty Memory state.
func NewClusterer(opts Options) *Clusterer {
	c, _ := New(context.Background(), NewMemory(), opts) // an empty Memory reads without error
	return c
}

// New returns a clusterer over a state, which it reads with ctx. A state another version of
// the rows made gives crosscheck.ErrRegroup.
func New(ctx context.Context, state crosscheck.GroupState, opts Options) (*Clusterer, error) {
	meta, err := state.GroupMeta(ctx)
	if err != nil {
		return nil, err
	}
	if meta.Format != 0 && meta.Format != StateFormat {
		return nil, fmt.Errorf("grouping state format %d, want %d: %w", meta.Format, StateFormat, crosscheck.ErrRegroup)
	}
	meta.Format = StateFormat
	c := &Clusterer{opts: opts, ctx: ctx, state: state, meta: meta, retired: meta.Signatures - 1 - duplicateWindow}
	c.Forget()
	c.whole = meta.Documents == 0 && meta.Words == 0 && meta.Stories == 0 && meta.Signatures == 0
	c.own = c.whole
	if c.whole {
		c.bandsFrom = 0
	}
	return c, nil
}

// Err returns the first error reading the state; after one, Add and Duplicate do nothing.
func (c *Clusterer) Err() error { return c.err }

// Version is the version of the state the clusterer read.
func (c *Clusterer) Version() int64 { return c.meta.Version }

// fail keeps the first error.
func (c *Clusterer) fail(err error) bool {
	if err != nil && c.err == nil {
		c.err = err
	}
	return c.err != nil
}

// Duplicate records a text's signature and returns the earlier text it nearly copies, if any.
func (c *Clusterer) Duplicate(id string, sig Signature) (Duplicate, bool) {
	if c.err != nil {
		return Duplicate{}, false
	}
	d, ok, err := c.duplicate(id, sig)
	if c.fail(err) {
		return Duplicate{}, false
	}
	return d, ok
}

// vector counts the article in the document frequencies and returns its weighted unit vector.
// idfPrior counts documents that share no feature with any other, as if every store began
// with them: in a store of a few articles, all on one event, the words they share would
// otherwise weigh almost nothing against the words they do not. At 20 the last of six
// articles on one event, weighed when the event's own words are in every document, missed
// the story by a hair; 30 keeps them in and leaves a stream of hundreds of stories as it was.
const idfPrior = 30

// New features get ids in sorted order, so ids do not depend on map order; the vector is
// sorted by id, whatever the order its features are weighed in.
func (c *Clusterer) vector(t Terms) (Vector, error) {
	keys, hashes := c.work.keys[:0], c.work.hashes[:0]
	for k := range t {
		if !strings.HasPrefix(k, dayPrefix) {
			keys, hashes = append(keys, k), append(hashes, wordHash(k))
		}
	}
	c.work.keys, c.work.hashes = keys, hashes
	if err := c.loadWords(keys, hashes); err != nil {
		return nil, err
	}
	c.meta.Documents++
	v := c.work.terms[:0]
	weigh := func(k string, i int32) {
		e := &c.words.entries[i]
		e.df++
		e.used = c.used
		if !e.changed {
			e.changed = true
			c.changed = append(c.changed, i)
		}
		idf := math.Log(float64(c.meta.Documents+idfPrior)/float64(e.df+1)) + 1
		w := (1 + math.Log(t[k])) * idf * c.opts.kindWeight(k)
		v = append(v, Feature{ID: e.id, Weight: float32(w)})
	}
	// the features never seen, in the place of those weighed, with their entries (-1: none)
	fresh, entry := keys[:0], c.work.entry[:0]
	for j, k := range keys {
		if i := c.words.findHashed(k, hashes[j]); i >= 0 && !c.words.entries[i].absent {
			weigh(k, i)
		} else {
			fresh, entry = append(fresh, k), append(entry, fresh1{i, hashes[j]})
		}
	}
	c.work.entry = entry
	// new features get ids in their texts' order
	order := c.work.order[:0]
	for j := range fresh {
		order = append(order, j)
	}
	c.work.order = order
	slices.SortFunc(order, func(a, b int) int { return strings.Compare(fresh[a], fresh[b]) })
	for _, j := range order {
		k, i := fresh[j], entry[j].i
		e := wordEntry{id: int32(c.meta.Words)}
		if i >= 0 { // asked of the state, which lacked it
			e.off, e.n = c.words.entries[i].off, c.words.entries[i].n
			c.words.entries[i] = e
		} else {
			c.words.addHashed(k, entry[j].hash, e)
			i = int32(c.words.len() - 1)
		}
		c.meta.Words++
		weigh(k, i)
	}
	c.work.terms = v
	// the article's vector is kept (see member): it holds its features and no more
	top := v.top(c.opts.ArticleFeatures)
	return append(make(Vector, 0, len(top)), top...).normalize(), nil
}

// Add places one article, given its features and publication time (zero when unknown).
func (c *Clusterer) Add(id string, t Terms, published time.Time) Assignment {
	if c.err != nil {
		return Assignment{}
	}
	a, err := c.add(id, t, published)
	if c.fail(err) {
		return Assignment{}
	}
	return a
}

func (c *Clusterer) add(id string, t Terms, published time.Time) (Assignment, error) {
	c.used++
	v, err := c.vector(t)
	if err != nil {
		return Assignment{}, err
	}
	cands, err := c.candidates(v)
	if err != nil {
		return Assignment{}, err
	}
	// Each candidate is weighed against its own threshold (see need); the best is the one
	// that passes it by the widest margin.
	best, second := -1, -1
	var bestMargin, runnerMargin float64
	a := Assignment{Candidates: len(cands)}
	var bestWhy string
	c.work.spread(v)
	for _, s := range cands {
		st := c.stories[s] // loaded by candidates
		need, why, ok := c.need(st, published)
		if !ok {
			continue
		}
		score := c.linked(c.work.cosine(st.centroid), st)
		switch margin := score / need; {
		case margin > bestMargin:
			second, runnerMargin, a.Runner = best, bestMargin, a.Score
			best, bestMargin, bestWhy = s, margin, why
			a.Score, a.Threshold = score, need
		case margin > runnerMargin:
			second, runnerMargin, a.Runner = s, margin, score
		}
	}
	c.work.unspread()
	if best >= 0 && bestMargin >= 1 {
		a.Story, a.Rule = best, "joined: similarity with the story ≥ threshold"+bestWhy
	} else {
		best = c.newStory(id).ID
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
	c.moves = append(c.moves, Move{Article: id, Placed: true, Story: best})
	m := member{id: id, v: v, t: published}
	if published.IsZero() {
		m.day, m.days = weekdayOf(t)
	}
	if err := c.join(st, m); err != nil {
		return a, err
	}
	if !a.New && second >= 0 && runnerMargin >= 1 && c.opts.MergeAbove > 0 &&
		Cosine(st.centroid, c.stories[second].centroid) >= c.opts.MergeAbove {
		apart, err := c.apart(st, c.stories[second])
		if err != nil {
			return a, err
		}
		if !apart {
			into, err := c.merge(st, c.stories[second])
			if err != nil {
				return a, err
			}
			a.Story = into.ID
			a.Rule += fmt.Sprintf("; it bridged two stories, which merged (runner-up %.3f)", a.Runner)
			st = into
		}
	}
	if c.opts.SplitBelow > 0 && splitPoint(st.Size) {
		moved, in, err := c.split(st, id)
		if err != nil {
			return a, err
		}
		if moved != nil && in {
			a.Story = moved.ID
			a.Rule += "; the story split"
		}
	}
	return a, nil
}

// newStory starts a story with an article.
func (c *Clusterer) newStory(key string) *Story {
	st := &Story{ID: c.meta.Stories, Key: key, used: c.used, joined: c.used}
	c.meta.Stories++
	c.stories[st.ID] = st
	return st
}

// splitPoint says at which sizes a story is checked for a split: often while small, then
// at doublings, so the checks cost little per article. Not at six: three articles against
// three are as often two angles of one event (the fire and the arrests, the killing and the
// trial) as two events, and a split there cuts a small story in half.
func splitPoint(n int) bool {
	return n == 9 || n == 12 || (n >= 16 && n&(n-1) == 0)
}

// merge moves the newer of two stories into the older and returns the older. The newer is left
// empty, out of the index.
func (c *Clusterer) merge(a, b *Story) (*Story, error) {
	if b.ID < a.ID {
		a, b = b, a
	}
	if err := c.loadMembers(a, b); err != nil {
		return nil, err
	}
	if err := c.loadSums(a, b); err != nil {
		return nil, err
	}
	for _, m := range b.members {
		if len(a.members) < c.opts.Members {
			a.members = append(a.members, m)
			a.settled = false
		}
	}
	c.moves = append(c.moves, Move{From: b.ID, Story: a.ID, Size: b.Size})
	a.Size += b.Size
	a.sum.add(b.sum)
	a.summed += b.summed
	if !b.First.IsZero() && (a.First.IsZero() || b.First.Before(a.First)) {
		a.First = b.First
	}
	if b.Last.After(a.Last) {
		a.Last = b.Last
	}
	a.centroid = c.centroidOf(a)
	if err := c.reindex(a); err != nil {
		return nil, err
	}
	if err := c.loadPostings(b.indexed); err != nil {
		return nil, err
	}
	for _, k := range b.indexed {
		c.unpost(k, b.ID)
	}
	*b = Story{ID: b.ID, Key: b.Key, saved: b.saved, rebuilt: true}
	c.touch(a.ID)
	c.touch(b.ID)
	return a, nil
}

// apart says two stories' members tell two events by the split's test (see halves): a
// merge the next split would undo is not made.
func (c *Clusterer) apart(a, b *Story) (bool, error) {
	if c.opts.SplitBelow <= 0 {
		return false, nil
	}
	if b.ID < a.ID {
		a, b = b, a
	}
	if err := c.loadMembers(a, b); err != nil {
		return false, err
	}
	m := append(append([]member(nil), a.members...), b.members...)
	if len(m) > c.opts.Members {
		m = m[:c.opts.Members]
	}
	return c.halves(m) != nil, nil
}

// tooFar reports whether an article published at t is too far from a story in time.
func (c *Clusterer) tooFar(s *Story, t time.Time) bool {
	if t.IsZero() || s.First.IsZero() || c.opts.MaxGap == 0 {
		return false
	}
	return t.Before(s.First.Add(-c.opts.MaxGap)) || t.After(s.Last.Add(c.opts.MaxGap))
}

// linked is an article's similarity to a story (see Options.Linkage) from its cosine with the
// story's centroid.
func (c *Clusterer) linked(cos float64, s *Story) float64 {
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
func (c *Clusterer) candidates(v Vector) ([]int, error) {
	q := append(c.work.query[:0], v...).top(c.opts.QueryFeatures)
	c.work.query = q
	ids := c.work.ids[:0]
	for _, f := range q {
		ids = append(ids, f.ID)
	}
	c.work.ids = ids
	if err := c.loadPostings(ids); err != nil {
		return nil, err
	}
	touched := c.touched[:0]
	for _, f := range q {
		for _, x := range c.postings.stories(c.postings.get(f.ID)) {
			s := int(x)
			if s >= len(c.hits) {
				c.hits = append(c.hits, make([]uint8, max(s+1, c.meta.Stories)-len(c.hits))...)
			}
			if c.hits[s] == 0 {
				touched = append(touched, s)
			}
			c.hits[s]++
		}
	}
	c.touched = touched
	out := append(c.work.cands[:0], touched...)
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
				slices.Sort(b) // the newest stories: the highest ids
				b = b[len(b)-need:]
			}
			out = append(out, b...)
		}
	}
	for _, s := range touched {
		c.hits[s] = 0
	}
	slices.Sort(out)
	c.work.cands = out
	return out, c.loadStories(out)
}

func (c *Clusterer) join(s *Story, m member) error {
	if err := c.loadSums(s); err != nil {
		return err
	}
	v, t := m.v, m.t
	s.Size++
	if s.base+len(s.members) < c.opts.Members {
		s.members = append(s.members, m)
		s.settled = false
	}

	if !t.IsZero() {
		if s.First.IsZero() || t.Before(s.First) {
			s.First = t
		}
		if t.After(s.Last) {
			s.Last = t
		}
	}
	s.sum.add(v)
	s.summed++
	if len(s.sum) > 4*c.opts.StoryFeatures {
		s.prune(2 * c.opts.StoryFeatures)
	}
	s.centroid = c.centroidOf(s)
	c.touch(s.ID)
	return c.reindex(s)
}

// A Move puts an article in a story: placed there by Add (Placed), moved there by a split,
// or, with no Article, every article of the story From (Size of them), which a merge emptied
// into Story.
type Move struct {
	Article string
	Placed  bool
	From    int
	Story   int
	Size    int
}

// touch notes that a story changed.
func (c *Clusterer) touch(id int) {
	c.dirty[id] = true
	c.stories[id].joined = c.used
}

// prune keeps a story's heaviest summed features, bounding its memory.
func (s *Story) prune(keep int) {
	s.sum = append(make(Vector, 0, 2*keep), s.sum.top(keep)...)
}

// add adds the weights of v to those of s, feature by feature; both are sorted by id, and s
// stays so. It merges in place, from the end, into s grown by the features it lacks.
func (s *Vector) add(v Vector) {
	a := *s
	// the features of v that a lacks
	extra := 0
	for i, j := 0, 0; j < len(v); {
		switch {
		case i == len(a) || v[j].ID < a[i].ID:
			extra++
			j++
		case v[j].ID > a[i].ID:
			i++
		default:
			a[i].Weight += v[j].Weight
			i, j = i+1, j+1
		}
	}
	if extra == 0 {
		return
	}
	n := len(a)
	a = slices.Grow(a, extra)[:n+extra]
	// from the end: the new features of v take their places, the old ones move up
	i, j, k := n-1, len(v)-1, n+extra-1
	for j >= 0 {
		switch {
		case i >= 0 && a[i].ID > v[j].ID:
			a[k] = a[i]
			i--
		case i >= 0 && a[i].ID == v[j].ID: // summed above
			a[k] = a[i]
			i, j = i-1, j-1
		default:
			a[k] = v[j]
			j--
		}
		k--
	}
	*s = a
}

// reindex lists a story under its heaviest centroid features.
func (c *Clusterer) reindex(s *Story) error {
	idx := append(c.work.index[:0], s.centroid...).top(c.opts.IndexFeatures)
	c.work.index = idx
	had := append(c.work.had[:0], s.indexed...) // kept: s.indexed is written over below
	c.work.had = had
	keep := func(k int32) bool {
		for _, f := range idx {
			if f.ID == k {
				return true
			}
		}
		return false
	}
	// only the lists the story leaves or joins are read: a join moves few of its features
	change := c.work.change[:0]
	for _, k := range had {
		if !keep(k) {
			change = append(change, k)
		}
	}
	for _, f := range idx {
		if !slices.Contains(had, f.ID) {
			change = append(change, f.ID)
		}
	}
	c.work.change = change
	if err := c.loadPostings(change); err != nil {
		return err
	}
	for _, k := range had {
		if !keep(k) {
			c.unpost(k, s.ID)
		}
	}
	s.indexed = s.indexed[:0]
	for _, f := range idx {
		s.indexed = append(s.indexed, f.ID)
		if !slices.Contains(had, f.ID) {
			c.postings.push(c.postings.get(f.ID), int32(s.ID), c.opts.MaxPostings)
			c.meta.Postings++
			c.posted[f.ID] = true
		}
	}
	return nil
}

// unpost takes a story off a feature's loaded list.
func (c *Clusterer) unpost(feature int32, story int) {
	if c.postings.remove(c.postings.get(feature), int32(story)) {
		c.posted[feature] = true
	}
}
