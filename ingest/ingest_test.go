package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/crosscheck/crosscheck/ingest"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

func write(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func readAll(t *testing.T, inputs []string, opts ingest.Options) []ingest.Item {
	t.Helper()
	var items []ingest.Item
	for it := range ingest.Read(context.Background(), inputs, opts) {
		items = append(items, it)
	}
	return items
}

func TestReadJSONLKeepsGoingPastBadLines(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "docs.jsonl", []byte(strings.Join([]string{
		`{"id":"a","title":"A","text":"first","date":"2024-01-02","source":"Wire","url":"https://w.example/a","topic":7}`,
		`{"id":"b","text":`, // malformed
		``,
		`{"id":"c","url":"https://w.example/c"}`, // neither text nor title
		`{"id":42,"text":"numeric id"}`,
		`{"title":"no id","text":"hashed","url":"https://w.example/x"}`,
		"{\"id\":\"latin\",\"text\":\"caf\xe9\"}", // invalid UTF-8: read as Windows-1252
	}, "\n")))
	items := readAll(t, []string{p}, ingest.Options{})
	if len(items) != 6 {
		t.Fatalf("got %d items, want 6", len(items))
	}
	if d := items[0].Doc; d == nil || d.ID != "a" || d.Meta.Title != "A" || d.Meta.Published != "2024-01-02" ||
		d.Meta.Source != "Wire" || string(d.Meta.Extra) != `{"topic":7}` || items[0].Input != p+":1" {
		t.Errorf("record 1: %+v", items[0])
	}
	if items[1].Err == nil || !strings.Contains(items[1].Err.Error(), "malformed JSON") || items[1].Input != p+":2" {
		t.Errorf("malformed line: %+v", items[1])
	}
	if !errors.Is(items[2].Err, ingest.ErrNoText) || items[2].Input != p+":4" {
		t.Errorf("record without text: %+v", items[2])
	}
	if items[3].Doc == nil || items[3].Doc.ID != "42" {
		t.Errorf("numeric id: %+v", items[3])
	}
	if items[4].Doc == nil || items[4].Doc.ID != ingest.IDFromURL("https://w.example/x") {
		t.Errorf("id from URL: %+v", items[4])
	}
	if items[5].Doc == nil || string(items[5].Doc.Raw) != "café" {
		t.Errorf("invalid UTF-8 record: %+v", items[5])
	}
	titled := write(t, dir, "titled.jsonl", []byte(`{"id":"t","title":"A bomb exploded at a bank branch, killing two officers.","text":""}`))
	if it := readAll(t, []string{titled}, ingest.Options{}); len(it) != 1 || it[0].Doc == nil || string(it[0].Doc.Raw) != "A bomb exploded at a bank branch, killing two officers." {
		t.Errorf("title-only record: %+v", it)
	}
}

func TestReadTruncatedGzipKeepsRecordsBeforeTheBreak(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for i := 0; i < 200; i++ {
		zw.Write([]byte(`{"id":"r` + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + `","text":"` + strings.Repeat("word ", 50) + `"}` + "\n"))
	}
	zw.Close()
	full := buf.Bytes()
	p := write(t, t.TempDir(), "cut.jsonl.gz", full[:len(full)*2/3])
	items := readAll(t, []string{p}, ingest.Options{})
	last := items[len(items)-1]
	if last.Err == nil || last.Input != p || !strings.Contains(last.Err.Error(), "ends early") {
		t.Fatalf("last item should report the truncation: %+v", last)
	}
	if len(items) < 10 {
		t.Fatalf("only %d items before the break", len(items))
	}
	for _, it := range items[:len(items)-2] {
		if it.Err != nil {
			t.Fatalf("record before the break failed: %+v", it)
		}
	}
}

