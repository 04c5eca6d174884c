// Package web serves crosscheck to browsers and programs: server-rendered pages that work
// without JavaScript, and a JSON API over the same store. Article text is untrusted: every
// page escapes it through html/template and forbids scripts with its Content-Security-Policy.
package web

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/trace"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/render"
)

// Config is how a server runs.
type Config struct {
	Token   string       // writes need it; empty: no writes
	Private bool         // reads need the token too
	MaxBody int64        // the largest request body, in bytes
	Logger  *slog.Logger // structured request logs
	Now     func() time.Time
	// Fetch, when set, fetches the URLs the ingest form is given; without it the form takes none.
	Fetch func(ctx context.Context, url string) (*crosscheck.Document, error)
	// FollowEvery is the time between two rounds of the follow running in the server (serve
	// --follow), for the feeds page to say when each is polled next; 0 when none runs here.
	FollowEvery time.Duration
}

// Store is what the server reads and writes: the pipeline's store, searched and listed.
type Store interface {
	crosscheck.Store
	crosscheck.Searcher
	crosscheck.OutletLister
	crosscheck.Generations
	crosscheck.FeedLister
}

// Server answers the UI's and the API's requests from one store.
type Server struct {
	store  timedStore
	cfg    Config
	mux    *http.ServeMux
	ingest sync.Mutex // one ingest at a time
	list   listCache
	pages  pageCache
	// inFlight counts the requests being answered, for the background work to yield to them
	inFlight atomic.Int64
	reports  *reporter // makes the reports pages ask for, off the request path
	reg      *prometheus.Registry
	reqs     *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	inStore  *prometheus.HistogramVec // of latency, the time spent waiting for the store
	added    *prometheus.CounterVec
}

//go:embed templates/*.html openapi.json
var files embed.FS

var pages = template.Must(template.New("").Funcs(template.FuncMap{
	"pathEscape": url.PathEscape,
	"add":        func(a, b int) int { return a + b },
	"query":      func(v url.Values) string { return v.Encode() },
	// pageURL is a link to a page with a query the server made (encoded, so safe as it is)
	"pageURL": func(path string, v url.Values) template.URL { return template.URL(path + "?" + v.Encode()) },
	"plural":  render.Plural,
	"when":    render.When,
}).ParseFS(files, "templates/*.html"))

// New makes a server over store.
func New(store Store, cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{store: timedStore{store}, cfg: cfg, mux: http.NewServeMux(), reg: prometheus.NewRegistry()}
	s.reports = newReporter(store, cfg.Logger, func() bool { return s.inFlight.Load() > 0 })
	removeStaleUploads()
	s.reqs = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crosscheck_http_requests_total",
		Help: "HTTP requests by route and status code."}, []string{"route", "code"})
	buckets := []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}
	s.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "crosscheck_http_request_duration_seconds",
		Help: "Time to answer a request, by route.", Buckets: buckets}, []string{"route"})
	s.inStore = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "crosscheck_http_request_store_seconds",
		Help: "Of the time to answer a request, the time its calls to the store took, by route.", Buckets: buckets}, []string{"route"})
	s.added = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "crosscheck_ingested_total",
		Help: "Inputs ingested through the server, by status."}, []string{"status"})
	// the runtime's scheduler latencies and GC pauses: the time a request waits for a core
	goRuntime := collectors.NewGoCollector(collectors.WithGoCollectorRuntimeMetrics(collectors.MetricsScheduler, collectors.MetricsGC))
	s.reg.MustRegister(s.reqs, s.latency, s.inStore, s.added, goRuntime,
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "crosscheck_articles", Help: "Articles in the store."}, func() float64 {
			n, _ := store.Count(context.Background())
			return float64(n)
		}))

	if pool, ok := store.(ReaderPool); ok {
		s.reg.MustRegister(readerMetrics(pool)...)
	}
	s.route("GET /{$}", s.read(s.storiesPage))
	s.route("GET /stories/{id}", s.read(s.cached(s.storyPage)))
	s.route("GET /articles/{id}", s.read(s.cached(s.articlePage)))
	s.route("GET /articles/{id}/raw", s.read(s.rawPage))
	s.route("GET /search", s.read(s.cached(s.searchPage)))
	s.route("GET /feeds", s.read(s.feedsPage))
	s.route("GET /ingest", s.read(s.ingestForm))
	s.route("POST /ingest", s.write(s.ingestPage))
	s.route("GET /api/stories", s.read(s.apiStories))
	s.route("GET /api/stories/{id}", s.read(s.cached(s.apiStory)))
	s.route("GET /api/articles/{id}", s.read(s.cached(s.apiArticle)))
	s.route("POST /api/articles", s.write(s.apiIngest))
	s.route("GET /api/search", s.read(s.cached(s.apiSearch)))
	s.route("GET /api/feeds", s.read(s.apiFeeds))
	s.route("GET /api/openapi.json", s.apiOpenAPI)
	s.route("GET /healthz", s.healthz)
	s.route("GET /metrics", s.read(promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}).ServeHTTP))
	return s
}

