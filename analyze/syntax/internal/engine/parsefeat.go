package engine

// Template numbers of the parser's transition features (after Zhang and Nivre 2011, Table 2).
const (
	pS0wp uint64 = iota + 100
	pS0w
	pS0p
	pN0wp
	pN0w
	pN0p
	pN1wp
	pN1w
	pN1p
	pN2wp
	pN2w
	pN2p
	pS0wpN0wp
	pS0wpN0w
	pS0wN0wp
	pS0wpN0p
	pS0pN0wp
	pS0wN0w
	pS0pN0p
	pN0pN1p
	pN0pN1pN2p
	pS0pN0pN1p
	pS0hpS0pN0p
	pS0pS0lpN0p
	pS0pS0rpN0p
	pS0pN0pN0lp
	pS0wd
	pS0pd
	pN0wd
	pN0pd
	pS0wN0wd
	pS0pN0pd
	pS0wvr
	pS0pvr
	pS0wvl
	pS0pvl
	pN0wvl
	pN0pvl
	pS0hw
	pS0hp
	pS0l
	pS0lw
	pS0lp
	pS0ll
	pS0rw
	pS0rp
	pS0rl
	pN0lw
	pN0lp
	pN0ll
	pS0h2w
	pS0h2p
	pS0hl
	pS0l2w
	pS0l2p
	pS0l2l
	pS0r2w
	pS0r2p
	pS0r2l
	pN0l2w
	pN0l2p
	pN0l2l
	pS0pS0lpS0l2p
	pS0pS0rpS0r2p
	pS0pS0hpS0h2p
	pN0pN0lpN0l2p
	pS0wsr
	pS0psr
	pS0wsl
	pS0psl
	pN0wsl
	pN0psl
	pS1pS0pN0p
	pS1wS0wN0p
	pS0hasHead
	pS0f
	pN0f
	pS0fN0f
	pN0fN1p
	pS0fN0p
	pN0wN1w
	pN0wN1p
	pN0pN1w
	pS1w
	pS1p
	pS1pS0p
	pS0wN0wN1p
)

// Template numbers of the labeller's features.
const (
	lHw uint64 = iota + 200
	lHp
	lDw
	lDp
	lHwp
	lDwp
	lHpDp
	lHwDp
	lHpDw
	lHwDw
	lDirDistHpDp
	lDl
	lDr
	lDlw
	lDlp
	lHl
	lHr
	lDprevDp
	lDnextDp
	lHprevHp
	lHnextHp
	lHpDpDset
	lHwDir
	lDwDir
	lHhpHpDp
	lHlabelHpDp
	lDrwDp
)

// sentence is the hashed words and tags the parser reads, index 0 the root.
type sentence struct {
	w, p []uint64
	f    []uint64 // the tag with the word's last two letters, a finer tag ("VERB ed")
}

func (x *sentence) set(lex []lexeme, tags []uint64) {
	n := len(tags) + 1
	if cap(x.w) < n {
		x.w, x.p, x.f = make([]uint64, n), make([]uint64, n), make([]uint64, n)
	}
	x.w, x.p, x.f = x.w[:n], x.p[:n], x.f[:n]
	x.w[0], x.p[0], x.f[0] = hRoot, hRoot, hRoot
	for i, t := range tags {
		x.w[i+1] = lex[i+2].lower
		x.p[i+1] = t
		x.f[i+1] = mix(t, lex[i+2].suf2)
	}
}

func (x *sentence) word(i int32) uint64 {
	if i < 0 {
		return hNone
	}
	return x.w[i]
}

func (x *sentence) fine(i int32) uint64 {
	if i < 0 || int(i) >= len(x.f) {
		return hNone
	}
	return x.f[i]
}

func (x *sentence) tag(i int32) uint64 {
	if i < 0 || int(i) >= len(x.p) {
		return hNone
	}
	return x.p[i]
}

func (s *state) labelOf(i int32) uint64 {
	if i < 0 || s.label[i] < 0 {
		return hNone
	}
	return uint64(s.label[i]) + 1
}

func (s *state) at(i int32, arr []int32) int32 {
	if i < 0 {
		return -1
	}
	return arr[i]
}

func distance(a, b int32) uint64 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 7:
		return 5
	case d <= 12:
		return 6
	}
	return 7
}

func count(v int32) uint64 { return uint64(min(v, 4)) }

// features appends the transition features of the configuration (the buffer not empty).
func (s *state) features(f []uint32, x *sentence) []uint32 {
	return bufferFeatures(s.stateFeatures(f, x), x, s.b, s.n)
}

// next is the buffer's words after n0 (-1 past the end of a sentence of n words).
func next(n0, n int32) (n1, n2 int32) {
	n1, n2 = -1, -1
	if n0+1 <= n {
		n1 = n0 + 1
	}
	if n0+2 <= n {
		n2 = n0 + 2
	}
	return n1, n2
}