func TestReadRejectsOversizeAndMissing(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "huge.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	f.Truncate(500 << 20) // a sparse 500 MB file: nothing is read, the size says enough
	f.Close()
	long := write(t, dir, "long.jsonl", []byte(`{"id":"x","text":"`+strings.Repeat("a", 3000)+`"}`+"\n"+`{"id":"y","text":"ok"}`+"\n"))
	items := readAll(t, []string{big, filepath.Join(dir, "missing.txt"), long}, ingest.Options{MaxLine: 1000})
	if len(items) != 4 {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	if !errors.Is(items[0].Err, ingest.ErrTooLarge) || !strings.Contains(items[0].Err.Error(), "500.0 MiB") {
		t.Errorf("500 MB file: %v", items[0].Err)
	}
	if !errors.Is(items[1].Err, os.ErrNotExist) {
		t.Errorf("missing file: %v", items[1].Err)
	}
	if !errors.Is(items[2].Err, ingest.ErrTooLarge) || items[3].Doc == nil || items[3].Doc.ID != "y" {
		t.Errorf("long record: %+v / %+v", items[2], items[3])
	}
}

func TestReadDirectoryUsesManifestAndSkipsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("Title A\nBody of a."))
	write(t, dir, "sub/b.html", []byte("<html><body><p>b</p></body></html>"))
	write(t, dir, "notes.md", []byte("# not an article"))
	write(t, dir, ".hidden/c.txt", []byte("hidden"))
	write(t, dir, "manifest.jsonl", []byte(`{"id":"article-a","file":"a.txt","published":"2025-12-03","source":"Outlet"}`+"\n"))
	items := readAll(t, []string{dir}, ingest.Options{})
	if len(items) != 2 {
		t.Fatalf("got %d items: %+v", len(items), items)
	}
	if d := items[0].Doc; d.ID != "article-a" || d.Meta.Published != "2025-12-03" || d.Meta.Source != "Outlet" {
		t.Errorf("manifest not applied: %+v", d)
	}
	if d := items[1].Doc; d.ID != "sub/b" || d.Format != "html" {
		t.Errorf("html file: %+v", d)
	}
}

// Files of one name in different folders, or of one stem with different extensions, are
// different articles, and each gets the same id in every run.
// Files of one name and several extensions in a folder keep their ids when another of the
// name is added to the folder: story.htm added beside story.html and story.txt takes neither's.
func TestFileIDsStayWhenAFileOfTheNameIsAdded(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "story.TXT", []byte("Rail fares\nRail fares rise in January."))
	write(t, dir, "story.html", []byte("<html><body><p>Port workers struck on Thursday.</p></body></html>"))
	write(t, dir, "story.txt", []byte("Dam talks\nThe dam talks ended on Friday."))
	ids := func() map[string]string {
		out := map[string]string{}
		for _, it := range readAll(t, []string{dir}, ingest.Options{}) {
			if it.Doc != nil {
				out[filepath.Base(it.Input)] = it.Doc.ID
			}
		}
		return out
	}
	before := ids()
	write(t, dir, "story.htm", []byte("<html><body><p>A new school opened on Monday.</p></body></html>"))
	after := ids()
	seen := map[string]bool{}
	for name, id := range after {
		if was, ok := before[name]; ok && was != id {
			t.Errorf("%s: id %q, then %q once story.htm was added", name, was, id)
		}
		if seen[id] {
			t.Errorf("two files have the id %q: %v", id, after)
		}
		seen[id] = true
	}
}

// A file added beside one that holds the plain id from an earlier run takes no id of it, even
// when it sorts first (story.HTML before story.TXT), in a folder and among files named
// directly; the store says which file holds the id.
func TestFileIDsStayWhenAFileSortingFirstIsAdded(t *testing.T) {
	for _, named := range []bool{false, true} {
		dir := t.TempDir()
		txt := write(t, dir, "story.TXT", []byte("Rail fares\nRail fares rise in January."))
		other := write(t, dir, "other.txt", []byte("Dam talks\nThe dam talks ended on Friday."))
		stored := map[string]string{} // the store's articles: id → the input read
		asks := 0
		opts := ingest.Options{Holder: func(_ context.Context, id string) (string, bool) {
			asks++
			in, ok := stored[id]
			return in, ok
		}}
		run := func(inputs ...string) map[string]string {
			if !named {
				inputs = []string{dir}
			}
			ids := map[string]string{}
			for _, it := range readAll(t, inputs, opts) {
				if it.Doc == nil {
					t.Fatalf("%s: %v", it.Input, it.Err)
				}
				ids[filepath.Base(it.Input)] = it.Doc.ID
				if _, ok := stored[it.Doc.ID]; !ok {
					stored[it.Doc.ID] = it.Input
				}
			}
			return ids
		}
		if first := run(txt, other); first["story.TXT"] != "story" || first["other.txt"] != "other" || asks != 0 {
			t.Fatalf("named %v: the first run gave %v, asking the store %d times (want none: no name is shared)", named, first, asks)
		}
		html := write(t, dir, "story.HTML", []byte("<html><body><p>Port workers struck on Thursday.</p></body></html>"))
		again := run(html, txt, other)
		if again["story.TXT"] != "story" || again["story.HTML"] != "story.HTML" || again["other.txt"] != "other" {
			t.Errorf("named %v: once story.HTML was added: %v", named, again)
		}
		if third := run(html, txt, other); !maps.Equal(again, third) {
			t.Errorf("named %v: the ids changed between runs: %v, then %v", named, again, third)
		}
	}
}