// Close stops the server's background work: the report being made is finished first.
func (s *Server) Close() { s.reports.close() }

// ServeHTTP answers a request, with the security headers every answer carries.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	if r.ContentLength > s.cfg.MaxBody {
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Errorf("the request is %d bytes; the limit is %d", r.ContentLength, s.cfg.MaxBody))
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxBody)
	s.mux.ServeHTTP(w, r)
}

// route registers a handler, counted and timed under its pattern and logged. A request is a
// task of a runtime trace, named by its route.
func (s *Server) route(pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc(pattern, func(w http.ResponseWriter, r *http.Request) {
		s.inFlight.Add(1)
		defer s.inFlight.Add(-1)
		start := s.cfg.Now()
		ctx, task := trace.NewTask(r.Context(), pattern)
		ctx, tally := withSpent(ctx)
		rec := &recorder{ResponseWriter: w, code: http.StatusOK}
		h(rec, r.WithContext(ctx))
		task.End()
		d := s.cfg.Now().Sub(start)
		s.reqs.WithLabelValues(pattern, strconv.Itoa(rec.code)).Inc()
		s.latency.WithLabelValues(pattern).Observe(d.Seconds())
		s.inStore.WithLabelValues(pattern).Observe(time.Duration(tally.store.Load()).Seconds())
		s.cfg.Logger.LogAttrs(r.Context(), slog.LevelInfo, "request", slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.String("route", pattern), slog.Int("status", rec.code),
			slog.Int64("bytes", rec.bytes), slog.Duration("duration", d))
	})
}

type recorder struct {
	http.ResponseWriter
	code  int
	bytes int64
}

func (r *recorder) WriteHeader(code int) { r.code = code; r.ResponseWriter.WriteHeader(code) }
func (r *recorder) Write(b []byte) (int, error) {
	n, err := r.ResponseWriter.Write(b)
	r.bytes += int64(n)
	return n, err
}

