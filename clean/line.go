package clean

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/crosscheck/crosscheck"
)

// A line is one line of source text with the edits that repair and normalise it. Edits are
// sorted, do not overlap, and are expressed against raw, so any part of the repaired text can
// be mapped back to the source.
type line struct {
	raw    string
	src    int // byte offset of raw in the source text
	text   string
	folded string // Fold(text)
	lower  string // text with its ASCII letters in lower case (asciiLower)
	ascii  bool   // text is all ASCII
	words  int    // wordCount(text)
	edits  []edit
}

// An edit replaces raw[start:end] by to.
type edit struct {
	start, end int
	to         string
	rule       string
}

// newLine repairs mojibake, drops control and zero-width characters, collapses runs of white
// space, trims the ends and composes characters (NFC), recording each change as an edit.
func newLine(raw string, src int) line {
	_, fixes := RepairMojibake(raw)
	var edits []edit
	fi := 0
	i := 0
	kept := false // whether anything before i stays in the line
	for i < len(raw) {
		if fi < len(fixes) && fixes[fi].Start == i {
			f := fixes[fi]
			edits = append(edits, edit{f.Start, f.End, f.To, "mojibake:" + f.Codepage})
			i = f.End
			fi++
			kept = kept || f.To != ""
			continue
		}
		if b := raw[i]; b > ' ' && b < 0x7f || b == ' ' && kept && i+1 < len(raw) && raw[i+1] > ' ' && raw[i+1] < 0x7f {
			kept, i = true, i+1 // a printable ASCII character, or one space between two, kept as it is
			continue
		}
		r, n := utf8.DecodeRuneInString(raw[i:])
		if !isSpace(r) && !isInvisible(r) {
			kept = true
		}
		switch {
		case r == utf8.RuneError && n == 1:
			edits = append(edits, edit{i, i + 1, "\uFFFD", "invalid-utf8"})
			i++
		case isSpace(r):
			j := i
			for j < len(raw) {
				r2, n2 := utf8.DecodeRuneInString(raw[j:])
				if !isSpace(r2) || (fi < len(fixes) && fixes[fi].Start == j) {
					break
				}
				j += n2
			}
			to := " "
			if !kept || blankAfter(raw[j:]) {
				to = "" // trim the ends, past what is dropped there (a NUL, a zero-width space)
			}
			if raw[i:j] != to {
				edits = append(edits, edit{i, j, to, "whitespace"})
			}
			i = j
		case isInvisible(r):
			edits = append(edits, edit{i, i + n, "", "invisible"})
			i += n
		case r >= 0x80:
			j := i + n
			for j < len(raw) && raw[j] >= 0x80 && !(fi < len(fixes) && fixes[fi].Start == j) {
				r2, n2 := utf8.DecodeRuneInString(raw[j:])
				if isSpace(r2) || isInvisible(r2) || r2 == utf8.RuneError {
					break
				}
				j += n2
			}
			edits = appendNFC(edits, raw, i, j)
			i = j
		default:
			i += n
		}
	}
	l := line{raw: raw, src: src, edits: edits}
	l.text = l.apply(0, len(raw))
	// read by several rules: made once, and the lower case from the folded text when they agree
	var sameBytes bool
	l.folded, sameBytes = fold(l.text)
	l.words = foldedWords(l.folded)
	if sameBytes {
		l.lower, l.ascii = l.folded, true
	} else {
		l.lower, l.ascii = foldCase(l.text)
	}
	return l
}

// appendNFC adds an edit when raw[i:j], a run of non-ASCII characters, together with the
// character before it (a base letter its marks may combine with), is not in NFC.
func appendNFC(edits []edit, raw string, i, j int) []edit {
	start := i
	if start > 0 && raw[start-1] < 0x80 && (len(edits) == 0 || edits[len(edits)-1].end < start) {
		start--
	}
	if norm.NFC.IsNormalString(raw[start:j]) {
		return edits
	}
	return append(edits, edit{start, j, norm.NFC.String(raw[start:j]), "nfc"})
}

// blankAfter reports whether s holds only white space and characters the line drops.
func blankAfter(s string) bool {
	for _, r := range s {
		if !isSpace(r) && !isInvisible(r) {
			return false
		}
	}
	return true
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u3000' || (r >= 0x2000 && r <= 0x200a) || r == '\u202f' || r == '\u205f'
}

func isInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad':
		return true
	}
	return r < 0x20 || (r >= 0x7f && r < 0xa0)
}

// apply returns raw[a:b] with the edits that lie inside it applied.
func (l *line) apply(a, b int) string {
	if !slices.ContainsFunc(l.edits, func(e edit) bool { return e.end > a && e.start < b }) {
		return l.raw[a:b] // nothing to repair: the raw text itself, not a copy
	}
	var sb strings.Builder
	pos := a
	for _, e := range l.edits {
		if e.end <= a || e.start >= b {
			continue
		}
		sb.WriteString(l.raw[pos:e.start])
		sb.WriteString(e.to)
		pos = e.end
	}
	sb.WriteString(l.raw[pos:b])
	return sb.String()
}

