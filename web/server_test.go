package web_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/group"
	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/pipeline"
	"github.com/crosscheck/crosscheck/sqlite"
	"github.com/crosscheck/crosscheck/web"
)

// newServer serves a real SQLite store holding the seeds.
func newServer(t *testing.T, cfg web.Config) *httptest.Server {
	t.Helper()
	return serveCorpus(t, cfg, corpus.Path(t, "seeds"))
}

// newDemoServer serves a real SQLite store holding the demo corpus built into the binary, for
// the tests that must run everywhere: tokens, limits, escaping.
func newDemoServer(t testing.TB, cfg web.Config) *httptest.Server {
	t.Helper()
	dir := t.TempDir()
	if err := demo.WriteTo(dir); err != nil {
		t.Fatal(err)
	}
	return serveCorpus(t, cfg, dir)
}

// serveCorpus ingests and groups a directory into a new store and serves it.
func serveCorpus(t testing.TB, cfg web.Config, dir string) *httptest.Server {
	t.Helper()
	ctx := context.Background()
	store, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "web.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	opts := group.DefaultOptions
	// the reports made as `crosscheck ingest --reports` makes them: the server only reads them
	if _, err := pipeline.Run(ctx, ingest.Read(ctx, []string{dir}, ingest.Options{Now: time.Now}), store,
		pipeline.Options{Group: &opts, Reports: true}); err != nil {
		t.Fatal(err)
	}
	h := web.New(store, cfg)
	srv := httptest.NewServer(h)
	t.Cleanup(func() { srv.Close(); h.Close() })
	return srv
}

func get(t *testing.T, url string, header ...string) (int, http.Header, string) {
	t.Helper()
	return do(t, "GET", url, "", "", header...)
}

func post(t *testing.T, url, contentType, body string, header ...string) (int, string) {
	t.Helper()
	code, _, b := do(t, "POST", url, contentType, body, header...)
	return code, b
}

func do(t *testing.T, method, url, contentType, body string, header ...string) (int, http.Header, string) {
	t.Helper()
	req, _ := http.NewRequest(method, url, strings.NewReader(body))
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(b)
}

func TestStoriesAndReport(t *testing.T) {
	srv := newServer(t, web.Config{})
	code, _, body := get(t, srv.URL+"/api/stories")
	var list struct {
		Total   int
		Stories []struct {
			ID        string
			Articles  int
			Conflicts int
			URL       string
		}
	}
	if err := json.Unmarshal([]byte(body), &list); code != 200 || err != nil {
		t.Fatalf("GET /api/stories: %d %v\n%s", code, err, body)
	}
	if list.Total != 1 || len(list.Stories) != 1 || list.Stories[0].Articles != 5 || list.Stories[0].Conflicts < 3 {
		t.Fatalf("want the one seed story of 5 articles with its conflicts, got %+v", list)
	}
	code, _, body = get(t, srv.URL+"/api/stories/"+list.Stories[0].ID)
	var rep struct {
		Facts []struct {
			Verdict string
			Values  []struct{ Value string }
		}
	}
	if err := json.Unmarshal([]byte(body), &rep); code != 200 || err != nil {
		t.Fatalf("GET report: %d %v", code, err)
	}
	found := false
	for _, f := range rep.Facts {
		if f.Verdict == "conflict" && len(f.Values) == 2 && strings.HasPrefix(f.Values[0].Value+f.Values[1].Value, "28") {
			found = true
		}
	}
	if !found {
		t.Errorf("the report has no 28-against-27 conflict:\n%s", body)
	}
	code, h, page := get(t, srv.URL+list.Stories[0].URL)
	if code != 200 || !strings.Contains(page, "27 points") || !strings.Contains(page, "All stories") || !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("story page: %d, CSP %q", code, h.Get("Content-Security-Policy"))
	}
	code, _, page = get(t, srv.URL+"/")
	if code != 200 || !strings.Contains(page, list.Stories[0].URL) {
		t.Errorf("the story list does not link the story: %d", code)
	}
	code, _, page = get(t, srv.URL+"/?q=Ushakov&from=2025-12-01")
	if code != 200 || !strings.Contains(page, list.Stories[0].URL) {
		t.Errorf("search and date filter lose the story: %d", code)
	}
	code, _, page = get(t, srv.URL+"/?q=zzzunknownword")
	if code != 200 || strings.Contains(page, list.Stories[0].URL) {
		t.Errorf("a search for nothing lists the story: %d", code)
	}
	if code, _, _ := get(t, srv.URL+"/api/stories/no-such-story"); code != 404 {
		t.Errorf("unknown story: %d, want 404", code)
	}
	code, _, body = get(t, srv.URL+"/api/search?q=Witkoff+Kremlin")
	if code != 200 || !strings.Contains(body, `"total":`) || strings.Contains(body, `"total": 0`) {
		t.Errorf("search: %d %s", code, body)
	}
	code, _, page = get(t, srv.URL+"/articles/003_19817d5f41e8f76a")
	if code != 200 || !strings.Contains(page, `<mark class="quote"`) || !strings.Contains(page, `<mark class="number"`) {
		t.Errorf("article page without highlights: %d", code)
	}
}