// read guards a handler that only reads: open unless the server is private.
func (s *Server) read(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Private && !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Basic realm="crosscheck", charset="UTF-8"`)
			s.fail(w, r, http.StatusUnauthorized, errors.New("this server is private: give the token (as a Bearer token, or as the password)"))
			return
		}
		h(w, r)
	}
}

// write guards a handler that changes the store: it needs the token, and a browser's request
// from another site is refused whatever credentials it carries (the browser sends a Basic
// login it remembers with any site's form). The token is checked before the body is read: in
// a form, the token is its first field.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.cfg.Token == "" {
			s.fail(w, r, http.StatusForbidden, errors.New("writes are off: start crosscheck serve with --token or CROSSCHECK_TOKEN"))
			return
		}
		if s.store.ReadOnly() {
			s.fail(w, r, http.StatusForbidden, errors.New("writes are off: the store is read-only (serve it with write access to its file and folder to take articles)"))
			return
		}
		if crossSite(r) {
			s.fail(w, r, http.StatusForbidden, errors.New("a write from another site's page is refused"))
			return
		}
		if !s.authorized(r) && !s.formTokenFirst(r) {
			msg := "writes need the token"
			if !strings.HasPrefix(r.URL.Path, "/api/") {
				// the form was not read: what was typed is still in it, one step back
				msg += ": go back (the browser keeps what you pasted), give the token and send again"
			}
			s.fail(w, r, http.StatusUnauthorized, errors.New(msg))
			return
		}
		h(w, r)
	}
}

// crossSite reports a request a browser sent from another site's page: its Sec-Fetch-Site says
// so or, from a browser that sends none, its Origin is not this server's. (A page served with
// this server's strict policy posts with Origin "null" and Sec-Fetch-Site "same-origin".)
func crossSite(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return true
	case "same-origin", "none":
		return false
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return false // not a browser's cross-origin request: curl, scripts, the API's clients
	}
	u, err := url.Parse(origin)
	return err != nil || u.Host != r.Host
}

// formTokenFirst reads the token from a multipart form whose first field is "token", before
// any other part is read; when it is right, the rest of the form is parsed for the handler
// (within the body limit), as ParseMultipartForm would.
func (s *Server) formTokenFirst(r *http.Request) bool {
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/form-data") {
		return false
	}
	mr, err := r.MultipartReader()
	if err != nil {
		return false
	}
	part, err := mr.NextPart()
	if err != nil || part.FormName() != "token" {
		return false
	}
	given, err := io.ReadAll(io.LimitReader(part, 1<<10))
	if err != nil || subtle.ConstantTimeCompare(given, []byte(s.cfg.Token)) != 1 {
		return false
	}
	form, err := mr.ReadForm(8 << 20)
	if err != nil {
		return false
	}
	form.Value["token"] = []string{string(given)}
	r.MultipartForm = form
	r.Form, r.PostForm = url.Values(form.Value), url.Values(form.Value)
	return true
}

// authorized reports a request that carries the token: as a Bearer token, as the password of
// Basic authentication, or (for the ingest form) as the form field "token".
func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return false
	}
	var given string
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		given = strings.TrimPrefix(auth, "Bearer ")
	} else if _, p, ok := r.BasicAuth(); ok {
		given = p
	}
	return subtle.ConstantTimeCompare([]byte(given), []byte(s.cfg.Token)) == 1
}

// fail answers with an error: JSON for the API, a page for people.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, code int, err error) {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		code, err = http.StatusRequestEntityTooLarge, fmt.Errorf("the request is over the limit of %d bytes", tooBig.Limit)
	}
	if code >= 500 {
		s.cfg.Logger.Error("request failed", slog.String("path", r.URL.Path), slog.String("error", err.Error()))
	}
	if strings.HasPrefix(r.URL.Path, "/api/") || r.URL.Path == "/metrics" || r.URL.Path == "/healthz" {
		writeJSON(w, code, map[string]string{"error": err.Error()})
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	pages.ExecuteTemplate(w, "error.html", map[string]any{"Code": code, "Status": http.StatusText(code), "Error": err.Error()})
}

// storeError answers a store's error: 404 when what was asked for is not there.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, crosscheck.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, err)
		return
	}
	s.fail(w, r, http.StatusInternalServerError, err)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	n, err := s.store.Count(ctx)
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "store unavailable", "error": err.Error()})
		return
	}
	if s.cfg.Private && !s.authorized(r) {
		writeJSON(w, http.StatusOK, map[string]any{"status": "ok"}) // a private store's size is not for everyone
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": n})
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	b, _ := files.ReadFile("openapi.json")
	w.Header().Set("Content-Type", "application/json")
	w.Write(b)
}

// page reads the limit and offset of a list: at most 200, 50 when not given.
func page(r *http.Request) (limit, offset int) {
	limit, offset = 50, 0
	if n, err := strconv.Atoi(r.URL.Query().Get("limit")); err == nil && n > 0 {
		limit = min(n, 200)
	}
	if n, err := strconv.Atoi(r.URL.Query().Get("offset")); err == nil && n > 0 {
		offset = n
	}
	return limit, offset
}
