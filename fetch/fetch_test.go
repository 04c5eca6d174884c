package fetch

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/extract"
)

// waits records the waits a client asked for instead of waiting.
type waits struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waits) sleep(ctx context.Context, d time.Duration) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
	return ctx.Err()
}

func (w *waits) list() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]time.Duration(nil), w.d...)
}

// testClient admits the loopback test servers and records its waits.
func testClient(t *testing.T, opts Options) (*Client, *waits) {
	t.Helper()
	w := &waits{}
	opts.AllowPrivate = true
	if opts.Sleep == nil {
		opts.Sleep = w.sleep
	}
	if opts.Delay == 0 {
		opts.Delay = -1
	}
	if opts.Timeout == 0 {
		opts.Timeout = 5 * time.Second
	}
	return New(opts), w
}

// hits counts the requests a test server answers, by path.
type hits struct {
	mu sync.Mutex
	n  map[string]int
}

func (h *hits) add(path string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.n == nil {
		h.n = map[string]int{}
	}
	h.n[path]++
}

func (h *hits) get(path string) int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.n[path]
}

func server(t *testing.T, h *hits, handler http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if h != nil {
			h.add(r.URL.Path)
		}
		handler(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func page(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	fmt.Fprintf(w, "<html><head><title>%s</title></head><body><p>Page %s.</p></body></html>", r.URL.Path, r.URL.Path)
}

func TestGuard(t *testing.T) {
	var h hits
	srv := server(t, &h, page)
	ctx := context.Background()

	t.Run("RefusesLoopbackByDefault", func(t *testing.T) {
		c := New(Options{Sleep: (&waits{}).sleep, IgnoreRobots: true})
		_, err := c.Get(ctx, Request{URL: srv.URL + "/a"})
		if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "loopback") {
			t.Fatalf("got %v, want a refusal of a loopback address", err)
		}
		if h.get("/a") != 0 {
			t.Errorf("the refused request reached the server")
		}
	})
	t.Run("RefusesANameResolvingToLoopback", func(t *testing.T) {
		lookup := func(ctx context.Context, host string) ([]netip.Addr, error) {
			return []netip.Addr{netip.MustParseAddr("127.0.0.1")}, nil
		}
		c := New(Options{Lookup: lookup, Sleep: (&waits{}).sleep, IgnoreRobots: true})
		port := srv.URL[strings.LastIndex(srv.URL, ":"):]
		_, err := c.Get(ctx, Request{URL: "http://news.example" + port + "/b"})
		if !errors.Is(err, ErrRefused) || !strings.Contains(err.Error(), "news.example resolves to 127.0.0.1") {
			t.Fatalf("got %v", err)
		}
		if h.get("/b") != 0 {
			t.Errorf("the refused request reached the server")
		}
	})
	t.Run("RefusesARedirectToLoopback", func(t *testing.T) {
		public := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, srv.URL+"/c", http.StatusFound)
		})
		c := New(Options{Sleep: (&waits{}).sleep, IgnoreRobots: true})
		publicAddr := netip.MustParseAddrPort(strings.TrimPrefix(public.URL, "http://"))
		c.dialer.permit = func(ap netip.AddrPort) bool { return ap == publicAddr }
		_, err := c.Get(ctx, Request{URL: public.URL + "/start"})
		if !errors.Is(err, ErrRefused) {
			t.Fatalf("got %v, want the redirect refused", err)
		}
		if h.get("/c") != 0 {
			t.Errorf("the redirect reached the private server")
		}
	})
	t.Run("AllowPrivateAdmits", func(t *testing.T) {
		c, _ := testClient(t, Options{IgnoreRobots: true})
		resp, err := c.Get(ctx, Request{URL: srv.URL + "/d"})
		if err != nil || !strings.Contains(string(resp.Body), "Page /d.") {
			t.Fatalf("got %v, %v", resp, err)
		}
	})
	t.Run("OnlyHTTP", func(t *testing.T) {
		c, _ := testClient(t, Options{})
		for _, u := range []string{"file:///etc/passwd", "ftp://example.org/x", "gopher://example.org/"} {
			if _, err := c.Get(ctx, Request{URL: u}); !errors.Is(err, ErrScheme) {
				t.Errorf("%s: got %v", u, err)
			}
		}
	})
}