func TestWritesNeedTheToken(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	rec := `{"id":"t-1","title":"Ferry strike","text":"Ferry workers walked out on Monday.","source":"Test Wire","date":"2026-01-05"}`
	if code, _ := post(t, srv.URL+"/api/articles", "application/json", rec); code != 401 {
		t.Errorf("no token: %d, want 401", code)
	}
	if code, _ := post(t, srv.URL+"/api/articles", "application/json", rec, "Authorization", "Bearer wrong"); code != 401 {
		t.Errorf("wrong token: %d, want 401", code)
	}
	code, body := post(t, srv.URL+"/api/articles", "application/x-ndjson", rec+"\n{not json\n", "Authorization", "Bearer s3cret")
	if code != 207 || !strings.Contains(body, `"status": "added"`) || !strings.Contains(body, `"status": "error"`) {
		t.Fatalf("a good and a bad record: %d %s", code, body)
	}
	if code, _, body := get(t, srv.URL+"/api/articles/t-1"); code != 200 || !strings.Contains(body, "Ferry workers") {
		t.Errorf("the ingested article: %d %s", code, body)
	}
	closed := newDemoServer(t, web.Config{})
	if code, _ := post(t, closed.URL+"/api/articles", "application/json", rec, "Authorization", "Bearer s3cret"); code != 403 {
		t.Errorf("a server without a token takes writes: %d", code)
	}
}

func TestLimitsAndPrivate(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret", Private: true, MaxBody: 1 << 10})
	if code, _, _ := get(t, srv.URL+"/api/stories"); code != 401 {
		t.Errorf("private read without the token: %d", code)
	}
	if code, _, _ := get(t, srv.URL+"/api/stories", "Authorization", "Basic "+basic("reader", "s3cret")); code != 200 {
		t.Errorf("private read with the token as password: %d", code)
	}
	big := `{"id":"big","title":"x","text":"` + strings.Repeat("word ", 1000) + `"}`
	if code, body := post(t, srv.URL+"/api/articles", "application/json", big, "Authorization", "Bearer s3cret"); code != 413 {
		t.Errorf("a body over the limit: %d %s", code, body)
	}
	if code, _, body := get(t, srv.URL+"/healthz"); code != 200 || strings.Contains(body, "articles") {
		t.Errorf("healthz of a private server, without the token: %d %s", code, body)
	}
	code, _, body := get(t, srv.URL+"/api/openapi.json")
	var doc struct{ Paths map[string]any }
	if err := json.Unmarshal([]byte(body), &doc); code != 200 || err != nil || doc.Paths["/api/stories/{id}"] == nil {
		t.Errorf("openapi: %d %v", code, err)
	}
	code, _, body = get(t, srv.URL+"/metrics", "Authorization", "Bearer s3cret")
	if code != 200 || !strings.Contains(body, `crosscheck_http_requests_total{code="200",route="GET /api/stories"} 1`) || !strings.Contains(body, "crosscheck_articles 6") {
		t.Errorf("metrics: %d\n%s", code, body)
	}
	// the time in the store, route by route, and the runtime's scheduling latency beside it
	if !strings.Contains(body, `crosscheck_http_request_store_seconds_count{route="GET /api/stories"} 2`) || // the one refused too
		strings.Contains(body, `crosscheck_http_request_store_seconds_sum{route="GET /api/stories"} 0`+"\n") ||
		!strings.Contains(body, "go_sched_latencies_seconds_bucket") || !strings.Contains(body, "crosscheck_store_reader_wait_seconds_total") {
		t.Errorf("metrics: no time in the store, or no scheduling latency:\n%s", body)
	}
}

