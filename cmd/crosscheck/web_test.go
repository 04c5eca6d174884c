package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/sqlite"
	"github.com/crosscheck/crosscheck/web"
)

// site is a test web site on 127.0.0.1: articles whose text can change, feeds, and counts of
// what was asked and what was answered 304.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	pages    map[string]string // path → body
	types    map[string]string // path → Content-Type
	gets     map[string]int
	notMod   atomic.Int32
	requests atomic.Int32
}

func newSite(t *testing.T) *site {
	s := &site{pages: map[string]string{}, types: map[string]string{}, gets: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) set(path, contentType, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pages[path], s.types[path] = body, contentType
}

func (s *site) count(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.gets[path]
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.requests.Add(1)
	s.mu.Lock()
	s.gets[r.URL.Path]++
	body, ok := s.pages[r.URL.Path]
	ct := s.types[r.URL.Path]
	s.mu.Unlock()
	switch {
	case r.URL.Path == "/robots.txt" && !ok:
		fmt.Fprint(w, "User-agent: *\nDisallow: /private/\n")
		return
	case r.URL.Path == "/never":
		<-r.Context().Done()
		return
	case r.URL.Path == "/big.xml":
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Big</title>"))
		w.Write(bytes.Repeat([]byte("<item><title>x</title><link>/x</link></item>"), 30000))
		return
	case r.URL.Path == "/busy":
		w.Header().Set("Retry-After", "2")
		http.Error(w, "busy", http.StatusTooManyRequests)
		return
	case !ok:
		http.NotFound(w, r)
		return
	}
	sum := sha256.Sum256([]byte(body))
	etag := fmt.Sprintf(`"%x"`, sum[:8])
	w.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		s.notMod.Add(1)
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.Write([]byte(body))
}

// article is an HTML news page long enough for extraction.
func article(title, lead string) string {
	return fmt.Sprintf(`<!doctype html><html><head><title>%s</title></head><body><article><h1>%s</h1>
<p>%s</p>
<p>The council said the work would take three weeks and cost about 40,000 dollars, and that the road would stay open.</p>
<p>Residents had asked for the repairs since the storm in October damaged the bridge and two of its supports.</p>
</article></body></html>`, title, title, lead)
}

// runWeb runs a command line with a web client that waits for nothing but answers: headers
// a loopback server sends at once, given 1.5 s so that a busy machine does not fail a page.
func runWeb(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		Now: time.Now, Fetch: &httpfetch.Options{Delay: -1, Retries: 1, Timeout: 5 * time.Second, HeaderTimeout: 1500 * time.Millisecond, MaxBytes: 256 << 10,
			Sleep: func(ctx context.Context, d time.Duration) error { return ctx.Err() }}}
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func TestIngestURLs(t *testing.T) {
	s := newSite(t)
	s.set("/news/bridge", "text/html; charset=utf-8", article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	db := filepath.Join(t.TempDir(), "web.db")
	file := filepath.Join(t.TempDir(), "note.txt")
	if err := os.WriteFile(file, []byte("Ferry resumes\n\nThe ferry to the island resumed on Tuesday after a week of storms, its operator said.\n"), 0o644); err != nil {
		t.Fatal(err)
	}

	t.Run("RefusedWithoutAllowPrivate", func(t *testing.T) {
		code, _, errOut := runWeb(t, "ingest", "--db", db, s.URL+"/news/bridge")
		if code != exitFailed || !strings.Contains(errOut, s.URL+"/news/bridge: refused: 127.0.0.1 is a loopback address") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
		if s.count("/news/bridge") != 0 {
			t.Errorf("the refused page was asked for")
		}
	})
	t.Run("MixedWithFilesAndFailures", func(t *testing.T) {
		code, out, errOut := runWeb(t, "ingest", "--db", db, "--allow-private", "--json",
			s.URL+"/news/bridge?utm_source=rss#top", file, s.URL+"/gone", s.URL+"/private/x", s.URL+"/busy", "ftp://example.org/x")
		if code != exitFailed {
			t.Errorf("exit %d, %s", code, errOut)
		}
		lines := jsonLines(t, out)
		if len(lines) != 6 {
			t.Fatalf("%d lines: %s", len(lines), out)
		}
		want := []struct{ status, err string }{
			{"added", ""}, {"added", ""}, {"error", "HTTP 404"}, {"error", "robots.txt"}, {"error", "HTTP 429"}, {"error", "http"},
		}
		for i, w := range want {
			if lines[i]["status"] != w.status || !strings.Contains(fmt.Sprint(lines[i]["error"]), w.err) {
				t.Errorf("line %d: %v, want %s %q", i, lines[i], w.status, w.err)
			}
		}
		code, out, _ = runWeb(t, "failures", "--db", db)
		for _, u := range []string{s.URL + "/gone: HTTP 404", s.URL + "/private/x: disallowed by the site's robots.txt", s.URL + "/busy: HTTP 429"} {
			if !strings.Contains(out, u) {
				t.Errorf("failures lack %q:\n%s", u, out)
			}
		}
	})
	t.Run("AgainIsUnchangedByConditionalGet", func(t *testing.T) {
		before := s.notMod.Load()
		code, out, errOut := runWeb(t, "ingest", "--db", db, "--allow-private", "--json", s.URL+"/news/bridge")
		lines := jsonLines(t, out)
		if code != 0 || len(lines) != 1 || lines[0]["status"] != "unchanged" || s.notMod.Load() != before+1 {
			t.Fatalf("exit %d %s %s; 304s %d", code, out, errOut, s.notMod.Load()-before)
		}
	})
	t.Run("AChangedPageIsARevision", func(t *testing.T) {
		s.set("/news/bridge", "text/html; charset=utf-8", article("Bridge repairs begin", "Repairs to the old bridge began on Monday morning, the council said."))
		code, out, errOut := runWeb(t, "ingest", "--db", db, "--allow-private", "--json", s.URL+"/news/bridge")
		lines := jsonLines(t, out)
		if code != 0 || len(lines) != 1 || lines[0]["status"] != "added" || lines[0]["revision"] != 2.0 {
			t.Fatalf("exit %d %s %s", code, out, errOut)
		}
		code, out, _ = runWeb(t, "articles", "--db", db, "--json")
		if n := strings.Count(out, `"url":"`+s.URL+`/news/bridge"`); n != 1 {
			t.Errorf("%d articles for the page, want one:\n%s", n, out)
		}
	})
}

// The web form's URLs are fetched like ingest's, with the same guard.
func TestServeFormURLs(t *testing.T) {
	s := newSite(t)
	s.set("/news/bridge", "text/html; charset=utf-8", article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	store, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "form.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	form := func(allowPrivate bool) (int, string) {
		opts := httpfetch.Options{AllowPrivate: allowPrivate, Delay: -1}
		p := &pages{client: httpfetch.New(opts), store: store}
		h := web.New(store, web.Config{Token: "s3cret", MaxBody: 1 << 20, Fetch: p.page})
		defer h.Close()
		srv := httptest.NewServer(h)
		defer srv.Close()
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		mw.WriteField("token", "s3cret")
		mw.WriteField("urls", s.URL+"/news/bridge\n"+s.URL+"/gone")
		mw.Close()
		req, _ := http.NewRequest("POST", srv.URL+"/ingest", &body)
		req.Header.Set("Content-Type", mw.FormDataContentType())
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, page := form(false)
	if code != 200 || !strings.Contains(page, "loopback") || s.count("/news/bridge") != 0 {
		t.Errorf("guarded: %d, %d requests\n%s", code, s.count("/news/bridge"), page)
	}
	code, page = form(true)
	if code != 200 || !strings.Contains(page, "added") || !strings.Contains(page, "HTTP 404") {
		t.Errorf("admitted: %d\n%s", code, page)
	}
}
