package web_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/sqlite"
	"github.com/crosscheck/crosscheck/web"
)

// feedsNow is the clock of the feeds tests.
var feedsNow = time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)

// feedsServer serves a store that follows four feeds: one fetched five minutes ago that brought
// two articles, one whose last fetch failed, one never fetched with a script for a title, and
// one answered 304.
func feedsServer(t *testing.T, cfg web.Config) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "feeds.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	at := func(d time.Duration) string { return feedsNow.Add(-d).Format(time.RFC3339) }
	for _, f := range []crosscheck.Feed{
		{URL: "https://news.example.org/rss.xml", Title: "City News", Status: "ok", LastFetch: at(5 * time.Minute)},
		{URL: "https://gone.example.com/atom.xml", Title: "Gone Daily", Status: "error", Error: "the feed: HTTP 404 Not Found", LastFetch: at(3 * time.Hour)},
		{URL: "https://x.example.net/feed?q=" + payload, Title: "Feed " + payload},
		{URL: "https://wire.example.com/feed.json", Title: "Wire", Status: "not modified", LastFetch: at(20 * time.Minute)},
	} {
		if _, err := store.AddFeed(ctx, f.URL, f.Title, false); err != nil {
			t.Fatal(err)
		}
		if f.LastFetch != "" {
			if err := store.FeedFetched(ctx, f); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := store.SaveItems(ctx, []crosscheck.FeedItem{{Feed: "https://news.example.org/rss.xml", Item: "1", Article: "a1"},
		{Feed: "https://news.example.org/rss.xml", Item: "2", Article: "a2"}, {Feed: "https://news.example.org/rss.xml", Item: "3", Error: "HTTP 500"}}); err != nil {
		t.Fatal(err)
	}
	cfg.Now = func() time.Time { return feedsNow }
	h := web.New(store, cfg)
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.Close(); h.Close() })
	return srv
}

// The feeds page lists each followed feed with its last fetch, its status, the articles it
// brought and its next poll; /api/feeds says the same, as its OpenAPI schema describes.
func TestFeedsPage(t *testing.T) {
	srv := feedsServer(t, web.Config{FollowEvery: 10 * time.Minute})
	code, _, body := get(t, srv.URL+"/feeds")
	if code != 200 {
		t.Fatalf("/feeds: %d", code)
	}
	rows := strings.Split(body, "<tr>")
	if len(rows) != 6 {
		t.Fatalf("%d table rows, want a header and 4 feeds:\n%s", len(rows)-1, body)
	}
	for i, want := range [][]string{
		{"City News", "https://news.example.org/rss.xml", "5 minutes ago", `title="1 December 2026, 11:55 UTC"`, ">ok<", ">2<", "in 5 minutes"},
		{"Gone Daily", "3 hours ago", ">HTTP 404 Not Found<", ">0<", "in the next round"},
		{"Feed &lt;script&gt;", "never", "not fetched yet", "in the next round"},
		{"Wire", "20 minutes ago", "ok, not modified (304)", "in the next round"},
	} {
		for _, w := range want {
			if !strings.Contains(rows[i+2], w) {
				t.Errorf("feed %d lacks %q:\n%s", i+1, w, rows[i+2])
			}
		}
	}
	if !strings.Contains(body, "polled by this server every 10 minutes") {
		t.Errorf("the page does not say the server polls the feeds")
	}

	code, _, list := get(t, srv.URL+"/api/feeds")
	openAPIChecker(t, srv.URL)("/api/feeds", "get", "200", list)
	var answer struct {
		Following bool
		Feeds     []map[string]any
	}
	if err := json.Unmarshal([]byte(list), &answer); code != 200 || err != nil || !answer.Following || len(answer.Feeds) != 4 {
		t.Fatalf("/api/feeds: %d %v\n%s", code, err, list)
	}
	city, never := answer.Feeds[0], answer.Feeds[2]
	if city["id"] != crosscheck.FeedID("https://news.example.org/rss.xml") || city["last_fetch"] != "2026-12-01T11:55:00Z" || city["status"] != "ok" ||
		city["articles"] != 2.0 || city["items"] != 3.0 || city["next_poll"] != "2026-12-01T12:05:00Z" {
		t.Errorf("the first feed: %v", city)
	}
	if never["last_fetch"] != nil || never["status"] != nil || never["next_poll"] != "2026-12-01T12:00:00Z" {
		t.Errorf("the feed never fetched: %v", never)
	}
	if e := answer.Feeds[1]["error"]; e != "the feed: HTTP 404 Not Found" {
		t.Errorf("the failed feed's error: %v", e)
	}

	// without a follow in the server, no next poll is known
	srv = feedsServer(t, web.Config{})
	_, _, body = get(t, srv.URL+"/feeds")
	if !strings.Contains(body, "when crosscheck follow runs") || !strings.Contains(body, "<code>crosscheck follow</code>") {
		t.Errorf("a server that does not follow says nothing of who polls the feeds:\n%s", body)
	}
	_, _, list = get(t, srv.URL+"/api/feeds")
	openAPIChecker(t, srv.URL)("/api/feeds", "get", "200", list)
	if !strings.Contains(list, `"next_poll": null`) || !strings.Contains(list, `"following": false`) {
		t.Errorf("/api/feeds without a follow:\n%s", list)
	}
}

