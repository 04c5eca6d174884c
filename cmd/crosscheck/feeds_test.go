package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
)

// feeds remove stops following a feed named by its URL or its id and keeps the articles its
// items became; a name that is no followed feed is an error that names it.
func TestFeedsRemove(t *testing.T) {
	s := newSite(t)
	html := "text/html; charset=utf-8"
	s.set("/a", html, article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	s.set("/b", html, article("Market reopens", "The covered market reopened on Saturday after a fire in the spring."))
	s.set("/feed.rss", "application/rss+xml", rssFeed(rssItem("/a", "Bridge repairs begin", ""), rssItem("/b", "Market reopens", "")))
	s.set("/e", html, article("Dam talks resume", "Talks on the dam resumed in the capital on Tuesday, officials said."))
	s.set("/atom.xml", "application/atom+xml", atomFeed("2026-12-01T08:00:00Z"))
	db := filepath.Join(t.TempDir(), "feeds.db")
	if code, _, errOut := runWeb(t, "feeds", "add", "--db", db, "--allow-private", s.URL+"/feed.rss", s.URL+"/atom.xml"); code != 0 {
		t.Fatal(errOut)
	}
	runWeb(t, "follow", "--db", db, "--once")
	_, before, _ := runWeb(t, "articles", "--db", db, "--json")

	code, out, errOut := runWeb(t, "feeds", "remove", "--db", db, s.URL+"/feed.rss?utm_source=x")
	if code != 0 || out != "removed: "+s.URL+"/feed.rss City News; kept the 2 articles it brought\n" {
		t.Errorf("remove by URL: exit %d %q %s", code, out, errOut)
	}
	id := crosscheck.FeedID(s.URL + "/atom.xml")
	if code, out, _ = runWeb(t, "feeds", "--db", db); !strings.HasPrefix(out, id+"  ") || strings.Contains(out, "feed.rss") {
		t.Errorf("feeds after the removal:\n%s", out)
	}
	code, out, errOut = runWeb(t, "feeds", "remove", "--db", db, id, s.URL+"/nothing.xml")
	if code != exitMissing || !strings.Contains(out, "removed: "+s.URL+"/atom.xml Wire; kept the 1 article it brought") ||
		!strings.Contains(errOut, "crosscheck feeds: no followed feed is "+s.URL+"/nothing.xml") {
		t.Errorf("remove by id and an unknown feed: exit %d\n%s\n%s", code, out, errOut)
	}
	if _, out, _ = runWeb(t, "feeds", "--db", db); out != "" {
		t.Errorf("feeds left:\n%s", out)
	}
	if _, after, _ := runWeb(t, "articles", "--db", db, "--json"); after != before || strings.Count(after, "\n") != 3 {
		t.Errorf("the articles changed with the feeds' removal:\n%s\nwas\n%s", after, before)
	}
	if code, _, errOut = runWeb(t, "feeds", "remove", "--db", db); code != exitUsage || !strings.Contains(errOut, "name at least one feed") {
		t.Errorf("remove of nothing: exit %d %s", code, errOut)
	}
	if code, _, errOut = runWeb(t, "feeds", "remove", "--help"); code != 0 || !strings.Contains(errOut, "crosscheck feeds remove https://") {
		t.Errorf("remove --help: exit %d %s", code, errOut)
	}
}
