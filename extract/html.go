package extract

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/markusmobius/go-htmldate"
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

// The extractor's content walk joins the text of every paragraph of the page once per
// selector it tries, so its cost grows with the square of the page's text. A page is handed
// to it up to maxPageText bytes of visible text and maxPageBytes of markup; news articles
// stay far below both, and what is cut is said on the article.
const (
	maxPageText  = 128 << 10
	maxPageBytes = 4 << 20
)

// page is what an HTML page yields before cleaning.
type page struct {
	text                               string // main text, one block a line
	decoded                            string // the page as extraction read it, decoded
	title, author, site, url, language string
	ogSite, headTitle                  string          // og:site_name, and the <title> as the page gives it
	published, modified                []candidateDate // from the page's metadata, then the extractor's
	size, kept                         int             // bytes of the decoded page, and of what extraction read
}

// fromHTML reads a page fetched at the time given (zero when unknown).
func fromHTML(raw []byte, pageURL, contentType string, fetched time.Time) (*page, error) {
	dec, err := charset.Decode(raw, contentType, true)
	if err != nil {
		return nil, err
	}
	kept, d := boundPage(dec.Text)
	if d > maxDepth {
		return nil, fmt.Errorf("HTML nested %d elements deep (limit %d)", d, maxDepth)
	}
	doc, err := html.Parse(strings.NewReader(kept))
	if err != nil {
		return nil, fmt.Errorf("parse HTML: %w", err)
	}
	opts := trafilatura.Options{
		ExcludeComments: true,
		MaxTreeSize:     maxElements,
		HtmlDateMode:    trafilatura.Fast,
	}
	if knownClock(fetched) {
		// The extractor's bound on dates, a year past its clock, is taken from the fetch rather
		// than from the run, so that a page reads the same when it is read again. A date it
		// returns past the fetch is refused after, with the page's own (see dateRules); a
		// tighter bound here would make it complete a refused stamp's year to another day.
		opts.HtmlDateOptions = &htmldate.Options{UseOriginalDate: true, SkipExtensiveSearch: true,
			MaxDate: fetched.AddDate(1, 0, 0)}
	}
	if u, err := url.Parse(pageURL); err == nil && pageURL != "" {
		opts.OriginalURL = u
	}
	modified := metaContent(doc, "article:modified_time", "og:updated_time", "dateModified", "last-modified")
	ogSite := metaContent(doc, "og:site_name")
	published := metaContent(doc, "article:published_time", "og:published_time", "datePublished",
		"pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "date")
	res, err := trafilatura.ExtractDocument(doc, opts)
	var lines []block
	if err == nil {
		lines = blockLines(res.ContentNode)
	}
	if err != nil || needsFallback(doc, lines) {
		opts.EnableFallback = true
		if err == nil {
			// only the fallback's text is read: the metadata, its date among them, is the first
			// extraction's, so the date search is not made again
			opts.HtmlDateMode, opts.HtmlDateOptions = trafilatura.Disabled, nil
		}
		if alt, altErr := trafilatura.ExtractDocument(doc, opts); altErr == nil {
			if err != nil {
				res, err = alt, nil
			}
			lines = chooseExtraction(lines, blockLines(alt.ContentNode))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("extract main text: %w", err)
	}
	p := &page{
		text:      joinLines(lines),
		decoded:   kept, // a start of the decoded page, so offsets into it are offsets into the page
		title:     res.Metadata.Title,
		author:    res.Metadata.Author,
		site:      res.Metadata.Sitename,
		url:       res.Metadata.URL,
		language:  res.Metadata.Language,
		ogSite:    ogSite,
		headTitle: headTitle(doc),
		modified:  candidates(kept, modified),
		published: candidates(kept, published),
		size:      len(dec.Text),
		kept:      len(kept),
	}
	if !res.Metadata.Date.IsZero() {
		// in the zone the page gave, not moved to UTC, so the day stays the page's own
		p.published = append(p.published, candidateDate{raw: res.Metadata.Date.Format("2006-01-02"), source: -1})
	}
	return p, nil
}

// boundPage returns the start of an HTML text that extraction reads — all of it, unless its
// visible text passes maxPageText or its markup maxPageBytes, when it is cut before the tag or
// text that passes — and the deepest element nesting of what it keeps, counted with the
// tokenizer so that a hostile page cannot make the parser recurse without bound.
func boundPage(text string) (kept string, deepest int) {
	z := html.NewTokenizer(strings.NewReader(text))
	pos, depth, visible, skip := 0, 0, 0, 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return text, deepest
		}
		n := len(z.Raw())
		switch tt {
		case html.TextToken:
			if skip == 0 {
				visible += n
			}
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if a == atom.Script || a == atom.Style {
				if tt == html.StartTagToken {
					skip++
				} else if skip > 0 {
					skip--
				}
			}
			if tt == html.EndTagToken {
				depth = max(depth-1, 0)
			} else if !voidElements[a] {
				depth++
				deepest = max(deepest, depth)
			}
		}
		if visible > maxPageText || pos+n > maxPageBytes {
			return text[:pos], deepest
		}
		pos += n
	}
}

