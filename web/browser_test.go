package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/crosscheck/crosscheck/web"
)

// browser starts a headless Chromium for the test, or skips the test when none is installed
// (Debian's package chromium; .ci/run installs it). CROSSCHECK_CHROMIUM names another binary.
func browser(t *testing.T) context.Context {
	t.Helper()
	bin := os.Getenv("CROSSCHECK_CHROMIUM")
	if bin == "" {
		for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				bin = p
				break
			}
		}
	}
	if bin == "" {
		t.Skip("no Chromium installed (apt-get install chromium); the browser tests need one")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(bin),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(func() { cancelTimeout(); cancel(); cancelAlloc() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	return ctx
}

// steps runs browser actions, failing the test on an error.
func steps(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatal(err)
	}
}

// js evaluates a JavaScript expression in the page, failing the test on an error.
func js[T any](t *testing.T, ctx context.Context, expr string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr))
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// screenshot saves what the window shows as a PNG into CROSSCHECK_SCREENSHOTS when it is set,
// else into the test's temporary directory.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	dir := os.Getenv("CROSSCHECK_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if len(png) < 1000 {
		t.Fatalf("%s: the screenshot is %d bytes", name, len(png))
	}
	if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// seedStory is the id of the story the five seed articles make.
const seedStory = "story-000_6f7de8062ea9ba3a"

// The story list leads to the seed story, whose page shows the 27-against-28 conflict, the
// quote variants side by side, the timeline and the derivation graph.
func TestBrowserSeedStory(t *testing.T) {
	srv := newServer(t, web.Config{})
	ctx := browser(t)
	steps(t, ctx, chromedp.Navigate(srv.URL+"/"))
	if rows := js[int](t, ctx, `document.querySelectorAll('tbody a[href^="/stories/"]').length`); rows != 1 {
		t.Fatalf("the story list shows %d stories, want the 1 seed story", rows)
	}
	screenshot(t, ctx, "stories.png")

	steps(t, ctx,
		chromedp.Click(chromedp.CSS(`tbody a[href^="/stories/"]`), chromedp.NodeVisible),
		chromedp.WaitVisible(chromedp.CSS(`#conflicts`)))
	conflicts := js[string](t, ctx, `[...document.querySelectorAll('.conflict')].map(e => e.innerText).join('\n')`)
	for _, want := range []string{"number of points in the plan", "28 points", "27 points"} {
		if !strings.Contains(conflicts, want) {
			t.Errorf("the conflicts do not show %q:\n%s", want, conflicts)
		}
	}
	// Ushakov's words as four outlets printed them (seed gold Q1), and as rewritten (Q3).
	quotes := js[string](t, ctx, `[...document.querySelectorAll('.variant')].map(e => e.innerText).join('\n')`)
	for _, want := range []string{"substantive", "very useful", "five hours", "acceptable", "formulations"} {
		if !strings.Contains(quotes, want) {
			t.Errorf("the quote variants do not show %q", want)
		}
	}
	if n := js[int](t, ctx, `document.querySelectorAll('.variant').length`); n < 8 {
		t.Errorf("%d quote variants on the page, want at least 8", n)
	}
	timeline := js[string](t, ctx, `document.querySelector('ol.timeline').innerText`)
	if !strings.Contains(timeline, "2025-12-02") || !strings.Contains(timeline, "2024-03-12") {
		t.Errorf("the timeline lacks the meeting day or the misdated one:\n%s", timeline)
	}
	if n := js[int](t, ctx, `document.querySelectorAll('figure.graph path.edge').length`); n < 1 {
		t.Error("the derivation graph has no arrow")
	}
	if n := js[int](t, ctx, `document.querySelectorAll('.side section.article').length`); n != 5 {
		t.Errorf("%d articles side by side, want 5", n)
	}
	steps(t, ctx, chromedp.EmulateViewport(1280, 1500), chromedp.Navigate(srv.URL+"/stories/"+seedStory))
	screenshot(t, ctx, "story.png")
}

