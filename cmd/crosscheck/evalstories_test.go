package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalStoriesReadsAFolderAsOneStoryPerFolder(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"quake/a.txt":  "Quake kills 12 in Sarnbruck\n\nA magnitude 6.1 earthquake struck Lindqvist province on Monday, killing 12 people in Sarnbruck.",
		"quake/b.txt":  "Rescuers search Sarnbruck rubble\n\nRescuers in Sarnbruck searched rubble after the magnitude 6.1 earthquake in Lindqvist province killed 12 people.",
		"recall/c.txt": "Kestrel recalls Roadsters\n\nKestrel Motors recalled 40,000 Ostmark Roadster cars over faulty brakes, the carmaker said in Hallberg.",
		"recall/d.txt": "Roadster recall widens\n\nThe Ostmark Roadster recall by Kestrel Motors covers 40,000 cars with faulty brakes, the Hallberg company said.",
	}
	for name, text := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := run(t, "", "eval", "stories", "--gold", dir, "--json")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s struct {
		Articles int     `json:"articles"`
		Gold     int     `json:"gold_clusters"`
		F1       float64 `json:"bcubed_f1"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v: %q", err, out)
	}
	if s.Articles != 4 || s.Gold != 2 || s.F1 != 1 {
		t.Fatalf("figures %+v", s)
	}
	code, out, _ = run(t, "", "eval", "stories", "--gold", dir, "--shuffles", "3")
	if code != exitOK || !strings.Contains(out, "shuffle 3") || !strings.Contains(out, "shuffle mean") {
		t.Fatalf("--shuffles: exit %d %q", code, out)
	}
}
