package main

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck/demo"
	httpfetch "github.com/crosscheck/crosscheck/fetch"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// TestMain lets the test binary stand in for crosscheck when a test runs it as a process:
// CROSSCHECK_AS_MAIN=1 runs it as crosscheck, =impolite as crosscheck with its web client's
// politeness off (no delay between two requests to a host, no robots.txt), as the loopback
// servers of the tests need. A follow the program runs as a process of its own is the test
// binary too, with politeness off.
func TestMain(m *testing.M) {
	selfCommand = func(args ...string) (*exec.Cmd, error) {
		cmd := exec.Command(os.Args[0], args...)
		cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=impolite")
		return cmd, nil
	}
	switch os.Getenv("CROSSCHECK_AS_MAIN") {
	case "1":
		os.Exit(process(NewMain()))
	case "impolite":
		impolite := NewMain()
		impolite.Fetch = &httpfetch.Options{Delay: -1, IgnoreRobots: true}
		os.Exit(process(impolite))
	}
	os.Exit(m.Run())
}

// run runs crosscheck in process and returns its exit status, stdout and stderr.
func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	m := &Main{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" },
		Now: time.Now}
	code := m.Run(context.Background(), args)
	return code, out.String(), errOut.String()
}

func jsonLines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		if line == "" {
			continue
		}
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			t.Fatalf("not JSON: %q: %v", line, err)
		}
		out = append(out, m)
	}
	return out
}

