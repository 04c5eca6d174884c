package fetch

import (
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Options tune a Client. The zero value of a field takes the default's.
type Options struct {
	// AllowPrivate turns the guard off, for intranets and tests.
	AllowPrivate bool
	// UserAgent is sent with every request; its first word is the token robots.txt is read for.
	UserAgent string
	// DialTimeout, TLSTimeout and HeaderTimeout bound connecting, the TLS handshake and the
	// wait for the response's headers; Timeout bounds the whole exchange, body included.
	DialTimeout, TLSTimeout, HeaderTimeout, Timeout time.Duration
	// MaxBytes is the largest body read, after decompression.
	MaxBytes int64
	// MaxRedirects is how many redirects one request follows.
	MaxRedirects int
	// Retries is how many times a 5xx or 429 answer is asked again; -1 for none.
	Retries int
	// Backoff is the wait before the first retry; it doubles with each further one.
	Backoff time.Duration
	// MaxWait is the longest Retry-After honoured; an answer asking for longer fails.
	MaxWait time.Duration
	// Delay is the least time between two requests to one host; -1 for none. A longer
	// Crawl-delay in the site's robots.txt wins.
	Delay time.Duration
	// IgnoreRobots skips robots.txt (for a user's own list of pages on an intranet).
	IgnoreRobots bool
	// Lookup resolves a host name; nil for the system resolver. Tests give their own.
	Lookup func(ctx context.Context, host string) ([]netip.Addr, error)
	// Sleep waits d or until ctx is done; nil for a timer. Tests count the waits instead.
	Sleep func(ctx context.Context, d time.Duration) error
	// Now is the clock; nil for time.Now.
	Now func() time.Time
}

// DefaultOptions are a careful crawler's.
var DefaultOptions = Options{
	UserAgent:     "crosscheck/1.0 (+https://github.com/crosscheck/crosscheck; news cross-checking)",
	DialTimeout:   10 * time.Second,
	TLSTimeout:    10 * time.Second,
	HeaderTimeout: 20 * time.Second,
	Timeout:       60 * time.Second,
	MaxBytes:      16 << 20,
	MaxRedirects:  10,
	Retries:       3,
	Backoff:       2 * time.Second,
	MaxWait:       2 * time.Minute,
	Delay:         time.Second,
}

func (o *Options) defaults() {
	d := DefaultOptions
	if o.UserAgent == "" {
		o.UserAgent = d.UserAgent
	}
	for _, f := range []struct{ v, def *time.Duration }{
		{&o.DialTimeout, &d.DialTimeout}, {&o.TLSTimeout, &d.TLSTimeout}, {&o.HeaderTimeout, &d.HeaderTimeout},
		{&o.Timeout, &d.Timeout}, {&o.Backoff, &d.Backoff}, {&o.MaxWait, &d.MaxWait}, {&o.Delay, &d.Delay},
	} {
		if *f.v == 0 {
			*f.v = *f.def
		}
	}
	if o.Delay < 0 {
		o.Delay = 0
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = d.MaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = d.MaxRedirects
	}
	switch {
	case o.Retries == 0:
		o.Retries = d.Retries
	case o.Retries < 0:
		o.Retries = 0
	}
	if o.Lookup == nil {
		o.Lookup = systemLookup
	}
	if o.Sleep == nil {
		o.Sleep = Sleep
	}
	if o.Now == nil {
		o.Now = time.Now
	}
}

// Sleep waits d, or until ctx is done and returns its error.
func Sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// Client fetches over one shared HTTP client. It is safe for concurrent use.
type Client struct {
	opts     Options
	dialer   *dialer
	http     *http.Client
	agent    string // the robots.txt token
	mu       sync.Mutex
	hosts    map[string]*host
	requests atomic.Int64
}

// host is what the client keeps per scheme and host: the one-at-a-time slot, when the next
// request may go, and the site's robots.txt.
type host struct {
	slot      chan struct{}
	next      time.Time
	robots    *Robots
	robotsErr error
	robotsAt  time.Time
}

// robotsTTL is how long a robots.txt is trusted, and robotsRetry how long one that could not
// be read keeps its site closed before it is asked for again.
const (
	robotsTTL   = 24 * time.Hour
	robotsRetry = 10 * time.Minute
)

// New returns a client.
func New(opts Options) *Client {
	opts.defaults()
	d := &dialer{net: net.Dialer{Timeout: opts.DialTimeout, KeepAlive: 30 * time.Second}, lookup: opts.Lookup, allowPrivate: opts.AllowPrivate}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect for us, past the guard
		DialContext:           d.dialContext,
		TLSHandshakeTimeout:   opts.TLSTimeout,
		ResponseHeaderTimeout: opts.HeaderTimeout,
		ExpectContinueTimeout: time.Second,
		IdleConnTimeout:       90 * time.Second,
		MaxIdleConnsPerHost:   2,
		ForceAttemptHTTP2:     true,
	}
	c := &Client{opts: opts, dialer: d, hosts: map[string]*host{}}
	c.agent, _, _ = strings.Cut(opts.UserAgent, "/")
	c.http = &http.Client{
		Transport: tr,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s: %w", req.URL.Redacted(), ErrScheme)
			}
			for _, v := range via {
				if v.URL.String() == req.URL.String() {
					return fmt.Errorf("a redirect loop (%s again after %d redirects)", req.URL.Redacted(), len(via))
				}
			}
			if len(via) >= opts.MaxRedirects {
				return fmt.Errorf("stopped after %d redirects", len(via))
			}
			return nil
		},
	}
	return c
}

