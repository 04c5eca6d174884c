// Package charset turns the raw bytes of a document into UTF-8 text. It decides the encoding in
// the order a browser does — byte order mark, the transport's declaration, the document's own
// <meta> declaration — then trusts valid UTF-8, and otherwise guesses among the single-byte
// codepages news sites still use, scoring each decoding by how much it reads like text.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ErrBinary is returned for input that is not text at all.
var ErrBinary = errors.New("binary data, not text")

// ErrEmpty is returned for input with no text in it.
var ErrEmpty = errors.New("empty")

// Decoded is text with the name of the encoding it was read in and how that was decided.
type Decoded struct {
	Text     string
	Encoding string // WHATWG name: "utf-8", "windows-1252", …
	By       string // "bom", "header", "meta", "valid", "guess"
}

// Decode returns raw as UTF-8 text. contentType is the transport's Content-Type (may be
// empty); html says whether to look for a <meta> declaration.
func Decode(raw []byte, contentType string, html bool) (Decoded, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return Decoded{}, ErrEmpty
	}
	if d, ok := fromBOM(raw); ok {
		return d, nil
	}
	if looksBinary(raw) {
		return Decoded{}, ErrBinary
	}
	if label := paramCharset(contentType); label != "" {
		if d, ok := declared(raw, label, "header"); ok {
			return d, nil
		}
	}
	if html {
		if label := metaCharset(raw); label != "" {
			if d, ok := declared(raw, label, "meta"); ok {
				return d, nil
			}
		}
	}
	if utf8.Valid(raw) {
		return Decoded{Text: string(raw), Encoding: "utf-8", By: "valid"}, nil
	}
	return guess(raw), nil
}

func fromBOM(raw []byte) (Decoded, bool) {
	var enc encoding.Encoding
	var name string
	switch {
	case bytes.HasPrefix(raw, []byte{0xef, 0xbb, 0xbf}):
		return Decoded{Text: strings.ToValidUTF8(string(raw[3:]), "\uFFFD"), Encoding: "utf-8", By: "bom"}, true
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}):
		enc, name = xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM), "utf-16le"
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		enc, name = xunicode.UTF16(xunicode.BigEndian, xunicode.ExpectBOM), "utf-16be"
	default:
		return Decoded{}, false
	}
	text, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return Decoded{}, false
	}
	return Decoded{Text: string(text), Encoding: name, By: "bom"}, true
}

// declared decodes raw in the encoding a label names. A single-byte declaration on bytes that
// are valid UTF-8 with multibyte sequences is taken to be wrong: pages are re-encoded far more
// often than their declarations are updated.
func declared(raw []byte, label, by string) (Decoded, bool) {
	enc, err := htmlindex.Get(label)
	if err != nil {
		return Decoded{}, false
	}
	name, _ := htmlindex.Name(enc)
	if name == "utf-8" || (utf8.Valid(raw) && hasMultibyte(raw)) {
		if utf8.Valid(raw) {
			return Decoded{Text: string(raw), Encoding: "utf-8", By: by}, true
		}
		return mostlyUTF8(raw, by), true
	}
	if name == "utf-16le" || name == "utf-16be" {
		return Decoded{}, false // a UTF-16 declaration without a BOM in an ASCII-compatible prescan is a lie
	}
	text, err := enc.NewDecoder().Bytes(raw)
	if err != nil {
		return Decoded{}, false
	}
	return Decoded{Text: string(text), Encoding: name, By: by}, true
}

func hasMultibyte(raw []byte) bool {
	for _, b := range raw {
		if b >= 0x80 {
			return true
		}
	}
	return false
}

var charsetParam = regexp.MustCompile(`(?i)charset\s*=\s*["']?\s*([\w:.-]+)`)

func paramCharset(contentType string) string {
	if m := charsetParam.FindStringSubmatch(contentType); m != nil {
		return m[1]
	}
	return ""
}

