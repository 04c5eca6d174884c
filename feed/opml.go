package feed

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/net/html/charset"
)

// Outline is one feed an OPML file lists.
type Outline struct {
	Title string
	URL   string
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr"`
	XMLURL   string        `xml:"xmlUrl,attr"`
	Outlines []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Body    struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

// IsOPML reports whether a body looks like an OPML document.
func IsOPML(body []byte) bool {
	head := body[:min(len(body), 1024)]
	return bytes.Contains(bytes.ToLower(head), []byte("<opml"))
}

// ParseOPML returns the feeds an OPML file lists, in its order, folders flattened, each URL once.
func ParseOPML(body []byte) ([]Outline, error) {
	var doc opmlDoc
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = false
	dec.CharsetReader = charset.NewReaderLabel
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %w", err)
	}
	var out []Outline
	seen := map[string]bool{}
	var walk func([]opmlOutline)
	walk = func(list []opmlOutline) {
		for _, o := range list {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[u] {
				seen[u] = true
				out = append(out, Outline{Title: firstNonEmpty(o.Title, o.Text), URL: u})
			}
			walk(o.Outlines)
		}
	}
	walk(doc.Body.Outlines)
	if len(out) == 0 {
		return nil, errors.New("the OPML file lists no feeds (no outline has an xmlUrl)")
	}
	return out, nil
}