func TestWhyRefused(t *testing.T) {
	for addr, refused := range map[string]bool{
		"127.0.0.1": true, "127.8.9.1": true, "::1": true, "10.1.2.3": true, "172.16.0.1": true,
		"192.168.1.1": true, "169.254.169.254": true, "169.254.1.1": true, "fe80::1": true,
		"fd00:ec2::254": true, "fc00::1": true, "224.0.0.1": true, "ff02::1": true, "0.0.0.0": true,
		"::": true, "::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true, "100.100.100.200": true,
		"255.255.255.255": true, "64:ff9b::a00:1": true, "2002:7f00:1::": true, "198.18.0.1": true,
		"93.184.216.34": false, "8.8.8.8": false, "2606:4700:4700::1111": false, "151.101.1.69": false,
	} {
		why := whyRefused(netip.MustParseAddr(addr))
		if (why != "") != refused {
			t.Errorf("%s: refused %q, want refused=%v", addr, why, refused)
		}
	}
}

func TestBodies(t *testing.T) {
	ctx := context.Background()
	text := strings.Repeat("The council met on Tuesday. ", 50)
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/gzip", "/deflate":
			var buf bytes.Buffer
			var zw interface {
				Write([]byte) (int, error)
				Close() error
			}
			if r.URL.Path == "/gzip" {
				zw = gzip.NewWriter(&buf)
				w.Header().Set("Content-Encoding", "gzip")
			} else {
				zw = zlib.NewWriter(&buf)
				w.Header().Set("Content-Encoding", "deflate")
			}
			zw.Write([]byte(text))
			zw.Close()
			w.Write(buf.Bytes())
		case "/bomb":
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(make([]byte, 4<<20))
			zw.Close()
			w.Header().Set("Content-Encoding", "gzip")
			w.Write(buf.Bytes())
		case "/big":
			w.Write(make([]byte, 2<<20))
		case "/br":
			w.Header().Set("Content-Encoding", "br")
			w.Write([]byte("x"))
		}
	})
	c, _ := testClient(t, Options{IgnoreRobots: true, MaxBytes: 1 << 20})
	for _, p := range []string{"/gzip", "/deflate"} {
		resp, err := c.Get(ctx, Request{URL: srv.URL + p})
		if err != nil || string(resp.Body) != text {
			t.Errorf("%s: %v, %d bytes", p, err, len(resp.Body))
		}
	}
	for p, want := range map[string]error{"/bomb": ErrTooLarge, "/big": ErrTooLarge} {
		if _, err := c.Get(ctx, Request{URL: srv.URL + p}); !errors.Is(err, want) {
			t.Errorf("%s: got %v, want %v", p, err, want)
		}
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/br"}); err == nil || !strings.Contains(err.Error(), "br") {
		t.Errorf("/br: got %v", err)
	}
}

func TestNeverAnswers(t *testing.T) {
	release := make(chan struct{})
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	c, _ := testClient(t, Options{IgnoreRobots: true, Timeout: 300 * time.Millisecond, HeaderTimeout: 200 * time.Millisecond, Retries: -1})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/slow"})
	if err == nil || !strings.Contains(err.Error(), "no answer in time") {
		t.Fatalf("got %v", err)
	}
}

func TestStatusesAndRetries(t *testing.T) {
	ctx := context.Background()
	var h hits
	var busy atomic.Int32
	srv := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/missing":
			http.NotFound(w, r)
		case "/broken":
			http.Error(w, "oops", http.StatusInternalServerError)
		case "/busy":
			if busy.Add(1) <= 2 {
				w.Header().Set("Retry-After", "7")
				http.Error(w, "slow down", http.StatusTooManyRequests)
				return
			}
			page(w, r)
		case "/away":
			w.Header().Set("Retry-After", "3600")
			http.Error(w, "later", http.StatusServiceUnavailable)
		}
	})
	c, w := testClient(t, Options{IgnoreRobots: true, Backoff: time.Second})

	_, err := c.Get(ctx, Request{URL: srv.URL + "/missing"})
	var he *HTTPError
	if !errors.As(err, &he) || he.Status != 404 || h.get("/missing") != 1 {
		t.Errorf("404: %v after %d requests, want one request", err, h.get("/missing"))
	}
	_, err = c.Get(ctx, Request{URL: srv.URL + "/broken"})
	if !errors.As(err, &he) || he.Status != 500 || h.get("/broken") != 4 || !strings.Contains(err.Error(), "after 4 tries") {
		t.Errorf("500: %v after %d requests, want 4", err, h.get("/broken"))
	}
	if got := fmt.Sprint(w.list()); got != "[1s 2s 4s]" {
		t.Errorf("backoff waits %s, want [1s 2s 4s]", got)
	}
	resp, err := c.Get(ctx, Request{URL: srv.URL + "/busy"})
	if err != nil || resp.Status != 200 || h.get("/busy") != 3 {
		t.Errorf("429: %v after %d requests", err, h.get("/busy"))
	}
	if got := fmt.Sprint(w.list()[3:]); got != "[7s 7s]" {
		t.Errorf("Retry-After waits %s, want [7s 7s]", got)
	}
	_, err = c.Get(ctx, Request{URL: srv.URL + "/away"})
	if err == nil || !strings.Contains(err.Error(), "asks to wait 1h0m0s") || h.get("/away") != 1 {
		t.Errorf("503 with a long Retry-After: %v after %d requests", err, h.get("/away"))
	}
}