var voidElements = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true, atom.Hr: true,
	atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true, atom.Source: true,
	atom.Track: true, atom.Wbr: true, atom.P: true, atom.Li: true, atom.Option: true,
}

// blockElements end a line of text. The extractor rebuilds the nodes it keeps without their
// atoms, so blocks are known by tag name; head, list, item and quote are its own names.
var blockElements = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "tr": true, "table": true, "ul": true, "ol": true,
	"dl": true, "section": true, "article": true, "header": true, "footer": true, "figure": true,
	"figcaption": true, "dd": true, "dt": true, "head": true, "main": true, "aside": true,
	"nav": true, "list": true, "item": true, "quote": true, "caption": true, "thead": true,
	"tbody": true, "tfoot": true, "row": true, "hr": true, "address": true, "details": true,
	"summary": true,
}

// cellElements are kept apart by a space on their line.
var cellElements = map[string]bool{"td": true, "th": true, "cell": true}

// block is one line of an extracted tree: its text and how many of its bytes sit inside links.
type block struct {
	text      string
	linkBytes int
}

// blockLines writes the text of an extracted tree one block a line, so that paragraphs, list
// items and table rows stay apart, and counts the link text of each line.
func blockLines(n *html.Node) []block {
	if n == nil {
		return nil
	}
	var out []block
	var sb strings.Builder
	links := 0
	end := func() {
		if t := strings.TrimSpace(sb.String()); t != "" {
			out = append(out, block{text: t, linkBytes: min(links, len(t))})
		}
		sb.Reset()
		links = 0
	}
	space := func() {
		if s := sb.String(); s != "" && s[len(s)-1] != ' ' {
			sb.WriteByte(' ')
		}
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			t := strings.ReplaceAll(n.Data, "\n", " ")
			sb.WriteString(t)
			if inLink {
				links += len(strings.TrimSpace(t))
			}
			return
		case html.ElementNode:
			name := strings.ToLower(n.Data)
			switch {
			case name == "br" || name == "lb":
				end()
				return
			case name == "script" || name == "style":
				return
			}
			inLink = inLink || name == "a" || name == "ref"
			block, cell := blockElements[name], cellElements[name]
			if block {
				end()
			} else if cell {
				space()
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, inLink)
			}
			if block {
				end()
			} else if cell {
				space()
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(n, false)
	end()
	return out
}

// blockText writes the text of an extracted tree one block a line.
func blockText(n *html.Node) string {
	return joinLines(blockLines(n))
}

// candidates wraps the date a page's metadata gives, with where it stands in the page.
func candidates(page, raw string) []candidateDate {
	if strings.TrimSpace(raw) == "" {
		return nil
	}
	return []candidateDate{{raw: raw, source: strings.Index(page, raw)}}
}

// headTitle returns the text of the page's first <title>.
func headTitle(doc *html.Node) string {
	return findInHead(doc, func(n *html.Node) (string, bool) {
		if n.DataAtom != atom.Title {
			return "", false
		}
		var sb strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		return strings.Join(strings.Fields(sb.String()), " "), true
	})
}

// metaContent returns the content of the first <meta> whose property, name or itemprop is one
// of keys.
func metaContent(doc *html.Node, keys ...string) string {
	want := map[string]bool{}
	for _, k := range keys {
		want[strings.ToLower(k)] = true
	}
	return findInHead(doc, func(n *html.Node) (string, bool) {
		if n.DataAtom != atom.Meta {
			return "", false
		}
		var key, content string
		for _, a := range n.Attr {
			switch a.Key {
			case "property", "name", "itemprop", "http-equiv":
				key = strings.ToLower(a.Val)
			case "content":
				content = a.Val
			}
		}
		return content, want[key] && content != ""
	})
}

// findInHead returns what match gives for the first element before the page's body that it
// matches.
func findInHead(doc *html.Node, match func(*html.Node) (string, bool)) string {
	var found string
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		if n.Type == html.ElementNode {
			if v, ok := match(n); ok {
				found = v
				return true
			}
			if n.DataAtom == atom.Body {
				return false
			}
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