var metaDecl = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([\w:.-]+)`)

// metaCharset finds a <meta charset> or http-equiv declaration in the first 4 KB.
func metaCharset(raw []byte) string {
	head := raw
	if len(head) > 4096 {
		head = head[:4096]
	}
	if m := metaDecl.FindSubmatch(head); m != nil {
		return string(m[1])
	}
	return ""
}

// looksBinary reports whether raw holds NUL bytes or many control characters.
func looksBinary(raw []byte) bool {
	sample := raw
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	controls := 0
	for _, b := range sample {
		if b == 0 {
			return true
		}
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			controls++
		}
	}
	return controls*20 > len(sample)
}

// mostlyUTF8 decodes raw as UTF-8 and each byte that is not part of a valid sequence as
// Windows-1252: text pasted together from two encodings.
func mostlyUTF8(raw []byte, by string) Decoded {
	var sb strings.Builder
	sb.Grow(len(raw))
	for len(raw) > 0 {
		r, n := utf8.DecodeRune(raw)
		if r == utf8.RuneError && n == 1 {
			r = charmap.Windows1252.DecodeByte(raw[0])
		}
		sb.WriteRune(r)
		raw = raw[n:]
	}
	return Decoded{Text: sb.String(), Encoding: "utf-8", By: by}
}

// candidates are the single-byte codepages a guess chooses among, most common first.
var candidates = []struct {
	name string
	cm   *charmap.Charmap
}{
	{"windows-1252", charmap.Windows1252},
	{"windows-1251", charmap.Windows1251},
	{"windows-1250", charmap.Windows1250},
	{"windows-874", charmap.Windows874},
	{"koi8-r", charmap.KOI8R},
	{"iso-8859-7", charmap.ISO8859_7},
}

// guess picks the decoding of raw that reads most like text. Mostly valid UTF-8 with a few
// stray bytes stays UTF-8.
func guess(raw []byte) Decoded {
	valid, invalid := 0, 0
	for p := raw; len(p) > 0; {
		r, n := utf8.DecodeRune(p)
		switch {
		case r == utf8.RuneError && n == 1:
			invalid++
		case n > 1:
			valid++
		}
		p = p[n:]
	}
	if valid > 0 && valid >= 2*invalid {
		return mostlyUTF8(raw, "guess")
	}
	best, bestScore := Decoded{}, 0
	for i, c := range candidates {
		text, _ := c.cm.NewDecoder().Bytes(raw)
		s := score(string(text))
		if i == 0 || s > bestScore {
			best, bestScore = Decoded{Text: string(text), Encoding: c.name, By: "guess"}, s
		}
	}
	return best
}

// score rates how much text reads like natural language in one script: words of letters of a
// single script score, words that mix scripts or are made mostly of accented Latin letters
// (Cyrillic or Thai misread as Latin) cost, and so do symbols inside words and undefined bytes.
func score(text string) int {
	s := 0
	var word []rune
	flush := func() {
		if len(word) > 0 {
			s += scoreWord(word)
			word = word[:0]
		}
	}
	prev := ' '
	runes := []rune(text)
	for i, r := range runes {
		switch {
		case r == utf8.RuneError:
			s -= 5
			flush()
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			word = append(word, r)
		default:
			if r >= 0x80 && unicode.IsLetter(prev) && i+1 < len(runes) && unicode.IsLetter(runes[i+1]) {
				s -= 2 // a symbol inside a word
			}
			flush()
		}
		prev = r
	}
	flush()
	return s
}

func scoreWord(word []rune) int {
	high, accented := 0, 0
	var script *unicode.RangeTable
	mixed := false
	for _, r := range word {
		sc := scriptOf(r)
		if script != nil && sc != nil && sc != script {
			mixed = true
		}
		if sc != nil {
			script = sc
		}
		if r < 0x80 {
			continue
		}
		high++
		if sc == unicode.Latin {
			accented++
		}
	}
	switch {
	case high == 0:
		return 0
	case mixed:
		return -3
	case accented > 0 && len(word) >= 3 && accented*2 > len(word):
		return -2
	}
	return 1
}

func scriptOf(r rune) *unicode.RangeTable {
	for _, t := range []*unicode.RangeTable{unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Thai} {
		if unicode.Is(t, r) {
			return t
		}
	}
	return nil
}

// Describe names the decision for messages: "windows-1252 (guess)".
func (d Decoded) Describe() string { return fmt.Sprintf("%s (%s)", d.Encoding, d.By) }