// rawOffset maps a byte offset in l.text to the offset in l.raw where it comes from. An offset
// inside a replaced span maps to the start of the span (or its end, when at its very end).
func (l *line) rawOffset(t int) int {
	pos, tpos := 0, 0
	for _, e := range l.edits {
		verbatim := e.start - pos
		if t < tpos+verbatim {
			return pos + (t - tpos)
		}
		tpos += verbatim
		if t < tpos+len(e.to) {
			return e.start
		}
		tpos += len(e.to)
		pos = e.end
	}
	return pos + (t - tpos)
}

// segments maps l.text[a:b], written at clean offset base, to source offsets.
func (l *line) segments(a, b, base int) crosscheck.OffsetMap {
	ra, rb := l.rawOffset(a), l.rawOffset(b)
	if b == len(l.text) {
		rb = len(l.raw)
		// trailing edits that delete (trimmed space) belong to nothing
		for k := len(l.edits) - 1; k >= 0 && l.edits[k].end == rb && l.edits[k].to == ""; k-- {
			rb = l.edits[k].start
		}
	}
	var m crosscheck.OffsetMap
	clean := base
	pos := ra
	add := func(srcStart, srcEnd int, n int) {
		if n == 0 && srcEnd == srcStart {
			return
		}
		m = append(m, crosscheck.Segment{Clean: clean, Source: l.src + srcStart, Len: n, SourceLen: srcEnd - srcStart})
		clean += n
	}
	for _, e := range l.edits {
		if e.end <= ra || e.start >= rb {
			continue
		}
		if e.start > pos {
			add(pos, e.start, e.start-pos)
		}
		if e.start >= ra && e.end <= rb {
			if len(e.to) > 0 {
				add(e.start, e.end, len(e.to))
			}
		}
		pos = e.end
	}
	if rb > pos {
		add(pos, rb, rb-pos)
	}
	return m
}

// repairs lists the edits that changed characters (not white space) as Repairs.
func (l *line) repairs() []crosscheck.Repair {
	var out []crosscheck.Repair
	for _, e := range l.edits {
		if e.rule == "whitespace" || e.rule == "invisible" {
			continue
		}
		out = append(out, crosscheck.Repair{From: l.raw[e.start:e.end], To: e.to, Rule: e.rule, Source: l.src + e.start})
	}
	return out
}

// Fold maps text to the form crosscheck compares text in: lower case, typographic quotes,
// apostrophes and dashes as their ASCII forms, ellipses as three dots, and runs of white space
// as one space. The stored text keeps the original characters; Fold is for matching only.
func Fold(s string) string {
	folded, _ := fold(s)
	return folded
}

// fold is Fold, and whether the folded text is asciiLower(s): whether s is printable ASCII
// without a backtick and holds no space Fold drops.
func fold(s string) (folded string, sameBytes bool) {
	var sb strings.Builder
	sb.Grow(len(s))
	space := false
	rewritten := false // whether a character other than a space took the slow path
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf && b != '`' && b > ' ' {
			i++ // ASCII, neither space nor a mark Fold rewrites: in lower case
			if space {
				sb.WriteByte(' ')
				space = false
			}
			if b >= 'A' && b <= 'Z' {
				b += 'a' - 'A'
			}
			sb.WriteByte(b)
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		rewritten = rewritten || r != ' '
		space = foldRune(&sb, r, space)
	}
	// each run of spaces became one space or none: the length tells that none was lost
	return sb.String(), !rewritten && sb.Len() == len(s)
}

// foldedWords is wordCount of a text that folded gives: Fold separates words by one space.
func foldedWords(folded string) int {
	if folded == "" {
		return 0
	}
	return strings.Count(folded, " ") + 1
}

// foldRune writes r to sb as Fold does, after the space pending before it, and reports
// whether a space is pending after it.
func foldRune(sb *strings.Builder, r rune, space bool) bool {
	if unicode.IsSpace(r) || isSpace(r) {
		return sb.Len() > 0
	}
	if space {
		sb.WriteByte(' ')
	}
	switch r {
	case '‘', '’', '‚', '‛', '′', '`', '´':
		sb.WriteByte('\'')
	case '“', '”', '„', '‟', '″', '«', '»':
		sb.WriteByte('"')
	case '‐', '‑', '‒', '–', '—', '―', '−':
		sb.WriteByte('-')
	case '…':
		sb.WriteString("...")
	default:
		sb.WriteRune(unicode.ToLower(r))
	}
	return false
}