func basic(user, pass string) string {
	req, _ := http.NewRequest("GET", "/", nil)
	req.SetBasicAuth(user, pass)
	return strings.TrimPrefix(req.Header.Get("Authorization"), "Basic ")
}

// payload is what the tests put in every field of an article: markup that would run a script
// if a page let it through.
const payload = `<script>window.pwned=1</script><img src=x onerror="window.pwned=2"><svg onload="window.pwned=3">`

// payloadPages are the pages that show the articles ingestPayloads stores.
var payloadPages = []string{"/", "/articles/xss-1", "/articles/xss-2", "/stories/xss-1", "/search?q=Kremlin+talks", "/?q=alert"}

// ingestPayloads stores two articles of one story with the payload in every field.
func ingestPayloads(t *testing.T, srv *httptest.Server, token string) {
	t.Helper()
	var recs bytes.Buffer
	for i, id := range []string{"xss-1", "xss-2"} {
		json.NewEncoder(&recs).Encode(map[string]string{"id": id, "title": "Kremlin talks " + payload, "source": "Outlet " + payload,
			"author": payload, "url": "javascript:window.pwned=4", "date": "2025-12-03",
			"text": "Putin met Witkoff in the Kremlin for five hours on Tuesday. " + payload + ` "We are ready ` + payload + `," said Yuri Ushakov. It had 28 points.` +
				map[bool]string{true: " A second outlet printed it too."}[i == 1]})
	}
	if code, body := post(t, srv.URL+"/api/articles", "application/json", recs.String(), "Authorization", "Bearer "+token); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
}

// Article text is untrusted: a script in any field comes out escaped on every page.
func TestPayloadsAreEscaped(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	ingestPayloads(t, srv, "s3cret")
	waitForReport(t, srv, "/stories/xss-1") // made in the background after the ingest
	for _, path := range payloadPages {
		code, h, page := get(t, srv.URL+path)
		if code != 200 {
			t.Errorf("%s: %d", path, code)
			continue
		}
		if strings.Contains(page, "<script") || strings.Contains(page, "<img") || strings.Contains(page, "<svg onload") || strings.Contains(page, `href="javascript:`) {
			t.Errorf("%s: a payload is not escaped", path)
		}
		if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
			t.Errorf("%s: no CSP", path)
		}
	}
	code, h, raw := get(t, srv.URL+"/articles/xss-1/raw")
	if code != 200 || !strings.HasPrefix(h.Get("Content-Type"), "text/plain") || h.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(raw, "<script>") {
		t.Errorf("raw source: %d %q", code, h.Get("Content-Type"))
	}
}

// seedArticle returns the title and text of the first seed article.
func seedArticle(t *testing.T) (title, text string) {
	t.Helper()
	seed, err := os.ReadFile(corpus.Path(t, "seeds/000_6f7de8062ea9ba3a.txt"))
	if err != nil {
		t.Fatal(err)
	}
	title, text, _ = strings.Cut(string(seed), "\n")
	return title, text
}

