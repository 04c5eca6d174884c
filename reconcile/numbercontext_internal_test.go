package reconcile

import (
	"strings"
	"testing"
)

// A figure's readers see a bounded window of its sentence, from and to whole words, so that a
// sentence of thousands of figures costs a bounded read per figure; a short sentence is seen whole.
func TestFigureContextIsBounded(t *testing.T) {
	long := strings.Repeat("12 people ", 3000)
	before, after := ctxBefore(long), ctxAfter(long)
	if len(before) > contextWindow || len(after) > contextWindow {
		t.Fatalf("windows of %d and %d bytes, want at most %d", len(before), len(after), contextWindow)
	}
	if !strings.HasPrefix(before, "12 ") && !strings.HasPrefix(before, "people ") || strings.HasSuffix(after, "peo") {
		t.Errorf("windows cut inside a word: %q … %q", before[:12], after[len(after)-12:])
	}
	if !strings.HasSuffix(long, before) || !strings.HasPrefix(long, after) {
		t.Error("the windows are not the text nearest the figure")
	}
	short := "Police said 12 people were hurt"
	if ctxBefore(short) != short || ctxAfter(short) != short {
		t.Error("a short sentence is cut")
	}
}
