package fetch

import (
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
)

// Page fetches one page and returns it as a document: its id the hash of the URL the page is
// known by (its rel=canonical on the same site, else the normalised URL that answered), the
// HTTP Content-Type kept for decoding, the fetch time. A page that answers 304 to a
// conditional request comes back as a Response with NotModified set and no document.
func (c *Client) Page(ctx context.Context, req Request) (*crosscheck.Document, *Response, error) {
	resp, err := c.Get(ctx, req)
	if err != nil {
		return nil, nil, err
	}
	if resp.NotModified {
		return nil, resp, nil
	}
	doc, err := resp.Document(req.URL)
	return doc, resp, err
}

// Document turns a fetched page into the document ingest stores. input is the URL as the
// user gave it.
func (r *Response) Document(input string) (*crosscheck.Document, error) {
	format, err := formatOf(r.ContentType, r.Body)
	if err != nil {
		return nil, err
	}
	known := r.Final
	if format == crosscheck.FormatHTML {
		known = CanonicalOf(r.Body, r.Final)
	}
	return &crosscheck.Document{
		ID:      ingest.IDFromURL(known),
		Input:   input,
		Format:  format,
		Raw:     r.Body,
		Fetched: r.Fetched,
		Meta:    crosscheck.Meta{URL: known, ContentType: r.ContentType},
	}, nil
}

// formatOf says how to read a body from its media type, sniffing when the server gave none.
func formatOf(contentType string, body []byte) (crosscheck.Format, error) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" || mt == "application/octet-stream" {
		head := bytes.TrimLeft(body, " \t\r\n\ufeff")
		if len(head) > 0 && head[0] == '<' {
			return crosscheck.FormatHTML, nil
		}
		return crosscheck.FormatText, nil
	}
	switch {
	case mt == "text/html", mt == "application/xhtml+xml":
		return crosscheck.FormatHTML, nil
	case mt == "text/plain":
		return crosscheck.FormatText, nil
	}
	return "", fmt.Errorf("not a page crosscheck reads: %s (it reads HTML and plain text)", mt)
}

// CanonicalOf returns the normalised URL a page declares itself by (<link rel="canonical">),
// when it is on the same site as the URL that answered; else that URL. A canonical on another
// site is the original a syndicated copy points to: taking it would make the copy and the
// original one article, and hide the copy.
func CanonicalOf(page []byte, final string) string {
	href := canonicalHref(page)
	if href == "" {
		return final
	}
	base, err := url.Parse(final)
	if err != nil {
		return final
	}
	ref, err := base.Parse(href)
	if err != nil {
		return final
	}
	canon, err := Normalize(ref.String())
	if err != nil || !sameSite(canon, final) {
		return final
	}
	return canon
}

// canonicalHref finds the href of the first <link rel=canonical> in a page's head.
func canonicalHref(page []byte) string {
	for _, l := range HeadLinks(page) {
		if l.Has("canonical") && l.Href != "" {
			return l.Href
		}
	}
	return ""
}

// Link is one <link> of a page's head.
type Link struct {
	Rel  string // lower-cased, space-separated
	Type string // lower-cased
	Href string // as given
}

// Has reports whether the link's rel names rel.
func (l Link) Has(rel string) bool {
	for _, r := range strings.Fields(l.Rel) {
		if r == rel {
			return true
		}
	}
	return false
}

// HeadLinks returns the <link> elements of a page's head, in order, read with the tokenizer so
// that a hostile page cannot make it build a tree.
func HeadLinks(page []byte) []Link {
	var out []Link
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch atom.Lookup(name) {
			case atom.Body:
				return out
			case atom.Link:
				var l Link
				for hasAttr {
					var k, v []byte
					k, v, hasAttr = z.TagAttr()
					switch string(k) {
					case "rel":
						l.Rel = strings.ToLower(string(v))
					case "type":
						l.Type = strings.ToLower(strings.TrimSpace(string(v)))
					case "href":
						l.Href = strings.TrimSpace(string(v))
					}
				}
				out = append(out, l)
			}
		case html.EndTagToken:
			if name, _ := z.TagName(); atom.Lookup(name) == atom.Head {
				return out
			}
		}
	}
}