func TestRedirects(t *testing.T) {
	var srv *httptest.Server
	srv = server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop-a":
			http.Redirect(w, r, "/loop-b", http.StatusFound)
		case "/loop-b":
			http.Redirect(w, r, "/loop-a", http.StatusFound)
		case "/moved":
			http.Redirect(w, r, "/article?utm_source=x", http.StatusMovedPermanently)
		default:
			var n int
			if _, err := fmt.Sscanf(r.URL.Path, "/chain/%d", &n); err == nil {
				http.Redirect(w, r, fmt.Sprintf("/chain/%d", n+1), http.StatusFound)
				return
			}
			page(w, r)
		}
	})
	c, _ := testClient(t, Options{IgnoreRobots: true})
	ctx := context.Background()
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/loop-a"}); err == nil || !strings.Contains(err.Error(), "redirect loop") {
		t.Errorf("loop: %v", err)
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/chain/0"}); err == nil || !strings.Contains(err.Error(), "stopped after 10 redirects") {
		t.Errorf("chain: %v", err)
	}
	resp, err := c.Get(ctx, Request{URL: srv.URL + "/moved"})
	if err != nil || resp.Final != srv.URL+"/article" {
		t.Errorf("moved: %v, final %q", err, resp.Final)
	}
}

func TestRobots(t *testing.T) {
	var h hits
	srv := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nDisallow: /\n\nUser-agent: crosscheck\nDisallow: /private/\nAllow: /private/open$\nCrawl-delay: 3\n")
			return
		}
		page(w, r)
	})
	c, w := testClient(t, Options{})
	ctx := context.Background()
	for _, p := range []string{"/news/1", "/news/2", "/private/open"} {
		if _, err := c.Get(ctx, Request{URL: srv.URL + p}); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/private/x"}); !errors.Is(err, ErrRobots) {
		t.Errorf("/private/x: got %v, want disallowed", err)
	}
	if h.get("/private/x") != 0 || h.get("/robots.txt") != 1 {
		t.Errorf("requests: /private/x %d, /robots.txt %d; want 0 and 1", h.get("/private/x"), h.get("/robots.txt"))
	}
	for _, d := range w.list() {
		if d <= 0 || d > 3*time.Second {
			t.Errorf("wait %s: the crawl-delay is 3s", d)
		}
	}
	if len(w.list()) < 2 {
		t.Errorf("waits %v: want one before each page after the first", w.list())
	}
}

func TestParseRobots(t *testing.T) {
	rb := ParseRobots([]byte("# comment\nUser-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /search\nDisallow: /*.pdf$\nAllow: /search/about\nDisallow:\n"), "crosscheck")
	for path, want := range map[string]bool{
		"/": true, "/news": true, "/search": false, "/search?q=x": false, "/search/about": true,
		"/files/a.pdf": false, "/files/a.pdf?x": true, "/robots.txt": true,
	} {
		if got := rb.Allowed(path); got != want {
			t.Errorf("%s: allowed %v, want %v", path, got, want)
		}
	}
}

// The politeness slot: requests to one host go one at a time, whatever the callers.
func TestOneRequestAtATimePerHost(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(5 * time.Millisecond)
		inFlight.Add(-1)
		page(w, r)
	})
	c, _ := testClient(t, Options{IgnoreRobots: true})
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := c.Get(context.Background(), Request{URL: fmt.Sprintf("%s/p%d", srv.URL, i)}); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most.Load() != 1 || c.Requests() != 8 {
		t.Errorf("at most %d requests at once (want 1), %d requests (want 8)", most.Load(), c.Requests())
	}
}

