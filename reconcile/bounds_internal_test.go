package reconcile

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// madeUp is the k-th word of a made-up language.
func madeUp(k int) string {
	var b strings.Builder
	for k++; k > 0; k /= 26 {
		b.WriteByte(byte('b' + k%24))
	}
	return b.String()
}

// coverage makes n articles of made-up words, each of twelve sentences of eight words drawn
// from a common vocabulary with a few words of its own, as independent reports of one big
// story are; the last article rewrites the first.
func coverage(n int) []*crosscheck.Article {
	rng := rand.New(rand.NewSource(int64(n)))
	word := func(k int) string { return madeUp(k) + "on" }
	var out []*crosscheck.Article
	for i := range n {
		var text strings.Builder
		for range 12 {
			for w := range 8 {
				k := rng.Intn(3000)
				if w%3 == 0 {
					k = 3000 + i*20 + rng.Intn(20) // the article's own words
				}
				text.WriteString(word(k) + " ")
			}
			text.WriteString("went.\n")
		}
		out = append(out, &crosscheck.Article{ID: fmt.Sprintf("a%04d", i), Text: text.String()})
	}
	first := out[0].Text
	out[n-1].Text = strings.ReplaceAll(first, " went.", " went on.")
	for _, a := range out {
		a.Sentences = lex.Sentences(a.Text)
	}
	return out
}

// A big story compares each article with the few that share its rare words, not with every
// other: twice the articles, about twice the pairs. The rewrite is still found.
func TestDerivationsCompareBoundedPairs(t *testing.T) {
	var compared [2]int
	for k, n := range []int{150, 300} {
		s := newStory(coverage(n))
		derived := s.derivations(nil)
		compared[k] = s.compared
		if s.compared > partners*n {
			t.Errorf("%d articles: %d pairs compared, want at most %d", n, s.compared, partners*n)
		}
		found := false
		for _, d := range derived {
			found = found || d.Articles == [2]string{"a0000", fmt.Sprintf("a%04d", n-1)}
		}
		if !found {
			t.Errorf("%d articles: the rewrite of the first is not found: %+v", n, derived)
		}
	}
	if compared[1] > compared[0]*22/10 {
		t.Errorf("pairs compared: %d for 150 articles, %d for 300", compared[0], compared[1])
	}
}

// quoting makes n articles of four quoted sentences each: three of made-up words by a speaker
// of their own, and one utterance every article prints.
func quoting(n int) []*crosscheck.Article {
	rng := rand.New(rand.NewSource(int64(n)))
	word := func(k int) string { return madeUp(k) + "en" }
	shared := "We will rebuild the north wall before the spring rains come back"
	var out []*crosscheck.Article
	for i := range n {
		a := &crosscheck.Article{ID: fmt.Sprintf("a%04d", i)}
		add := func(speaker, said string) {
			start := len(a.Text) + len(speaker) + len(" said: \"")
			a.Text += speaker + " said: \"" + said + ".\"\n"
			a.Quotes = append(a.Quotes, crosscheck.Quote{Text: said, Start: start, End: start + len(said), Speaker: speaker, Cue: "said"})
		}
		for q := range 3 {
			var said []string
			for range 10 {
				said = append(said, word(rng.Intn(12*n))) // a vocabulary that grows with the story
			}
			add(fmt.Sprintf("Speaker %s", strings.ToUpper(word(i*3 + q)[:1])+word(i*3 + q)[1:]), strings.Join(said, " "))
		}
		add("Ines Kolar", shared)
		a.Sentences = lex.Sentences(a.Text)
		out = append(out, a)
	}
	return out
}

// A story of many quotes compares each quote with the few that share its rarest words, not
// with every other: twice the quotes, about twice the pairs. The utterance every article
// prints is still one group.
func TestQuotesCompareBoundedPairs(t *testing.T) {
	var compared [2]int
	for k, n := range []int{400, 800} {
		s := newStory(quoting(n))
		groups := s.quoteGroups(nil)
		compared[k] = s.quotesCompared
		t.Logf("%d quotes: %d pairs compared", 4*n, s.quotesCompared)
		if bound := quoteRare * quotePartners * 4 * n; s.quotesCompared > bound {
			t.Errorf("%d quotes: %d pairs compared, want at most %d", 4*n, s.quotesCompared, bound)
		}
		if len(groups) == 0 || articlesIn(groups[0]) != n || groups[0].Speaker != "Ines Kolar" {
			t.Errorf("%d articles: the utterance all print is not one group of all: %d articles, %q", n, articlesIn(groups[0]), groups[0].Speaker)
		}
	}
	if compared[1] > compared[0]*22/10 {
		t.Errorf("pairs compared: %d for 1,600 quotes, %d for 3,200", compared[0], compared[1])
	}
}
