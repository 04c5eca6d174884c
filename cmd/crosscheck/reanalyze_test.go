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

// Reanalysis refuses a store whose pages are damaged, and writes nothing into it, also when the
// damage is in a table reanalysing one article never reads (the feeds'); a reading verb on a
// store whose articles are damaged says what to do.
func TestReanalyzeRefusesADamagedStore(t *testing.T) {
	for _, table := range []string{"articles", "feeds"} {
		t.Run(table, func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "d.db")
			if code, _, errOut := run(t, "", "demo", "--db", db); code != exitOK {
				t.Fatalf("demo: exit %d %s", code, errOut)
			}
			b := damage(t, db, table)
			for _, args := range [][]string{{"reanalyze", "--db", db}, {"reanalyze", "--db", db, "coastline-post"}} {
				code, _, errOut := run(t, "", args...)
				if code == exitOK || !strings.Contains(errOut, "damaged") || !strings.Contains(errOut, "move it aside") {
					t.Errorf("%q: exit %d %q", args, code, errOut)
				}
				if after, _ := os.ReadFile(db); !bytes.Equal(after, b) {
					t.Errorf("%q wrote into the damaged store", args)
				}
			}
			if table != "articles" {
				return
			}
			code, _, errOut := run(t, "", "articles", "--db", db)
			if code == exitOK || !strings.Contains(errOut, "malformed") || !strings.Contains(errOut, "move it aside") {
				t.Errorf("articles: exit %d %q", code, errOut)
			}
		})
	}
}

// damage overwrites the first page of a table of the store with junk and returns the store's
// bytes after.
func damage(t *testing.T, db, table string) []byte {
	t.Helper()
	conn, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var page, size int64
	err = conn.QueryRow(`SELECT min(pageno), max(pgsize) FROM dbstat WHERE name = ?`, table).Scan(&page, &size)
	conn.Close()
	if err != nil || page < 2 {
		t.Fatalf("the pages of %s: %d, %v", table, page, err)
	}
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	for i := (page - 1) * size; i < page*size; i++ {
		b[i] = 0x5a
	}
	if err := os.WriteFile(db, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return b
}
