// Package feed reads news feeds — RSS 0.9x and 2.0, Atom, RDF (RSS 1.0) and JSON Feed, with
// github.com/mmcdole/gofeed — and OPML lists of them, into the items crosscheck follows: each
// item's link, title, date, author and summary kept as an article's metadata, and the full
// content a feed may carry kept for when the page cannot be had. It does no I/O.
package feed

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	"github.com/araddon/dateparse"
	"github.com/mmcdole/gofeed"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/ingest"
)

// Accept is the Accept header a feed is asked for with.
const Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5"

// Feed is a parsed feed.
type Feed struct {
	Title string
	Type  string // "rss", "atom" or "json"
	Items []Item
}

// Item is one entry of a feed.
type Item struct {
	Key       string // what the item is known by in its feed: its guid, else its link
	Updated   string // when the feed says the item last changed, as given; empty when it does not
	Link      string // the article's page, resolved against the feed's URL
	Title     string
	Published string // RFC 3339 in the offset the feed gave when its date could be read, else as given
	Author    string
	Summary   string // the description, as given (often HTML)
	Content   string // the full content when the feed carries it (content:encoded, Atom content)
}

// ErrNotFeed is wrapped by the error for a body that is no feed crosscheck reads.
var ErrNotFeed = errors.New("not a feed")

// Parse reads a feed's body; feedURL resolves relative links.
func Parse(body []byte, feedURL string) (*Feed, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, fmt.Errorf("%w: the body is empty", ErrNotFeed)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotFeed, err)
	}
	base, _ := url.Parse(feedURL)
	out := &Feed{Title: strings.TrimSpace(f.Title), Type: f.FeedType}
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		item := Item{
			Title:   strings.TrimSpace(it.Title),
			Link:    resolve(base, firstNonEmpty(it.Link, first(it.Links))),
			Summary: strings.TrimSpace(it.Description),
			Content: strings.TrimSpace(it.Content),
			Author:  author(it),
		}
		switch {
		case it.PublishedParsed != nil:
			item.Published = inFeedZone(*it.PublishedParsed, it.Published)
		case it.UpdatedParsed != nil:
			item.Published = inFeedZone(*it.UpdatedParsed, it.Updated)
		default:
			item.Published = firstNonEmpty(it.Published, it.Updated)
		}
		item.Updated = strings.TrimSpace(it.Updated)
		item.Key = firstNonEmpty(strings.TrimSpace(it.GUID), item.Link)
		if item.Key == "" {
			continue // nothing to know it by, nothing to fetch
		}
		out.Items = append(out.Items, item)
	}
	return out, nil
}

// inFeedZone formats the instant gofeed read from a feed's date text (which it gives in UTC)
// in the offset the text gave, so that the date is the day the outlet printed: the text's
// clock less the instant is that offset, named zones ("EST") included. When the text's clock
// cannot be read, or gives no offset a zone has, the date stays in UTC.
func inFeedZone(instant time.Time, text string) string {
	t, err := dateparse.ParseIn(strings.TrimSpace(text), time.UTC)
	if err != nil {
		return instant.UTC().Format(time.RFC3339)
	}
	clock := time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
	offset := clock.Sub(instant)
	if offset%(15*time.Minute) != 0 || offset < -12*time.Hour || offset > 14*time.Hour {
		return instant.UTC().Format(time.RFC3339)
	}
	return instant.In(time.FixedZone("", int(offset/time.Second))).Format(time.RFC3339)
}

func author(it *gofeed.Item) string {
	var names []string
	for _, p := range it.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			names = append(names, strings.TrimSpace(p.Name))
		}
	}
	if len(names) == 0 && it.Author != nil {
		names = append(names, strings.TrimSpace(it.Author.Name))
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		names = append(names, it.DublinCoreExt.Creator...)
	}
	return strings.Join(names, ", ")
}

func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" || base == nil {
		return link
	}
	u, err := base.Parse(link)
	if err != nil {
		return link
	}
	return u.String()
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if strings.TrimSpace(x) != "" {
			return strings.TrimSpace(x)
		}
	}
	return ""
}

// extra is what an item's article keeps beside the metadata crosscheck reads.
type extra struct {
	Feed    string `json:"feed"`
	Summary string `json:"summary,omitempty"`
}

// Meta is the metadata an item gives its article: title, date, author, link, and in Extra the
// feed it came from and the item's summary.
func (it Item) Meta(feedURL string) crosscheck.Meta {
	x, _ := json.Marshal(extra{Feed: feedURL, Summary: it.Summary})
	return crosscheck.Meta{Title: it.Title, Published: it.Published, Author: it.Author, URL: it.Link, Extra: x}
}

// minContent is the least text a feed's content must have to stand in for the page: below it
// the content is a teaser, not the article.
const minContent = 400

// ContentDocument is the item as the feed gives it, for when its page cannot be had: its full
// content, or a long enough summary, as an HTML document known by the id its page would have
// (id, the page's id when the link is known). It returns false when the feed gives only a teaser.
func (it Item) ContentDocument(id, feedURL string, fetched time.Time) (*crosscheck.Document, bool) {
	body := it.Content
	if len(textOf(body)) < minContent {
		body = it.Summary
	}
	if len(textOf(body)) < minContent {
		return nil, false
	}
	if id == "" {
		id = ingest.IDFromURL(feedURL + "#" + it.Key)
	}
	meta := it.Meta(feedURL)
	meta.ContentType = "text/html; charset=utf-8" // gofeed hands back UTF-8
	return &crosscheck.Document{
		ID:      id,
		Input:   firstNonEmpty(it.Link, feedURL+"#"+it.Key),
		Format:  crosscheck.FormatHTML,
		Raw:     []byte("<html><body><article>" + body + "</article></body></html>"),
		Fetched: fetched,
		Meta:    meta,
	}, true
}

// textOf is a rough measure of the text in an HTML fragment: the bytes outside tags.
func textOf(fragment string) string {
	var b strings.Builder
	in := false
	for _, r := range fragment {
		switch {
		case r == '<':
			in = true
		case r == '>':
			in = false
		case !in:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