func TestSeedsEndToEnd(t *testing.T) {
	seeds := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	db := filepath.Join(t.TempDir(), "cc.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, "--json", "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds)
	if code != 0 {
		t.Fatalf("ingest exit %d: %s", code, errOut)
	}
	var lines []map[string]any
	skipped := 0
	for _, l := range jsonLines(t, out) {
		if l["status"] == "skipped" {
			skipped++ // EXPECTED.md and expected.json beside the articles
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) != 5 || skipped != 2 {
		t.Fatalf("%d result lines and %d skipped: %s", len(lines), skipped, out)
	}
	for _, l := range lines {
		if l["status"] != "added" || l["id"] == "" || l["input"] == "" {
			t.Errorf("result %v", l)
		}
	}
	code, out, _ = run(t, "", "articles", "--db", db, "--json")
	arts := jsonLines(t, out)
	if code != 0 || len(arts) != 5 {
		t.Fatalf("articles: exit %d, %d lines", code, len(arts))
	}
	for _, key := range []string{"id", "title", "author", "published", "source", "url", "credits", "language", "text"} {
		if _, ok := arts[0][key]; !ok {
			t.Errorf("articles --json lacks %q", key)
		}
	}
	if arts[0]["published"] != "2025-12-03" || arts[0]["author"] != "Sophia Brooks" || arts[0]["language"] != "en" {
		t.Errorf("article 000: %v", arts[0])
	}
	code, out, _ = run(t, "", "articles", "--db", db, "--json", "--full")
	full := jsonLines(t, out)
	if code != 0 || !strings.Contains(fmt.Sprint(full[0]["numbers"]), "counted:plan") || !strings.Contains(fmt.Sprint(full[0]["quotes"]), "speaker:Yuri Ushakov") {
		t.Fatalf("articles --full: numbers %v\nquotes %v", full[0]["numbers"], full[0]["quotes"])
	}
	code, out, _ = run(t, "", "eval", "seeds", "--db", db, "--json", "--gold", filepath.Join(seeds, "expected.json"))
	var scored struct {
		Checks []struct {
			Section, Article, What, Detail string
			Pass                           bool
		}
	}
	if err := json.Unmarshal([]byte(out), &scored); code != 0 || err != nil || len(scored.Checks) < 50 {
		t.Fatalf("eval seeds: exit %d, %v\n%s", code, err, out)
	}
	for _, c := range scored.Checks {
		if !c.Pass {
			t.Errorf("eval seeds: %s %s %s: %s", c.Section, c.Article, c.What, c.Detail)
		}
	}
	code, out, _ = run(t, "", "report", "--db", db, "001_4ca82ed4cbe05626")
	if code != 0 || !strings.Contains(out, "## Conflicts") || !strings.Contains(out, "27 points — [4]") || !strings.Contains(out, "former President — [1]") {
		t.Fatalf("report: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "report", "--db", db, "--format", "html", "001_4ca82ed4cbe05626")
	if code != 0 || !strings.Contains(out, `class="conflict"`) || !strings.Contains(out, "Putin’s senior adviser") {
		t.Fatalf("report --format html: exit %d\n%.2000s", code, out)
	}
	// The same bytes again change nothing.
	code, out, _ = run(t, "", "ingest", "--db", db, "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds)
	if code != 0 || !strings.Contains(out, "5 inputs: 0 added, 5 unchanged, 0 failed") {
		t.Fatalf("re-ingest: exit %d: %s", code, out)
	}
	// A changed version of one id becomes revision 2.
	edited := filepath.Join(t.TempDir(), "001_4ca82ed4cbe05626.txt")
	b, _ := os.ReadFile(filepath.Join(seeds, "001_4ca82ed4cbe05626.txt"))
	os.WriteFile(edited, append(b, "\nA late correction was added to the story after publication today.\n"...), 0o644)
	code, out, _ = run(t, "", "ingest", "--db", db, "--json", edited)
	if l := jsonLines(t, out); code != 0 || l[0]["status"] != "added" || l[0]["revision"] != 2.0 {
		t.Fatalf("edited: exit %d: %s", code, out)
	}
	code, out, _ = run(t, "", "show", "--db", db, "001_4ca82ed4cbe05626")
	if code != 0 || !strings.Contains(out, "revision 2") || !strings.Contains(out, "late correction") || !strings.Contains(out, "mojibake:windows-874") {
		t.Fatalf("show: exit %d\n%s", code, out)
	}
}

func TestBadInputsAreReportedAndTheBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	w := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, data, 0o644)
		return p
	}
	good := w("good.txt", []byte("A good article\nThis article is fine and has enough words in it to be the body of a news story."))
	binary := w("photo.bin", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 512)...))
	empty := w("empty.txt", nil)
	latin := w("latin1.txt", []byte("Caf\xe9 owners\nThe caf\xe9 owners of Sarnbr\xfcck said the river level matters more than any treaty."))
	nested := w("nested.html", []byte("<html><body>"+strings.Repeat("<div>", 5000)+"deep"+strings.Repeat("</div>", 5000)+"</body></html>"))
	malformed := w("records.jsonl", []byte(`{"id":"r1","text":"Record one has text enough to be kept as an article body."}`+"\n{broken\n"+`{"id":"r2","text":"Record two has text enough to be kept as an article body."}`+"\n"))
	huge := filepath.Join(dir, "huge.txt")
	f, _ := os.Create(huge)
	f.Truncate(500 << 20)
	f.Close()
	missing := filepath.Join(dir, "no-such-file.txt")
	db := filepath.Join(dir, "cc.db")

	code, out, errOut := run(t, "", "ingest", "--db", db, "--json", good, binary, empty, latin, nested, malformed, huge, missing)
	if code != exitFailed {
		t.Fatalf("exit %d, want %d (some inputs failed)\n%s", code, exitFailed, errOut)
	}
	got := map[string]string{}
	for _, l := range jsonLines(t, out) {
		got[l["input"].(string)] = fmt.Sprint(l["status"], ": ", l["error"])
	}
	for input, want := range map[string]string{
		good:             "added",
		binary:           "error: binary data",
		empty:            "error: empty",
		latin:            "added",
		nested:           "error: HTML nested",
		malformed + ":1": "added",
		malformed + ":2": "error: malformed JSON record",
		malformed + ":3": "added",
		huge:             "error: too large: 500.0 MiB",
		missing:          "error: no such file",
	} {
		if !strings.HasPrefix(got[input], want) {
			t.Errorf("%s: got %q, want %q…", input, got[input], want)
		}
	}
	if len(got) != 10 {
		t.Errorf("%d results, want 10: %v", len(got), got)
	}
	code, out, _ = run(t, "", "show", "--db", db, "latin1")
	if code != 0 || !strings.Contains(out, "Sarnbrück") {
		t.Errorf("Windows-1252 file not decoded: %s", out)
	}
	code, out, _ = run(t, "", "failures", "--db", db)
	if code != 0 || strings.Count(out, "\n") != 6 {
		t.Errorf("failures: %s", out)
	}
	// Without --json a failure is one line on stderr naming the input.
	code, _, errOut = run(t, "", "ingest", "--db", db, binary)
	if code != exitFailed || !strings.Contains(errOut, binary+": binary data, not text") {
		t.Errorf("stderr: %q", errOut)
	}
}