func TestConditionalGet(t *testing.T) {
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Tue, 01 Dec 2026 09:00:00 GMT")
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		page(w, r)
	})
	c, _ := testClient(t, Options{IgnoreRobots: true})
	ctx := context.Background()
	first, err := c.Get(ctx, Request{URL: srv.URL + "/a"})
	if err != nil || first.ETag != `"v1"` || first.NotModified {
		t.Fatalf("first: %+v %v", first, err)
	}
	second, err := c.Get(ctx, Request{URL: srv.URL + "/a", ETag: first.ETag, LastModified: first.LastModified})
	if err != nil || !second.NotModified || len(second.Body) != 0 {
		t.Fatalf("second: %+v %v", second, err)
	}
}

// A page in Windows-1252 is read right with and without a charset in its Content-Type, and the
// header's charset wins over a wrong <meta> declaration.
func TestPageCharset(t *testing.T) {
	body := "<html><head>%s<title>Caf\xe9 owners</title></head><body><article><p>The caf\xe9 on the corner \x93reopened\x94 on Monday after a fire, its owner said, and customers returned.</p><p>It had been shut for three weeks while builders repaired the kitchen and the roof.</p></article></body></html>"
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bare":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, body, "")
		case "/header":
			w.Header().Set("Content-Type", "text/html; charset=windows-1252")
			fmt.Fprintf(w, body, `<meta charset="utf-8">`)
		}
	})
	c, _ := testClient(t, Options{IgnoreRobots: true})
	for _, p := range []string{"/bare", "/header"} {
		doc, _, err := c.Page(context.Background(), Request{URL: srv.URL + p})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if doc.Meta.URL != srv.URL+p || doc.Input != srv.URL+p || doc.Fetched.IsZero() {
			t.Errorf("%s: document %+v", p, doc.Meta)
		}
		a, err := extract.Article(doc, extract.Options{})
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !strings.Contains(a.Text, "The café on the corner “reopened”") {
			t.Errorf("%s: text %q", p, a.Text)
		}
	}
}

func TestPageFormats(t *testing.T) {
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	c, _ := testClient(t, Options{IgnoreRobots: true})
	if _, _, err := c.Page(context.Background(), Request{URL: srv.URL + "/x.pdf"}); err == nil || !strings.Contains(err.Error(), "application/pdf") {
		t.Errorf("got %v", err)
	}
}

// A body dripped a byte at a time is cut off by the limit on the whole response.
func TestSlowDrip(t *testing.T) {
	stop := make(chan struct{})
	srv := server(t, nil, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for {
			select {
			case <-stop:
				return
			case <-r.Context().Done():
				return
			case <-time.After(20 * time.Millisecond):
				w.Write([]byte("x"))
				w.(http.Flusher).Flush()
			}
		}
	})
	defer close(stop)
	c, _ := testClient(t, Options{IgnoreRobots: true, Timeout: 300 * time.Millisecond, Retries: -1})
	_, err := c.Get(context.Background(), Request{URL: srv.URL + "/drip"})
	if err == nil || !strings.Contains(err.Error(), "no answer in time") {
		t.Fatalf("got %v", err)
	}
}

// A robots.txt that cannot be read closes its site until it is asked for again, ten minutes on.
func TestRobotsUnreadable(t *testing.T) {
	var h hits
	var down atomic.Bool
	down.Store(true)
	srv := server(t, &h, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" && down.Load() {
			http.Error(w, "down", http.StatusServiceUnavailable)
			return
		}
		page(w, r)
	})
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	c, _ := testClient(t, Options{Now: func() time.Time { return now }})
	ctx := context.Background()
	for range 2 {
		if _, err := c.Get(ctx, Request{URL: srv.URL + "/a"}); err == nil || !strings.Contains(err.Error(), "robots.txt could not be read") {
			t.Fatalf("got %v", err)
		}
	}
	if h.get("/robots.txt") != 1 || h.get("/a") != 0 {
		t.Errorf("robots.txt asked %d times, the page %d; want 1 and 0", h.get("/robots.txt"), h.get("/a"))
	}
	down.Store(false)
	now = now.Add(11 * time.Minute)
	if _, err := c.Get(ctx, Request{URL: srv.URL + "/a"}); err != nil || h.get("/robots.txt") != 2 {
		t.Errorf("after ten minutes: %v, robots.txt asked %d times", err, h.get("/robots.txt"))
	}
}