// The story list's numbers follow the store: an article that joins a story is counted at
// once, and so is one stored by another process.
func TestStoryListFollowsTheStore(t *testing.T) {
	srv := newServer(t, web.Config{Token: "s3cret"})
	count := func() (int, int) {
		t.Helper()
		_, _, body := get(t, srv.URL+"/api/stories")
		var list struct {
			Total   int
			Stories []struct{ Articles int }
		}
		if err := json.Unmarshal([]byte(body), &list); err != nil || len(list.Stories) == 0 {
			t.Fatalf("%v: %s", err, body)
		}
		n := 0
		for _, s := range list.Stories {
			n += s.Articles
		}
		return list.Total, n
	}
	if stories, articles := count(); stories != 1 || articles != 5 {
		t.Fatalf("before: %d stories, %d articles", stories, articles)
	}
	title, text := seedArticle(t)
	rec, _ := json.Marshal(map[string]string{"id": "seed-copy", "title": title, "text": "Reprinted. " + text, "date": "2025-12-03"})
	if code, body := post(t, srv.URL+"/api/articles", "application/json", string(rec), "Authorization", "Bearer s3cret"); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	if stories, articles := count(); stories != 1 || articles != 6 {
		t.Errorf("after a copy joined the story: %d stories, %d articles; want 1 and 6", stories, articles)
	}
}