// bufferFeatures appends the transition features that read only the buffer's first words, the
// same for every configuration whose buffer starts at n0.
func bufferFeatures(f []uint32, x *sentence, n0, n int32) []uint32 {
	n1, n2 := next(n0, n)
	N0w, N0p := x.word(n0), x.tag(n0)
	N1w, N1p, N2w, N2p := x.word(n1), x.tag(n1), x.word(n2), x.tag(n2)
	return append(f,
		feat2(pN0wp, N0w, N0p), feat1(pN0w, N0w), feat1(pN0p, N0p),
		feat2(pN1wp, N1w, N1p), feat1(pN1w, N1w), feat1(pN1p, N1p),
		feat2(pN2wp, N2w, N2p), feat1(pN2w, N2w), feat1(pN2p, N2p),
		feat2(pN0pN1p, N0p, N1p),
		feat3(pN0pN1pN2p, N0p, N1p, N2p),
		feat1(pN0f, x.fine(n0)),
		feat2(pN0fN1p, x.fine(n0), N1p),
		feat2(pN0wN1w, N0w, N1w), feat2(pN0wN1p, N0w, N1p), feat2(pN0pN1w, N0p, N1w),
	)
}

// stateFeatures appends the transition features that read the stack and the arcs made.
func (s *state) stateFeatures(f []uint32, x *sentence) []uint32 {
	return s.pairFeatures(s.s0Features(f, x), x)
}

// s0Features appends the transition features that read only the stack's top word, its head
// and its head's head, its children and the labels of their arcs, and the word beneath it on
// the stack: the same until an arc is made to or from that word (a word's head gets a head
// only once the word has left the stack, and the stack beneath a word stays as it is while
// the word is on it).
func (s *state) s0Features(f []uint32, x *sentence) []uint32 {
	s0 := s.s0()
	s1 := int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	s0h := s.head[s0]
	s0h2 := s.at(s0h, s.head)
	s0l, s0r := s.lmost[s0], s.rmost[s0]
	s0l2, s0r2 := s.lmost2[s0], s.rmost2[s0]
	S0w, S0p := x.word(s0), x.tag(s0)
	return append(f,
		feat2(pS0wp, S0w, S0p), feat1(pS0w, S0w), feat1(pS0p, S0p),
		feat2(pS0wvr, S0w, count(s.nr[s0])), feat2(pS0pvr, S0p, count(s.nr[s0])),
		feat2(pS0wvl, S0w, count(s.nl[s0])), feat2(pS0pvl, S0p, count(s.nl[s0])),
		feat1(pS0hw, x.word(s0h)), feat1(pS0hp, x.tag(s0h)), feat1(pS0l, s.labelOf(s0)),
		feat1(pS0lw, x.word(s0l)), feat1(pS0lp, x.tag(s0l)), feat1(pS0ll, s.labelOf(s0l)),
		feat1(pS0rw, x.word(s0r)), feat1(pS0rp, x.tag(s0r)), feat1(pS0rl, s.labelOf(s0r)),
		feat1(pS0h2w, x.word(s0h2)), feat1(pS0h2p, x.tag(s0h2)), feat1(pS0hl, s.labelOf(s0h)),
		feat1(pS0l2w, x.word(s0l2)), feat1(pS0l2p, x.tag(s0l2)), feat1(pS0l2l, s.labelOf(s0l2)),
		feat1(pS0r2w, x.word(s0r2)), feat1(pS0r2p, x.tag(s0r2)), feat1(pS0r2l, s.labelOf(s0r2)),
		feat3(pS0pS0lpS0l2p, S0p, x.tag(s0l), x.tag(s0l2)),
		feat3(pS0pS0rpS0r2p, S0p, x.tag(s0r), x.tag(s0r2)),
		feat3(pS0pS0hpS0h2p, S0p, x.tag(s0h), x.tag(s0h2)),
		feat2(pS0wsr, S0w, s.rset[s0]), feat2(pS0psr, S0p, s.rset[s0]),
		feat2(pS0wsl, S0w, s.lset[s0]), feat2(pS0psl, S0p, s.lset[s0]),
		feat1(pS0f, x.fine(s0)),
		feat1(pS1w, x.word(s1)), feat1(pS1p, x.tag(s1)), feat2(pS1pS0p, x.tag(s1), S0p),
	)
}

