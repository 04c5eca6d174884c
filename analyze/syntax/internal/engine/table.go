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
	// slots holds each key with its row; w (rows × classes) the weights of a table of neither
	// layout below, which a table of inline or lane rows lets go once built.
	slots []slot
	w     []int16
	// With at most inlineClasses classes the weights sit in the slot beside the key, so that
	// a lookup touches one cache line: a slot is a word of 8 bytes, the key in its low half and
	// a byte of weight per class in its high half. A row with a weight a byte cannot hold has
	// the first byte wideRow in its slot and its weights in wide.
	inline []uint64
	wide   map[uint32][inlineClasses]int16
	// With laneFrom classes or more a row is laneWords(classes) words of four lanes of 16 bits,
	// each lane a class's weight plus bias, so that one addition of words adds four classes
	// (see addLanes); slots[i].row is where a row's words start in lanes.
	lanes []uint64
	bias  uint64
	// flush is how many rows the lanes sum before they could overflow.
	flush int
}

const inlineClasses = 4

// wideRow marks a slot whose weights are in Table.wide; a weight kept in the slot is within
// ±127.
const wideRow = -128

// inlineSlot packs key k and its row's weights into a slot; narrow is false when a weight does
// not fit in a byte, and the slot then marks its row as wide.
func inlineSlot(k uint32, w []int16) (slot uint64, narrow bool) {
	var b [inlineClasses]int8
	for c, v := range w {
		if v < -127 || v > 127 {
			return uint64(k) | 0x80<<32, false // the byte of wideRow
		}
		b[c] = int8(v)
	}
	slot = uint64(k)
	for c, v := range b {
		slot |= uint64(uint8(v)) << (32 + 8*c)
	}
	return slot, true
}

// slotWeight is the weight of class c in an inline slot.
func slotWeight(slot uint64, c int) int32 { return int32(int8(slot >> (32 + 8*c))) }

type slot struct {
	key uint32 // 0 empty
	row int32
}

// laneFrom is the number of classes from which rows are kept in lanes; maxLaneWords bounds
// the words of a row kept so (64 classes).
const (
	laneFrom     = 8
	maxLaneWords = 16
)

// laneWords is the number of words of a row of the given classes, four classes a word.
func laneWords(classes int) int { return (classes + 3) / 4 }

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
		t.inline = pinned[uint64](size)
		for i, s := range t.slots {
			if s.key == 0 {
				continue
			}
			row := w[int(s.row)*classes : int(s.row+1)*classes]
			slot, narrow := inlineSlot(s.key, row)
			t.inline[i] = slot
			if !narrow {
				if t.wide == nil {
					t.wide = map[uint32][inlineClasses]int16{}
				}
				var ws [inlineClasses]int16
				copy(ws[:], row)
				t.wide[s.key] = ws
			}
		}
		t.slots, t.w = nil, nil // megabytes the lookups no longer read
	}
	if classes >= laneFrom && laneWords(classes) <= maxLaneWords && !slices.Contains(w, math.MinInt16) {
		t.laneRows(keys, w) // (a lane holds weight+bias up to 2×32,767)
	}
	return t
}

// laneRows packs the rows into lanes. The bias is the largest weight's magnitude, so that a
// lane holds 0 … 2×bias and 65,535 / (2×bias) rows sum without a lane overflowing.
func (t *Table) laneRows(keys []uint32, w []int16) {
	big := 1
	for _, v := range w {
		big = max(big, int(v), -int(v))
	}
	t.bias, t.flush = uint64(big), math.MaxUint16/(2*big)
	words := laneWords(t.classes)
	t.lanes = pinned[uint64](len(keys) * words)
	for r := range keys {
		row := w[r*t.classes : (r+1)*t.classes]
		lanes := t.lanes[r*words : (r+1)*words]
		for c := range laneWords(t.classes) * 4 {
			v := 0
			if c < t.classes {
				v = int(row[c])
			}
			lanes[c/4] |= uint64(v+big) << (16 * (c % 4))
		}
	}
	for i, s := range t.slots {
		if s.key != 0 {
			t.slots[i].row = s.row * int32(words)
		}
	}
	t.w = nil
}

