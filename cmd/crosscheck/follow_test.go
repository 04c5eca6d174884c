package main

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	_ "modernc.org/sqlite"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
)

func rssFeed(items ...string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>City News</title>` +
		strings.Join(items, "") + `</channel></rss>`
}

func rssItem(path, title, content string) string {
	c := ""
	if content != "" {
		c = "<content:encoded><![CDATA[" + content + "]]></content:encoded>"
	}
	return fmt.Sprintf(`<item><title>%s</title><link>%s?utm_source=rss</link><guid>%s</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate><author>desk@example.org (Ana Ruiz)</author><description>%s in brief.</description>%s</item>`, title, path, path, title, c)
}

func atomFeed(updated string) string {
	return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id>
<entry><title>Dam talks resume</title><id>urn:wire:e</id><link rel="alternate" href="/e"/><updated>` + updated + `</updated><author><name>Lee Chan</name></author></entry></feed>`
}

func followLine(t *testing.T, out string) string {
	t.Helper()
	line := strings.TrimSpace(out)
	if !strings.HasPrefix(line, "round 1 at ") || strings.Count(line, "\n") != 0 {
		t.Fatalf("want one round line, got %q", out)
	}
	_, rest, _ := strings.Cut(line, "Z: ")
	return rest
}

func TestFollow(t *testing.T) {
	s := newSite(t)
	html := "text/html; charset=utf-8"
	fullText := "<p>" + strings.Repeat("The ferry to the island resumed on Tuesday after a week of storms, its operator said. ", 6) + "</p>"
	s.set("/a", html, article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	s.set("/b", html, article("Market reopens", "The covered market reopened on Saturday after a fire in the spring."))
	s.set("/e", html, article("Dam talks resume", "Talks on the dam resumed in the capital on Tuesday, officials said."))
	s.set("/f", html, article("Library extends hours", "The city library will open until ten on weekdays from January."))
	s.set("/feed.rss", "application/rss+xml", rssFeed(rssItem("/a", "Bridge repairs begin", ""), rssItem("/b", "Market reopens", ""),
		rssItem("/c", "Ferry resumes", fullText), rssItem("/private/d", "Hidden", "")))
	s.set("/atom.xml", "application/atom+xml", atomFeed("2026-12-01T08:00:00Z"))
	s.set("/feed.json", "application/feed+json", `{"version":"https://jsonfeed.org/version/1.1","title":"JSON News","items":[{"id":"f","url":"/f","title":"Library extends hours"}]}`)
	s.set("/broken.xml", "application/rss+xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>unclosed`)
	dir := t.TempDir()
	db := filepath.Join(dir, "follow.db")

	s.set("/wire", html, `<html><head><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Wire</body></html>`)
	code, out, errOut := runWeb(t, "feeds", "add", "--db", db, "--allow-private", s.URL+"/feed.rss", s.URL+"/wire", s.URL+"/feed.json", s.URL+"/broken.xml")
	if code != exitFailed || strings.Count(out, "added: ") != 3 || !strings.Contains(errOut, s.URL+"/broken.xml: not a feed") {
		t.Fatalf("feeds add: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "added: "+s.URL+"/atom.xml Wire") {
		t.Errorf("the page's feed was not found:\n%s", out)
	}
	opml := filepath.Join(dir, "desk.opml")
	os.WriteFile(opml, []byte(`<?xml version="1.0"?><opml version="2.0"><body><outline text="Broken">
<outline text="Broken" xmlUrl="`+s.URL+`/broken.xml"/><outline text="Big" xmlUrl="`+s.URL+`/big.xml"/>
<outline text="Never" xmlUrl="`+s.URL+`/never"/><outline text="City" xmlUrl="`+s.URL+`/feed.rss"/></outline></body></opml>`), 0o644)
	code, out, errOut = runWeb(t, "feeds", "add", "--db", db, "--allow-private", opml)
	if code != 0 || strings.Count(out, "added: ") != 3 || !strings.Contains(out, "followed already: "+s.URL+"/feed.rss") {
		t.Fatalf("feeds add OPML: exit %d\n%s\n%s", code, out, errOut)
	}

	// the first round: every item's page, the content for the one whose page is gone
	code, out, errOut = runWeb(t, "follow", "--db", db, "--once")
	if got := followLine(t, out); code != exitFailed || !strings.HasPrefix(got, "6 feeds (0 not modified, 3 failed), 6 new items: 5 added, 0 unchanged, 1 failed; grouped 5: ") {
		t.Errorf("round 1: exit %d %q\n%s", code, got, errOut)
	}
	for _, want := range []string{s.URL + "/broken.xml: the feed: not a feed", s.URL + "/big.xml: the feed: too large", s.URL + "/never: the feed: no answer in time",
		s.URL + "/private/d?utm_source=rss: disallowed by the site's robots.txt"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	feeds := feedsJSON(t, db)
	if f := feeds[s.URL+"/feed.rss"]; f["status"] != "ok" || f["articles"] != 3.0 || f["title"] != "City News" {
		t.Errorf("the RSS feed: %v", f)
	}
	if f := feeds[s.URL+"/broken.xml"]; f["status"] != "error" || !strings.Contains(fmt.Sprint(f["error"]), "not a feed") {
		t.Errorf("the broken feed: %v", f)
	}
	_, arts, _ := runWeb(t, "articles", "--db", db, "--json")
	for _, want := range []string{`"title":"Ferry resumes"`, `"author":"Ana Ruiz"`, `"published":"2026-12-01T09:00:00Z"`, `"url":"` + s.URL + `/a"`} {
		if !strings.Contains(arts, want) {
			t.Errorf("articles lack %s:\n%s", want, arts)
		}
	}

	// the second round: every feed answers 304, no page is asked for
	pagesBefore := s.count("/a") + s.count("/b") + s.count("/e") + s.count("/f")
	notModBefore := s.notMod.Load()
	code, out, _ = runWeb(t, "follow", "--db", db, "--once")
	if got := followLine(t, out); got != "6 feeds (3 not modified, 3 failed), 0 new items: 0 added, 0 unchanged, 0 failed" {
		t.Errorf("round 2: %q", got)
	}
	if after := s.count("/a") + s.count("/b") + s.count("/e") + s.count("/f"); after != pagesBefore || s.notMod.Load() != notModBefore+3 {
		t.Errorf("round 2 asked for %d pages and got %d answers 304; want 0 and 3", after-pagesBefore, s.notMod.Load()-notModBefore)
	}

	// an entry the feed says was updated, whose page changed, is the page's next revision
	s.set("/atom.xml", "application/atom+xml", atomFeed("2026-12-01T11:00:00Z"))
	s.set("/e", html, article("Dam talks resume", "Talks on the dam resumed in the capital on Tuesday evening, officials said."))
	code, out, _ = runWeb(t, "follow", "--db", db, "--once")
	if got := followLine(t, out); !strings.Contains(got, "1 new items: 1 added, 0 unchanged, 0 failed") {
		t.Errorf("round 3: %q", got)
	}
	_, arts, _ = runWeb(t, "articles", "--db", db, "--json")
	if n := strings.Count(arts, `"url":"`+s.URL+`/e"`); n != 1 || !strings.Contains(arts, `"revision":2`) {
		t.Errorf("%d articles of /e, want one at revision 2", n)
	}

	// a follow killed after storing articles, before recording its items: the next round takes
	// the items again, finds the pages unchanged, and stores nothing twice
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`DELETE FROM feed_items; UPDATE feeds SET etag = '', last_modified = ''`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	code, out, _ = runWeb(t, "follow", "--db", db, "--once")
	if got := followLine(t, out); !strings.Contains(got, "6 new items: 0 added, 5 unchanged, 1 failed") {
		t.Errorf("the resumed round: %q", got)
	}
	_, after, _ := runWeb(t, "articles", "--db", db, "--json")
	if strings.Count(after, "\n") != strings.Count(arts, "\n") {
		t.Errorf("the resumed round changed the articles:\n%s\nwas\n%s", after, arts)
	}
}

func feedsJSON(t *testing.T, db string) map[string]map[string]any {
	t.Helper()
	code, out, errOut := runWeb(t, "feeds", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("feeds: exit %d %s", code, errOut)
	}
	byURL := map[string]map[string]any{}
	for _, line := range jsonLines(t, out) {
		byURL[fmt.Sprint(line["url"])] = line
	}
	return byURL
}

// syncBuffer is a buffer two goroutines may use.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// followedFeed returns a store that follows a loopback feed of one article.
func followedFeed(t *testing.T) string {
	t.Helper()
	s := newSite(t)
	s.set("/a", "text/html; charset=utf-8", article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	s.set("/feed.rss", "application/rss+xml", rssFeed(rssItem("/a", "Bridge repairs begin", "")))
	db := filepath.Join(t.TempDir(), "serve.db")
	if code, _, errOut := runWeb(t, "feeds", "add", "--db", db, "--allow-private", s.URL+"/feed.rss"); code != 0 {
		t.Fatal(errOut)
	}
	return db
}

// serve --follow runs the rounds beside the server and makes the reports of what it took; its
// rounds are in the server's log.
func TestServeFollow(t *testing.T) {
	db := followedFeed(t)
	ctx, cancel := context.WithCancel(context.Background())
	var logs syncBuffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: &logs, Getenv: func(string) string { return "" },
		Now: time.Now, Fetch: &httpfetch.Options{Delay: -1, Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}}
	done := make(chan int)
	go func() {
		done <- m.Run(ctx, []string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--follow", "--every", "1h"})
	}()
	// The round runs in a child process at nice 10: on a busy machine it may take long to start,
	// so wait for its line (up to two minutes) rather than for a fixed time.
	for deadline := time.Now().Add(2 * time.Minute); time.Now().Before(deadline) && !strings.Contains(logs.String(), `"msg":"follow round"`); {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve: exit %d\n%s", code, logs.String())
	}
	if !strings.Contains(logs.String(), `"summary":"1 feeds (0 not modified, 0 failed), 1 new items: 1 added, 0 unchanged, 0 failed; grouped 1: 1 new stories, 0 near-duplicates; 1 story reports made"`) {
		t.Errorf("no round logged:\n%s", logs.String())
	}
}

// ordered yields in order whatever order the work finishes in, with at most workers at once.
func TestOrdered(t *testing.T) {
	var mu sync.Mutex
	running, most := 0, 0
	var got []int
	for v := range ordered(context.Background(), 50, 4, func(i int) int {
		mu.Lock()
		running++
		most = max(most, running)
		mu.Unlock()
		time.Sleep(time.Duration(50-i) * 50 * time.Microsecond) // later ones finish first
		mu.Lock()
		running--
		mu.Unlock()
		return i * i
	}) {
		got = append(got, v)
	}
	for i, v := range got {
		if v != i*i {
			t.Fatalf("result %d is %d", i, v)
		}
	}
	if len(got) != 50 || most > 4 || most < 2 {
		t.Errorf("%d results, at most %d at once (want 50, 2 to 4)", len(got), most)
	}
	n := 0
	for range ordered(context.Background(), 50, 4, func(i int) int { return i }) {
		if n++; n == 3 {
			break
		}
	}
}

// A round that finds no new item reads nothing of the grouping state, whose size grows with
// the store's: a round of feeds answered 304 costs what the feeds cost. (The state is made
// unreadable here, of a format no version reads; a round that read it would fail.)
func TestIdleRoundLeavesTheGroupingState(t *testing.T) {
	s := newSite(t)
	s.set("/a", "text/html; charset=utf-8", article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	s.set("/feed.rss", "application/rss+xml", rssFeed(rssItem("/a", "Bridge repairs begin", "")))
	db := filepath.Join(t.TempDir(), "idle.db")
	if code, _, errOut := runWeb(t, "feeds", "add", "--db", db, "--allow-private", s.URL+"/feed.rss"); code != 0 {
		t.Fatal(errOut)
	}
	if code, out, errOut := runWeb(t, "follow", "--db", db, "--once"); code != 0 || !strings.Contains(out, "1 added") {
		t.Fatalf("the first round: exit %d %s %s", code, out, errOut)
	}
	conn, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(`UPDATE group_meta SET format = 999`); err != nil {
		t.Fatal(err)
	}
	conn.Close()
	code, out, errOut := runWeb(t, "follow", "--db", db, "--once")
	if got := followLine(t, out); code != 0 || got != "1 feeds (1 not modified, 0 failed), 0 new items: 0 added, 0 unchanged, 0 failed" {
		t.Errorf("the idle round: exit %d %q %s", code, got, errOut)
	}
}