// pairFeatures appends the transition features that read the buffer's first word's children,
// or the stack's top word (and the word beneath) with the buffer's words.
func (s *state) pairFeatures(f []uint32, x *sentence) []uint32 {
	s0, n0 := s.s0(), s.b
	n1, _ := next(n0, s.n)
	s1 := int32(-1)
	if len(s.stack) > 1 {
		s1 = s.stack[len(s.stack)-2]
	}
	s0h := s.head[s0]
	s0l, s0r, n0l := s.lmost[s0], s.rmost[s0], s.lmost[n0]
	n0l2 := s.lmost2[n0]
	S0w, S0p, N0w, N0p := x.word(s0), x.tag(s0), x.word(n0), x.tag(n0)
	N1p := x.tag(n1)
	d := distance(s0, n0)
	hasHead := uint64(0)
	if s0h >= 0 {
		hasHead = 1
	}
	return append(f,
		feat3(pS0wpN0wp, mix(S0w, S0p), N0w, N0p),
		feat3(pS0wpN0w, S0w, S0p, N0w),
		feat3(pS0wN0wp, S0w, N0w, N0p),
		feat3(pS0wpN0p, S0w, S0p, N0p),
		feat3(pS0pN0wp, S0p, N0w, N0p),
		feat2(pS0wN0w, S0w, N0w),
		feat2(pS0pN0p, S0p, N0p),
		feat3(pS0pN0pN1p, S0p, N0p, N1p),
		feat3(pS0hpS0pN0p, x.tag(s0h), S0p, N0p),
		feat3(pS0pS0lpN0p, S0p, x.tag(s0l), N0p),
		feat3(pS0pS0rpN0p, S0p, x.tag(s0r), N0p),
		feat3(pS0pN0pN0lp, S0p, N0p, x.tag(n0l)),
		feat2(pS0wd, S0w, d), feat2(pS0pd, S0p, d),
		feat2(pN0wd, N0w, d), feat2(pN0pd, N0p, d),
		feat3(pS0wN0wd, S0w, N0w, d), feat3(pS0pN0pd, S0p, N0p, d),
		feat2(pN0wvl, N0w, count(s.nl[n0])), feat2(pN0pvl, N0p, count(s.nl[n0])),
		feat1(pN0lw, x.word(n0l)), feat1(pN0lp, x.tag(n0l)), feat1(pN0ll, s.labelOf(n0l)),
		feat1(pN0l2w, x.word(n0l2)), feat1(pN0l2p, x.tag(n0l2)), feat1(pN0l2l, s.labelOf(n0l2)),
		feat3(pN0pN0lpN0l2p, N0p, x.tag(n0l), x.tag(n0l2)),
		feat2(pN0wsl, N0w, s.lset[n0]), feat2(pN0psl, N0p, s.lset[n0]),
		feat3(pS1pS0pN0p, x.tag(s1), S0p, N0p),
		feat3(pS1wS0wN0p, x.word(s1), S0w, N0p),
		feat3(pS0hasHead, hasHead, S0p, N0p),
		feat2(pS0fN0f, x.fine(s0), x.fine(n0)),
		feat2(pS0fN0p, x.fine(s0), N0p),
		feat3(pS0wN0wN1p, S0w, N0w, N1p),
	)
}

// labelFeatures appends the labeller's features of the arc h → d about to be made.
func (s *state) labelFeatures(f []uint32, x *sentence, h, d int32) []uint32 {
	Hw, Hp, Dw, Dp := x.word(h), x.tag(h), x.word(d), x.tag(d)
	dir := uint64(0)
	if d < h {
		dir = 1
	}
	dl, dr := s.lmost[d], s.rmost[d]
	var dprev, hprev int32 = d - 1, h - 1
	return append(f,
		feat1(lHw, Hw), feat1(lHp, Hp), feat1(lDw, Dw), feat1(lDp, Dp),
		feat2(lHwp, Hw, Hp), feat2(lDwp, Dw, Dp),
		feat2(lHpDp, Hp, Dp), feat2(lHwDp, Hw, Dp), feat2(lHpDw, Hp, Dw), feat2(lHwDw, Hw, Dw),
		feat3(lDirDistHpDp, dir<<8|distance(h, d), Hp, Dp),
		feat1(lDl, s.labelOf(dl)), feat1(lDr, s.labelOf(dr)),
		feat2(lDlw, x.word(dl), Dp), feat2(lDlp, x.tag(dl), Dp),
		feat1(lHl, s.labelOf(s.lmost[h])), feat1(lHr, s.labelOf(s.rmost[h])),
		feat2(lDprevDp, x.tag(dprev), Dp), feat2(lDnextDp, x.tag(d+1), Dp),
		feat2(lHprevHp, x.tag(hprev), Hp), feat2(lHnextHp, x.tag(h+1), Hp),
		feat3(lHpDpDset, Hp, Dp, s.lset[d]<<1^s.rset[d]),
		feat2(lHwDir, Hw, dir), feat2(lDwDir, Dw, dir),
		feat3(lHhpHpDp, x.tag(s.head[h]), Hp, Dp),
		feat3(lHlabelHpDp, s.labelOf(h), Hp, Dp),
		feat2(lDrwDp, x.word(dr), Dp),
	)
}
