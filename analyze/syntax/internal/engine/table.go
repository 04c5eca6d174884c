package engine

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Table holds a linear model's weights: for each feature key a row of one quantised weight per
// class, in an open-addressing hash table so that a lookup costs a probe or two.
type Table struct {
	classes int
	rows    int
	mask    uint32
	// slots and w (rows × classes) hold the weights of a table of neither layout below; a
	// table of inline or sparse rows lets them go once built.
	slots []slot
	w     []int16
	// With many classes most of a row is zero: sparse holds each row's non-zero weights, and
	// spans the key of each slot with where its row's weights lie in sparse.
	spans  []span
	sparse []classWeight
	// With at most inlineClasses classes the weights sit in the slot beside the key, so that
	// a lookup touches one cache line.
	inline []inlineSlot
}

const inlineClasses = 4

type inlineSlot struct {
	key uint32
	w   [inlineClasses]int16
}

type slot struct {
	key uint32 // 0 empty
	row int32
}

type span struct {
	key        uint32 // 0 empty
	start, end int32
}

type classWeight struct {
	class  uint16
	weight int16
}

// sparseFrom is the number of classes from which rows are scored sparsely.
const sparseFrom = 8

// Classes is the number of classes the table scores.
func (t *Table) Classes() int { return t.classes }

// Features is the number of feature rows.
func (t *Table) Features() int { return t.rows }

// newTable builds a table from rows sorted by key.
func newTable(classes int, keys []uint32, w []int16) *Table {
	size := 1
	for size < 2*len(keys)+2 {
		size <<= 1
	}
	t := &Table{classes: classes, rows: len(keys), mask: uint32(size - 1), slots: make([]slot, size), w: w}
	for r, k := range keys {
		i := k & t.mask
		for t.slots[i].key != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = slot{k, int32(r)}
	}
	if classes <= inlineClasses {
		t.inline = pinned[inlineSlot](size)
		for i, s := range t.slots {
			if s.key != 0 {
				t.inline[i].key = s.key
				copy(t.inline[i].w[:], w[int(s.row)*classes:])
			}
		}
	}
	if classes >= sparseFrom {
		off := make([]int32, 0, len(keys)+1)
		for r := range keys {
			off = append(off, int32(len(t.sparse)))
			for c, v := range w[r*classes : (r+1)*classes] {
				if v != 0 {
					t.sparse = append(t.sparse, classWeight{uint16(c), v})
				}
			}
		}
		off = append(off, int32(len(t.sparse)))
		t.spans = pinned[span](size)
		t.sparse = append(pinned[classWeight](len(t.sparse))[:0], t.sparse...)
		for i, s := range t.slots {
			if s.key != 0 {
				t.spans[i] = span{s.key, off[s.row], off[s.row+1]}
			}
		}
	}
	if t.inline != nil || t.spans != nil {
		t.slots, t.w = nil, nil // megabytes the lookups no longer read
	}
	return t
}

// row is the row of key k, or -1, in a table that keeps slots.
func (t *Table) row(k uint32) int {
	i := k & t.mask
	for {
		s := t.slots[i]
		if s.key == k {
			return int(s.row)
		}
		if s.key == 0 {
			return -1
		}
		i = (i + 1) & t.mask
	}
}

// weights returns the row of key k, one weight per class, from whichever layout the table
// keeps; ok is false when k has no row.
func (t *Table) weights(k uint32) (w []int16, ok bool) {
	switch {
	case t.inline != nil:
		for i := k & t.mask; t.inline[i].key != 0; i = (i + 1) & t.mask {
			if t.inline[i].key == k {
				return append([]int16(nil), t.inline[i].w[:t.classes]...), true
			}
		}
	case t.spans != nil:
		for i := k & t.mask; t.spans[i].key != 0; i = (i + 1) & t.mask {
			if s := t.spans[i]; s.key == k {
				w = make([]int16, t.classes)
				for _, cw := range t.sparse[s.start:s.end] {
					w[cw.class] = cw.weight
				}
				return w, true
			}
		}
	default:
		if r := t.row(k); r >= 0 {
			return t.w[r*t.classes : (r+1)*t.classes], true
		}
	}
	return nil, false
}

// Score adds the weights of feats to scores (len(scores) == Classes()).
//
// The weights are far bigger than the processor's caches, so a lookup waits on memory: the
// keys of every feature's first slot are read in one pass of loads that do not depend on one
// another, which the processor overlaps, and the features are then matched against them.
func (t *Table) Score(feats []uint32, scores []int32) {
	scores = scores[:t.classes]
	var buf [firstSlots]uint32
	for len(feats) > firstSlots {
		t.score(feats[:firstSlots], scores, &buf)
		feats = feats[firstSlots:]
	}
	t.score(feats, scores, &buf)
}

// firstSlots is how many features' first slots Score reads ahead.
const firstSlots = 96

