package extract

import (
	"bytes"
	"html"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck"
)

// The main-text extractor rebuilds the page as a new tree and keeps no positions, so offsets
// into an HTML page are found again: the page's text is projected with a source offset for
// every byte, and each clean paragraph is looked up in that projection, in order.

// projection is the visible text of an HTML page, white space collapsed and entities decoded,
// with the source span [start[i], end[i]) of each of its bytes.
type projection struct {
	text       []byte
	start, end []int32
}

// maxProjection bounds the text a projection holds; larger pages map paragraphs by their start.
const maxProjection = 8 << 20

// projectedShare is the share of an HTML page's bytes its visible text is first taken to
// hold, so that the projection grows by appending only on pages of more text than markup.
const projectedShare = 4

func project(src string) *projection {
	n := min(len(src)/projectedShare, maxProjection)
	p := &projection{text: make([]byte, 0, n), start: make([]int32, 0, n), end: make([]int32, 0, n)}
	z := xhtml.NewTokenizer(strings.NewReader(src))
	pos := 0
	skip := 0 // inside script, style and the like
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return p
		}
		raw := z.Raw()
		switch tt {
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch a {
			case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Textarea, atom.Title:
				if tt == xhtml.StartTagToken {
					skip++
				} else if tt == xhtml.EndTagToken && skip > 0 {
					skip--
				}
			}
			if blockElements[string(name)] || cellElements[string(name)] || a == atom.Br {
				p.space(pos, pos+len(raw))
			}
		case xhtml.TextToken:
			if skip == 0 && len(p.text) < maxProjection {
				p.addText(raw, pos)
			}
		}
		pos += len(raw)
	}
}

// space adds one space for the source span, unless the text already ends in one.
func (p *projection) space(start, end int) {
	if n := len(p.text); n == 0 || p.text[n-1] == ' ' {
		if n > 0 {
			p.end[n-1] = int32(end)
		}
		return
	}
	p.add(' ', start, end)
}

func (p *projection) add(b byte, start, end int) {
	p.text = append(p.text, b)
	p.start = append(p.start, int32(start))
	p.end = append(p.end, int32(end))
}

// addText adds a raw text token found at offset base, decoding entities and collapsing white
// space.
func (p *projection) addText(raw []byte, base int) {
	for i := 0; i < len(raw); {
		c := raw[i]
		switch {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f':
			j := i
			for j < len(raw) && (raw[j] == ' ' || raw[j] == '\n' || raw[j] == '\t' || raw[j] == '\r' || raw[j] == '\f') {
				j++
			}
			p.space(base+i, base+j)
			i = j
		case c == '&':
			semi := bytes.IndexByte(raw[i:min(len(raw), i+34)], ';')
			if semi > 1 {
				ent := string(raw[i : i+semi+1])
				if dec := html.UnescapeString(ent); dec != ent {
					for k := 0; k < len(dec); k++ {
						p.add(dec[k], base+i, base+i+semi+1)
					}
					i += semi + 1
					continue
				}
			}
			p.add(c, base+i, base+i+1)
			i++
		default:
			p.add(c, base+i, base+i+1)
			i++
		}
	}
}

// locate maps the paragraphs of a clean text to the source. A paragraph found verbatim in the
// projection maps byte for byte; one that cleaning changed (a repaired character) maps by its
// longest verbatim start; one not found at all keeps no segment.
func (p *projection) locate(text string) crosscheck.OffsetMap {
	return p.locateIn(string(p.text), text)
}

// locateIn is locate over proj, the projection's text as a string.
func (p *projection) locateIn(proj, text string) crosscheck.OffsetMap {
	var m crosscheck.OffsetMap
	cursor := 0
	base := 0
	for _, para := range strings.Split(text, "\n\n") {
		at, n := p.find(proj, para, cursor)
		if at >= 0 {
			m = append(m, p.segments(at, n, base)...)
			if n < len(para) { // the rest of a changed paragraph maps to what follows, as a whole
				restSrc := int(p.end[at+n-1])
				m = append(m, crosscheck.Segment{Clean: base + n, Source: restSrc, Len: len(para) - n, SourceLen: 0})
			}
			cursor = at + n
		}
		base += len(para) + 2
	}
	return m
}

// find looks for para in proj from cursor on: whole, else its longest prefix of at least 24
// bytes. It returns where and how many bytes matched.
func (p *projection) find(proj, para string, cursor int) (int, int) {
	if i := strings.Index(proj[cursor:], para); i >= 0 {
		return cursor + i, len(para)
	}
	if i := strings.Index(proj, para); i >= 0 {
		return i, len(para) // extractors may reorder blocks
	}
	n := len(para)
	for n > 24 {
		n = n * 2 / 3
		for n > 0 && para[n]&0xc0 == 0x80 {
			n--
		}
		if n < 24 {
			break // a prefix this short is found by chance, or is no prefix at all
		}
		if i := strings.Index(proj[cursor:], para[:n]); i >= 0 {
			return cursor + i, n
		}
	}
	return -1, 0
}

// segments turns the n projected bytes at at, written at clean offset base, into segments:
// one per run of bytes that map one to one, one per decoded entity or collapsed space.
func (p *projection) segments(at, n, base int) crosscheck.OffsetMap {
	var m crosscheck.OffsetMap
	for k := 0; k < n; {
		s, e := int(p.start[at+k]), int(p.end[at+k])
		if e-s != 1 {
			j := k + 1
			for j < n && p.start[at+j] == p.start[at+k] {
				j++ // the bytes of one decoded entity
			}
			m = append(m, crosscheck.Segment{Clean: base + k, Source: s, Len: j - k, SourceLen: e - s})
			k = j
			continue
		}
		j := k + 1
		for j < n && p.end[at+j]-p.start[at+j] == 1 && int(p.start[at+j]) == s+(j-k) {
			j++
		}
		m = append(m, crosscheck.Segment{Clean: base + k, Source: s, Len: j - k, SourceLen: j - k})
		k = j
	}
	return m
}
