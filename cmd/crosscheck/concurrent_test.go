package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// Two ingests and a reanalyze writing one store at once all finish, and every article is
// stored once: writers wait for each other instead of failing with "database is locked".
func TestWritersShareAStore(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "shared.db")
	if code, _, errOut := run(t, "", "ingest", "--db", db, writeRecords(t, dir, "warm", 50)); code != exitOK {
		t.Fatalf("first ingest: exit %d %s", code, errOut)
	}
	inputs := []string{writeRecords(t, dir, "a", 1500), writeRecords(t, dir, "b", 1500)}
	var wg sync.WaitGroup
	codes, errs := make([]int, 3), make([]string, 3)
	for i, in := range inputs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes[i], _, errs[i] = run(t, "", "ingest", "--db", db, in)
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		codes[2], _, errs[2] = run(t, "", "reanalyze", "--db", db)
	}()
	wg.Wait()
	for i, c := range codes {
		if c != exitOK {
			t.Errorf("writer %d: exit %d %s", i, c, errs[i])
		}
	}
	code, out, _ := run(t, "", "articles", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("articles: exit %d", code)
	}
	seen := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		seen[a.ID]++
	}
	if len(seen) != 3050 {
		t.Errorf("%d articles stored, want 3050", len(seen))
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s stored %d times", id, n)
		}
	}
	// and every article is in exactly one story
	code, out, _ = run(t, "", "stories", "--db", db, "--json")
	if code != exitOK {
		t.Fatalf("stories: exit %d", code)
	}
	inStory := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var st struct{ Articles []string }
		if err := json.Unmarshal([]byte(line), &st); err != nil {
			t.Fatal(err)
		}
		for _, a := range st.Articles {
			inStory[a]++
		}
	}
	for id := range seen {
		if inStory[id] != 1 {
			t.Errorf("%s is in %d stories", id, inStory[id])
		}
	}
}

// writeRecords writes n short JSONL articles with ids prefix-0… and returns the file.
func writeRecords(t *testing.T, dir, prefix string, n int) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for i := range n {
		enc.Encode(map[string]string{"id": fmt.Sprintf("%s-%d", prefix, i), "title": fmt.Sprintf("Harbour crane %d falls", i),
			"text":   fmt.Sprintf("A crane numbered %d fell in the %s harbour on Monday, the port said. \"Nobody was hurt,\" said Ana Ruiz.", i, prefix),
			"source": "Wire " + prefix, "date": "2026-01-05"})
	}
	p := filepath.Join(dir, prefix+".jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
