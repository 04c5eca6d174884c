package quote

import (
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "write testdata/rules.golden from the current code")

// TestRulesOnTheirExamples runs each rule's example through Find: the rule must name a quote
// of its example (the continuation joins two into one quote of two parts), and what Find
// makes of every example is kept in testdata/rules.golden.
func TestRulesOnTheirExamples(t *testing.T) {
	var golden strings.Builder
	for i, r := range rules {
		qs := Find(r.example)
		fmt.Fprintf(&golden, "%d %s\n  %q\n", i+1, r.name, r.example)
		fired := false
		for _, q := range qs {
			fmt.Fprintf(&golden, "  → %q speaker %q mention %q cue %q rule %q parts %d\n", q.Text, q.Speaker, q.SpeakerMention, q.Cue, q.Rule, len(q.Parts))
			fired = fired || q.Rule == r.name || r.name == ruleContinuation && len(q.Parts) == 2
		}
		if !fired {
			t.Errorf("rule %d %q does not apply to its example %q: %+v", i+1, r.name, r.example, qs)
		}
	}
	const path = "testdata/rules.golden"
	if *update {
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -run TestRulesOnTheirExamples -update writes it)", err)
	}
	if golden.String() != string(want) {
		t.Errorf("the rules' examples read otherwise than %s (go test -update rewrites it):\n%s", path, golden.String())
	}
}
