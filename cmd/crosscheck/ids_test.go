package main

import (
	"os"
	"path/filepath"
	"testing"
)

// Ids are stable across runs: story.HTML added to a folder beside an ingested story.TXT sorts
// before it, and still takes no id of it; story.TXT's article stays what it was.
func TestIngestKeepsTheIDOfTheFileThatHadIt(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(t.TempDir(), "ids.db")
	writeFile := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile("story.TXT", "Rail fares rise\nRail fares rise by four per cent in January, the operator said on Monday.")
	if code, _, errOut := run(t, "", "ingest", "--db", db, dir); code != 0 {
		t.Fatal(errOut)
	}
	writeFile("story.HTML", "<html><head><title>Port strike ends</title></head><body><p>Port workers ended their strike on Thursday, the union said.</p></body></html>")
	for range 2 { // the second run changes nothing
		if code, _, errOut := run(t, "", "ingest", "--db", db, dir); code != 0 {
			t.Fatal(errOut)
		}
	}
	_, out, _ := run(t, "", "articles", "--db", db, "--json")
	byID := map[string]map[string]any{}
	for _, a := range jsonLines(t, out) {
		byID[a["id"].(string)] = a
	}
	if a := byID["story"]; a == nil || a["revision"] != 1.0 || filepath.Base(a["input"].(string)) != "story.TXT" {
		t.Errorf("the article story: %v", a)
	}
	if a := byID["story.HTML"]; a == nil || a["revision"] != 1.0 || filepath.Base(a["input"].(string)) != "story.HTML" {
		t.Errorf("the added file's article: %v (all: %v)", a, byID)
	}
	if len(byID) != 2 {
		t.Errorf("%d articles: %v", len(byID), byID)
	}
}
