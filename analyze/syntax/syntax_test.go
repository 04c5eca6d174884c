package syntax_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/syntax"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

func TestTagObviousWords(t *testing.T) {
	words := strings.Fields("The police arrested three men in Boston on Tuesday .")
	want := strings.Fields("DET NOUN VERB NUM NOUN ADP PROPN ADP PROPN PUNCT")
	got := syntax.Tag(words)
	for i := range words {
		if got[i] != want[i] {
			t.Errorf("%s: tag %s, want %s (all: %v)", words[i], got[i], want[i], got)
		}
	}
}

func TestParseSubjectObjectAndCount(t *testing.T) {
	words := strings.Fields("The police arrested three men in Boston on Tuesday .")
	s := syntax.Analyze(words)
	type arc struct {
		word, head, rel string
	}
	for _, w := range []arc{
		{"arrested", "", "root"},
		{"police", "arrested", "nsubj"},
		{"men", "arrested", "obj"},
		{"three", "men", "nummod"},
		{"The", "police", "det"},
		{"Tuesday", "arrested", "obl"},
		{".", "arrested", "punct"},
	} {
		i := index(words, w.word)
		a := s.Arcs[i]
		head := ""
		if a.Head >= 0 {
			head = words[a.Head]
		}
		if head != w.head || a.Rel != w.rel {
			t.Errorf("%s: head %q %s, want %q %s", w.word, head, a.Rel, w.head, w.rel)
		}
	}
}

func TestNewsSpelling(t *testing.T) {
	words := []string{"“", "We", "won’t", "go", ",", "”", "Ortiz’s", "lawyer", "said", "—", "twice", "."}
	s := syntax.Analyze(words)
	for i, want := range map[int]string{0: "PUNCT", 2: "AUX", 6: "PROPN", 8: "VERB", 9: "PUNCT"} {
		if s.Tags[i] != want {
			t.Errorf("%s: tag %s, want %s", words[i], s.Tags[i], want)
		}
	}
	if a := s.Arcs[6]; words[max(a.Head, 0)] != "lawyer" || a.Rel != "nmod:poss" {
		t.Errorf("Ortiz’s: %+v, want the possessor of lawyer", a)
	}
	if a := s.Arcs[1]; words[max(a.Head, 0)] != "go" || a.Rel != "nsubj" {
		t.Errorf("We: %+v, want the subject of go", a)
	}
}

func TestEmptyAndLong(t *testing.T) {
	if s := syntax.Analyze(nil); len(s.Tags) != 0 || len(s.Arcs) != 0 {
		t.Errorf("empty: %+v", s)
	}
	if tags := syntax.Tag([]string{}); len(tags) != 0 {
		t.Errorf("empty: %v", tags)
	}
	long := make([]string, 2*syntax.MaxWords+7)
	for i := range long {
		long[i] = []string{"the", "cat", "sat", ",", "and"}[i%5]
	}
	if tags := syntax.Tag(long); len(tags) != len(long) {
		t.Fatalf("%d tags for %d words", len(tags), len(long))
	}
	s := syntax.Analyze(long)
	roots := 0
	for i, a := range s.Arcs {
		if a.Head < -1 || a.Head >= len(long) || a.Head == i {
			t.Fatalf("word %d: head %d", i, a.Head)
		}
		if a.Head == -1 {
			roots++
		} else if i/syntax.MaxWords != a.Head/syntax.MaxWords {
			t.Errorf("word %d: head %d in another piece", i, a.Head)
		}
	}
	if roots < 3 {
		t.Errorf("%d roots in three pieces", roots)
	}
}

func TestParseReadsGivenTags(t *testing.T) {
	words := strings.Fields("Prices rose 5 % .")
	tags := syntax.Tag(words)
	arcs := syntax.Parse(words, tags)
	if len(arcs) != len(words) {
		t.Fatalf("%d arcs for %d words", len(arcs), len(words))
	}
	if a := arcs[0]; a.Head != 1 || a.Rel != "nsubj" {
		t.Errorf("Prices: %+v", a)
	}
	// tags given override the tagger's; too few or too many are safe
	for _, tags := range [][]string{{"X", "X", "X", "X", "X"}, {"NOUN"}, {}, make([]string, 9)} {
		if got := syntax.Parse(words, tags); len(got) != len(words) {
			t.Fatalf("%d arcs", len(got))
		}
	}
	long := make([]string, syntax.MaxWords+3)
	for i := range long {
		long[i] = "x"
	}
	if got := syntax.Parse(long, []string{"NOUN"}); len(got) != len(long) {
		t.Fatalf("%d arcs for %d words", len(got), len(long))
	}
}

func TestTreebankAccuracy(t *testing.T) {
	dir := filepath.Dir(corpus.Path(t, "treebank/en_ewt-ud-test.conllu.gz"))
	if testing.Short() {
		t.Skip("short: the treebank's test split takes a while")
	}
	s, err := syntax.EvaluateSplit(dir, "test")
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("test: %d words, UPOS %.4f UAS %.4f LAS %.4f", s.Words, s.UPOS, s.UAS, s.LAS)
	if s.Words < 25000 {
		t.Errorf("%d words, want the whole test split", s.Words)
	}
	// the figures measured when the weights were generated, less a point
	if s.UPOS < minUPOS || s.UAS < minUAS || s.LAS < minLAS {
		t.Errorf("UPOS %.4f UAS %.4f LAS %.4f, want at least %.2f %.2f %.2f", s.UPOS, s.UAS, s.LAS, minUPOS, minUAS, minLAS)
	}
}

// The test figures of the embedded weights (UPOS 0.9525, UAS 0.8407, LAS 0.8033) less a point, rounded down.
const (
	minUPOS = 0.9425
	minUAS  = 0.8306
	minLAS  = 0.7935
)

func index(words []string, w string) int {
	for i, x := range words {
		if x == w {
			return i
		}
	}
	panic(w)
}
