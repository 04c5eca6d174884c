package sqlite_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// MustOpen opens a store in a fresh directory.
func MustOpen(tb testing.TB) (*sqlite.Store, string) {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "test.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s, path
}

func entry(id, text string) crosscheck.Entry {
	doc := &crosscheck.Document{ID: id, Input: id + ".txt", Format: crosscheck.FormatText, Raw: []byte(text), Fetched: time.Unix(0, 0)}
	a := &crosscheck.Article{ID: id, Title: "T " + id, Text: text, Hash: doc.Hash(), Format: doc.Format, Input: doc.Input,
		Credits: []string{"Wire"}, Offsets: crosscheck.OffsetMap{{Clean: 0, Source: 0, Len: len(text), SourceLen: len(text)}},
		Removed: []crosscheck.Removal{{Text: "Share", Rule: "furniture"}}}
	return crosscheck.Entry{Doc: doc, Article: a, Input: doc.Input}
}

func TestPutRevisionsAndUnchanged(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	res, err := s.Put(ctx, []crosscheck.Entry{entry("a", "one"), entry("b", "two"), {Input: "bad.bin", Err: errors.New("binary data, not text")}})
	if err != nil {
		t.Fatal(err)
	}
	want := []crosscheck.PutResult{{Status: crosscheck.StatusAdded, Revision: 1}, {Status: crosscheck.StatusAdded, Revision: 1}, {Status: crosscheck.StatusError}}
	if fmt.Sprint(res) != fmt.Sprint(want) {
		t.Fatalf("first put: %v, want %v", res, want)
	}
	res, err = s.Put(ctx, []crosscheck.Entry{entry("a", "one"), entry("b", "two, edited")})
	if err != nil {
		t.Fatal(err)
	}
	want = []crosscheck.PutResult{{Status: crosscheck.StatusUnchanged, Revision: 1}, {Status: crosscheck.StatusAdded, Revision: 2}}
	if fmt.Sprint(res) != fmt.Sprint(want) {
		t.Fatalf("second put: %v, want %v", res, want)
	}
	b, err := s.Article(ctx, "b")
	if err != nil || b.Text != "two, edited" || b.Revision != 2 || b.Credits[0] != "Wire" || b.Removed[0].Rule != "furniture" || len(b.Offsets) != 1 {
		t.Fatalf("article b: %+v, %v", b, err)
	}
	if raw, err := s.Raw(ctx, "b"); err != nil || string(raw) != "two, edited" {
		t.Fatalf("raw b: %q, %v", raw, err)
	}
	if seen, _ := s.Seen(ctx, "a", entry("a", "one").Article.Hash); !seen {
		t.Error("Seen(a) = false")
	}
	if _, err := s.Article(ctx, "zzz"); !errors.Is(err, crosscheck.ErrNotFound) {
		t.Errorf("missing article: %v", err)
	}
	f, err := storetest.All(s.Failures(ctx))
	if err != nil || len(f) != 1 || f[0].Input != "bad.bin" || !strings.Contains(f[0].Error, "binary") {
		t.Errorf("failures: %+v, %v", f, err)
	}
}

func TestArticlesStreamsEveryPageInOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	var batch []crosscheck.Entry
	for i := 1200; i > 0; i-- {
		batch = append(batch, entry(fmt.Sprintf("id-%05d", i), fmt.Sprintf("text %d", i)))
	}
	if _, err := s.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	n, prev := 0, ""
	for a, err := range s.Articles(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if a.ID <= prev {
			t.Fatalf("%s after %s", a.ID, prev)
		}
		prev = a.ID
		n++
	}
	if c, _ := s.Count(ctx); n != 1200 || c != 1200 {
		t.Fatalf("streamed %d, count %d, want 1200", n, c)
	}
}

func TestOpenRejectsDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notadb.db")
	os.WriteFile(path, []byte(strings.Repeat("this is not a database file\n", 200)), 0o644)
	_, err := sqlite.Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "not a crosscheck database") {
		t.Fatalf("got %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.HasPrefix(string(b), "this is not a database") {
		t.Fatal("opening a damaged file changed it")
	}
}

func TestReopenKeepsDataAndSchema(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	s.Put(ctx, []crosscheck.Entry{entry("a", "one")})
	s.Close()
	s2, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if a, err := s2.Article(ctx, "a"); err != nil || a.Text != "one" {
		t.Fatalf("%+v %v", a, err)
	}
}

func TestRelearnFollowsRevisions(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	put := func(text string, lines ...string) {
		var batch []crosscheck.Entry
		for i := 0; i < crosscheck.MinRepeats; i++ {
			e := entry(fmt.Sprintf("s%d", i), fmt.Sprintf("%s %d", text, i))
			e.Article.Source, e.Article.Lines = "Site", lines
			batch = append(batch, e)
		}
		if _, err := s.Put(ctx, batch); err != nil {
			t.Fatal(err)
		}
	}
	put("first", "promo line", "other")
	set, changed, err := s.Relearn(ctx, "Site")
	if err != nil || !changed || len(set) != 2 || !set[crosscheck.LineHash("promo line")] {
		t.Fatalf("after first revisions: %v %v %v", set, changed, err)
	}
	if _, changed, _ := s.Relearn(ctx, "Site"); changed {
		t.Fatal("relearning with nothing new changed the set")
	}
	put("second", "other") // every article's new revision drops the promo
	set, changed, err = s.Relearn(ctx, "Site")
	if err != nil || !changed || len(set) != 1 || set[crosscheck.LineHash("promo line")] {
		t.Fatalf("after second revisions: %v %v %v", set, changed, err)
	}
	if b, _ := s.Boilerplate(ctx, "Site"); len(b) != 1 {
		t.Fatalf("stored boilerplate %v", b)
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd?name#1%.db")
	s, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("store not at %s: %v", path, err)
	}
}

