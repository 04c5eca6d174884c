package sqlite_test

import (
	"context"
	"database/sql"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/internal/storetest"
	"github.com/crosscheck/crosscheck/sqlite"
)

// withLines is an entry of source whose article has the given lines.
func withLines(id, source, text string, lines ...string) crosscheck.Entry {
	e := storetest.Entry(id, source, text)
	e.Article.Lines = lines
	return e
}

// tableDump is every row of the store's articles and counts, as text.
func tableDump(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out strings.Builder
	for _, q := range []string{
		`SELECT article_id || ' ' || seq || ' ' || hash FROM articles ORDER BY article_id`,
		`SELECT seq || ' ' || article_id || ' ' || revision || ' ' || source || ' ' || lines FROM revisions ORDER BY seq`,
		`SELECT source || ' ' || articles FROM sources ORDER BY source`,
		`SELECT source || ' ' || hash || ' ' || articles || ' ' || sample FROM source_lines ORDER BY source, hash`,
	} {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&out, line)
		}
		rows.Close()
	}
	return out.String()
}

// A batch stores what its entries stored one batch each would: the same articles, revisions
// and line counts, also when an article comes twice in the batch, changed, or moves to
// another source, and when articles share lines.
func TestBatchStoresWhatEntriesOneByOneStore(t *testing.T) {
	ctx := context.Background()
	entries := func() []crosscheck.Entry {
		return []crosscheck.Entry{
			withLines("a", "Wire", "one", "Share this", "First line"),
			withLines("b", "Wire", "two", "Share this", "Second line"),
			withLines("a", "Wire", "one, edited", "Share this", "Edited line"),
			withLines("c", "Post", "three", "Share this"),
			withLines("b", "Post", "two, moved", "Moved line", "Moved line"),
			withLines("c", "Post", "three", "Share this"),
			{Input: "broken.txt", Err: fmt.Errorf("unreadable")},
		}
	}
	dir := t.TempDir()
	stores := map[string][]crosscheck.PutResult{}
	dumps := map[string]string{}
	for _, batched := range []bool{false, true} {
		name := fmt.Sprint("batched=", batched)
		path := filepath.Join(dir, name+".db")
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		if batched {
			stores[name], err = s.Put(ctx, entries())
		} else {
			for _, e := range entries() {
				var res []crosscheck.PutResult
				if res, err = s.Put(ctx, []crosscheck.Entry{e}); err != nil {
					break
				}
				stores[name] = append(stores[name], res...)
			}
		}
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		dumps[name] = tableDump(t, path)
	}
	if a, b := fmt.Sprint(stores["batched=false"]), fmt.Sprint(stores["batched=true"]); a != b {
		t.Errorf("results one by one %s, in a batch %s", a, b)
	}
	if a, b := dumps["batched=false"], dumps["batched=true"]; a != b {
		t.Errorf("stored one by one:\n%s\nin a batch:\n%s", a, b)
	}
	if !strings.Contains(dumps["batched=true"], "Wire 1\n") || !strings.Contains(dumps["batched=true"], "Post 2\n") {
		t.Errorf("source counts wrong:\n%s", dumps["batched=true"])
	}
}
