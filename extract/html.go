package extract

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/crosscheck/crosscheck/charset"
)

// maxDepth is the deepest element nesting an HTML page may have. Real pages stay well under
// a hundred; deeper ones are attacks on the parser or broken generators.
const maxDepth = 512

// maxElements bounds the size of the tree the extractor works on.
const maxElements = 200_000

// page is what an HTML page yields before cleaning.
type page struct {
	text                               string // main text, one block a line
	decoded                            string // the whole page, decoded
	title, author, site, url, language string
	published, modified                string
}

func fromHTML(raw []byte, pageURL, contentType string) (*page, error) {
	dec, err := charset.Decode(raw, contentType, true)
	if err != nil {
		return nil, err
	}
	if d := nestingDepth(dec.Text); d > maxDepth {
		return nil, fmt.Errorf("HTML nested %d elements deep (limit %d)", d, maxDepth)
	}
	doc, err := html.Parse(strings.NewReader(dec.Text))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		MaxTreeSize:     maxElements,
		HtmlDateMode:    trafilatura.Fast,
		EnableFallback:  true,
	}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opts.OriginalURL = u
	}
	modified := metaContent(doc, "article:modified_time", "og:updated_time", "dateModified", "last-modified")
	published := metaContent(doc, "article:published_time", "og:published_time", "datePublished",
		"pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "date")
	res, err := trafilatura.ExtractDocument(doc, opts)
	if err != nil {
		return nil, fmt.Errorf("extract main text: %w", err)
	}
	p := &page{
		text:      blockText(res.ContentNode),
		title:     res.Metadata.Title,
		author:    res.Metadata.Author,
		site:      res.Metadata.Sitename,
		url:       res.Metadata.URL,
		language:  res.Metadata.Language,
		modified:  modified,
		published: published,
	}
	if p.published == "" && !res.Metadata.Date.IsZero() {
		p.published = res.Metadata.Date.Format("2006-01-02")
	}
	return p, nil
}

// nestingDepth returns the deepest element nesting of an HTML text, counted with the tokenizer
// so that a hostile page cannot make the parser recurse without bound.
func nestingDepth(text string) int {
	z := html.NewTokenizer(strings.NewReader(text))
	depth, deepest := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return deepest
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[atom.Lookup(name)] {
				depth++
				if depth > deepest {
					deepest = depth
				}
			}
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
		}
	}
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.P: true, atom.Li: true, atom.Option: true,
}

// blockElements end a line of text.
var blockElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Li: true, atom.Blockquote: true, atom.Pre: true,
	atom.Tr: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Section: true,
	atom.Article: true, atom.Header: true, atom.Footer: true, atom.Figcaption: true,
	atom.Dd: true, atom.Dt: true, atom.Head: true, atom.Main: true, atom.Aside: true,
}

// blockText writes the text of an extracted tree one block a line, so that paragraphs stay
// apart.
func blockText(n *html.Node) string {
	if n == nil {
		return ""
	}
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			sb.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
			return
		case html.ElementNode:
			if n.DataAtom == atom.Br {
				sb.WriteByte('\n')
				return
			}
			if n.DataAtom == atom.Script || n.DataAtom == atom.Style {
				return
			}
			// trafilatura renames blocks to its own tags; treat those as blocks too
			block := blockElements[n.DataAtom] || n.Data == "head" || n.Data == "list" || n.Data == "item" || n.Data == "quote"
			if block {
				sb.WriteByte('\n')
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
			if block {
				sb.WriteByte('\n')
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// metaContent returns the content of the first <meta> whose property, name or itemprop is one
// of keys.
func metaContent(doc *html.Node, keys ...string) string {
	want := map[string]bool{}
	for _, k := range keys {
		want[strings.ToLower(k)] = true
	}
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.DataAtom == atom.Meta {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name", "itemprop", "http-equiv":
					key = strings.ToLower(a.Val)
				case "content":
					content = a.Val
				}
			}
			if want[key] && content != "" {
				found = content
				return true
			}
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Body {
			return false
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c) {
				return true
			}
		}
		return false
	}
	walk(doc)
	return found
}
