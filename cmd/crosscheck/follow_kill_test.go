package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	httpfetch "github.com/crosscheck/crosscheck/fetch"
)

// killedFollowItems is how many items the feed of TestKilledFollowResumes gives: more than a
// store batch (pipeline.DefaultBatchSize), so that a batch is stored while the round still
// waits for the last page.
const killedFollowItems = 300

// A follow killed with SIGKILL in the middle of a round, after it stored a batch of articles
// and before it recorded which items they came from, leaves a store that the next round
// completes: every item taken once, no article lost or stored twice.
func TestKilledFollowResumes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	release := make(chan struct{})
	var once sync.Once
	unblock := func() { once.Do(func() { close(release) }) }
	defer unblock()
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/feed.rss" {
			var items []string
			for i := range killedFollowItems {
				items = append(items, rssItem(fmt.Sprintf("%s/k/%d", srv.URL, i), fmt.Sprintf("Report %d", i), ""))
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			io.WriteString(w, rssFeed(items...))
			return
		}
		i, err := strconv.Atoi(strings.TrimPrefix(r.URL.Path, "/k/"))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		if i == killedFollowItems-1 {
			select { // the last page waits, so the round cannot end before the kill
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, article(fmt.Sprintf("Report %d", i), fmt.Sprintf("The council met for the %d. time on Monday and voted on item %d of the budget, its clerk said.", i, i*7)))
	}))
	defer srv.Close()
	db := filepath.Join(t.TempDir(), "killed.db")
	if code, _, errOut := runWeb(t, "feeds", "add", "--db", db, "--allow-private", srv.URL+"/feed.rss"); code != 0 {
		t.Fatal(errOut)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledFollowChild$")
	cmd.Env = append(os.Environ(), "CROSSCHECK_FOLLOW_CHILD_DB="+db)
	var childOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &childOut, &childOut
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for count(t, db) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	stored := count(t, db)
	if stored == 0 || stored >= killedFollowItems {
		t.Fatalf("killed with %d of %d articles stored: the kill did not cut the round; the follow said: %s", stored, killedFollowItems, childOut.String())
	}
	t.Logf("killed with %d of %d articles stored", stored, killedFollowItems)
	check(t, db)
	if feeds := feedsJSON(t, db); feeds[srv.URL+"/feed.rss"]["items"] != 0.0 {
		t.Fatalf("the killed round recorded its items: %v", feeds)
	}

	unblock()
	code, out, errOut := runWeb(t, "follow", "--db", db, "--once")
	want := fmt.Sprintf("1 feeds (0 not modified, 0 failed), %d new items: %d added, %d unchanged, 0 failed", killedFollowItems, killedFollowItems-stored, stored)
	if got := followLine(t, out); code != 0 || !strings.HasPrefix(got, want) {
		t.Errorf("the round after the kill: exit %d %q, want %q\n%s", code, got, want, errOut)
	}
	_, arts, _ := runWeb(t, "articles", "--db", db, "--json")
	ids := map[string]bool{}
	for _, a := range jsonLines(t, arts) {
		if a["revision"] != 1.0 {
			t.Errorf("%v is at revision %v", a["id"], a["revision"])
		}
		ids[fmt.Sprint(a["id"])] = true
	}
	if len(ids) != killedFollowItems || count(t, db) != killedFollowItems {
		t.Errorf("%d distinct articles, %d stored; want %d", len(ids), count(t, db), killedFollowItems)
	}
	if feeds := feedsJSON(t, db); feeds[srv.URL+"/feed.rss"]["items"] != float64(killedFollowItems) || feeds[srv.URL+"/feed.rss"]["articles"] != float64(killedFollowItems) {
		t.Errorf("the feed after the resumed round: %v", feeds[srv.URL+"/feed.rss"])
	}
	if _, out, _ = runWeb(t, "follow", "--db", db, "--once"); !strings.Contains(followLine(t, out), ", 0 new items:") {
		t.Errorf("the round after: %q", out)
	}
}

// TestKilledFollowChild is the follow TestKilledFollowResumes kills: it runs in a process of
// its own, with politeness off, and only when that test starts it.
func TestKilledFollowChild(t *testing.T) {
	db := os.Getenv("CROSSCHECK_FOLLOW_CHILD_DB")
	if db == "" {
		t.Skip("the follow TestKilledFollowResumes runs and kills")
	}
	m := &Main{Stdin: strings.NewReader(""), Stdout: os.Stdout, Stderr: os.Stderr, Getenv: func(string) string { return "" }, Now: time.Now,
		Fetch: &httpfetch.Options{Delay: -1, IgnoreRobots: true}}
	m.Run(context.Background(), []string{"follow", "--db", db, "--once"})
	t.Fatal("the follow ended: its last page should have kept it waiting until it was killed")
}
