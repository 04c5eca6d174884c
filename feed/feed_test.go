package feed

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/extract"
)

var long = strings.Repeat("The council said the bridge would reopen in spring after the repairs. ", 8)

var feeds = map[string]string{
	"rss": `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>City News</title><link>https://news.example.org/</link>
<item><title>Bridge to reopen</title><link>/2026/12/01/bridge?utm_source=rss</link>
<guid isPermaLink="false">city-1</guid><pubDate>Tue, 01 Dec 2026 09:30:00 +0100</pubDate>
<dc:creator>Ana Ruiz</dc:creator><description>The bridge reopens.</description>
<content:encoded><![CDATA[<p>` + long + `</p>]]></content:encoded></item>
<item><title>Ferry resumes</title><link>https://news.example.org/2026/12/01/ferry</link></item>
</channel></rss>`,
	"atom": `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<entry><title>Dam talks resume</title><id>urn:wire:7</id><link rel="alternate" href="https://wire.example.com/dam"/>
<updated>2026-12-01T08:00:00Z</updated><author><name>Lee Chan</name></author><summary>Talks resume.</summary></entry>
</feed>`,
	"rdf": `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">
<channel rdf:about="https://old.example.net/"><title>Old</title></channel>
<item rdf:about="https://old.example.net/a"><title>A story</title><link>https://old.example.net/a</link></item>
</rdf:RDF>`,
	"json": `{"version":"https://jsonfeed.org/version/1.1","title":"JSON News","items":[
{"id":"j1","url":"https://json.example.org/one","title":"One","content_html":"<p>` + long + `</p>","date_published":"2026-12-01T10:00:00Z","authors":[{"name":"Sam Okafor"}]}]}`,
}

func TestParse(t *testing.T) {
	type want struct {
		title, typ, key, link, itemTitle, published, author string
		n                                                   int
	}
	for name, w := range map[string]want{
		"rss":  {"City News", "rss", "city-1", "https://news.example.org/2026/12/01/bridge?utm_source=rss", "Bridge to reopen", "2026-12-01T09:30:00+01:00", "Ana Ruiz", 2},
		"atom": {"Wire", "atom", "urn:wire:7", "https://wire.example.com/dam", "Dam talks resume", "2026-12-01T08:00:00Z", "Lee Chan", 1},
		"rdf":  {"Old", "rss", "https://old.example.net/a", "https://old.example.net/a", "A story", "", "", 1},
		"json": {"JSON News", "json", "j1", "https://json.example.org/one", "One", "2026-12-01T10:00:00Z", "Sam Okafor", 1},
	} {
		base := "https://news.example.org/feed.xml"
		f, err := Parse([]byte(feeds[name]), base)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Title != w.title || f.Type != w.typ || len(f.Items) != w.n {
			t.Fatalf("%s: %q %q %d items", name, f.Title, f.Type, len(f.Items))
		}
		it := f.Items[0]
		if it.Key != w.key || it.Link != w.link || it.Title != w.itemTitle || it.Published != w.published || it.Author != w.author {
			t.Errorf("%s: item %+v", name, it)
		}
	}
}

func TestParseRefuses(t *testing.T) {
	for name, body := range map[string]string{
		"broken XML": `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>unclosed`,
		"HTML page":  `<!doctype html><html><body><p>Hello</p></body></html>`,
		"empty":      "  ",
	} {
		if _, err := Parse([]byte(body), "https://x.example/"); !errors.Is(err, ErrNotFeed) {
			t.Errorf("%s: got %v", name, err)
		}
	}
}