// waitForReport asks for a story's report until the server has made it in the background.
func waitForReport(t *testing.T, srv *httptest.Server, story string) {
	t.Helper()
	for range 600 {
		code, _, _ := get(t, srv.URL+"/api"+story)
		if code == 200 {
			return
		}
		if code != 202 {
			t.Fatalf("%s: %d while its report is made", story, code)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: the report was not made", story)
}

// A page asks only for the stored report: a story whose report is not made yet answers that it
// is being made (202, with Retry-After), and the report comes from the background.
func TestReportsAreMadeOffTheRequestPath(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	rec := `{"id":"late-1","title":"Ferry strike","text":"Ferry workers walked out on Monday, the union said.","source":"Test Wire","date":"2026-01-05"}`
	if code, body := post(t, srv.URL+"/api/articles", "application/json", rec, "Authorization", "Bearer s3cret"); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	code, h, body := get(t, srv.URL+"/api/stories/late-1")
	if code == 202 {
		if h.Get("Retry-After") == "" || !strings.Contains(body, "being made") {
			t.Errorf("a report not made yet: %d %q %s", code, h.Get("Retry-After"), body)
		}
		if code, _, page := get(t, srv.URL+"/stories/late-1"); code != 202 && code != 200 || code == 202 && !strings.Contains(page, "being made") {
			t.Errorf("the story page while its report is made: %d", code)
		}
	} else if code != 200 {
		t.Fatalf("the new story: %d %s", code, body)
	}
	waitForReport(t, srv, "/stories/late-1")
	if code, _, page := get(t, srv.URL+"/stories/late-1"); code != 200 || !strings.Contains(page, "Ferry") {
		t.Errorf("the story page once its report is made: %d", code)
	}
}

// A big story's page shows its articles side by side ten at a time, and lists the copies of
// one text as a tree rather than every pair.
func TestBigStoryPage(t *testing.T) {
	srv := newServer(t, web.Config{Token: "s3cret"})
	title, text := seedArticle(t)
	var recs bytes.Buffer
	for i := range 12 {
		json.NewEncoder(&recs).Encode(map[string]string{"id": fmt.Sprintf("copy-%02d", i), "title": title,
			"text": fmt.Sprintf("Reprint %d. %s", i, text), "date": "2025-12-04", "source": fmt.Sprintf("Outlet %d", i)})
	}
	if code, body := post(t, srv.URL+"/api/articles", "application/json", recs.String(), "Authorization", "Bearer s3cret"); code != 200 {
		t.Fatalf("ingest: %d %s", code, body)
	}
	const story = "/stories/000_6f7de8062ea9ba3a"
	waitForReport(t, srv, story)
	_, _, page := get(t, srv.URL+story)
	if !strings.Contains(page, "Articles 1–10 of 17") || !strings.Contains(page, `href="?articles=10#articles"`) {
		t.Errorf("the first page of articles is not marked as such")
	}
	if n := strings.Count(page, `<section class="article"`); n != 10 {
		t.Errorf("%d articles side by side, want 10", n)
	}
	_, _, page = get(t, srv.URL+story+"?articles=10")
	if !strings.Contains(page, "Articles 11–17 of 17") || strings.Count(page, `<section class="article"`) != 7 {
		t.Errorf("the second page of articles is wrong")
	}
	_, _, body := get(t, srv.URL+"/api"+story)
	var rep struct {
		Derived []struct{ Articles [2]string }
	}
	if err := json.Unmarshal([]byte(body), &rep); err != nil {
		t.Fatal(err)
	}
	// 13 copies of one text and a rewrite of it: a tree has 13 links; every pair would be 91.
	if len(rep.Derived) < 13 || len(rep.Derived) > 16 {
		t.Errorf("%d derived pairs, want a tree over the family of 14", len(rep.Derived))
	}
}

// An uploaded file gets the id the command line gives the same file: its name without the
// extension.
func TestUploadKeepsTheFileID(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, name := range []string{"harbour-crane.txt", "ferry.txt"} {
		w, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(w, "%s\nA crane fell in the harbour on Monday.", name)
	}
	mw.Close()
	code, out := post(t, srv.URL+"/api/articles", mw.FormDataContentType(), body.String(), "Authorization", "Bearer s3cret")
	if code != 200 || !strings.Contains(out, `"id": "harbour-crane"`) || !strings.Contains(out, `"id": "ferry"`) {
		t.Errorf("upload: %d %s", code, out)
	}
}

// A file uploaded again beside a new file of its name of another extension keeps its id, as
// on the command line: the new file takes its name with the extension, wherever it sorts.
func TestUploadKeepsTheIDOfTheFileThatHadIt(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	upload := func(files ...string) string {
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		for _, name := range files {
			w, err := mw.CreateFormFile("files", name)
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(w, "%s\nThe %s ferry sailed late on Monday, the port said.", name, name)
		}
		mw.Close()
		code, out := post(t, srv.URL+"/api/articles", mw.FormDataContentType(), body.String(), "Authorization", "Bearer s3cret")
		if code != 200 {
			t.Fatalf("upload %v: %d %s", files, code, out)
		}
		return out
	}
	upload("story.TXT")
	out := upload("story.HTML", "story.TXT")
	if !strings.Contains(out, `"id": "story.HTML"`) || strings.Contains(out, `"id": "story~2"`) {
		t.Errorf("second upload: %s", out)
	}
	code, _, page := get(t, srv.URL+"/api/articles/story")
	if code != 200 || !strings.Contains(page, `"revision": 1`) || !strings.Contains(page, "story.TXT") {
		t.Errorf("the article story: %d %.300s", code, page)
	}
}

// countingReader counts the bytes read from it.
type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

// A write from another site's page is refused whatever it carries; a form's token is checked
// before the rest of the body is read; a Basic login remembered by the browser does not let
// another site write.
func TestWritesRefuseOtherSitesAndCheckTheTokenFirst(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret", Private: true})
	rec := `{"id":"csrf-1","title":"Planted","text":"Planted by another site."}`
	for _, h := range [][]string{
		{"Sec-Fetch-Site", "cross-site", "Authorization", "Basic " + basic("reader", "s3cret")},
		{"Origin", "http://evil.example", "Authorization", "Bearer s3cret"},
	} {
		if code, _ := post(t, srv.URL+"/api/articles", "application/json", rec, h...); code != 403 {
			t.Errorf("%v: %d, want 403", h, code)
		}
	}
	if code, _, _ := get(t, srv.URL+"/api/articles/csrf-1", "Authorization", "Bearer s3cret"); code != 404 {
		t.Errorf("the planted article is stored: %d", code)
	}
	if code, _ := post(t, srv.URL+"/api/articles", "application/json", rec, "Sec-Fetch-Site", "same-origin", "Authorization", "Bearer s3cret"); code != 200 {
		t.Errorf("a same-origin write with the token: %d", code)
	}

	// a form whose first part is 20 MB of file and whose token comes last is refused unread
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	fw, _ := mw.CreateFormFile("files", "big.txt")
	fw.Write(bytes.Repeat([]byte("word "), 4<<20))
	mw.WriteField("token", "s3cret")
	mw.Close()
	cr := &countingReader{r: bytes.NewReader(body.Bytes())}
	req, _ := http.NewRequest("POST", srv.URL+"/ingest", cr)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	req.ContentLength = int64(body.Len())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("token after the files: %d, want 401", resp.StatusCode)
	}
	if cr.n > body.Len()/2 {
		t.Errorf("the server read %d of %d bytes before refusing", cr.n, body.Len())
	}
}

// The upload folders a killed server left behind are removed when a server starts; those of a
// server that runs are left alone.
func TestStaleUploadsAreRemoved(t *testing.T) {
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skipf("no process to outlive: %v", err)
	}
	stale, err := os.MkdirTemp("", fmt.Sprintf("crosscheck-upload-%d-", dead.Process.Pid))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(stale, "pasted.jsonl"), []byte("{}"), 0o644)
	live, err := os.MkdirTemp("", fmt.Sprintf("crosscheck-upload-%d-", os.Getppid()))
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(live)
	newDemoServer(t, web.Config{})
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the folder of a server that is gone is still there: %v", err)
		os.RemoveAll(stale)
	}
	if _, err := os.Stat(live); err != nil {
		t.Errorf("the folder of a running process was removed: %v", err)
	}
}

