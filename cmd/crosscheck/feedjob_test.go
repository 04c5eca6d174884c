package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/storetest"
)

// Followed feeds polled by workers: follow --enqueue puts a job per feed on the queue, a worker
// polls each feed, queues a fetch job for each new item and groups what they store. Every item
// is stored once, with its item's metadata (the feed's full content for the one whose page is
// gone); a second round finds every feed not modified and stores nothing, and a feed that
// changed with the same items stores nothing either. The feeds' status shows.
func TestFeedJobs(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	s := newSite(t)
	html := "text/html; charset=utf-8"
	fullText := "<p>" + strings.Repeat("The ferry to the island resumed on Tuesday after a week of storms, its operator said. ", 6) + "</p>"
	s.set("/a", html, article("Bridge repairs begin", "Repairs to the old bridge began on Monday, the council said."))
	s.set("/b", html, article("Market reopens", "The covered market reopened on Saturday after a fire in the spring."))
	s.set("/e", html, article("Dam talks resume", "Talks on the dam resumed in the capital on Tuesday, officials said."))
	rss := rssFeed(rssItem("/a", "Bridge repairs begin", ""), rssItem("/b", "Market reopens", ""), rssItem("/c", "Ferry resumes", fullText),
		rssItem("/gone", "Gone", ""))
	s.set("/feed.rss", "application/rss+xml", rss)
	s.set("/atom.xml", "application/atom+xml", atomFeed("2026-12-01T08:00:00Z"))
	if code, out, errOut := runWeb(t, "feeds", "add", "--db", dsn, "--allow-private", s.URL+"/feed.rss", s.URL+"/atom.xml"); code != 0 || strings.Count(out, "added: ") != 2 {
		t.Fatalf("feeds add: exit %d\n%s\n%s", code, out, errOut)
	}

	round := func(wantDone string) {
		t.Helper()
		code, out, errOut := runWeb(t, "follow", "--db", dsn, "--once", "--enqueue")
		if got := followLine(t, out); code != 0 || !strings.HasPrefix(got, "2 feeds queued") {
			t.Fatalf("follow --enqueue: exit %d %q %s", code, got, errOut)
		}
		code, out, errOut = runWeb(t, "worker", "--db", dsn, "--until-idle", "--backoff", "10ms")
		if code != 0 || !strings.HasPrefix(out, wantDone) {
			t.Fatalf("worker: exit %d %q, want %q…\n%s", code, out, wantDone, errOut)
		}
	}

	round("6 jobs done (2 feed, 4 fetch), 2 retried, 1 given up, 4 articles grouped")
	articles, revisions, jobs, _ := queueCounts(t, dsn)
	if articles != 4 || revisions != 4 {
		t.Errorf("%d articles, %d revisions stored; want 4 and 4 (jobs %v)", articles, revisions, jobs)
	}
	_, arts, _ := runWeb(t, "articles", "--db", dsn, "--json")
	for _, want := range []string{`"title":"Ferry resumes"`, `"author":"Ana Ruiz"`, `"published":"2026-12-01T09:00:00Z"`, `"url":"` + s.URL + `/a"`, `"author":"Lee Chan"`} {
		if !strings.Contains(arts, want) {
			t.Errorf("articles lack %s:\n%s", want, arts)
		}
	}
	feeds := feedsJSON(t, dsn)
	if f := feeds[s.URL+"/feed.rss"]; f["status"] != "ok" || f["articles"] != 3.0 || f["items"] != 4.0 || f["title"] != "City News" {
		t.Errorf("the RSS feed: %v", f)
	}
	_, out, _ := runWeb(t, "failures", "--db", dsn, "--json")
	if f := jsonLines(t, out); len(f) != 1 || f[0]["input"] != s.URL+"/gone?utm_source=rss" || !strings.HasPrefix(fmt.Sprint(f[0]["error"]), "gave up after 3 attempts") {
		t.Errorf("failures: %s", out)
	}
	if f := feeds[s.URL+"/atom.xml"]; f["status"] != "ok" || f["articles"] != 1.0 {
		t.Errorf("the Atom feed: %v", f)
	}

	// the second round: both feeds answer 304, no page is asked for
	pagesBefore := s.count("/a") + s.count("/b") + s.count("/c") + s.count("/e") + s.count("/gone")
	notModBefore := s.notMod.Load()
	round("2 jobs done (2 feed), 0 retried, 0 given up, 0 articles grouped")
	if after := s.count("/a") + s.count("/b") + s.count("/c") + s.count("/e") + s.count("/gone"); after != pagesBefore || s.notMod.Load() != notModBefore+2 {
		t.Errorf("round 2 asked for %d pages and got %d answers 304; want 0 and 2", after-pagesBefore, s.notMod.Load()-notModBefore)
	}
	for url, f := range feedsJSON(t, dsn) {
		if f["status"] != "not modified" {
			t.Errorf("round 2: %s: %v", url, f)
		}
	}

	// the third: the feed changed, its items did not (the one given up on is not taken again)
	s.set("/feed.rss", "application/rss+xml", strings.Replace(rss, "City News", "City News Today", 1))
	round("2 jobs done (2 feed), 0 retried, 0 given up, 0 articles grouped")
	if articles, revisions, _, _ := queueCounts(t, dsn); articles != 4 || revisions != 4 {
		t.Errorf("round 3: %d articles, %d revisions", articles, revisions)
	}
	if f := feedsJSON(t, dsn)[s.URL+"/feed.rss"]; f["status"] != "ok" || f["title"] != "City News Today" || f["articles"] != 3.0 {
		t.Errorf("round 3: the RSS feed: %v", f)
	}
}

func TestFollowEnqueueNeedsPostgres(t *testing.T) {
	db := filepath.Join(t.TempDir(), "cc.db")
	code, _, errOut := run(t, "", "follow", "--db", db, "--once", "--enqueue")
	if code != exitFailed || !strings.Contains(errOut, "the queue is PostgreSQL's") {
		t.Errorf("exit %d %q", code, errOut)
	}
}