func TestKilledIngestLeavesConsistentStoreThatARerunCompletes(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a process")
	}
	dir := t.TempDir()
	const n = 30000
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `{"id":"k%06d","title":"Record %d","text":"Record %d says the council met on Tuesday and voted %d to %d on the budget, officials said."}`+"\n", i, i, i, i%50, i%30)
	}
	input := filepath.Join(dir, "many.jsonl")
	os.WriteFile(input, []byte(b.String()), 0o644)
	db := filepath.Join(dir, "cc.db")
	cmd := exec.Command(os.Args[0], "ingest", "--db", db, input)
	cmd.Env = append(os.Environ(), "CROSSCHECK_AS_MAIN=1")
	var childErr bytes.Buffer
	cmd.Stderr = &childErr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Kill it once some batches are stored.
	deadline := time.Now().Add(120 * time.Second)
	for {
		time.Sleep(50 * time.Millisecond)
		if c := count(t, db); c > 0 || time.Now().After(deadline) {
			break
		}
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	stored := count(t, db)
	if stored == 0 || stored >= n {
		t.Fatalf("killed after %d of %d records: the test did not interrupt the ingest; the ingest said: %s", stored, n, childErr.String())
	}
	check(t, db)
	code, out, errOut := run(t, "", "ingest", "--db", db, input)
	if code != 0 {
		t.Fatalf("rerun: exit %d: %s", code, errOut)
	}
	want := fmt.Sprintf("%d inputs: %d added, %d unchanged, 0 failed", n, n-stored, stored)
	if !strings.Contains(out, want) {
		t.Fatalf("rerun: %q, want %q", out, want)
	}
	if c := count(t, db); c != n {
		t.Fatalf("%d articles after the rerun, want %d", c, n)
	}
	check(t, db)
}

// count reads how many articles a store holds without writing to it — no migrations, no lock
// the ingest under test would wait for.
func count(t *testing.T, db string) int {
	t.Helper()
	if _, err := os.Stat(db); err != nil {
		return 0
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro&_pragma=busy_timeout(5000)")
	if err != nil {
		return 0
	}
	defer conn.Close()
	var n int
	if err := conn.QueryRow(`SELECT COUNT(*) FROM articles`).Scan(&n); err != nil {
		return 0 // not created yet
	}
	return n
}

func check(t *testing.T, db string) {
	t.Helper()
	s, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
}

func TestDemo(t *testing.T) {
	code, out, errOut := run(t, "", "demo")
	if code != 0 {
		t.Fatalf("demo: exit %d: %s", code, errOut)
	}
	for _, want := range []string{"6 inputs: 6 added", "(5 articles): coastline-post, daily-meridian, northgate-herald, ostmark-today, veldara-wire-0516", "(1 articles): veldara-wire-0517", "Sarnbrück", "“frank”", "The Veldara Times", "Jon Harrow", "[duplicate-paragraph]", "mojibake:windows-874"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q", want)
		}
	}
	if !regexp.MustCompile(`conflict: .*12 points[^(]*\(Northgate Herald, Veldara Wire\) against 11 points[^(]*\(Daily Meridian\)`).MatchString(out) {
		t.Errorf("the demo does not end with the story's conflict, 12 points against 11")
	}
	for _, bad := range []string{"â€", "โ€", "Leave a Reply"} {
		if strings.Contains(strings.Split(out, "Removed by cleaning")[0], bad) {
			t.Errorf("demo article text still has %q", bad)
		}
	}
}

func TestEveryCommandHasHelpWithExample(t *testing.T) {
	for _, c := range commands() {
		code, _, errOut := run(t, "", c.name, "--help")
		if code != 0 || !strings.Contains(errOut, "Example") {
			t.Errorf("%s --help: exit %d, %q", c.name, code, errOut)
		}
	}
	if code, _, _ := run(t, "", "nonsense"); code != exitUsage {
		t.Errorf("unknown command: exit %d", code)
	}
	if code, _, _ := run(t, "", "ingest"); code != exitUsage {
		t.Errorf("ingest without paths: exit %d", code)
	}
	if code, _, errOut := run(t, "", "show", "--db", filepath.Join(t.TempDir(), "x.db"), "nope"); code != exitMissing || !strings.Contains(errOut, "not found") {
		t.Errorf("show missing: exit %d %q", code, errOut)
	}
	if code, out, _ := run(t, "", "--version"); code != exitOK || !strings.HasPrefix(out, "crosscheck ") {
		t.Errorf("--version: exit %d %q", code, out)
	}
}