// The story list's and the search's "next" links lead to the next page, and the counts read
// as English ("1 story", not "1 stories").
func TestPagesLinkToTheNextPage(t *testing.T) {
	srv := newDemoServer(t, web.Config{})
	next := regexp.MustCompile(`<a href="([^"]+)" rel="next">`)
	_, _, first := get(t, srv.URL+"/?limit=1")
	m := next.FindStringSubmatch(first)
	if m == nil {
		t.Fatalf("the first page of one story has no link to the next")
	}
	href := html.UnescapeString(m[1])
	if !strings.Contains(href, "offset=1") {
		t.Fatalf("the next link: %q", href)
	}
	code, _, second := get(t, srv.URL+href)
	if code != 200 || !strings.Contains(second, "2–2 shown") || strings.Contains(second, `rel="next"`) {
		t.Errorf("the second page (%s): %d", href, code)
	}
	if !strings.Contains(first, "2 stories, 1–1 shown") {
		t.Errorf("the list's count: %s", regexp.MustCompile(`<p class="meta">[^<]*`).FindString(first))
	}
	_, _, found := get(t, srv.URL+"/search?q=dam&limit=1")
	m = next.FindStringSubmatch(found)
	if m == nil {
		t.Fatalf("a search with more hits than shown has no link to the rest")
	}
	if code, _, more := get(t, srv.URL+html.UnescapeString(m[1])); code != 200 || !strings.Contains(more, "2–2 shown") {
		t.Errorf("the search's second page: %d", code)
	}
}

// A server over a store it may only read refuses writes as such, not as a server error, and
// still serves the stories.
func TestWritesToAReadOnlyStoreAreRefused(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "ro.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ro.Close() })
	h := web.New(ro, web.Config{Token: "s3cret"})
	t.Cleanup(func() { h.Close() })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	rec := `{"id":"t-1","title":"Ferry strike","text":"Ferry workers walked out on Monday.","source":"Test Wire","date":"2026-01-05"}`
	code, body := post(t, srv.URL+"/api/articles", "application/json", rec, "Authorization", "Bearer s3cret")
	if code != http.StatusForbidden || !strings.Contains(body, "read-only") {
		t.Errorf("a write to a read-only store: %d %s; want 403 saying the store is read-only", code, body)
	}
	if code, _, body := get(t, srv.URL+"/api/stories"); code != 200 {
		t.Errorf("stories of a read-only store: %d %s", code, body)
	}
}