// An article pasted into the form, with JavaScript off, is stored and found.
func TestBrowserIngestForm(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	ctx := browser(t)
	if _, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	steps(t, ctx,
		chromedp.Navigate(srv.URL+"/ingest"),
		chromedp.SendKeys(chromedp.CSS(`input[name=title]`), "Harbour crane collapses in gale"),
		chromedp.SendKeys(chromedp.CSS(`input[name=source]`), "Coast Courier"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=text]`), `A harbour crane collapsed in a gale on Monday. "Nobody was hurt," said harbour master Ana Ruiz.`),
		chromedp.SendKeys(chromedp.CSS(`input[name=token]`), "s3cret"),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`table`)))
	result, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`table`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(result, "added") {
		t.Fatalf("the form's answer does not say added:\n%s", result)
	}
	steps(t, ctx, chromedp.Navigate(srv.URL+"/?q=crane"))
	found, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(`tbody`)))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(found, "Harbour crane collapses in gale") {
		t.Errorf("the story list does not find the new article:\n%s", found)
	}
}

// A form sent with a wrong token is answered with 401 before its body is read, and one step
// back the pasted text is still in the form.
func TestBrowserIngestFormKeepsTheTextOnAWrongToken(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	ctx := browser(t)
	const pasted = "A harbour crane collapsed in a gale on Monday."
	steps(t, ctx,
		chromedp.Navigate(srv.URL+"/ingest"),
		chromedp.SendKeys(chromedp.CSS(`textarea[name=text]`), pasted),
		chromedp.SendKeys(chromedp.CSS(`input[name=token]`), "wrong"),
		chromedp.Click(chromedp.CSS(`button[type=submit]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.err`)))
	if msg := js[string](t, ctx, `document.querySelector('p.err').innerText`); !strings.Contains(msg, "go back") {
		t.Fatalf("the answer to a wrong token: %q", msg)
	}
	steps(t, ctx, chromedp.NavigateBack(), chromedp.WaitVisible(chromedp.CSS(`textarea[name=text]`)))
	if got := js[string](t, ctx, `document.querySelector('textarea[name=text]').value`); got != pasted {
		t.Errorf("one step back the text is %q, want what was pasted", got)
	}
	if typ := js[string](t, ctx, `document.querySelector('input[name=token]').type`); typ != "password" {
		t.Errorf("the token field shows the token: type %q", typ)
	}
}

// Scripts planted in every field of two articles run on no page, in a real browser.
func TestBrowserNoPayloadRuns(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	ingestPayloads(t, srv, "s3cret")
	waitForReport(t, srv, "/stories/xss-1") // so that the story's page shows the payloads, not that its report is being made
	ctx := browser(t)
	var dialogs, thrown atomic.Int32
	err := chromedp.Listen(ctx, func(ev any) {
		switch ev.(type) {
		case *page.EventJavascriptDialogOpening:
			dialogs.Add(1)
		case *runtime.EventExceptionThrown:
			thrown.Add(1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range payloadPages {
		steps(t, ctx, chromedp.Navigate(srv.URL+path))
		if js[bool](t, ctx, `typeof window.pwned !== 'undefined'`) {
			t.Errorf("%s: a payload ran", path)
		}
		if n := js[int](t, ctx, `document.querySelectorAll('script, img, [onload], [onerror]').length`); n > 0 {
			t.Errorf("%s: a payload became %d elements", path, n)
		}
	}
	if dialogs.Load() > 0 || thrown.Load() > 0 {
		t.Errorf("%d dialogs opened, %d script errors", dialogs.Load(), thrown.Load())
	}
}

// The pages fit a phone's width, and the keyboard reaches the links.
func TestBrowserPhoneAndKeyboard(t *testing.T) {
	srv := newDemoServer(t, web.Config{})
	ctx := browser(t)
	steps(t, ctx, chromedp.Navigate(srv.URL+"/"))
	story := js[string](t, ctx, `document.querySelector('tbody a').getAttribute('href')`)
	pages := map[string]string{"stories": "/", "story": story, "ingest": "/ingest", "search": "/search?q=Kremlin", "feeds": "/feeds"}
	for _, name := range []string{"stories", "story", "ingest", "search", "feeds"} {
		path := pages[name]
		steps(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+path))
		if js[bool](t, ctx, `document.documentElement.scrollWidth > window.visualViewport.width + 1`) {
			t.Errorf("%s is wider than a phone's screen", path)
		}
		screenshot(t, ctx, "390-"+name+".png")
		steps(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+path))
		if js[bool](t, ctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
			t.Errorf("%s is wider than a 1280-pixel window", path)
		}
		screenshot(t, ctx, "1280-"+name+".png")
	}
	// at 1280 pixels the story's articles side by side all fit the window, and so does the
	// derivation graph, on a phone as well
	fits := `[...document.querySelectorAll('.side > *, .graph svg')].every(e => e.getBoundingClientRect().right <= window.innerWidth + 1)`
	const dam = "/stories/daily-meridian" // the demo's story of five articles, by one of its articles
	steps(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+dam))
	if n := js[int](t, ctx, `document.querySelectorAll('.side > *').length`); n < 5 {
		t.Errorf("%d articles side by side on the demo story, want 5", n)
	}
	if !js[bool](t, ctx, fits) {
		t.Errorf("at 1280 pixels an article column or the graph runs past the window")
	}
	steps(t, ctx, chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile), chromedp.Navigate(srv.URL+dam))
	if !js[bool](t, ctx, `[...document.querySelectorAll('.graph svg')].every(e => e.getBoundingClientRect().right <= window.innerWidth + 1)`) {
		t.Errorf("on a phone the derivation graph runs past the window")
	}
	if !js[bool](t, ctx, `[...document.querySelectorAll('th')].every(e => e.scrollWidth <= e.clientWidth + 1)`) {
		t.Errorf("a table header breaks inside a word or overflows")
	}
	steps(t, ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/"), chromedp.KeyEvent(kb.Tab), chromedp.KeyEvent(kb.Tab))
	if tag := js[string](t, ctx, `document.activeElement.tagName`); tag != "A" {
		t.Errorf("two tabs from the top focus a %s, want a link", tag)
	}
}

// A page of another site that submits a form to a private server, in a browser that has
// logged in to that server with its Basic prompt, stores nothing.
func TestBrowserCrossSiteFormStoresNothing(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret", Private: true})
	attacker := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><body onload="document.forms[0].submit()">
<form method="post" action="%s/ingest" enctype="multipart/form-data">
<input name="title" value="Planted"><textarea name="text">Planted by another site's page.</textarea>
</form></body>`, srv.URL)
	}))
	t.Cleanup(attacker.Close)
	ctx := browser(t)
	// log in as a reader would: the browser then sends the Basic login with requests to the server
	u := strings.Replace(srv.URL, "http://", "http://reader:s3cret@", 1)
	steps(t, ctx, chromedp.Navigate(u+"/"))
	if code, _, _ := get(t, srv.URL+"/api/stories"); code != 401 {
		t.Fatalf("the server is not private: %d", code)
	}
	// the attacker's page is on another origin: localhost against 127.0.0.1
	steps(t, ctx, chromedp.Navigate(strings.Replace(attacker.URL, "127.0.0.1", "localhost", 1)+"/"))
	// wait for the form to be sent: the page navigates while it is, so an evaluation may fail
	for i := 0; i < 50; i++ {
		loc, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.href`))
		if err == nil && strings.HasPrefix(loc, srv.URL) {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	_, _, body := get(t, srv.URL+"/?q=Planted", "Authorization", "Bearer s3cret")
	if strings.Contains(body, "Planted by") || strings.Contains(body, ">Planted<") {
		t.Errorf("another site's form stored an article")
	}
	if code, _, page := get(t, srv.URL+"/search?q=planted", "Authorization", "Bearer s3cret"); code != 200 || strings.Contains(page, "another site") {
		t.Errorf("search finds the planted article: %d", code)
	}
}
