package group

// postingTable is the cache's posting lists by feature, laid out for the collector: a map of
// numbers to entries, the entries in one slice and their stories in one arena of numbers, each
// list in a run of it with room to grow, so that a hundred thousand lists hold no pointer to
// mark. A list that outgrows its run moves to the arena's end; keep packs the arena again.
type postingTable struct {
	at    map[int32]int32 // feature → entry
	lists []postingList
	arena []int32
	kept  []bool // reused by keep, by entry
}

// A postingList is the stories listed under a feature, oldest first: arena[off:off+n], with
// room for size.
type postingList struct {
	off, n, size uint32
	used         uint32
}

func newPostingTable() postingTable { return postingTable{at: map[int32]int32{}} }

// get returns a feature's entry, or -1.
func (t *postingTable) get(f int32) int32 {
	if i, ok := t.at[f]; ok {
		return i
	}
	return -1
}

// add gives a feature an empty list and returns its entry.
func (t *postingTable) add(f int32, used uint32) int32 {
	t.lists = append(t.lists, postingList{used: used})
	i := int32(len(t.lists) - 1)
	t.at[f] = i
	return i
}

func (t *postingTable) drop(f int32) { delete(t.at, f) }

// stories is an entry's list, valid until the table next changes.
func (t *postingTable) stories(i int32) []int32 {
	p := &t.lists[i]
	return t.arena[p.off : p.off+p.n : p.off+p.n]
}

// set makes an entry's list the given stories.
func (t *postingTable) set(i int32, stories []int32) {
	t.room(i, len(stories))
	p := &t.lists[i]
	p.n = uint32(copy(t.arena[p.off:p.off+p.size], stories))
}

// room makes room in an entry's run for n stories.
func (t *postingTable) room(i int32, n int) {
	p := &t.lists[i]
	if int(p.size) >= n {
		return
	}
	size := max(n, 2*int(p.size), 4)
	off := len(t.arena)
	t.arena = append(t.arena, make([]int32, size)...)
	copy(t.arena[off:], t.arena[p.off:p.off+p.n])
	p.off, p.size = uint32(off), uint32(size)
}

// push lists a story last, keeping at most limit, the latest.
func (t *postingTable) push(i int32, story int32, limit int) {
	t.room(i, int(t.lists[i].n)+1)
	p := &t.lists[i]
	t.arena[p.off+p.n] = story
	p.n++
	if int(p.n) > limit {
		l := t.arena[p.off : p.off+p.n]
		p.n = uint32(copy(l, l[len(l)-limit:]))
	}
}

// remove takes a story off an entry's list, and says whether it was there.
func (t *postingTable) remove(i int32, story int32) bool {
	p := &t.lists[i]
	l := t.arena[p.off : p.off+p.n]
	for k, x := range l {
		if x == story {
			copy(l[k:], l[k+1:])
			p.n--
			return true
		}
	}
	return false
}

// bytes is about how much an entry holds.
func (t *postingTable) bytes(i int32) int { return entryBytes + 4*int(t.lists[i].size) }

// keep keeps the features keep says to, their lists packed in a new arena, and lets the others
// go; when it keeps them all and none went since the last keep, the table stays as it is.
func (t *postingTable) keep(keep func(f int32, i int32) bool) {
	all := len(t.at) == len(t.lists)
	t.kept = append(t.kept[:0], make([]bool, len(t.lists))...)
	for f, i := range t.at {
		t.kept[i] = keep(f, i)
		all = all && t.kept[i]
	}
	if all {
		return
	}
	at := make(map[int32]int32, len(t.at))
	var lists []postingList
	var arena []int32
	for f, i := range t.at {
		if !t.kept[i] {
			continue
		}
		p := t.lists[i]
		l := t.arena[p.off : p.off+p.n]
		p.off, p.size = uint32(len(arena)), p.n
		arena = append(arena, l...)
		at[f] = int32(len(lists))
		lists = append(lists, p)
	}
	t.at, t.lists, t.arena = at, lists, arena
}