// laneWeight is the weight of class c of the row whose words start at lanes[at].
func (t *Table) laneWeight(at int32, c int) int16 {
	return int16(t.lanes[int(at)+c/4]>>(16*(c%4))&0xffff - t.bias)
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
		for i := k & t.mask; uint32(t.inline[i]) != 0; i = (i + 1) & t.mask {
			if slot := t.inline[i]; uint32(slot) == k {
				if ws, ok := t.wide[k]; ok {
					return append([]int16(nil), ws[:t.classes]...), true
				}
				w = make([]int16, t.classes)
				for c := range w {
					w[c] = int16(slotWeight(slot, c))
				}
				return w, true
			}
		}
	case t.lanes != nil:
		if r := t.row(k); r >= 0 {
			w = make([]int16, t.classes)
			for c := range w {
				w[c] = t.laneWeight(int32(r), c)
			}
			return w, true
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
// first slot of every feature is read in one pass of loads that do not depend on one another,
// which the processor overlaps, and the features are then matched against them.
func (t *Table) Score(feats []uint32, scores []int32) {
	scores = scores[:t.classes]
	for len(feats) > firstSlots {
		t.score(feats[:firstSlots], scores)
		feats = feats[firstSlots:]
	}
	t.score(feats, scores)
}

// firstSlots is how many features' first slots Score reads ahead.
const firstSlots = 96

func (t *Table) score(feats []uint32, scores []int32) {
	mask := t.mask
	if tab := t.inline; tab != nil {
		var first [firstSlots]uint64
		for k, f := range feats {
			first[k] = tab[f&mask]
		}
		var s0, s1, s2, s3 int32
		for k, f := range feats {
			slot := first[k]
			if uint32(slot) != f {
				if uint32(slot) == 0 {
					continue
				}
				if slot = t.probeInline(f); slot == 0 {
					continue
				}
			}
			if int8(slot>>32) == wideRow {
				ws := t.wide[f]
				s0, s1, s2, s3 = s0+int32(ws[0]), s1+int32(ws[1]), s2+int32(ws[2]), s3+int32(ws[3])
				continue
			}
			s0 += slotWeight(slot, 0)
			s1 += slotWeight(slot, 1)
			s2 += slotWeight(slot, 2)
			s3 += slotWeight(slot, 3)
		}
		sum := [inlineClasses]int32{s0, s1, s2, s3}
		for c := range scores {
			scores[c] += sum[c]
		}
		return
	}
	if slots := t.slots; t.lanes != nil {
		var first [firstSlots]slot
		for k, f := range feats {
			first[k] = slots[f&mask]
		}
		var rows [firstSlots]int32
		n := 0
		for k, f := range feats {
			s := first[k]
			if s.key != f {
				if s.key == 0 {
					continue
				}
				if s = t.probe(f); s.key == 0 {
					continue
				}
			}
			rows[n] = s.row
			n++
		}
		for found := rows[:n]; len(found) > 0; {
			m := min(len(found), t.flush)
			t.addLanes(found[:m], scores)
			found = found[m:]
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

// probeInline is the inline slot of key f past its first slot (which holds another key), or
// 0 when f has none.
func (t *Table) probeInline(f uint32) uint64 {
	for i := (f + 1) & t.mask; ; i = (i + 1) & t.mask {
		switch slot := t.inline[i]; uint32(slot) {
		case f:
			return slot
		case 0:
			return 0
		}
	}
}

// probe is the slot of key f past its first slot (which holds another key); its key is 0
// when f has none.
func (t *Table) probe(f uint32) slot {
	for i := (f + 1) & t.mask; ; i = (i + 1) & t.mask {
		if s := t.slots[i]; s.key == f || s.key == 0 {
			return s
		}
	}
}

// addLanes adds the rows starting at rows (at most flush of them) to scores. Each lane of a
// row holds a weight plus bias, at most 2×bias, so the lanes of flush rows summed do not carry
// into one another; the biases are taken off the sums.
func (t *Table) addLanes(rows []int32, scores []int32) {
	var acc [maxLaneWords]uint64
	words, lanes := laneWords(t.classes), t.lanes
	for _, r := range rows {
		for j, v := range lanes[r : int(r)+words] {
			acc[j&(maxLaneWords-1)] += v
		}
	}
	bias := int32(t.bias) * int32(len(rows))
	for c := range scores {
		scores[c] += int32(acc[(c/4)&(maxLaneWords-1)]>>(16*(c%4))&0xffff) - bias
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
			add(uint32(s))
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
