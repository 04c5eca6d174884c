package group

import (
	"encoding/binary"
	"fmt"
	"math"
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// The clusterer's state lives in a crosscheck.GroupState as rows: one per feature (its id and
// document frequency), per story (its summed features, the features it is listed under, its
// dates and counts), per member kept for splitting, per posting list (the stories listed
// under a feature, in the order they were listed), per near-duplicate signature and per band
// bucket entry. A clusterer reads the rows an article needs, keeps them, and hands back those it
// changed; the same articles in the same order give the same stories whether they are placed
// in one run or many.

// StateFormat is the layout of the rows and their blobs; a state of another format is grouped
// again from the stored articles (crosscheck regroup). Format 2 keeps a feature's postings as
// one row (format 1 had a row per posting; the stores' migrations turn them into lists).
const StateFormat = 2

type sigEntry struct {
	id  string
	sig Signature
}

// What an article reads or makes is marked with the number of the article that last used it
// (the used fields), and Shrink drops what was used longest ago. A long run keeps what its
// recent articles need — the common words, the stories of the last days — and reads again the
// rest when an article needs it.

// Forget drops what the clusterer read from its state, so that its memory stays bounded over
// a long run; it reads again what it needs. Changes not yet taken are dropped with it: call it
// after TakeChanges.
func (c *Clusterer) Forget() {
	c.whole, c.own = false, false
	c.goneWords, c.goneLists = goneFilter{}, goneFilter{}
	c.bandsFrom = c.meta.Signatures
	c.words = wordTable{}
	c.postings = newPostingTable()
	c.stories = map[int]*Story{}
	c.bands, c.band1 = map[uint64][]int64{}, map[uint64]int64{}
	c.sigs = newSigTable()
	c.hits = nil
	c.dirty = map[int]bool{}
	c.changed = nil
	c.posted = map[int32]bool{}
	c.newSigs, c.newBands, c.oldBands, c.moves = nil, nil, nil, nil
}

// Cached is about how many bytes the clusterer holds of what it read or made: its features,
// posting lists, stories with their members, signatures and band buckets (not the fixed two
// megabytes of the filters of what it let go, see gone.go).
func (c *Clusterer) Cached() int {
	n := 0
	for i := range c.words.entries {
		n += int(c.words.entries[i].n) + wordBytes
	}
	// the lists' runs, and what runs they outgrew left in the arena
	n += entryBytes*len(c.postings.at) + 4*len(c.postings.arena)
	for _, s := range c.stories {
		n += s.bytes()
	}
	return n + c.windowBytes()
}

// What one entry of the cache holds beside its contents, about: a map slot, a pointer, a slice
// header; a feature's entry and its key's header; a signature's entry with its article id.
const (
	entryBytes = 64
	wordBytes  = 80
	sigBytes   = 360
)

// bytes is about how much a story holds: its sums and centroid, members and index.
func (s *Story) bytes() int { return s.coreBytes() + s.sumBytes() }

// coreBytes is about how much a story holds besides its sums: what a candidate is weighed by
// (its centroid), its index and its members.
func (s *Story) coreBytes() int {
	n := 4*entryBytes + 8*cap(s.centroid) + 4*cap(s.indexed)
	for _, m := range s.members {
		n += entryBytes + len(m.id) + 8*cap(m.v)
	}
	return n
}

func (s *Story) sumBytes() int { return 8 * cap(s.sum) }

// Shrink bounds the cache to about limit bytes (see Cached): when it holds more, the stories'
// members are let go, the signatures older than the near-duplicate window (see
// DuplicateWindow) dropped, and of the rest what was used longest ago, the most recently used
// kept up to limit — the common words, the stories of the last days. A story's sums count
// from when it last changed, the rest of it from when it was last weighed as a candidate: a
// story offered often and joined seldom keeps its centroid and lets its sums go, read again
// when an article joins it. The clusterer reads
// again from its state what an article needs later. Changes not yet taken would be dropped
// with it: call it after TakeChanges.
func (c *Clusterer) Shrink(limit int) {
	if c.Cached() <= limit {
		return
	}
	c.whole = false
	// the members of the stories kept are read again when a split or a merge needs them
	for _, s := range c.stories {
		if len(s.members) > 0 && s.saved == s.base+len(s.members) {
			s.members, s.base = nil, s.saved
		}
	}
	// the near-duplicate window stays whole; the rest is kept by when it was used
	limit -= c.trimWindow()
	// the bytes held by age, in steps of shrinkStep articles since last used
	var byAge []int
	age := func(used uint32) int { return int(c.used-used) / shrinkStep }
	note := func(used uint32, n int) {
		a := age(used)
		if a >= len(byAge) {
			byAge = append(byAge, make([]int, a+1-len(byAge))...)
		}
		byAge[a] += n
	}
	for i := range c.words.entries {
		if e := &c.words.entries[i]; !e.absent {
			note(e.used, int(e.n)+wordBytes)
		}
	}
	for _, i := range c.postings.at {
		note(c.postings.lists[i].used, c.postings.bytes(i))
	}
	// a story is weighed as a candidate by its centroid, and its sums are needed only when it
	// changes: they are kept by when it last changed, the rest by when it was last used
	for _, s := range c.stories {
		note(s.used, s.coreBytes())
		note(s.joined, s.sumBytes())
	}
	// entries of age keep or more go
	keep, kept := 0, 0
	for keep < len(byAge) && kept+byAge[keep] <= max(limit, 0) {
		kept += byAge[keep]
		keep++
	}
	c.words.keep(func(e *wordEntry) bool {
		if e.absent || age(e.used) >= keep { // a word not in the state is asked for again
			if !e.absent && c.own {
				c.goneWords.add(c.words.hash(e))
			}
			return false
		}
		return true
	})
	c.postings.keep(func(f, i int32) bool {
		if p := &c.postings.lists[i]; age(p.used) >= keep {
			if p.n > 0 && c.own { // an empty list is not in the state
				c.goneLists.add(featureHash(f))
			}
			return false
		}
		return true
	})
	for id, s := range c.stories {
		switch {
		case age(s.used) >= keep:
			delete(c.stories, id)
		case age(s.joined) >= keep && !s.partial && !c.dirty[id]:
			s.sum, s.partial = nil, true
		}
	}
}

// shrinkStep is how many articles apart two uses must be for Shrink to tell which is the more
// recent: it bounds the ages Shrink counts the cache's bytes by.
const shrinkStep = 16

// loadWords reads the features of keys the cache lacks; hashes are their wordHash.
func (c *Clusterer) loadWords(keys []string, hashes []uint64) error {
	var missing []string
	for i, k := range keys {
		if c.words.findHashed(k, hashes[i]) < 0 && (!c.own || c.goneWords.has(hashes[i])) {
			missing = append(missing, k)
		}
	}
	if len(missing) == 0 || c.whole {
		return nil
	}
	rows, err := c.state.GroupWords(c.ctx, missing)
	if err != nil {
		return err
	}
	for _, k := range missing {
		if c.words.find(k) < 0 { // a feature asked for twice is one entry
			c.words.add(k, wordEntry{absent: true}) // not in the state
		}
	}
	for _, r := range rows {
		e := c.words.at(r.Word)
		if e == nil { // not asked for: kept all the same
			e = c.words.add(r.Word, wordEntry{})
		}
		*e = wordEntry{off: e.off, n: e.n, id: r.ID, df: r.DF, saved: r.DF, known: true, used: c.used}
	}
	return nil
}

func (c *Clusterer) loadPostings(features []int32) error {
	var missing []int32
	for _, f := range features {
		if i := c.postings.get(f); i >= 0 {
			c.postings.lists[i].used = c.used
		} else {
			c.postings.add(f, c.used)
			if !c.own || c.goneLists.has(featureHash(f)) {
				missing = append(missing, f)
			}
		}
	}
	if len(missing) == 0 || c.whole {
		return nil
	}
	rows, err := c.state.GroupLists(c.ctx, missing)
	if err != nil {
		for _, f := range missing {
			c.postings.drop(f)
		}
		return err
	}
	for _, r := range rows {
		if i := c.postings.get(r.Feature); i >= 0 {
			c.postings.set(i, decodeList(r.Stories))
		}
	}
	return nil
}

func (c *Clusterer) loadStories(ids []int) error {
	var missing []int
	for _, id := range ids {
		if s, ok := c.stories[id]; ok {
			s.used = c.used
		} else {
			missing = append(missing, id)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	rows, err := c.state.GroupStories(c.ctx, missing)
	if err != nil {
		return err
	}
	for _, r := range rows {
		st := &Story{ID: r.ID, Key: r.Key, First: r.First, Last: r.Last, Size: r.Size, summed: r.Summed,
			base: r.Members, saved: r.Members, indexed: decodeIDs(r.Indexed), used: c.used, joined: c.used}
		st.sum = sumOf(r.Sum)
		st.centroid = c.centroidOf(st)
		c.stories[st.ID] = st
	}
	for _, id := range missing {
		if c.stories[id] == nil {
			delete(c.stories, id)
			// another writer saved between two reads: the work is to be done again
			return fmt.Errorf("grouping state: story %d is listed but not stored: %w", id, crosscheck.ErrConflict)
		}
	}
	return nil
}

// sumOf is a story's sums from their blob, sorted by feature id as storyRow writes them.
func sumOf(blob []byte) Vector {
	sum := decodeVector(blob)
	if !slices.IsSortedFunc(sum, byID) {
		slices.SortFunc(sum, byID)
	}
	return sum
}

// loadSums reads again the sums of stories whose sums Shrink let go; the state holds them as
// they were then, the stories having been saved.
func (c *Clusterer) loadSums(stories ...*Story) error {
	for _, s := range stories {
		if !s.partial {
			continue
		}
		rows, err := c.state.GroupStories(c.ctx, []int{s.ID})
		if err != nil {
			return err
		}
		if len(rows) != 1 || rows[0].Summed != s.summed || rows[0].Size != s.Size {
			return fmt.Errorf("grouping state: story %d changed since it was read: %w", s.ID, crosscheck.ErrConflict)
		}
		s.sum, s.partial = sumOf(rows[0].Sum), false
	}
	return nil
}

// loadMembers reads the members of stories that are in the state only. The state holds
// those and the loaded ones saved since (s.saved in all).
func (c *Clusterer) loadMembers(stories ...*Story) error {
	for _, s := range stories {
		if s.base == 0 {
			continue
		}
		rows, err := c.state.GroupMembers(c.ctx, s.ID)
		if err != nil {
			return err
		}
		if len(rows) != s.saved {
			return fmt.Errorf("grouping state: story %d has %d members, want %d: %w", s.ID, len(rows), s.saved, crosscheck.ErrConflict)
		}
		m := make([]member, 0, s.base+len(s.members))
		for _, r := range rows[:s.base] {
			m = append(m, member{id: r.Article, v: decodeVector(r.Vector), t: r.Published, day: r.Day, days: r.Days})
		}
		s.members, s.base = append(m, s.members...), 0
	}
	return nil
}

// TakeChanges returns what changed since the last call — the rows to write, the stories that
// changed in id order, and the articles placed and moved in order — and forgets it. A Memory
// state takes the changes in at once.
func (c *Clusterer) TakeChanges() *Changes {
	ch := &Changes{Moves: c.moves}
	rows := &ch.Rows
	rows.Meta = c.meta
	slices.SortFunc(c.changed, c.words.compare)
	for _, i := range c.changed {
		e := &c.words.entries[i]
		e.changed = false
		if e.known && e.df == e.saved {
			continue
		}
		rows.Words = append(rows.Words, crosscheck.GroupWord{Word: c.words.word(e), ID: e.id, DF: e.df})
		e.saved, e.known = e.df, true
	}
	features := make([]int32, 0, len(c.posted))
	for f := range c.posted {
		features = append(features, f)
	}
	slices.Sort(features)
	for _, f := range features {
		rows.Lists = append(rows.Lists, crosscheck.GroupList{Feature: f, Stories: encodeList(c.postings.stories(c.postings.get(f)))})
	}
	ids := make([]int, 0, len(c.dirty))
	for id := range c.dirty {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		s := c.stories[id]
		ch.Stories = append(ch.Stories, s)
		rows.Stories = append(rows.Stories, c.storyRow(s))
		from := s.saved
		if s.rebuilt {
			rows.Rebuilt = append(rows.Rebuilt, s.ID)
			from = 0
		}
		for i, m := range s.members {
			if at := s.base + i; at >= from {
				rows.Members = append(rows.Members, crosscheck.GroupMember{Story: s.ID, Index: at, Article: m.id, Published: m.t, Vector: encodeVector(m.v), Day: m.day, Days: m.days})
			}
		}
		s.saved, s.rebuilt = s.base+len(s.members), false
	}
	sortBands(c.newBands)
	sortBands(c.oldBands)
	rows.Bands, rows.Signatures, rows.Left, rows.Retired = c.newBands, c.newSigs, c.oldBands, max(c.retired, 0)
	c.dirty, c.changed, c.posted = map[int]bool{}, nil, map[int32]bool{}
	c.newSigs, c.newBands, c.oldBands, c.moves = nil, nil, nil, nil
	if a, ok := c.state.(interface{ apply(*Changes) }); ok {
		a.apply(ch)
		c.Saved()
	}
	return ch
}

// sortBands puts band entries in key order, so that a save writes each page of the bands'
// index once.
func sortBands(b []crosscheck.GroupBand) {
	sort.Slice(b, func(i, j int) bool {
		return b[i].Key < b[j].Key || b[i].Key == b[j].Key && b[i].Signature < b[j].Signature
	})
}

// Saved tells the clusterer that the changes TakeChanges handed back were written: the state
// is now at the next version.
func (c *Clusterer) Saved() { c.meta.Version++ }

// Changes are what a clusterer changed: the rows to write over the state it read (Rows.Meta
// holds the new counters and the version read), the stories that changed, in id order, and
// the articles placed and moved, in order.
type Changes struct {
	Rows    crosscheck.GroupChanges
	Stories []*Story
	Moves   []Move
}

func (c *Clusterer) storyRow(s *Story) crosscheck.GroupStory {
	return crosscheck.GroupStory{ID: s.ID, Key: s.Key, First: s.First, Last: s.Last, Summed: s.summed, Size: s.Size,
		Members: s.base + len(s.members), Sum: encodeVector(s.sum), Indexed: encodeIDs(s.indexed)}
}

// A vector's blob is its features' ids and weights, little-endian, four bytes each.
func encodeVector(v Vector) []byte {
	b := make([]byte, 8*len(v))
	for i, f := range v {
		binary.LittleEndian.PutUint32(b[8*i:], uint32(f.ID))
		binary.LittleEndian.PutUint32(b[8*i+4:], math.Float32bits(f.Weight))
	}
	return b
}

func decodeVector(b []byte) Vector {
	v := make(Vector, len(b)/8)
	for i := range v {
		v[i] = Feature{int32(binary.LittleEndian.Uint32(b[8*i:])), math.Float32frombits(binary.LittleEndian.Uint32(b[8*i+4:]))}
	}
	return v
}

// A posting list's blob is its stories' numbers, big-endian, four bytes each: the order the
// stores' migrations from rows of postings write them in.
func encodeList(stories []int32) []byte {
	b := make([]byte, 4*len(stories))
	for i, s := range stories {
		binary.BigEndian.PutUint32(b[4*i:], uint32(s))
	}
	return b
}

func decodeList(b []byte) []int32 {
	stories := make([]int32, len(b)/4)
	for i := range stories {
		stories[i] = int32(binary.BigEndian.Uint32(b[4*i:]))
	}
	return stories
}

func encodeIDs(ids []int32) []byte {
	b := make([]byte, 4*len(ids))
	for i, id := range ids {
		binary.LittleEndian.PutUint32(b[4*i:], uint32(id))
	}
	return b
}

func decodeIDs(b []byte) []int32 {
	ids := make([]int32, len(b)/4)
	for i := range ids {
		ids[i] = int32(binary.LittleEndian.Uint32(b[4*i:]))
	}
	return ids
}

func encodeSignature(sig Signature) []byte {
	b := make([]byte, 4*len(sig))
	for i, x := range sig {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return b
}

func decodeSignature(b []byte) Signature {
	var sig Signature
	for i := range sig {
		if 4*i+4 <= len(b) {
			sig[i] = binary.LittleEndian.Uint32(b[4*i:])
		}
	}
	return sig
}

// centroidOf is a story's unit centroid from its sums; it also sets the story's cohesion.
func (c *Clusterer) centroidOf(s *Story) Vector {
	c.scratch = append(c.scratch[:0], s.sum...)
	top := c.scratch.top(c.opts.StoryFeatures)
	// written over the story's last centroid, which nothing else holds
	cent := s.centroid[:0]
	if cap(cent) < len(top) {
		cent = make(Vector, 0, len(top))
	}
	cent = append(cent, top...)
	var sq float64
	for _, f := range cent {
		sq += float64(f.Weight) * float64(f.Weight)
	}
	s.cohesion = 1
	if s.summed > 1 {
		s.cohesion = math.Min(1, math.Sqrt(sq)/float64(s.summed))
	}
	return cent.normalize()
}
