package feed

import (
	"net/url"

	"github.com/crosscheck/crosscheck/fetch"
)

// feedTypes are the media types a page's <link rel="alternate"> names its feeds by.
var feedTypes = map[string]bool{
	"application/rss+xml": true, "application/atom+xml": true, "application/rdf+xml": true,
	"application/feed+json": true, "application/json": true,
}

// Discover returns the feeds a page declares in its head (<link rel="alternate"
// type="application/rss+xml" href=…>, RSS Autodiscovery), resolved against the page's URL,
// in the page's order.
func Discover(page []byte, pageURL string) []string {
	base, _ := url.Parse(pageURL)
	var out []string
	for _, l := range fetch.HeadLinks(page) {
		if l.Href != "" && feedTypes[l.Type] && l.Has("alternate") {
			out = append(out, resolve(base, l.Href))
		}
	}
	return out
}