func TestFileIDsAreUniqueAndStable(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "x/index.html", []byte("<html><body><p>x</p></body></html>"))
	write(t, dir, "y/index.html", []byte("<html><body><p>y</p></body></html>"))
	write(t, dir, "story.md", []byte("# A story\nIn markdown."))
	write(t, dir, "story.TXT", []byte("A story\nIn text."))
	write(t, dir, "pdf/story.pdf", []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj"))
	named := []string{filepath.Join(dir, "x/index.html"), filepath.Join(dir, "y/index.html"),
		filepath.Join(dir, "story.md"), filepath.Join(dir, "story.TXT")}
	ids := func(inputs []string) []string {
		var out []string
		for _, it := range readAll(t, inputs, ingest.Options{}) {
			if it.Doc != nil {
				out = append(out, it.Doc.ID)
			} else {
				out = append(out, "error: "+it.Err.Error())
			}
		}
		return out
	}
	first := ids(named)
	if first[0] != "index" || first[1] != "index~2" || first[2] != "story.md" || first[3] != "story" {
		t.Errorf("named files: %v", first)
	}
	if again := ids(named); !slices.Equal(first, again) {
		t.Errorf("ids change between runs: %v, then %v", first, again)
	}
	inDir := ids([]string{filepath.Join(dir, "x"), filepath.Join(dir, "y")})
	if inDir[0] != "index" || inDir[1] != "index~2" {
		t.Errorf("two folders given: %v", inDir)
	}
	whole := ids([]string{dir})
	if !slices.Contains(whole, "x/index") || !slices.Contains(whole, "y/index") {
		t.Errorf("one folder given: %v", whole)
	}
	pdf := ids([]string{filepath.Join(dir, "pdf/story.pdf")})
	if len(pdf) != 1 || !strings.Contains(pdf[0], "a PDF") {
		t.Errorf("a PDF: %v", pdf)
	}
}

func TestReadRefusesFIFOWithoutWaiting(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	items := readAll(t, []string{fifo}, ingest.Options{})
	if len(items) != 1 || items[0].Err == nil || !strings.Contains(items[0].Err.Error(), "not a regular file") {
		t.Fatalf("%+v", items)
	}
}

func TestReadStdin(t *testing.T) {
	items := readAll(t, []string{"-"}, ingest.Options{Stdin: strings.NewReader("A title\nSome text.")})
	if len(items) != 1 || items[0].Doc == nil || !strings.HasPrefix(items[0].Doc.ID, "stdin-") || items[0].Input != "-" {
		t.Fatalf("%+v", items)
	}
	items = readAll(t, []string{"-"}, ingest.Options{Stdin: strings.NewReader(`{"id":"s1","text":"x"}` + "\n" + `{"id":"s2","text":"y"}`)})
	if len(items) != 2 || items[1].Doc.ID != "s2" {
		t.Fatalf("JSONL on stdin: %+v", items)
	}
}

func TestReadSeedsWithManifest(t *testing.T) {
	dir := filepath.Dir(corpus.Path(t, "seeds/manifest.jsonl"))
	items := readAll(t, []string{dir}, ingest.Options{})
	if len(items) != 5 {
		t.Fatalf("%d items from the seed directory (want the 5 .txt files)", len(items))
	}
	for _, it := range items {
		if it.Err != nil || it.Doc.Meta.Published != "2025-12-03" {
			t.Errorf("%s: %+v", it.Input, it)
		}
	}
}