func TestItemDocuments(t *testing.T) {
	f, err := Parse([]byte(feeds["rss"]), "https://news.example.org/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	full, teaser := f.Items[0], f.Items[1]
	meta := full.Meta("https://news.example.org/feed.xml")
	var x extra
	if err := json.Unmarshal(meta.Extra, &x); err != nil || x.Summary != "The bridge reopens." || x.Feed == "" {
		t.Errorf("extra %s", meta.Extra)
	}
	doc, ok := full.ContentDocument("url-1", "https://news.example.org/feed.xml", time.Unix(0, 0))
	if !ok {
		t.Fatal("the full content was not taken")
	}
	a, err := extract.Article(doc, extract.Options{})
	if err != nil || !strings.Contains(a.Text, "The council said the bridge would reopen") || a.Title != "Bridge to reopen" || a.Published == "" {
		t.Errorf("article %q %q %q %v", a.Title, a.Published, a.Text, err)
	}
	if _, ok := teaser.ContentDocument("", "https://news.example.org/feed.xml", time.Unix(0, 0)); ok {
		t.Errorf("a feed item with no content stood in for its page")
	}
}

func TestParseOPML(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8"?><opml version="2.0"><head><title>Desk</title></head><body>
<outline text="World"><outline text="City" title="City News" type="rss" xmlUrl="https://news.example.org/feed.xml"/>
<outline text="Wire" xmlUrl="https://wire.example.com/atom"/></outline>
<outline text="City again" xmlUrl="https://news.example.org/feed.xml"/><outline text="a folder with nothing"/></body></opml>`
	if !IsOPML([]byte(body)) {
		t.Fatal("not recognised")
	}
	got, err := ParseOPML([]byte(body))
	if err != nil || len(got) != 2 || got[0] != (Outline{"City News", "https://news.example.org/feed.xml"}) || got[1].URL != "https://wire.example.com/atom" {
		t.Errorf("%+v %v", got, err)
	}
	if _, err := ParseOPML([]byte(`<opml><body><outline text="x"/></body></opml>`)); err == nil {
		t.Error("an OPML file without feeds was accepted")
	}
}

func FuzzParse(f *testing.F) {
	for _, body := range feeds {
		f.Add([]byte(body))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		Parse(body, "https://x.example/feed")
		ParseOPML(body)
	})
}

func TestDiscover(t *testing.T) {
	page := `<html><head><link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="World" href="/world/rss.xml">
<link rel="alternate" type="application/atom+xml" href="https://feeds.example.org/atom"><link rel="alternate" hreflang="fr" href="/fr/"></head>
<body><link rel="alternate" type="application/rss+xml" href="/not-in-head.xml"></body></html>`
	got := Discover([]byte(page), "https://news.example.org/world/")
	if strings.Join(got, " ") != "https://news.example.org/world/rss.xml https://feeds.example.org/atom" {
		t.Errorf("%q", got)
	}
}

// An item's date keeps the offset its feed gave: the day is the one the outlet printed, and
// the article made from the item keeps it too.
func TestDatesKeepTheirZone(t *testing.T) {
	body := `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Desk</title>
<item><title>Delhi late</title><link>https://in.example.org/a</link><pubDate>Tue, 01 Dec 2026 01:30:00 +0530</pubDate>
<content:encoded><![CDATA[<p>` + long + `</p>]]></content:encoded></item>
<item><title>New York late</title><link>https://us.example.org/b</link><pubDate>Mon, 30 Nov 2026 22:15:00 -0400</pubDate></item>
<item><title>Boston late</title><link>https://us.example.org/c</link><pubDate>Mon, 30 Nov 2026 21:40:00 EST</pubDate></item>
</channel></rss>`
	f, err := Parse([]byte(body), "https://desk.example.org/rss")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range f.Items {
		got = append(got, it.Published)
	}
	// in UTC the first is on 30 November and the second on 1 December: the wrong days
	if want := []string{"2026-12-01T01:30:00+05:30", "2026-11-30T22:15:00-04:00", "2026-11-30T21:40:00-05:00"}; strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("published %q, want %q", got, want)
	}
	doc, ok := f.Items[0].ContentDocument("url-a", "https://desk.example.org/rss", time.Date(2026, 12, 1, 6, 0, 0, 0, time.UTC))
	if !ok {
		t.Fatal("the full content was not taken")
	}
	a, err := extract.Article(doc, extract.Options{})
	if err != nil || !strings.HasPrefix(a.Published, "2026-12-01") {
		t.Errorf("the item's article is published %q (%v), want on 2026-12-01", a.Published, err)
	}
}
