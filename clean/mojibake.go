package clean

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// A codepage is a single-byte character set that UTF-8 text is commonly misread as. Its table
// maps each character back to the byte it was decoded from. Tables are "sloppy": bytes the
// codepage leaves undefined map from the character Windows-1252 gives them, or from the C1
// control or Latin-1 character of the same value, because that is what real decoders emit.
type codepage struct {
	name   string
	toByte map[rune]byte
	// lost lists the bytes a decoder may have dropped, most likely first: the bytes this
	// codepage leaves undefined. They are candidates for a missing final continuation byte.
	lost []byte
}

var codepages = []*codepage{
	newCodepage("windows-1252", charmap.Windows1252),
	newCodepage("windows-1250", charmap.Windows1250),
	newCodepage("windows-1251", charmap.Windows1251),
	newCodepage("windows-874", charmap.Windows874),
}

func newCodepage(name string, cm *charmap.Charmap) *codepage {
	cp := &codepage{name: name, toByte: make(map[rune]byte, 256)}
	var undefined []byte
	for b := 0x80; b <= 0xff; b++ {
		r := cm.DecodeByte(byte(b))
		if r == utf8.RuneError {
			undefined = append(undefined, byte(b))
			continue
		}
		cp.toByte[r] = byte(b)
	}
	for _, b := range undefined {
		if r := charmap.Windows1252.DecodeByte(b); r != utf8.RuneError {
			if _, taken := cp.toByte[r]; !taken {
				cp.toByte[r] = b
			}
		}
		if _, taken := cp.toByte[rune(b)]; !taken {
			cp.toByte[rune(b)] = b
		}
	}
	// C1 controls always stand for their own byte: that is what Latin-1 decoding gives.
	for b := rune(0x80); b <= 0x9f; b++ {
		if _, taken := cp.toByte[b]; !taken {
			cp.toByte[b] = byte(b)
		}
	}
	// 0x9D is the byte lost most often (it makes the closing quote ”), then the others.
	cp.lost = orderLost(undefined)
	return cp
}

func orderLost(undefined []byte) []byte {
	out := []byte{0x9d}
	for _, b := range undefined {
		if b != 0x9d && b >= 0x80 && b <= 0xbf {
			out = append(out, b)
		}
	}
	return out
}

// Fix is one span of a string that Repair rewrote.
type Fix struct {
	Start, End int    // byte offsets in the input
	To         string // the repaired text
	Codepage   string // the codepage the text had been misread as
}

// maxRepairPasses bounds how often text that was misread more than once is repaired again.
const maxRepairPasses = 3

// RepairMojibake undoes UTF-8 text that was decoded as a Windows or Latin-1 codepage: it finds
// runs of non-ASCII characters that, encoded back into one codepage, form valid UTF-8 whose
// characters are plausible, and replaces each run by its decoding. It repeats while that
// changes anything, for text misread twice. Clean text comes back unchanged, and so does a
// run whose decoding would not be an improvement. The fixes are given against the input.
func RepairMojibake(s string) (string, []Fix) {
	if !hasSuspect(s) {
		return s, nil
	}
	out := s
	var name string
	for pass := 0; pass < maxRepairPasses; pass++ {
		again, fixes := repairPass(out)
		if len(fixes) == 0 {
			break
		}
		if pass == 0 {
			name = fixes[0].Codepage
		}
		out = again
	}
	if out == s {
		return s, nil
	}
	fixes := diffRuns(s, out)
	for k := range fixes {
		fixes[k].Codepage = name
	}
	return out, fixes
}

// hasSuspect reports whether s has two adjacent non-ASCII characters: no mojibake is shorter.
func hasSuspect(s string) bool {
	prevHigh := false
	for _, r := range s {
		high := r >= 0x80
		if high && prevHigh {
			return true
		}
		prevHigh = high
	}
	return false
}

