package syntax

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestTaggingLeavesTheParserUnread runs in a process of its own, where nothing has loaded the
// model yet: tagging reads the tagger alone, and the first parse reads the parser after it and
// parses as the whole model does.
func TestTaggingLeavesTheParserUnread(t *testing.T) {
	if os.Getenv("SYNTAX_LOAD_CHILD") == "" {
		cmd := exec.Command(os.Args[0], "-test.run=^TestTaggingLeavesTheParserUnread$", "-test.v")
		cmd.Env = append(os.Environ(), "SYNTAX_LOAD_CHILD=1")
		out, err := cmd.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "--- PASS") {
			t.Fatalf("the child test failed: %v\n%s", err, out)
		}
		return
	}
	words := strings.Fields("The police arrested three men in Boston on Tuesday .")
	tags := Tag(words)
	if model != nil || taggerModel == nil || taggerModel.Parser != nil {
		t.Fatalf("tagging read the parser (model %v, tagger %v)", model != nil, taggerModel != nil)
	}
	s := Analyze(words)
	if model == nil || model.Parser == nil || model.Tagger != taggerModel.Tagger {
		t.Fatal("the first parse did not read the parser beside the tagger already read")
	}
	if strings.Join(s.Tags, " ") != strings.Join(tags, " ") || s.Arcs[2].Rel != "root" || s.Arcs[4].Rel != "obj" {
		t.Errorf("parse after tagging alone: %v %v", s.Tags, s.Arcs)
	}
}
