package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
)

// The report on our own gold stories (eval/testdata/stories): every planted conflict, derived
// pair and differing quote found, and nothing linked that the gold does not link.
func TestEvalReportOwnStories(t *testing.T) {
	golds, err := filepath.Glob("../../eval/testdata/stories/*/expected.json")
	if err != nil || len(golds) < 5 {
		t.Fatalf("want the gold stories, got %v (%v)", golds, err)
	}
	code, out, errOut := run(t, "", append([]string{"eval", "report", "--json"}, golds...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Total struct {
			Conflicts, Derived, Differences struct{ TP, FP, FN int }
		}
		Stories []struct {
			Gold   string
			Passed int
			Checks []struct {
				Section, Article, What, Detail string
				Pass                           bool
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	c := got.Total
	// Scored strictly (a fact must be about the gold's subject), one conflict is missed and two
	// reported ones are not the gold's: their subjects ("percentage point of “rate, inflation,
	// interest”") do not say what they are about.
	if c.Conflicts.FN > 1 || c.Derived.FN > 0 || c.Differences.FN > 0 {
		t.Errorf("missed: %d conflict(s), %d derived pair(s), %d quote difference(s)", c.Conflicts.FN, c.Derived.FN, c.Differences.FN)
	}
	if c.Derived.FP > 0 || c.Differences.FP > 0 || c.Conflicts.FP > 2 {
		t.Errorf("false findings: %d conflict(s), %d derived pair(s), %d quote difference(s)", c.Conflicts.FP, c.Derived.FP, c.Differences.FP)
	}
	failed := 0
	for _, s := range got.Stories {
		for _, ch := range s.Checks {
			if !ch.Pass {
				failed++
				t.Logf("%s: %s %s %s: %s", filepath.Base(filepath.Dir(s.Gold)), ch.Section, ch.Article, ch.What, ch.Detail)
			}
		}
	}
	if failed > 6 {
		t.Errorf("%d checks fail, want at most 6 (the feature article the grouping leaves out, and facts whose subjects do not say what they are about)", failed)
	}
}
