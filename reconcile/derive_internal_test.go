package reconcile

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/nlp"
)

// coverage makes n articles of made-up words, each of twelve sentences of eight words drawn
// from a common vocabulary with a few words of its own, as independent reports of one big
// story are; the last article rewrites the first.
func coverage(n int) []*crosscheck.Article {
	rng := rand.New(rand.NewSource(int64(n)))
	word := func(k int) string {
		var b strings.Builder
		for k++; k > 0; k /= 26 {
			b.WriteByte(byte('b' + k%24))
		}
		return b.String() + "on"
	}
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
		a.Sentences = nlp.Sentences(a.Text)
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
