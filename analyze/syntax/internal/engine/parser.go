package engine

// The parser is a greedy arc-eager transition parser (Nivre 2003) scored by an averaged
// perceptron over the feature templates of Zhang and Nivre (2011), trained with the dynamic
// oracle of Goldberg and Nivre (2012). A second perceptron labels each arc as it is made.

// Transitions.
const (
	shift = iota
	reduce
	left
	right
	transitions
)

// state is a parser configuration over words 1..n (0 is the root).
type state struct {
	n      int32
	stack  []int32
	b      int32 // the buffer is b..n
	head   []int32
	label  []int32
	lmost  []int32 // leftmost and second leftmost child, -1 none
	lmost2 []int32
	rmost  []int32
	rmost2 []int32
	nl, nr []int32 // number of left and right children
	lset   []uint64
	rset   []uint64
}

func (s *state) reset(n int) {
	size := n + 1
	grow := func(p *[]int32, v int32) {
		if cap(*p) < size {
			*p = make([]int32, size)
		}
		*p = (*p)[:size]
		for i := range *p {
			(*p)[i] = v
		}
	}
	grow(&s.head, -1)
	grow(&s.label, -1)
	grow(&s.lmost, -1)
	grow(&s.lmost2, -1)
	grow(&s.rmost, -1)
	grow(&s.rmost2, -1)
	grow(&s.nl, 0)
	grow(&s.nr, 0)
	if cap(s.lset) < size {
		s.lset, s.rset = make([]uint64, size), make([]uint64, size)
	}
	s.lset, s.rset = s.lset[:size], s.rset[:size]
	clear(s.lset)
	clear(s.rset)
	s.n = int32(n)
	s.stack = append(s.stack[:0], 0)
	s.b = 1
}

func (s *state) done() bool { return s.b > s.n }

func (s *state) s0() int32 { return s.stack[len(s.stack)-1] }

func (s *state) valid(t int) bool {
	switch t {
	case shift, right:
		return s.b <= s.n
	case reduce:
		return s.s0() != 0 && s.head[s.s0()] >= 0
	case left:
		return s.b <= s.n && s.s0() != 0 && s.head[s.s0()] < 0
	}
	return false
}

// arc adds h → d labelled l.
func (s *state) arc(h, d, l int32) {
	s.head[d] = h
	s.label[d] = l
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		s.nl[h]++
		s.lset[h] |= bit
		if s.lmost[h] < 0 || d < s.lmost[h] {
			s.lmost2[h], s.lmost[h] = s.lmost[h], d
		} else if s.lmost2[h] < 0 || d < s.lmost2[h] {
			s.lmost2[h] = d
		}
	} else {
		s.nr[h]++
		s.rset[h] |= bit
		if s.rmost[h] < 0 || d > s.rmost[h] {
			s.rmost2[h], s.rmost[h] = s.rmost[h], d
		} else if s.rmost2[h] < 0 || d > s.rmost2[h] {
			s.rmost2[h] = d
		}
	}
}

// apply makes transition t; for an arc, l is its label.
func (s *state) apply(t int, l int32) {
	switch t {
	case shift:
		s.stack = append(s.stack, s.b)
		s.b++
	case reduce:
		s.stack = s.stack[:len(s.stack)-1]
	case left:
		s.arc(s.b, s.s0(), l)
		s.stack = s.stack[:len(s.stack)-1]
	case right:
		s.arc(s.s0(), s.b, l)
		s.stack = append(s.stack, s.b)
		s.b++
	}
}

// cost is the number of gold arcs transition t makes unreachable (Goldberg and Nivre 2012).
func (s *state) cost(t int, gold []int32) int {
	s0, b0 := s.s0(), s.b
	c := 0
	switch t {
	case left:
		for k := b0; k <= s.n; k++ {
			if gold[k] == s0 || (k != b0 && gold[s0] == k) {
				c++
			}
		}
	case right:
		for k := b0 + 1; k <= s.n; k++ {
			if gold[b0] == k {
				c++
			}
		}
		for _, k := range s.stack {
			if (k != s0 && gold[b0] == k) || (s.head[k] < 0 && k != 0 && gold[k] == b0) {
				c++
			}
		}
	case reduce:
		for k := b0; k <= s.n; k++ {
			if gold[k] == s0 {
				c++
			}
		}
	case shift:
		for _, k := range s.stack {
			if gold[b0] == k || (s.head[k] < 0 && k != 0 && gold[k] == b0) {
				c++
			}
		}
	}
	return c
}
