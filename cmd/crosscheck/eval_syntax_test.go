package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

func TestEvalSyntax(t *testing.T) {
	if code, _, errOut := run(t, "", "eval", "syntax", "--help"); code != 0 || !strings.Contains(errOut, "Example") {
		t.Errorf("eval syntax --help: exit %d, %q", code, errOut)
	}
	if code, _, _ := run(t, "", "eval", "syntax"); code != exitUsage {
		t.Errorf("eval syntax without --treebank: exit %d", code)
	}
	dir := filepath.Dir(corpus.Path(t, "treebank/en_ewt-ud-dev.conllu.gz"))
	code, out, errOut := run(t, "", "eval", "syntax", "--treebank", dir, "--split", "dev", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var s struct {
		Split          string
		Words          int
		UPOS, UAS, LAS float64
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%q: %v", out, err)
	}
	if s.Split != "dev" || s.Words < 25000 || s.UPOS < 0.9 || s.UAS < 0.8 || s.LAS > s.UAS {
		t.Errorf("figures %+v", s)
	}
}
