package date

import (
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/number"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

// dateWindows are the texts date phrases are tried on: ASCII lower case, from each word a
// phrase can start, up to maxDateText bytes.
func dateWindows(text string) [][]byte {
	var out [][]byte
	for c := 0; c < len(text); {
		s := number.NextStart(text, c, dateStartWords, false)
		if s < 0 {
			break
		}
		out = append(out, lex.LowerASCII(nil, text[s:min(len(text), s+maxDateText)]))
		c = s + 1
	}
	return out
}

// TestDatePhraseIsTheOneAlternation checks the phrases found alternative by alternative
// against the alternation as one pattern, on random texts of date words and on the Reuters
// articles when the corpus is there.
func TestDatePhraseIsTheOneAlternation(t *testing.T) {
	words := strings.Fields(`the last this next early late mid- mid on in of by since until between 
		about around a an one two several few couple days weeks months years ago later earlier
		march mar. may june jan. sept. monday tuesday morning night today yesterday tonight
		weekend quarter half first second spring fall winter 2024 1998 1990s 12 3 23rd 3:30 5.30 
		a.m. p.m. pm am - , . : 12th hours minutes long 2024-03-12 é`)
	r := rand.New(rand.NewPCG(3, 4))
	var texts []string
	for range 3000 {
		var sb strings.Builder
		for range 1 + r.IntN(8) {
			sb.WriteString(words[r.IntN(len(words))])
			if r.IntN(5) > 0 {
				sb.WriteByte(' ')
			}
		}
		texts = append(texts, sb.String())
	}
	if corpus.Dir() != "" {
		texts = append(texts, corpus.Texts(t, filepath.Join(corpus.Dir(), "bulk/reuters21578.jsonl.gz"), 2000)...)
	}
	windows, matched := 0, 0
	for _, text := range texts {
		for _, w := range append(dateWindows(text), []byte(text)) {
			got, want := datePhrase.FindIndex(w), datePhrase.One().FindIndex(w)
			if (got == nil) != (want == nil) || got != nil && (got[0] != want[0] || got[1] != want[1]) {
				t.Fatalf("%q: %v, the one pattern %v", w, got, want)
			}
			windows++
			if got != nil {
				matched++
			}
		}
	}
	if matched == 0 || matched == windows {
		t.Fatalf("%d of %d texts matched: the test reads nothing", matched, windows)
	}
}

// BenchmarkDatePhrase reads the phrases of the first 2,000 Reuters articles, alternative by
// alternative and as the one pattern.
func BenchmarkDatePhrase(b *testing.B) {
	var windows [][]byte
	for _, text := range corpus.Texts(b, corpus.Path(b, "bulk/reuters21578.jsonl.gz"), 2000) {
		windows = append(windows, dateWindows(text)...)
	}
	b.Run("alternatives", func(b *testing.B) {
		for b.Loop() {
			for _, w := range windows {
				datePhrase.FindIndex(w)
			}
		}
	})
	b.Run("one", func(b *testing.B) {
		for b.Loop() {
			for _, w := range windows {
				datePhrase.One().FindIndex(w)
			}
		}
	})
}
