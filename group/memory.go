package group

import (
	"context"
	"slices"
	"sort"

	"github.com/crosscheck/crosscheck"
)

// Memory is a grouping state held in memory, for tests and evaluations: it answers as a
// store's rows would and takes a clusterer's changes in as TakeChanges hands them back. It
// also keeps which articles each story holds, which a store keeps in its story links.
type Memory struct {
	meta     crosscheck.GroupMeta
	words    map[string]crosscheck.GroupWord
	lists    map[int32][]byte
	stories  map[int]crosscheck.GroupStory
	members  map[int][]crosscheck.GroupMember
	bands    map[int64][]int64
	sigs     map[int64]crosscheck.GroupSignature
	retired  int64 // the signatures before it are gone (see GroupChanges.Retired)
	articles map[int][]string
	of       map[string]int
}

// NewMemory returns an empty state.
func NewMemory() *Memory {
	return &Memory{words: map[string]crosscheck.GroupWord{}, lists: map[int32][]byte{},
		stories: map[int]crosscheck.GroupStory{}, members: map[int][]crosscheck.GroupMember{},
		bands: map[int64][]int64{}, sigs: map[int64]crosscheck.GroupSignature{},
		articles: map[int][]string{}, of: map[string]int{}}
}

// GroupMeta implements crosscheck.GroupState.
func (m *Memory) GroupMeta(context.Context) (crosscheck.GroupMeta, error) { return m.meta, nil }

// GroupWords implements crosscheck.GroupState.
func (m *Memory) GroupWords(_ context.Context, words []string) ([]crosscheck.GroupWord, error) {
	var out []crosscheck.GroupWord
	for _, w := range words {
		if r, ok := m.words[w]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// GroupLists implements crosscheck.GroupState.
func (m *Memory) GroupLists(_ context.Context, features []int32) ([]crosscheck.GroupList, error) {
	var out []crosscheck.GroupList
	for _, f := range sortedUnique(features) {
		if l, ok := m.lists[f]; ok {
			out = append(out, crosscheck.GroupList{Feature: f, Stories: l})
		}
	}
	return out, nil
}

// GroupStories implements crosscheck.GroupState.
func (m *Memory) GroupStories(_ context.Context, ids []int) ([]crosscheck.GroupStory, error) {
	var out []crosscheck.GroupStory
	for _, id := range ids {
		if r, ok := m.stories[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// GroupMembers implements crosscheck.GroupState.
func (m *Memory) GroupMembers(_ context.Context, story int) ([]crosscheck.GroupMember, error) {
	return append([]crosscheck.GroupMember(nil), m.members[story]...), nil
}

// GroupBands implements crosscheck.GroupState.
func (m *Memory) GroupBands(_ context.Context, keys []int64) ([]crosscheck.GroupBand, error) {
	var out []crosscheck.GroupBand
	for _, k := range sortedUnique(keys) {
		for _, s := range m.bands[k] {
			out = append(out, crosscheck.GroupBand{Key: k, Signature: s})
		}
	}
	return out, nil
}

// GroupSignatures implements crosscheck.GroupState.
func (m *Memory) GroupSignatures(_ context.Context, ids []int64) ([]crosscheck.GroupSignature, error) {
	var out []crosscheck.GroupSignature
	for _, id := range ids {
		if r, ok := m.sigs[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

func sortedUnique[T int32 | int64](xs []T) []T {
	out := append([]T(nil), xs...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	k := 0
	for i, x := range out {
		if i == 0 || x != out[k-1] {
			out[k] = x
			k++
		}
	}
	return out[:k]
}

// apply takes a clusterer's changes in.
func (m *Memory) apply(ch *Changes) {
	r := &ch.Rows
	m.meta = r.Meta
	m.meta.Version++
	for _, w := range r.Words {
		m.words[w.Word] = w
	}
	for _, l := range r.Lists {
		if len(l.Stories) == 0 {
			delete(m.lists, l.Feature)
		} else {
			m.lists[l.Feature] = l.Stories
		}
	}
	for _, s := range r.Stories {
		m.stories[s.ID] = s
	}
	for _, id := range r.Rebuilt {
		delete(m.members, id)
	}
	for _, x := range r.Members {
		m.members[x.Story] = append(m.members[x.Story], x)
	}
	for _, b := range r.Bands {
		m.bands[b.Key] = append(m.bands[b.Key], b.Signature)
	}
	for _, s := range r.Signatures {
		m.sigs[s.ID] = s
	}
	for j := m.retired; j < r.Retired; j++ {
		delete(m.sigs, j)
	}
	m.retired = max(m.retired, r.Retired)
	for _, b := range r.Left {
		if i := slices.Index(m.bands[b.Key], b.Signature); i >= 0 {
			m.bands[b.Key] = slices.Delete(m.bands[b.Key], i, i+1)
		}
		if len(m.bands[b.Key]) == 0 {
			delete(m.bands, b.Key)
		}
	}
	for _, mv := range ch.Moves {
		switch {
		case mv.Article == "":
			for _, a := range m.articles[mv.From] {
				m.of[a] = mv.Story
			}
			m.articles[mv.Story] = append(m.articles[mv.Story], m.articles[mv.From]...)
			delete(m.articles, mv.From)
		case mv.Placed:
			m.of[mv.Article] = mv.Story
			m.articles[mv.Story] = append(m.articles[mv.Story], mv.Article)
		default:
			from := m.of[mv.Article]
			list := m.articles[from]
			for i, a := range list {
				if a == mv.Article {
					m.articles[from] = append(list[:i:i], list[i+1:]...)
					break
				}
			}
			m.of[mv.Article] = mv.Story
			m.articles[mv.Story] = append(m.articles[mv.Story], mv.Article)
		}
	}
}

// Stories returns the state's stories in the order they started, with their articles.
func (m *Memory) Stories() []*Story {
	out := make([]*Story, 0, m.meta.Stories)
	for id := range m.meta.Stories {
		r := m.stories[id]
		out = append(out, &Story{ID: id, Key: r.Key, Articles: m.articles[id], First: r.First, Last: r.Last, Size: r.Size})
	}
	return out
}

// Stories returns the stories so far, in the order they started, with their articles, when
// the clusterer's state is a Memory; else nil (a store keeps them in its story links).
func (c *Clusterer) Stories() []*Story {
	m, ok := c.state.(*Memory)
	if !ok {
		return nil
	}
	c.TakeChanges()
	return m.Stories()
}
