package reconcile

import (
	"os"
	"path/filepath"
	"regexp/syntax"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/internal/corpus"
)

// The literals read from a pattern are ones every match holds: a word of every branch, the
// longest part of a sequence, none where a part may be left out.
func TestRequiredLiterals(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want []string // "~" marks a case-insensitive literal
	}{
		{`\b((?:[\p{L}'’.-]+\s+){1,4})schools?\s+in\s+`, []string{"school"}},
		{`(?i)\b(?:said|told|added)\s+$`, []string{"~said", "~told", "~added"}},
		{`\b(page|chapter|exit)\s+$`, []string{"page", "chapter", "exit"}},
		{`\b[Bb]orn\s+(\w+), for short`, []string{", for short"}},
		{`\b(?:page|\d+)\s+$`, nil},   // a branch of no literal
		{`(?:called)?\s+(\w+)$`, nil}, // a literal that may be left out
		{`(?:court){0,2} in`, []string{" in"}},
		{`x`, nil},                                  // too short to be worth a look
		{`(?i)stra\x{17f}se`, []string{"~strasse"}}, // ſ folds with s; may looks for it (TestGateFolds)
		{`caf\x{e9}`, []string{"café"}},
		{`(?i)caf\x{e9}`, nil}, // a non-ASCII letter folded
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range requiredLiterals(re) {
			if l.fold {
				got = append(got, "~"+l.text)
			} else {
				got = append(got, l.text)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("requiredLiterals(%q) = %q, want %q", tc.expr, got, tc.want)
		}
	}
}

// A case-insensitive gate finds its word in any case, and leaves text with a letter that
// folds to an ASCII one (ſ, the Kelvin sign) to the pattern.
func TestGateFolds(t *testing.T) {
	g := mustGate(`(?i)said\s+$`)
	gatedRegexps = gatedRegexps[:len(gatedRegexps)-1]
	for text, want := range map[string]bool{
		"officials SAID ":      true,
		"officials Said ":      true,
		"officials \u017faid ": true,
		"officials sad ":       false,
		"officials say ":       false,
	} {
		if got := g.MatchString(text); got != want {
			t.Errorf("MatchString(%q) = %v, want %v", text, got, want)
		}
		if got, plain := g.MatchString(text), g.compiled().Regexp.MatchString(text); got != plain {
			t.Errorf("gated MatchString(%q) = %v, the pattern's %v", text, got, plain)
		}
	}
	k := mustGate(`(?i)killed`)
	gatedRegexps = gatedRegexps[:len(gatedRegexps)-1]
	if !k.MatchString("\u212aILLED") || !k.compiled().Regexp.MatchString("\u212aILLED") {
		t.Errorf("the Kelvin sign's k is not matched")
	}
}

// Every gated pattern of the package finds what its pattern finds, over the articles of the
// corpora and over the pieces of them the readers are handed (the words before and after a
// point, a sentence).
func TestGatedRegexpsFindWhatTheirPatternsFind(t *testing.T) {
	var texts []string
	for _, glob := range []string{"events/*/*.txt", "seeds/*.txt"} {
		files, _ := filepath.Glob(filepath.Join(filepath.Dir(corpus.Path(t, "seeds/expected.json")), "..", glob))
		for i, f := range files {
			if i%3 != 0 {
				continue // a third of them: the plain patterns are what is slow
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			texts = append(texts, string(b))
		}
	}
	if len(texts) < 30 {
		t.Fatalf("%d texts read from the corpus, want a third of the events' and the seeds'", len(texts))
	}
	gated := 0
	for _, g := range gatedRegexps {
		if g.compiled().need != nil {
			gated++
		}
		matched := 0
		for _, text := range texts {
			if got, want := g.FindAllStringSubmatchIndex(text, -1), g.compiled().Regexp.FindAllStringSubmatchIndex(text, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s: found %v in a text, the pattern %v", g, got, want)
			}
			for i := 0; i < len(text); i += 173 {
				for _, piece := range []string{text[i:min(len(text), i+120)], text[max(0, i-400):i]} {
					got, want := g.MatchString(piece), g.compiled().Regexp.MatchString(piece)
					if got != want {
						t.Fatalf("%s: MatchString(%q) = %v, the pattern's %v", g, piece, got, want)
					}
					if want {
						matched++
					}
				}
			}
		}
		t.Logf("%-60.60s need %v: %d pieces matched", g.String(), g.compiled().need, matched)
	}
	if gated == 0 {
		t.Errorf("no pattern is gated")
	}
}

// containsFold finds a word in any ASCII case wherever it stands, as a plain scan does.
func TestContainsFold(t *testing.T) {
	texts := []string{"", "s", "Said", "officials SAID on", "sasaid", "ssaId", "aid s", "x-Said", "é said", "sai", "saiD"}
	for _, text := range texts {
		for _, word := range []string{"said", "s", "id", "-s", "aid s"} {
			want := strings.Contains(strings.ToLower(text), word)
			if got := containsFold(text, word); got != want {
				t.Errorf("containsFold(%q, %q) = %v, want %v", text, word, got, want)
			}
		}
	}
}

// Every gated pattern of the package compiles: they are compiled when first used, so that a
// bad one would otherwise fail only in the report that first runs it.
func TestGatedPatternsCompile(t *testing.T) {
	for _, g := range gatedRegexps {
		func() {
			defer func() {
				if p := recover(); p != nil {
					t.Errorf("%s: %v", g.expr, p)
				}
			}()
			if c := g.compiled(); c.Regexp == nil || c.String() != g.expr {
				t.Errorf("%s: compiled as %v", g.expr, c.Regexp)
			}
		}()
	}
	if len(gatedRegexps) < 100 {
		t.Errorf("%d gated patterns; the package has hundreds", len(gatedRegexps))
	}
}

// The readers' patterns are made once, when the package starts (and compiled when first
// used): reconciling a story makes none.
func TestReadersCompileNoPattern(t *testing.T) {
	before := len(gatedRegexps)
	s := storyOf(t,
		"The 35-year-old deputy and a 15-year girl were hurt; 12 people died on March 3.",
		"A 35-year-old deputy was hurt, with a 16-year girl; 12 people died on March 3, officials said.")
	if facts := s.facts(); len(facts) == 0 {
		t.Fatalf("no facts read")
	}
	if n := len(gatedRegexps) - before; n != 0 {
		t.Errorf("%d patterns compiled while reading a story, want none", n)
	}
}
