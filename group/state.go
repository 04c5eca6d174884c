package group

import (
	"bytes"
	"compress/gzip"
	"encoding/gob"
	"fmt"
	"time"
)

// The clusterer's state is saved between runs as one snapshot: document frequencies, stories
// (centroid sums, members kept for splitting, the features they are indexed under) and the
// postings, in the order they were made, so that a run split in two gives what one run gives.

type snapshot struct {
	Version  int
	N        int
	Words    []string
	DF       []int32
	Stories  []storySnapshot
	Postings map[int32][]int
	DupIDs   []string
	DupSigs  []Signature
}

type storySnapshot struct {
	ID          int
	Articles    []string
	First, Last time.Time
	Sum         Vector // the summed features, unnormalised
	Members     []memberSnapshot
	Indexed     []int32
}

type memberSnapshot struct {
	ID string
	V  Vector
	T  time.Time
}

const snapshotVersion = 3

// MarshalBinary encodes the clusterer's state.
func (c *Clusterer) MarshalBinary() ([]byte, error) {
	s := snapshot{Version: snapshotVersion, N: c.n, Words: c.words, DF: c.df, Postings: c.postings,
		DupIDs: c.dups.ids, DupSigs: c.dups.sigs}
	for _, st := range c.stories {
		sum := make(Vector, 0, len(st.sum))
		for k, w := range st.sum {
			sum = append(sum, Feature{k, w})
		}
		sum = sum.top(len(sum))
		ss := storySnapshot{ID: st.ID, Articles: st.Articles, First: st.First, Last: st.Last, Sum: sum, Indexed: st.indexed}
		for _, m := range st.members {
			ss.Members = append(ss.Members, memberSnapshot{m.id, m.v, m.t})
		}
		s.Stories = append(s.Stories, ss)
	}
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if err := gob.NewEncoder(zw).Encode(&s); err != nil {
		return nil, err
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
	var s snapshot
	if err := gob.NewDecoder(zr).Decode(&s); err != nil {
		return fmt.Errorf("story state: %w", err)
	}
	if s.Version != snapshotVersion {
		return fmt.Errorf("story state: version %d, want %d", s.Version, snapshotVersion)
	}
	c.n, c.words, c.df, c.postings = s.N, s.Words, s.DF, s.Postings
	c.vocab = make(map[string]int32, len(c.words))
	for i, w := range c.words {
		c.vocab[w] = int32(i)
	}
	if c.postings == nil {
		c.postings = map[int32][]int{}
	}
	c.dups = NewDuplicates()
	for i, id := range s.DupIDs {
		c.dups.Add(id, s.DupSigs[i]) // rebuilds the buckets as they were
	}
	c.stories = c.stories[:0]
	for _, ss := range s.Stories {
		st := &Story{ID: ss.ID, Articles: ss.Articles, First: ss.First, Last: ss.Last, sum: make(map[int32]float32, len(ss.Sum)), indexed: ss.Indexed}
		for _, f := range ss.Sum {
			st.sum[f.ID] = f.Weight
		}
		for _, m := range ss.Members {
			st.members = append(st.members, member{m.ID, m.V, m.T})
		}
		st.centroid = c.centroidOf(st)
		c.stories = append(c.stories, st)
	}
	return nil
}

// centroidOf is a story's unit centroid from its sums.
func (c *Clusterer) centroidOf(s *Story) Vector {
	cent := make(Vector, 0, len(s.sum))
	for k, w := range s.sum {
		cent = append(cent, Feature{k, w})
	}
	return cent.top(c.opts.StoryFeatures).normalize()
}
