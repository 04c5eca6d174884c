package syntax_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// TestConcurrentParsesAreTheSame tags and parses the sentences of the events corpus from
// several goroutines at once, each in its own order, and compares every sentence with its
// parse made in file order on one goroutine: the pooled scratch a piece is tagged and parsed
// in (with the tagger's words seen lately) passes from goroutine to goroutine and from
// sentence to sentence, and a sentence's parse must not depend on what that memory held
// before, as the ingest's workers analyse the articles in whatever order they come.
func TestConcurrentParsesAreTheSame(t *testing.T) {
	var sents [][]string
	for _, f := range eventFiles(t) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, sentenceWords(string(b))...)
	}
	if testing.Short() {
		sents = sents[:min(len(sents), 400)]
	}
	parse := func(words []string) string {
		tags := syntax.Tag(words)
		s := syntax.Analyze(words)
		given := syntax.Parse(words, tags)
		packed := make([]crosscheck.TokenSyntax, len(words))
		syntax.AnalyzePacked(words, packed)
		return fmt.Sprint(tags, s.Tags, s.Arcs, given, packed)
	}
	want := make([]string, len(sents))
	for i, words := range sents {
		want[i] = parse(words)
	}
	runtime.GC() // the pool let go: the goroutines start in fresh scratch as well as used
	const goroutines = 4
	var wg sync.WaitGroup
	errs := make([][]string, goroutines)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			order := rand.New(rand.NewPCG(uint64(g), 1)).Perm(len(sents))
			for _, i := range order {
				if got := parse(sents[i]); got != want[i] {
					errs[g] = append(errs[g], strings.Join(sents[i], " "))
				}
			}
		}()
	}
	wg.Wait()
	for g, e := range errs {
		for _, s := range e[:min(len(e), 5)] {
			t.Errorf("goroutine %d: a parse differs from the one made in file order: %q", g, s)
		}
		if len(e) > 5 {
			t.Errorf("goroutine %d: and %d more", g, len(e)-5)
		}
	}
}
