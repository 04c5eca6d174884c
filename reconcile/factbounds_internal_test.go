package reconcile

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// counted makes a story of n articles of twelve sentences of made-up words, each sentence
// with a count in it: two words of a dozen every sentence uses, four of a vocabulary that
// grows with the story, two of the article's own. The last article repeats the first's sentences, with
// the same counts. It returns the story and its claims, a count a sentence.
func counted(n int) (*story, []claim) {
	rng := rand.New(rand.NewSource(int64(n)))
	word := func(k int) string { return madeUp(k) + "ar" }
	var arts []*crosscheck.Article
	for i := range n {
		var text strings.Builder
		for range 12 {
			for w := range 8 {
				switch {
				case w < 2:
					text.WriteString(word(rng.Intn(12)))
				case w < 6:
					text.WriteString(word(12 + rng.Intn(20*n)))
				default:
					text.WriteString(word(12 + 20*n + i*24 + rng.Intn(24)))
				}
				text.WriteByte(' ')
			}
			text.WriteString("went.\n")
		}
		arts = append(arts, &crosscheck.Article{ID: fmt.Sprintf("a%04d", i), Text: text.String()})
	}
	arts[n-1].Text = arts[0].Text
	for _, a := range arts {
		a.Sentences = lex.Sentences(a.Text)
	}
	s := newStory(arts)
	var claims []claim
	for i, a := range s.arts {
		for k, sen := range a.sentences {
			c := a.claim(sen.span[0], sen.span[0]+1)
			c.value = float64(10 + rng.Intn(40))
			if i == n-1 {
				c.value = claims[k].value
			}
			c.label, c.read = fmt.Sprint(c.value), reading{kind: "count", label: fmt.Sprint(c.value)}
			claims = append(claims, c)
		}
	}
	return s, claims
}

// The claims of a big key are compared with the few facts that share a rare word of their
// sentence, and a fact by a few of its claims: twice the claims, about twice the sentence
// pairs compared. The sentences the last article repeats are still one fact with the first's.
func TestFactsCompareBoundedPairs(t *testing.T) {
	var compared [2]int
	for k, n := range []int{150, 300} {
		s, claims := counted(n)
		if len(claims) <= bigKey {
			t.Fatalf("%d claims: not a big key", len(claims))
		}
		facts := s.assign(claims, numbersAgree)
		compared[k] = s.factsCompared
		t.Logf("%d claims: %d sentence pairs compared", len(claims), s.factsCompared)
		if bound := 400 * len(claims); s.factsCompared > bound {
			t.Errorf("%d claims: %d sentence pairs compared, want at most %d", len(claims), s.factsCompared, bound)
		}
		repeated := 0
		for _, f := range facts {
			for _, c := range f {
				if c.art.ID == "a0000" && containsArticle(f, fmt.Sprintf("a%04d", n-1)) {
					repeated++
				}
			}
		}
		if repeated < 12 {
			t.Errorf("%d articles: %d of the first article's 12 claims share a fact with their repetition", n, repeated)
		}
	}
	if compared[1] > compared[0]*22/10 {
		t.Errorf("sentence pairs compared: %d for 1,800 claims, %d for 3,600", compared[0], compared[1])
	}
}

func containsArticle(f []claim, id string) bool {
	for _, c := range f {
		if c.art.ID == id {
			return true
		}
	}
	return false
}