// Requests returns how many HTTP requests the client has sent, robots.txt included.
func (c *Client) Requests() int64 { return c.requests.Load() }

// Request is one GET, conditional when ETag or LastModified is set.
type Request struct {
	URL          string
	ETag         string
	LastModified string
	Accept       string // the Accept header; empty for pages
}

// Response is a fetched resource.
type Response struct {
	URL          string // the normalised URL asked for
	Final        string // the normalised URL that answered, after redirects
	Status       int
	NotModified  bool // a conditional GET answered 304: Body is empty
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte
	Fetched      time.Time
}

// HTTPError is an answer that is not a success.
type HTTPError struct {
	Status int
	Reason string // more than the status line says, when there is more
}

func (e *HTTPError) Error() string {
	s := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Reason != "" {
		s += ": " + e.Reason
	}
	return s
}

// ErrRobots is wrapped by the error for a URL the site's robots.txt disallows.
var ErrRobots = errors.New("disallowed by the site's robots.txt")

// ErrTooLarge is wrapped by the error for a body over the size limit.
var ErrTooLarge = errors.New("too large")

// Get fetches one URL: robots.txt first (once per host and day), then the URL under the
// host's politeness, asked again after a 5xx or 429 with a growing wait or the one
// Retry-After names.
func (c *Client) Get(ctx context.Context, req Request) (*Response, error) {
	norm, err := Normalize(req.URL)
	if err != nil {
		return nil, err
	}
	u, _ := url.Parse(norm)
	h := c.host(u)
	if !c.opts.IgnoreRobots {
		rb, err := c.robotsFor(ctx, h, u)
		if err != nil {
			return nil, err
		}
		if !rb.Allowed(u.RequestURI()) {
			return nil, fmt.Errorf("%w (%s)", ErrRobots, u.RequestURI())
		}
	}
	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, h, norm, req)
		var he *HTTPError
		if err == nil || !errors.As(err, &he) || !retryable(he.Status) || attempt >= c.opts.Retries {
			if err != nil && he != nil && retryable(he.Status) && attempt > 0 {
				err = fmt.Errorf("%w (after %d tries)", err, attempt+1)
			}
			if err != nil {
				return nil, err
			}
			return resp.Response, nil
		}
		wait := c.opts.Backoff << attempt
		if resp != nil && resp.retryAfter > 0 {
			wait = resp.retryAfter
		}
		if wait > c.opts.MaxWait {
			return nil, fmt.Errorf("%w; the site asks to wait %s, longer than %s", err, wait.Round(time.Second), c.opts.MaxWait)
		}
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
}

func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500 && status != http.StatusNotImplemented
}

func (c *Client) host(u *url.URL) *host {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{slot: make(chan struct{}, 1)}
		c.hosts[key] = h
	}
	return h
}

// robotsFor returns the host's robots.txt rules, fetching them when not cached. A robots.txt
// that is missing (4xx) allows everything; one that cannot be read (5xx, no answer) allows
// nothing until it can be (RFC 9309, 2.3.1.4).
func (c *Client) robotsFor(ctx context.Context, h *host, u *url.URL) (*Robots, error) {
	c.mu.Lock()
	rb, rerr, at := h.robots, h.robotsErr, h.robotsAt
	c.mu.Unlock()
	ttl := robotsTTL
	if rerr != nil {
		ttl = robotsRetry
	}
	if (rb != nil || rerr != nil) && c.opts.Now().Sub(at) < ttl {
		return rb, rerr
	}
	target := u.Scheme + "://" + u.Host + "/robots.txt"
	resp, err := c.once(ctx, h, target, Request{URL: target, Accept: "text/plain"})
	var he *HTTPError
	switch {
	case err == nil:
		rb = ParseRobots(resp.Body, c.agent)
	case errors.As(err, &he) && he.Status >= 400 && he.Status < 500:
		rb, err = &Robots{}, nil
	case errors.Is(err, context.Canceled), errors.Is(err, ErrRefused):
		return nil, err
	default:
		rb, err = nil, fmt.Errorf("robots.txt could not be read, so the site is not fetched: %w", err)
	}
	c.mu.Lock()
	h.robots, h.robotsErr, h.robotsAt = rb, err, c.opts.Now()
	c.mu.Unlock()
	return rb, err
}

// response is a Response with what the client reads from it for retrying.
type response struct {
	*Response
	retryAfter time.Duration
}