func (t *Table) score(feats []uint32, scores []int32, first *[firstSlots]uint32) {
	if t.inline != nil {
		for k, f := range feats {
			first[k] = t.inline[f&t.mask].key
		}
		var sum [inlineClasses]int32
		for k, f := range feats {
			i, key := f&t.mask, first[k]
			for key != f && key != 0 {
				i = (i + 1) & t.mask
				key = t.inline[i].key
			}
			if key == 0 {
				continue
			}
			w := &t.inline[i].w
			sum[0] += int32(w[0])
			sum[1] += int32(w[1])
			sum[2] += int32(w[2])
			sum[3] += int32(w[3])
		}
		for c := range scores {
			scores[c] += sum[c]
		}
		return
	}
	if t.spans != nil {
		for k, f := range feats {
			first[k] = t.spans[f&t.mask].key
		}
		// the rows found, their first weights read in a second pass of independent loads
		var rows [firstSlots]span
		var heads [firstSlots]classWeight
		n := 0
		for k, f := range feats {
			i, key := f&t.mask, first[k]
			for key != f && key != 0 {
				i = (i + 1) & t.mask
				key = t.spans[i].key
			}
			if key == 0 {
				continue
			}
			s := t.spans[i]
			if s.start == s.end {
				continue
			}
			rows[n] = s
			heads[n] = t.sparse[s.start]
			n++
		}
		for k, s := range rows[:n] {
			cw := heads[k]
			scores[cw.class] += int32(cw.weight)
			for _, cw := range t.sparse[s.start+1 : s.end] {
				scores[cw.class] += int32(cw.weight)
			}
		}
		return
	}
	for _, f := range feats {
		if r := t.row(f); r >= 0 {
			for c, v := range t.w[r*t.classes : (r+1)*t.classes] {
				scores[c] += int32(v)
			}
		}
	}
}

// Quantise turns averaged weights into a table: each weight times scale, rounded; rows of
// features updated fewer than cut times, or whose weights all round to zero, are dropped.
func Quantise(classes int, weights map[uint32]Row, scale float64, cut int) *Table {
	keys := make([]uint32, 0, len(weights))
	for k := range weights {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	kept := keys[:0]
	var w []int16
	for _, k := range keys {
		row := weights[k]
		if row.Updates < int32(cut) {
			continue
		}
		q := make([]int16, classes)
		big := false
		for c, v := range row.W {
			x := math.Round(float64(v) * scale)
			x = max(min(x, math.MaxInt16), -math.MaxInt16)
			q[c] = int16(x)
			if x != 0 {
				big = true
			}
		}
		if big {
			kept = append(kept, k)
			w = append(w, q...)
		}
	}
	return newTable(classes, slices.Clone(kept), w)
}

// keysInOrder is the table's keys, ascending.
func (t *Table) keysInOrder() []uint32 {
	keys := make([]uint32, 0, t.Features())
	add := func(k uint32) {
		if k != 0 {
			keys = append(keys, k)
		}
	}
	switch {
	case t.inline != nil:
		for _, s := range t.inline {
			add(s.key)
		}
	case t.spans != nil:
		for _, s := range t.spans {
			add(s.key)
		}
	default:
		for _, s := range t.slots {
			add(s.key)
		}
	}
	slices.Sort(keys)
	return keys
}

// writeTo writes the table: classes, rows, keys as ascending deltas, then each row's weights,
// in key order, as zig-zag varints.
func (t *Table) writeTo(w *bufio.Writer) error {
	putUvarint(w, uint64(t.classes))
	keys := t.keysInOrder()
	putUvarint(w, uint64(len(keys)))
	prev := uint32(0)
	for _, k := range keys {
		putUvarint(w, uint64(k-prev))
		prev = k
	}
	for _, k := range keys {
		row, _ := t.weights(k)
		for _, v := range row {
			putVarint(w, int64(v))
		}
	}
	return nil
}

func readTable(r *bufio.Reader) (*Table, error) {
	classes, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if classes == 0 || classes > 1<<10 || n > 1<<26 {
		return nil, fmt.Errorf("table of %d classes and %d rows", classes, n)
	}
	keys := make([]uint32, n)
	prev := uint32(0)
	for i := range keys {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		prev += uint32(d)
		if i > 0 && d == 0 {
			return nil, errors.New("table keys not ascending")
		}
		keys[i] = prev
	}
	w := make([]int16, int(n)*int(classes))
	for i := range w {
		v, err := binary.ReadVarint(r)
		if err != nil {
			return nil, err
		}
		w[i] = int16(v)
	}
	return newTable(int(classes), keys, w), nil
}

func putUvarint(w io.ByteWriter, v uint64) {
	for v >= 0x80 {
		w.WriteByte(byte(v) | 0x80)
		v >>= 7
	}
	w.WriteByte(byte(v))
}

func putVarint(w io.ByteWriter, v int64) {
	putUvarint(w, uint64(v<<1)^uint64(v>>63))
}

func putString(w *bufio.Writer, s string) {
	putUvarint(w, uint64(len(s)))
	w.WriteString(s)
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	if n > 1<<16 {
		return "", fmt.Errorf("string of %d bytes", n)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", err
	}
	return string(b), nil
}

func putStrings(w *bufio.Writer, ss []string) {
	putUvarint(w, uint64(len(ss)))
	for _, s := range ss {
		putString(w, s)
	}
}

func readStrings(r *bufio.Reader) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<10 {
		return nil, fmt.Errorf("%d names", n)
	}
	ss := make([]string, n)
	for i := range ss {
		if ss[i], err = readString(r); err != nil {
			return nil, err
		}
	}
	return ss, nil
}

// putHashMap writes a map of word hashes, keys ascending.
func putHashMap[V uint8 | uint32](w *bufio.Writer, m map[uint64]V) {
	keys := make([]uint64, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	putUvarint(w, uint64(len(keys)))
	for _, k := range keys {
		binary.Write(w, binary.LittleEndian, k)
		putUvarint(w, uint64(m[k]))
	}
}

// readHashMap reads a map putHashMap wrote, its values at most most.
func readHashMap[V uint8 | uint32](r *bufio.Reader, most uint64) (map[uint64]V, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if n > 1<<22 {
		return nil, fmt.Errorf("%d words", n)
	}
	m := make(map[uint64]V, n)
	for range n {
		var k uint64
		if err := binary.Read(r, binary.LittleEndian, &k); err != nil {
			return nil, err
		}
		v, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, err
		}
		if v > most {
			return nil, fmt.Errorf("value %d over %d", v, most)
		}
		m[k] = V(v)
	}
	return m, nil
}
