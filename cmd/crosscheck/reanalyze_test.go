package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

// Articles stored without analysis (as an earlier version stored them) get it back from their
// raw bytes; their story's report is made again; an unknown id is reported and the rest go on.
func TestReanalyze(t *testing.T) {
	seeds := filepath.Dir(corpus.Path(t, "seeds/expected.json"))
	db := filepath.Join(t.TempDir(), "cc.db")
	if code, _, errOut := run(t, "", "ingest", "--db", db, seeds); code != 0 {
		t.Fatalf("ingest: %d %s", code, errOut)
	}
	if code, _, errOut := run(t, "", "report", "--db", db, "000_6f7de8062ea9ba3a"); code != 0 {
		t.Fatalf("report: %d %s", code, errOut)
	}
	conn, err := sql.Open("sqlite", "file:"+db+"?_pragma=busy_timeout(5000)")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	stripped := func() int {
		var n int
		conn.QueryRow(`SELECT count(*) FROM revisions WHERE quotes = '[]' AND entities = '[]' AND dates = '[]'`).Scan(&n)
		return n
	}
	if _, err := conn.Exec(`UPDATE revisions SET quotes = '[]', numbers = '[]', entities = '[]', dates = '[]', sentences = '[]'`); err != nil {
		t.Fatal(err)
	}
	if n := stripped(); n != 5 {
		t.Fatalf("%d articles stripped, want 5", n)
	}
	code, out, errOut := run(t, "", "reanalyze", "--db", db, "no-such-article", "000_6f7de8062ea9ba3a", "003_19817d5f41e8f76a")
	if code != 1 || !strings.Contains(errOut, `"no-such-article"`) || !strings.Contains(out, "2 articles reanalyzed, 1 failed") {
		t.Fatalf("reanalyze with an unknown id: exit %d\n%s%s", code, out, errOut)
	}
	if n := stripped(); n != 3 {
		t.Errorf("%d articles still without analysis, want 3", n)
	}
	var reports int
	conn.QueryRow(`SELECT count(*) FROM reports`).Scan(&reports)
	if reports != 0 {
		t.Errorf("the story's report was kept after its articles were analysed again")
	}
	if code, out, errOut := run(t, "", "reanalyze", "--db", db, "--json"); code != 0 || !strings.Contains(out, `"articles":5`) {
		t.Fatalf("reanalyze all: exit %d\n%s%s", code, out, errOut)
	}
	if n := stripped(); n != 0 {
		t.Errorf("%d articles still without analysis", n)
	}
	code, out, _ = run(t, "", "articles", "--db", db, "--json", "--full")
	if code != 0 || !strings.Contains(out, `"speaker":"Yuri Ushakov"`) {
		t.Errorf("the quotes did not come back")
	}
}

// Reanalysis refuses a store whose pages are damaged, and writes nothing into it; a reading
// verb on it says what to do.
func TestReanalyzeRefusesADamagedStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, _, errOut := run(t, "", "demo", "--db", db); code != exitOK {
		t.Fatalf("demo: exit %d %s", code, errOut)
	}
	b, err := os.ReadFile(db)
	if err != nil || len(b) < 8*4096 {
		t.Fatalf("the store: %d bytes, %v", len(b), err)
	}
	for i := 4 * 4096; i < 6*4096; i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut := run(t, "", "reanalyze", "--db", db)
	if code == exitOK || !strings.Contains(errOut, "damaged") {
		t.Errorf("reanalyze of a damaged store: exit %d %q", code, errOut)
	}
	after, _ := os.ReadFile(db)
	if !bytes.Equal(after, b) {
		t.Errorf("reanalyze wrote into the damaged store")
	}
}
