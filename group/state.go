package group

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"math"
	"time"
)

// The clusterer's state is saved between runs as one snapshot: document frequencies, stories
// (centroid sums, members kept for splitting, the features they are indexed under) and the
// postings, in the order they were made, so that a run split in two gives what one run gives.

// The snapshot is a gzipped stream of gob messages — a header, then one message per story and
// per near-duplicate signature — so that saving a large state never holds it in one buffer.

type header struct {
	Version  int
	N        int
	Words    []string
	DF       []int32
	Postings map[int32][]int
	Stories  int
	Dups     int
}

type storySnapshot struct {
	ID          int
	Key         string
	Articles    []string
	First, Last time.Time
	Sum         Vector // the summed features, unnormalised
	Members     []memberSnapshot
	Indexed     []int32
	Summed      int
}

type memberSnapshot struct {
	ID   string
	V    Vector
	T    time.Time
	Day  int
	Days uint8
}

type dupSnapshot struct {
	ID  string
	Sig Signature
}

const snapshotVersion = 5

// MarshalBinary encodes the clusterer's state.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	enc := gob.NewEncoder(zw)
	h := header{Version: snapshotVersion, N: c.n, Words: c.words, DF: c.df, Postings: c.postings,
		Stories: len(c.stories), Dups: len(c.dups.ids)}
	if err := enc.Encode(&h); err != nil {
		return nil, err
	}
	for _, st := range c.stories {
		sum := make(Vector, 0, len(st.sum))
		for k, w := range st.sum {
			sum = append(sum, Feature{k, w})
		}
		ss := storySnapshot{ID: st.ID, Key: st.Key, Articles: st.Articles, First: st.First, Last: st.Last, Sum: sum.top(len(sum)), Indexed: st.indexed, Summed: st.summed}
		for _, m := range st.members {
			ss.Members = append(ss.Members, memberSnapshot{m.id, m.v, m.t, m.day, m.days})
		}
		if err := enc.Encode(&ss); err != nil {
			return nil, err
		}
	}
	for i, id := range c.dups.ids {
		if err := enc.Encode(&dupSnapshot{id, c.dups.sigs[i]}); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// UnmarshalBinary restores a state MarshalBinary made.
func (c *Clusterer) UnmarshalBinary(b []byte) error {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return fmt.Errorf("story state: %w", err)
	}
	dec := gob.NewDecoder(zr)
	var h header
	if err := dec.Decode(&h); err != nil {
		return fmt.Errorf("story state: %w", err)
	}
	if h.Version != snapshotVersion {
		return fmt.Errorf("story state: version %d, want %d", h.Version, snapshotVersion)
	}
	c.n, c.words, c.df, c.postings = h.N, h.Words, h.DF, h.Postings
	c.vocab = make(map[string]int32, len(c.words))
	for i, w := range c.words {
		c.vocab[w] = int32(i)
	}
	if c.postings == nil {
		c.postings = map[int32][]int{}
	}
	c.stories = make([]*Story, 0, h.Stories)
	for range h.Stories {
		var ss storySnapshot
		if err := dec.Decode(&ss); err != nil {
			return fmt.Errorf("story state: %w", err)
		}
		st := &Story{ID: ss.ID, Key: ss.Key, Articles: ss.Articles, First: ss.First, Last: ss.Last, sum: make(map[int32]float32, len(ss.Sum)), indexed: ss.Indexed, summed: ss.Summed}
		for _, f := range ss.Sum {
			st.sum[f.ID] = f.Weight
		}
		if st.summed == 0 { // a state saved before the count was kept
			st.summed = len(st.Articles)
		}
		for _, m := range ss.Members {
			st.members = append(st.members, member{m.ID, m.V, m.T, m.Day, m.Days})
		}
		st.centroid = c.centroidOf(st)
		c.stories = append(c.stories, st)
	}
	c.dups = NewDuplicates()
	for range h.Dups {
		var d dupSnapshot
		if err := dec.Decode(&d); err != nil {
			return fmt.Errorf("story state: %w", err)
		}
		c.dups.Add(d.ID, d.Sig) // rebuilds the buckets as they were
	}
	return nil
}

// centroidOf is a story's unit centroid from its sums; it also sets the story's cohesion.
func (c *Clusterer) centroidOf(s *Story) Vector {
	cent := make(Vector, 0, len(s.sum))
	for k, w := range s.sum {
		cent = append(cent, Feature{k, w})
	}
	cent = cent.top(c.opts.StoryFeatures)
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