// A reading verb given a store that is not there says so and makes none; a writing verb makes it.
func TestReadingVerbsNeedAStore(t *testing.T) {
	typo := filepath.Join(t.TempDir(), "typo.db")
	for _, args := range [][]string{{"stories"}, {"articles"}, {"report", "x"}, {"failures"}, {"show", "x"}, {"serve", "--addr", "127.0.0.1:0"}} {
		code, _, errOut := run(t, "", append(args, "--db", typo)...)
		if code != exitMissing || !strings.Contains(errOut, "no store at "+typo) {
			t.Errorf("%s on a missing store: exit %d %q", args[0], code, errOut)
		}
		if _, err := os.Stat(typo); err == nil {
			t.Fatalf("%s made the store", args[0])
		}
	}
	if code, _, errOut := run(t, "Ferry strike\nFerry workers walked out.", "ingest", "--db", typo, "-"); code != exitOK {
		t.Fatalf("ingest: exit %d %s", code, errOut)
	}
	if code, out, _ := run(t, "", "stories", "--db", typo); code != exitOK || !strings.Contains(out, "Ferry") {
		t.Errorf("stories after ingest: exit %d %q", code, out)
	}
}

// TestSeedsAreOneStoryAmongAllCorpora ingests ECB+, Reuters and the seeds into one store: the
// five seeds must form exactly one story, and nothing else may join it.
func TestSeedsAreOneStoryAmongAllCorpora(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests 20,000 articles")
	}
	seeds := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	ecb := corpus.Path(t, "ecbplus/docs.jsonl")
	reuters := corpus.Path(t, "bulk/reuters21578.jsonl.gz")
	db := filepath.Join(t.TempDir(), "all.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, ecb, reuters, "--manifest", filepath.Join(seeds, "manifest.jsonl"), seeds)
	if code != 0 {
		t.Fatalf("ingest: exit %d: %s %s", code, out, errOut)
	}
	code, out, _ = run(t, "", "stories", "--db", db, "--json")
	if code != 0 {
		t.Fatalf("stories: exit %d", code)
	}
	var found []map[string]any
	for _, s := range jsonLines(t, out) {
		for _, a := range s["articles"].([]any) {
			if strings.HasPrefix(a.(string), "00") && strings.Contains(a.(string), "_") {
				found = append(found, s)
				break
			}
		}
	}
	if len(found) != 1 {
		t.Fatalf("the seeds are in %d stories: %v", len(found), found)
	}
	if got := fmt.Sprint(found[0]["articles"]); got != "[000_6f7de8062ea9ba3a 001_4ca82ed4cbe05626 002_3d242797057cde70 003_19817d5f41e8f76a 004_62117c75850675db]" {
		t.Fatalf("the seed story holds %s", got)
	}
}

func TestStoriesAcrossRuns(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "cc.db")
	code, _, errOut := run(t, "", "demo", "--db", db)
	if code != 0 {
		t.Fatal(errOut)
	}
	// A later article about the same talks joins the existing story.
	late := filepath.Join(dir, "late.txt")
	os.WriteFile(late, []byte("Sarn dam talks to resume next month\nVeldaran foreign minister Elena Marsh and Ostmark's President Tomas Kerr will meet again in Lindqvist next month to resume talks on the Sarn river dam and its summer water quota, spokesman Ivo Brandt said on Saturday."), 0o644)
	code, out, _ := run(t, "", "ingest", "--db", db, late)
	if code != 0 || !strings.Contains(out, "grouped 1 article(s): 0 new stories, 0 near-duplicates") {
		t.Fatalf("ingest: %d %s", code, out)
	}
	code, out, _ = run(t, "", "stories", "--db", db, "--json")
	var dam map[string]any
	for _, s := range jsonLines(t, out) {
		if s["id"] == "story-coastline-post" {
			dam = s
		}
	}
	if dam == nil || !strings.Contains(fmt.Sprint(dam["articles"]), "late") || len(dam["articles"].([]any)) != 6 {
		t.Fatalf("the late article did not join the dam story: %s", out)
	}
	// A syndicated copy of the Herald's story, with its own byline and credit, is a near-duplicate.
	herald, _ := fs.ReadFile(demo.Corpus(), "northgate-herald.txt")
	copyOf := filepath.Join(dir, "syndicated.txt")
	os.WriteFile(copyOf, []byte("Dam talks: no deal\nBy Wire Staff\n"+string(herald)+"\nWith inputs from agencies"), 0o644)
	if code, out, _ = run(t, "", "ingest", "--db", db, copyOf); code != 0 || !strings.Contains(out, "1 near-duplicates") {
		t.Fatalf("copy: %d %s", code, out)
	}
	_, out, _ = run(t, "", "stories", "--db", db, "--json")
	if !strings.Contains(out, `"article":"syndicated","of":"northgate-herald"`) {
		t.Fatalf("the copy is not reported: %s", out)
	}
}