// With no feed followed, the page says how to follow one; every page links to it.
func TestFeedsPageEmpty(t *testing.T) {
	srv := newDemoServer(t, web.Config{})
	code, _, body := get(t, srv.URL+"/feeds")
	if code != 200 || !strings.Contains(body, "No feed is followed yet") || !strings.Contains(body, "crosscheck feeds add https://") {
		t.Errorf("/feeds with no feed: %d\n%s", code, body)
	}
	if _, _, list := get(t, srv.URL+"/api/feeds"); !strings.Contains(list, `"feeds": []`) {
		t.Errorf("/api/feeds with no feed: %s", list)
	}
	for _, path := range []string{"/", "/search", "/articles/daily-meridian"} {
		if _, _, page := get(t, srv.URL+path); !strings.Contains(page, `<a href="/feeds">Feeds</a>`) {
			t.Errorf("%s does not link to the feeds page", path)
		}
	}
}

// A feed's title and URL are untrusted: a script in them comes out escaped, and runs in no
// browser.
func TestFeedsPageEscapes(t *testing.T) {
	srv := feedsServer(t, web.Config{})
	_, h, body := get(t, srv.URL+"/feeds")
	if strings.Contains(body, "<script") || strings.Contains(body, "<img") || strings.Contains(body, "<svg onload") {
		t.Errorf("/feeds: a payload is not escaped")
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("/feeds: no CSP")
	}
	if _, _, list := get(t, srv.URL+"/api/feeds"); !strings.Contains(list, `"title": "Feed \u003cscript\u003e`) {
		t.Errorf("/api/feeds does not escape the title for HTML: %s", list)
	}
}

// The feeds page fits the window at 1280 pixels and on a phone, and runs no planted script.
func TestBrowserFeedsPage(t *testing.T) {
	srv := feedsServer(t, web.Config{FollowEvery: 10 * time.Minute})
	ctx := browser(t)
	var dialogs atomic.Int32
	if err := chromedp.Listen(ctx, func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			dialogs.Add(1)
		}
	}); err != nil {
		t.Fatal(err)
	}
	fits := `document.documentElement.scrollWidth <= window.visualViewport.width + 1`
	for _, size := range []struct {
		w, h   int64
		mobile bool
		name   string
	}{{1280, 900, false, "feeds.png"}, {390, 844, true, "feeds-phone.png"}} {
		viewport := chromedp.EmulateViewport(size.w, size.h)
		if size.mobile {
			viewport = chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateMobile)
		}
		steps(t, ctx, viewport, chromedp.Navigate(srv.URL+"/feeds"))
		if n := js[int](t, ctx, `document.querySelectorAll('tbody tr').length`); n != 4 {
			t.Errorf("at %d pixels: %d feeds shown, want 4", size.w, n)
		}
		if !js[bool](t, ctx, fits) {
			t.Errorf("at %d pixels the feeds page is wider than the window", size.w)
		}
		if !js[bool](t, ctx, `[...document.querySelectorAll('th')].every(e => e.scrollWidth <= e.clientWidth + 1)`) {
			t.Errorf("at %d pixels a table header breaks inside a word or overflows", size.w)
		}
		if js[bool](t, ctx, `typeof window.pwned !== 'undefined'`) || js[int](t, ctx, `document.querySelectorAll('script, img, [onload], [onerror]').length`) > 0 {
			t.Errorf("at %d pixels a payload ran or became an element", size.w)
		}
		screenshot(t, ctx, size.name)
	}
	steps(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/"), chromedp.Click(chromedp.CSS(`header a[href="/feeds"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(`table.feeds`)))
	if dialogs.Load() > 0 {
		t.Errorf("%d dialogs opened", dialogs.Load())
	}
}