// TestConcurrentOpenMigratesOnce opens one new store from several goroutines at once, as two
// processes may: each migration is applied once and every open succeeds.
func TestConcurrentOpenMigratesOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "race.db")
	errs := make(chan error, 6)
	for range 6 {
		go func() {
			s, err := sqlite.Open(context.Background(), path)
			if err == nil {
				s.Close()
			}
			errs <- err
		}()
	}
	for range 6 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}

func TestFailuresStreamPageByPageInOrder(t *testing.T) {
	ctx := context.Background()
	s, _ := MustOpen(t)
	var batch []crosscheck.Entry
	for i := range 1234 {
		batch = append(batch, crosscheck.Entry{Input: fmt.Sprintf("bad-%04d.bin", i), Err: errors.New("binary file")})
	}
	if _, err := s.Put(ctx, batch); err != nil {
		t.Fatal(err)
	}
	n := 0
	for f, err := range s.Failures(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("bad-%04d.bin", n); f.Input != want {
			t.Fatalf("failure %d is %q, want %q", n, f.Input, want)
		}
		n++
	}
	if n != 1234 {
		t.Fatalf("streamed %d failures, want 1234", n)
	}
	n = 0
	for range s.Failures(ctx) {
		if n++; n == 3 {
			break
		}
	}
	if n != 3 {
		t.Fatalf("stopping early read %d", n)
	}
}

func TestOpenReadOnlyReadsAndHoldsReports(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "one"), entry("b", "two")}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	before, _ := os.ReadFile(path)
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if !ro.ReadOnly() {
		t.Error("ReadOnly() = false")
	}
	if a, err := ro.Article(ctx, "b"); err != nil || a.Text != "two" {
		t.Fatalf("article b: %+v, %v", a, err)
	}
	_, err = ro.Put(ctx, []crosscheck.Entry{entry("c", "three")})
	if !sqlite.IsReadOnly(err) {
		t.Errorf("a write to a read-only store: %v; want a read-only error", err)
	}
	if err := ro.SaveReport(ctx, "story-a", "k1", []byte(`{"r":1}`), []byte(`{"n":1}`)); err != nil {
		t.Fatal(err)
	}
	if r, _ := ro.Report(ctx, "story-a", "k1"); string(r) != `{"r":1}` {
		t.Errorf("held report = %q", r)
	}
	if r, _ := ro.Report(ctx, "story-a", "k2"); r != nil {
		t.Errorf("a held report under another key = %q", r)
	}
	if n, _ := ro.ReportNumbers(ctx, "story-a", "k1"); string(n) != `{"n":1}` {
		t.Errorf("held numbers = %q", n)
	}
	for i := range 300 { // past the limit, the oldest go first
		ro.SaveReport(ctx, fmt.Sprintf("story-%d", i), "k", []byte("x"), nil)
	}
	if r, _ := ro.Report(ctx, "story-a", "k1"); r != nil {
		t.Error("the oldest held report was kept past the limit")
	}
	if r, _ := ro.Report(ctx, "story-299", "k"); string(r) != "x" {
		t.Error("the newest held report was let go")
	}
	ro.Close()
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the read-only open changed the file")
	}
}

// A store whose schema lacks a migration this version has is out of date however many other
// migrations it records: one written by a version with a migration this one lacks ("013")
// and without one this one has ("014") must not be read as current.
func TestOpenReadOnlyRefusesAStoreMissingAMigration(t *testing.T) {
	ctx := context.Background()
	s, path := MustOpen(t)
	s.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	var last int
	if err := db.QueryRow(`SELECT MAX(version) FROM schema_migrations`).Scan(&last); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM schema_migrations WHERE version = ?`, last); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`INSERT INTO schema_migrations (version) VALUES (?)`, last+1000); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err == nil {
		ro.Close()
		t.Fatalf("a store without migration %d opened read-only as current", last)
	}
	if !strings.Contains(err.Error(), "older than this crosscheck's") {
		t.Fatalf("error = %v; want it to say the schema is out of date", err)
	}
}

// A batch put under an ended context stores nothing and says why: its rows run without a
// watcher each, so the transaction's end is what stops them.
func TestPutEndedContext(t *testing.T) {
	s, _ := MustOpen(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Put(ctx, []crosscheck.Entry{entry("a", "one")}); !errors.Is(err, context.Canceled) {
		t.Fatalf("put under a canceled context: %v, want context.Canceled", err)
	}
	if n, err := s.Count(context.Background()); err != nil || n != 0 {
		t.Fatalf("stored %d articles (%v), want none", n, err)
	}
	if err := s.SaveGroups(ctx, crosscheck.GroupSave{}); !errors.Is(err, context.Canceled) {
		t.Fatalf("grouping save under a canceled context: %v, want context.Canceled", err)
	}
}