// once sends one request in the host's slot, after the host's delay.
func (c *Client) once(ctx context.Context, h *host, target string, req Request) (*response, error) {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-h.slot }()
	if wait := h.next.Sub(c.opts.Now()); wait > 0 {
		if err := c.opts.Sleep(ctx, wait); err != nil {
			return nil, err
		}
	}
	defer func() {
		delay := c.opts.Delay
		c.mu.Lock()
		if h.robots != nil && h.robots.Delay > delay {
			delay = h.robots.Delay
		}
		c.mu.Unlock()
		h.next = c.opts.Now().Add(delay)
	}()
	return c.send(ctx, target, req)
}

func (c *Client) send(ctx context.Context, target string, req Request) (*response, error) {
	hreq, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	hreq.Header.Set("User-Agent", c.opts.UserAgent)
	hreq.Header.Set("Accept-Encoding", "gzip, deflate")
	accept := req.Accept
	if accept == "" {
		accept = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"
	}
	hreq.Header.Set("Accept", accept)
	if req.ETag != "" {
		hreq.Header.Set("If-None-Match", req.ETag)
	}
	if req.LastModified != "" {
		hreq.Header.Set("If-Modified-Since", req.LastModified)
	}
	c.requests.Add(1)
	resp, err := c.http.Do(hreq)
	if err != nil {
		return nil, c.explain(err)
	}
	defer resp.Body.Close()
	out := &response{Response: &Response{
		URL:          target,
		Final:        target,
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
		Fetched:      c.opts.Now().UTC(),
	}}
	if final, err := Normalize(resp.Request.URL.String()); err == nil {
		out.Final = final
	}
	switch {
	case resp.StatusCode == http.StatusNotModified && (req.ETag != "" || req.LastModified != ""):
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		out.retryAfter = retryAfter(resp.Header.Get("Retry-After"), c.opts.Now())
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10)) // so the connection can be reused
		return out, &HTTPError{Status: resp.StatusCode}
	}
	if resp.ContentLength > c.opts.MaxBytes {
		return nil, fmt.Errorf("%w: %d bytes, the limit is %d", ErrTooLarge, resp.ContentLength, c.opts.MaxBytes)
	}
	body, err := decompress(resp)
	if err != nil {
		return nil, err
	}
	size := int64(-1) // the body's length, when the server said it and sends it as it is
	if body == resp.Body {
		size = resp.ContentLength
	}
	raw, err := readAll(body, size, c.opts.MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("reading the body: %w", c.explain(err))
	}
	if int64(len(raw)) > c.opts.MaxBytes {
		return nil, fmt.Errorf("%w: over %d bytes", ErrTooLarge, c.opts.MaxBytes)
	}
	out.Body = raw
	return out, nil
}

// readAll reads r to its end, or to one byte past limit. A body whose length is known
// (size, else -1) is read into one buffer of that length and a byte, so that a page is not
// copied from buffer to ever larger buffer as it comes; one longer than it said is read on.
func readAll(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size > limit {
		return io.ReadAll(io.LimitReader(r, limit+1))
	}
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		switch {
		case err == io.EOF:
			return b, nil
		case err != nil:
			return b, err
		case len(b) == cap(b):
			rest, err := io.ReadAll(io.LimitReader(r, limit+1-int64(len(b))))
			return append(b, rest...), err
		}
	}
}

// decompress reads the body in its Content-Encoding.
func decompress(resp *http.Response) (io.Reader, error) {
	switch enc := strings.ToLower(strings.TrimSpace(resp.Header.Get("Content-Encoding"))); enc {
	case "", "identity":
		return resp.Body, nil
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("a gzip body that cannot be read: %w", err)
		}
		return zr, nil
	case "deflate":
		// HTTP's deflate is zlib-wrapped (RFC 9110), but some servers send the raw stream.
		br := &peekReader{r: resp.Body}
		if zr, err := zlib.NewReader(br); err == nil {
			return zr, nil
		}
		return flate.NewReader(br.replay()), nil
	default:
		return nil, fmt.Errorf("the body is in an encoding crosscheck does not read (%s)", enc)
	}
}

// peekReader remembers what was read so that it can be read again by another decoder.
type peekReader struct {
	r    io.Reader
	seen []byte
}

func (p *peekReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.seen = append(p.seen, b[:n]...)
	return n, err
}

func (p *peekReader) replay() io.Reader {
	return io.MultiReader(strings.NewReader(string(p.seen)), p.r)
}

// retryAfter reads a Retry-After header: seconds, or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		if d := t.Sub(now); d > 0 {
			return d
		}
	}
	return 0
}

// explain turns a transport error into its reason: the guard's refusal, a timeout, or the
// network's own words, without the "Get URL:" the item already says.
func (c *Client) explain(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	switch {
	case errors.Is(err, ErrRefused), errors.Is(err, context.Canceled):
		return err
	case errors.As(err, &ne) && ne.Timeout():
		return fmt.Errorf("no answer in time (the limit is %s for the whole response, %s for the headers)", c.opts.Timeout, c.opts.HeaderTimeout)
	}
	return err
}