func FuzzJSONLRecord(f *testing.F) {
	for _, s := range []string{`{"id":"a","text":"b"}`, `{"text":1}`, `{"id":null,"text":"x","extra":[1,2]}`, "{\"text\":\"\xff\"}", `[]`, `{"id":{"a":1},"text":"t"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, line []byte) {
		if bytes.IndexByte(line, '\n') >= 0 {
			return
		}
		dir := t.TempDir()
		p := filepath.Join(dir, "f.jsonl")
		os.WriteFile(p, line, 0o644)
		for it := range ingest.Read(context.Background(), []string{p}, ingest.Options{}) {
			if it.Err == nil && (it.Doc == nil || it.Doc.ID == "" || len(it.Doc.Raw) == 0) {
				t.Fatalf("accepted record without id or text: %+v", it)
			}
		}
	})
}

// A link in a folder to a file outside it is not read unless asked; one inside is.
func TestLinksOutOfTheFolderAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	write(t, outside, "secret.txt", []byte("root:x:0:0"))
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("A story\nIts text."))
	if err := os.Symlink(filepath.Join(outside, "secret.txt"), filepath.Join(dir, "passwd.txt")); err != nil {
		t.Skipf("no symlinks here: %v", err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "again.txt")); err != nil {
		t.Fatal(err)
	}
	var docs, refused []string
	for _, it := range readAll(t, []string{dir}, ingest.Options{}) {
		if it.Err != nil {
			refused = append(refused, filepath.Base(it.Input)+": "+it.Err.Error())
		} else {
			docs = append(docs, it.Doc.ID)
		}
	}
	if !slices.Equal(docs, []string{"a", "again"}) || len(refused) != 1 || !strings.Contains(refused[0], "passwd.txt: a link to") {
		t.Errorf("read %v, refused %v", docs, refused)
	}
	all := readAll(t, []string{dir}, ingest.Options{FollowLinks: true})
	if len(all) != 3 || all[2].Err != nil {
		t.Errorf("with FollowLinks: %+v", all)
	}
}

// A file of bad records reports the first MaxFailuresPerInput one by one and counts the rest;
// an empty record file says so.
func TestFailuresPerInputAreBounded(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "bad.jsonl", []byte(strings.Repeat("{}\n", 5000)+`{"id":"ok","text":"fine"}`+"\n"))
	write(t, dir, "empty.jsonl", nil)
	items := readAll(t, []string{filepath.Join(dir, "bad.jsonl"), filepath.Join(dir, "empty.jsonl")}, ingest.Options{})
	failed, docs := 0, 0
	var last []string
	for _, it := range items {
		if it.Err != nil {
			failed++
			if !strings.Contains(it.Input, ":") {
				last = append(last, it.Err.Error())
			}
		} else {
			docs++
		}
	}
	if failed != ingest.MaxFailuresPerInput+2 || docs != 1 {
		t.Errorf("%d failures and %d documents, want %d and 1", failed, docs, ingest.MaxFailuresPerInput+2)
	}
	if len(last) != 2 || !strings.Contains(last[0], "4900 more records failed") || !strings.Contains(last[1], "empty") {
		t.Errorf("the per-file failures: %q", last)
	}
}

// A FIFO named like a record file is refused at once instead of waiting for a writer.
func TestRecordFileFIFOIsRefused(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "pipe.jsonl")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	items := readAll(t, []string{fifo, filepath.Dir(fifo)}, ingest.Options{})
	if len(items) != 2 || items[0].Err == nil || items[1].Err == nil || !strings.Contains(items[0].Err.Error(), "not a regular file") {
		t.Errorf("a FIFO: %+v", items)
	}
}

// A folder's manifest that cannot be read, and the files a manifest names that are not there,
// are said, and the folder's files are still read.
func TestManifestProblemsAreSaid(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a/one.txt", []byte("One\nText."))
	write(t, dir, "a/manifest.jsonl", []byte(`{"file":"one.txt","source":"Outlet"}`+"\n"+`{"file":"gone.txt"}`+"\n"))
	write(t, dir, "b/two.txt", []byte("Two\nText."))
	write(t, dir, "b/manifest.jsonl", []byte("{not json\n"))
	var docs, problems []string
	for _, it := range readAll(t, []string{dir}, ingest.Options{}) {
		if it.Err != nil {
			problems = append(problems, filepath.Base(it.Input)+": "+it.Err.Error())
		} else {
			docs = append(docs, it.Doc.ID+"/"+it.Doc.Meta.Source)
		}
	}
	if !slices.Equal(docs, []string{"a/one/Outlet", "b/two/"}) {
		t.Errorf("documents: %v", docs)
	}
	if len(problems) != 2 || !strings.HasPrefix(problems[0], "gone.txt: named by") || !strings.HasPrefix(problems[1], "manifest.jsonl: the manifest cannot be read") {
		t.Errorf("problems: %q", problems)
	}
}

// Each item says how many bytes of the inputs had been read when it was, up to their size.
func TestItemsSayHowMuchWasRead(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("A story\nIts text."))
	var recs strings.Builder
	for i := range 3000 {
		fmt.Fprintf(&recs, `{"id":"r%d","title":"T","text":"text of record %d"}`+"\n", i, i)
	}
	write(t, dir, "b.jsonl", []byte(recs.String()))
	items := readAll(t, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.jsonl")}, ingest.Options{})
	total := int64(len("A story\nIts text.") + recs.Len())
	last := int64(0)
	for _, it := range items {
		if it.Read < last || it.Read > total {
			t.Fatalf("%s: read %d after %d, of %d", it.Input, it.Read, last, total)
		}
		last = it.Read
	}
	if items[0].Read != 17 || last != total {
		t.Errorf("read %d after the first file and %d at the end, want 17 and %d", items[0].Read, last, total)
	}
}

// With ListSkipped, a file of a folder that is passed over is an item saying why; without it,
// it is passed over silently.
func TestSkippedFilesAreListed(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", []byte("A story\nIts text."))
	write(t, dir, "notes.md", []byte("# notes"))
	write(t, dir, "photo.jpg", []byte{0xff, 0xd8})
	items := readAll(t, []string{dir}, ingest.Options{ListSkipped: true})
	var skipped []string
	for _, it := range items {
		if it.Skipped != "" {
			if it.Doc != nil || it.Err != nil {
				t.Errorf("%s: a skipped item with a document or an error", it.Input)
			}
			skipped = append(skipped, filepath.Base(it.Input)+": "+it.Skipped)
		}
	}
	if len(skipped) != 2 || !strings.HasPrefix(skipped[0], "notes.md: a .md file") || !strings.HasPrefix(skipped[1], "photo.jpg: a .jpg file") {
		t.Errorf("skipped: %q", skipped)
	}
	if n := len(readAll(t, []string{dir}, ingest.Options{})); n != 1 {
		t.Errorf("without ListSkipped: %d items, want 1", n)
	}
}

// A folder of any manifest and any file reads without a panic: each file is a document, an
// error or a skipped item, and the manifest's problems are said.
func FuzzFolderWithManifest(f *testing.F) {
	f.Add([]byte(`{"id":"x","file":"a.txt","published":"2025-12-03"}`+"\n"), "a.txt", []byte("Title\nText."))
	f.Add([]byte("{not json\n"), "b.jsonl", []byte(`{"id":"r","text":"t"}`+"\n{}\n"))
	f.Add([]byte(`{"file":"../../etc/passwd"}`), "c.html", []byte("<html><p>x</p>"))
	f.Fuzz(func(t *testing.T, manifest []byte, name string, body []byte) {
		name = filepath.Base(name)
		if name == "." || name == "/" || name == ingest.ManifestName || strings.ContainsAny(name, "\x00") {
			return
		}
		dir := t.TempDir()
		if os.WriteFile(filepath.Join(dir, ingest.ManifestName), manifest, 0o644) != nil || os.WriteFile(filepath.Join(dir, name), body, 0o644) != nil {
			return
		}
		for _, it := range readAll(t, []string{dir}, ingest.Options{ListSkipped: true}) {
			if (it.Doc == nil) == (it.Err == nil) && it.Skipped == "" {
				t.Fatalf("%s: an item with neither a document nor an error: %+v", it.Input, it)
			}
		}
	})
}