// Progress on a terminal says how far through the inputs' bytes the ingest is, and the time
// left.
func TestProgressSaysTheShareAndTimeLeft(t *testing.T) {
	start := time.Unix(0, 0)
	p := progress{start: start, total: 1000, read: 250}
	if got := p.left(start.Add(30 * time.Second)); got != ", 25%, 1m30s left" {
		t.Errorf("a quarter read in 30 s: %q", got)
	}
	p.total = 0
	if got := p.left(start.Add(time.Second)); got != "" {
		t.Errorf("of unknown size: %q", got)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), make([]byte, 300), 0o644)
	os.MkdirAll(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "b.jsonl"), make([]byte, 700), 0o644)
	if n := inputSize([]string{dir}); n != 1000 {
		t.Errorf("the inputs' size: %d, want 1000", n)
	}
	if n := inputSize([]string{dir, "-"}); n != 0 {
		t.Errorf("with standard input: %d, want 0 (unknown)", n)
	}
}

// A folder's files of kinds crosscheck does not read are counted and listed in the summary,
// and each is a line of its own with --json.
func TestIngestListsSkippedFiles(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Ferry strike\nFerry workers walked out on Monday."), 0o644)
	os.WriteFile(filepath.Join(dir, "story.pdf"), []byte("%PDF-1.4"), 0o644)
	db := filepath.Join(t.TempDir(), "s.db")
	code, out, _ := run(t, "", "ingest", "--db", db, dir)
	if code != exitOK || !strings.Contains(out, "1 inputs: 1 added") || !strings.Contains(out, "1 file(s) in the folders skipped") || !strings.Contains(out, "story.pdf: a .pdf file") {
		t.Errorf("summary: exit %d\n%s", code, out)
	}
	code, out, _ = run(t, "", "ingest", "--db", db, "--json", dir)
	if code != exitOK || !strings.Contains(out, `"status":"skipped"`) || !strings.Contains(out, `"reason":"a .pdf file`) {
		t.Errorf("--json: exit %d\n%s", code, out)
	}
}

// A JSONL whose records fail past the ones listed one by one is summed up by its records, not
// by the lines it prints: 300 failed records are 300 failed inputs, not 101.
func TestIngestSummaryCountsFailedRecords(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "empty.jsonl")
	os.WriteFile(in, []byte(strings.Repeat("{}\n", 300)), 0o644)
	db := filepath.Join(dir, "s.db")
	code, out, errOut := run(t, "", "ingest", "--db", db, in)
	if code != exitFailed || !strings.Contains(out, "300 inputs: 0 added, 0 unchanged, 300 failed") {
		t.Errorf("exit %d: %s", code, out)
	}
	if !strings.Contains(errOut, "200 more records failed") {
		t.Errorf("stderr: %s", errOut)
	}
	code, out, _ = run(t, "", "ingest", "--db", db, "--json", in)
	if last := jsonLines(t, out); code != exitFailed || len(last) != 101 || last[100]["records"] != float64(200) {
		t.Errorf("--json: exit %d, %d lines\n%s", code, len(last), out)
	}
	if os.Getenv(storetest.PostgresEnv) == "" {
		return
	}
	code, out, errOut = run(t, "", "ingest", "--db", storetest.PostgresDSN(t), "--enqueue", in)
	if code != exitFailed || !strings.Contains(out, "0 inputs queued, 300 failed") {
		t.Errorf("--enqueue: exit %d: %s", code, out)
	}
}