func repairPass(s string) (string, []Fix) {
	var fixes []Fix
	i := 0
	for i < len(s) {
		if s[i] < 0x80 {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= 0x80 {
			_, n := utf8.DecodeRuneInString(s[j:])
			j += n
		}
		if f, ok := repairRun(s, i, j); ok {
			fixes = append(fixes, f...)
		}
		i = j
	}
	if len(fixes) == 0 {
		return s, nil
	}
	return applyFixes(s, fixes), fixes
}

// repairRun tries every codepage on the non-ASCII run s[i:j] and keeps the one that repairs
// the most of it; a codepage may repair only parts of a run (a correct character may sit next
// to a broken one).
func repairRun(s string, i, j int) ([]Fix, bool) {
	var best []Fix
	bestCover := 0
	for _, cp := range codepages {
		fixes := cp.repairSpan(s, i, j)
		cover := 0
		for _, f := range fixes {
			cover += f.End - f.Start
		}
		if cover > bestCover {
			best, bestCover = fixes, cover
		}
		if cover == j-i {
			break
		}
	}
	return best, bestCover > 0
}

// repairSpan decodes the longest valid stretches of s[i:j] in this codepage.
func (cp *codepage) repairSpan(s string, i, j int) []Fix {
	var fixes []Fix
	var buf []byte
	var starts []int // byte offset in s of the character that produced buf[k]
	flush := func(end int) {
		fixes = append(fixes, cp.decodeStretch(s, buf, starts, end)...)
		buf, starts = buf[:0], starts[:0]
	}
	for k := i; k < j; {
		r, n := utf8.DecodeRuneInString(s[k:])
		b, ok := cp.toByte[r]
		if !ok {
			flush(k)
		} else {
			buf = append(buf, b)
			starts = append(starts, k)
		}
		k += n
	}
	flush(j)
	if len(fixes) > 0 && cp.leavesContinuation(s, i, j, fixes) {
		return nil
	}
	return fixes
}

// leavesContinuation reports whether the fixes leave, inside s[i:j], a letter that this
// codepage reads from a continuation byte. Mojibake consumes every such character (a lost
// byte leaves only lead bytes behind), while genuine text in the codepage's own script —
// Thai, Cyrillic — only happens to pair some of its letters into valid UTF-8.
func (cp *codepage) leavesContinuation(s string, i, j int, fixes []Fix) bool {
	f := 0
	for k := i; k < j; {
		if f < len(fixes) && k >= fixes[f].Start {
			k = fixes[f].End
			f++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[k:])
		if b, ok := cp.toByte[r]; ok && b < 0xc2 && unicode.IsLetter(r) {
			return true
		}
		k += n
	}
	return false
}

// decodeStretch reads buf (bytes that stand for the characters of s starting at starts[k], the
// last ending at end) as UTF-8 and returns fixes for each maximal run of complete multibyte
// sequences whose characters are plausible. A sequence that lost one continuation byte is
// completed when exactly one completion is plausible; outside general punctuation (curly
// quotes and dashes, whose last byte codepages often drop) that needs a complete sequence in
// the same stretch as corroboration.
func (cp *codepage) decodeStretch(s string, buf []byte, starts []int, end int) []Fix {
	var fixes []Fix
	complete, guessedOther := 0, false
	k := 0
	for k < len(buf) {
		runStart := k
		var to []byte
		for k < len(buf) {
			n := seqLen(buf[k])
			if n < 2 {
				break
			}
			if k+n <= len(buf) && utf8.Valid(buf[k:k+n]) {
				r, _ := utf8.DecodeRune(buf[k : k+n])
				if !plausible(r) {
					break
				}
				to = utf8.AppendRune(to, r)
				k += n
				complete++
				continue
			}
			if r, used, ok := cp.withLostByte(buf[k:], n); ok {
				to = utf8.AppendRune(to, r)
				k += used
				if r < 0x2010 || r > 0x205f {
					guessedOther = true
				}
				continue
			}
			break
		}
		if k > runStart {
			stop := end
			if k < len(buf) {
				stop = starts[k]
			}
			fixes = append(fixes, Fix{Start: starts[runStart], End: stop, To: string(to), Codepage: cp.name})
			continue
		}
		k++
	}
	if guessedOther && complete == 0 {
		return nil
	}
	return fixes
}

// withLostByte completes a sequence of n bytes of which the decoder dropped one continuation
// byte (one it could not map), trying each byte this codepage leaves undefined at each
// position. It returns the character and how many bytes of b it used (n-1).
func (cp *codepage) withLostByte(b []byte, n int) (rune, int, bool) {
	if n < 3 {
		return 0, 0, false // two-byte sequences are ambiguous: Ð+lost is А or Н
	}
	have := 1
	for have < n-1 && have < len(b) && b[have]&0xc0 == 0x80 {
		have++
	}
	if have != n-1 {
		return 0, 0, false
	}
	var found rune
	count := 0
	seq := make([]byte, n)
	for pos := 1; pos < n; pos++ {
		for _, lost := range cp.lost {
			copy(seq, b[:pos])
			seq[pos] = lost
			copy(seq[pos+1:], b[pos:n-1])
			if !utf8.Valid(seq) {
				continue
			}
			r, _ := utf8.DecodeRune(seq)
			if !plausible(r) {
				continue
			}
			if pos == n-1 && lost == 0x9d && r >= 0x2010 && r <= 0x205f {
				return r, n - 1, true // the closing quote ” is the byte lost most often
			}
			if r != found {
				found = r
				count++
			}
		}
	}
	return found, n - 1, count == 1
}

// seqLen is the length of the UTF-8 sequence a lead byte starts (0 for a continuation byte).
func seqLen(b byte) int {
	switch {
	case b >= 0xc2 && b <= 0xdf:
		return 2
	case b >= 0xe0 && b <= 0xef:
		return 3
	case b >= 0xf0 && b <= 0xf4:
		return 4
	}
	return 0
}

// plausible reports whether a repaired character is one real text is made of. It keeps the
// repair from turning rare-but-correct character pairs into rarer characters.
func plausible(r rune) bool {
	switch {
	case r < 0xa0:
		return false // controls, and ASCII, which no multibyte sequence may encode
	case r <= 0x024f: // Latin-1 Supplement, Latin Extended-A and -B
		return true
	case r >= 0x0370 && r <= 0x03ff: // Greek
		return unicode.IsLetter(r)
	case r >= 0x0400 && r <= 0x045f: // Cyrillic, the common block
		return true
	case r >= 0x0490 && r <= 0x04ff:
		return r == 0x0490 || r == 0x0491 // Ukrainian Ґ ґ; the rest are rare
	case r >= 0x05d0 && r <= 0x05ea, r >= 0x0620 && r <= 0x064a: // Hebrew, Arabic letters
		return true
	case r >= 0x0900 && r <= 0x097f, r >= 0x0e01 && r <= 0x0e5b: // Devanagari, Thai
		return true
	case r >= 0x1e00 && r <= 0x1eff: // Latin Extended Additional (Vietnamese)
		return true
	case r >= 0x2010 && r <= 0x2027, r >= 0x2030 && r <= 0x203a: // dashes, quotes, bullets, ‰ ‹ ›
		return true
	case r >= 0x20a0 && r <= 0x20c0, r == 0x2116, r == 0x2122: // currency, №, ™
		return true
	case r >= 0x2190 && r <= 0x21ff, r >= 0x2200 && r <= 0x22ff: // arrows, maths
		return true
	case r >= 0x2500 && r <= 0x27bf: // box drawing, shapes, dingbats
		return true
	case r >= 0x3000 && r <= 0x30ff, r >= 0x4e00 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7a3: // CJK, kana, Hangul
		return true
	case r >= 0xff01 && r <= 0xff5e: // full-width forms
		return true
	case r == 0xfeff: // a byte order mark; misread, it is the common "ï»¿"
		return true
	case r >= 0x1f300 && r <= 0x1faff: // emoji
		return true
	}
	return false
}

func applyFixes(s string, fixes []Fix) string {
	out := make([]byte, 0, len(s))
	prev := 0
	for _, f := range fixes {
		out = append(out, s[prev:f.Start]...)
		out = append(out, f.To...)
		prev = f.End
	}
	out = append(out, s[prev:]...)
	return string(out)
}

// diffRuns lists where out differs from s. Repairs replace runs of non-ASCII characters by
// other non-ASCII characters and never touch ASCII, so the two strings share their ASCII bytes
// in order and differ only between them.
func diffRuns(s, out string) []Fix {
	var fixes []Fix
	i, j := 0, 0
	for i < len(s) && j < len(out) {
		if s[i] < 0x80 && out[j] < 0x80 {
			i, j = i+1, j+1
			continue
		}
		si, oj := i, j
		for i < len(s) && s[i] >= 0x80 {
			i++
		}
		for j < len(out) && out[j] >= 0x80 {
			j++
		}
		if s[si:i] != out[oj:j] {
			fixes = append(fixes, Fix{Start: si, End: i, To: out[oj:j]})
		}
	}
	return fixes
}
