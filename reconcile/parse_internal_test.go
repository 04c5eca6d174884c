package reconcile

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/internal/storedparse"
)

func TestParseReadsWhatANumberCounts(t *testing.T) {
	text := "The storm hit on Monday. Police said 12 people were killed in the town."
	s := newStory([]*crosscheck.Article{{ID: "a", Text: text}})
	a := s.arts[0]
	if len(a.sentences) != 2 {
		t.Fatalf("sentences = %d, want 2", len(a.sentences))
	}
	p := a.parse(1)
	n := p.wordAt(strings.Index(text, "12"))
	if n < 0 || p.Words[n] != "12" {
		t.Fatalf("wordAt(12) = %d", n)
	}
	head := p.Arcs[n].Head
	if head < 0 || p.Words[head] != "people" || p.Arcs[n].Rel != "nummod" {
		t.Fatalf("12 hangs on %d %q (%s), want people (nummod)", head, p.Words[max(head, 0)], p.Arcs[n].Rel)
	}
	if a.parse(1) != p {
		t.Fatal("the parse is not kept")
	}
	if got := a.parse(7); len(got.Words) != 0 {
		t.Fatalf("parse out of range = %v", got.Words)
	}
}

// Analysis leaves the parse to reports, and the parse a store made before holds (analysis
// stored one per sentence) is the parse made on demand of the same sentence, with tokens or
// without — the same words, spans, tags and arcs — for every sentence of the real events'
// articles, so that a report of a store made before is the report of one made now.
func TestStoredParseIsTheParseMadeOnDemand(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(corpus.Path(t, "events/README.md")), "*", "*.txt"))
	if len(files) == 0 {
		t.Skip("no event articles")
	}
	sentences := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := &crosscheck.Article{ID: f, Text: string(raw)}
		extract.Analyze(a)
		if a.Syntax != nil {
			t.Fatalf("%s: analysis parsed %d tokens", f, len(a.Syntax))
		}
		old := *a
		storedparse.Add(&old)
		bare := *a
		bare.Tokens = nil
		stored := newStory([]*crosscheck.Article{&old}).arts[0]
		now, untokened := newStory([]*crosscheck.Article{a}).arts[0], newStory([]*crosscheck.Article{&bare}).arts[0]
		for i := range stored.sentences {
			p, q, r := stored.parse(i), now.parse(i), untokened.parse(i)
			if len(p.Words) > 0 {
				if _, ok := storedParse(&old, sort.Search(len(a.Tokens), func(k int) bool { return a.Tokens[k][0] >= p.spans[0][0] }), p.Words); !ok {
					t.Fatalf("%s: sentence %d has no stored parse", f, i)
				}
			}
			if !reflect.DeepEqual(p, q) || !reflect.DeepEqual(p, r) {
				t.Fatalf("%s: sentence %d: stored %+v\non demand %+v\nwithout tokens %+v", f, i, p, q, r)
			}
			sentences++
		}
	}
	t.Logf("%d sentences of %d articles", sentences, len(files))
}
