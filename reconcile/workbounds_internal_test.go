package reconcile

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/extract"
)

// crammed makes two articles of a story, the second a copy of the first, whose second
// sentence holds n figures and n dates: a pasted table, or a page made to stall the report.
func crammed(n int) []*crosscheck.Article {
	var b strings.Builder
	b.WriteString("The flood closed the bridge on Monday, the council said.\n\n")
	for i := range n {
		fmt.Fprintf(&b, "%d homes were flooded on %d May 2026, ", 10+i, 1+i%28)
	}
	b.WriteString("and the rest were spared.\n")
	return []*crosscheck.Article{analysedArticle(0, b.String()), analysedArticle(1, b.String())}
}

// analysedArticle is the i-th article of a story, of text, analysed.
func analysedArticle(i int, text string) *crosscheck.Article {
	a := &crosscheck.Article{ID: fmt.Sprintf("a%04d", i), Source: fmt.Sprintf("Outlet %d", i), Text: text, Published: "2026-05-30"}
	extract.Analyze(a)
	return a
}

// The readers of a figure or a date are handed a bounded piece of its sentence, and an article
// has a bounded number of them read, however long its sentence: twice the figures, at most
// about twice the sentence bytes read (not four times), and never more than maxSentence a
// claim. What is left out is counted in the report.
func TestReadersSeeBoundedSentences(t *testing.T) {
	var read [2]int
	for k, n := range []int{600, 1200} {
		arts := crammed(n)
		s := newStory(arts)
		s.numberFacts()
		s.dateFacts()
		items := 0
		for _, a := range s.arts {
			read[k] += a.sentenceBytes
			items += len(a.Numbers) + len(a.Dates)
			for _, sen := range a.sentences {
				if l := sen.span[1] - sen.span[0]; l > maxSentence {
					t.Fatalf("%d figures: a sentence of %d bytes is read whole, want at most %d", n, l, maxSentence)
				}
			}
		}
		t.Logf("%d figures and dates a sentence: %d kept, %d bytes of sentence read, %d left out", 2*n, items, read[k], s.unread)
		if bound := 8 * maxSentence * items; read[k] > bound {
			t.Errorf("%d figures: %d bytes of sentence read, want at most %d", n, read[k], bound)
		}
		if items > 2*maxArticleFigures*2 {
			t.Errorf("%d figures: %d figures and dates kept of two articles, want at most %d", n, items, 4*maxArticleFigures)
		}
		if n == 1200 {
			if s.unread == 0 {
				t.Errorf("%d figures and dates an article: none left out", 2*n)
			}
			if r := Reconcile(crosscheck.Story{ID: "s", Articles: []string{"a0000", "a0001"}}, crammed(n), nil); r.Story.Unread != s.unread {
				t.Errorf("the report counts %d unread, want %d", r.Story.Unread, s.unread)
			}
		}
	}
	if read[1] > read[0]*22/10 {
		t.Errorf("sentence bytes read: %d for 600 figures, %d for 1,200", read[0], read[1])
	}
}

// A sentence longer than maxSentence is read as pieces cut at spaces, which cover it
// exactly; a run without a space is cut at a character's start.
func TestLongSentencesAreCutInPieces(t *testing.T) {
	for _, text := range []string{strings.Repeat("1 people, ", 1000), strings.Repeat("é", 3000), "short one."} {
		spans, cut := boundSentences(text, []crosscheck.Span{{0, len(text)}}, nil)
		if want := len(text) > maxSentence; (cut == 1) != want {
			t.Errorf("%d bytes: %d cut", len(text), cut)
		}
		at := 0
		for _, sp := range spans {
			if sp[0] != at || sp[1] <= sp[0] || sp[1]-sp[0] > maxSentence || !strings.HasPrefix(text[sp[0]:], text[sp[0]:sp[1]]) {
				t.Fatalf("%d bytes: piece %v after %d", len(text), sp, at)
			}
			if sp[1] < len(text) && text[sp[1]-1] != ' ' && !strings.HasPrefix(text, "é") {
				t.Errorf("piece %v does not end at a space", sp)
			}
			at = sp[1]
		}
		if at != len(text) {
			t.Errorf("%d bytes: pieces end at %d", len(text), at)
		}
	}
}

// wordHolders gives what each list of words shares with all the others (see clauseSubject)
// as a scan of every other list counts it, at the cost of one look-up a word.
func TestWordHoldersCountLikeAScan(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	lists := make([][]string, 40)
	for i := range lists {
		for range rng.Intn(8) {
			lists[i] = append(lists[i], madeUp(rng.Intn(12)))
		}
	}
	holders := wordHolders(lists)
	for i, mine := range lists {
		scan, looked := 0, 0
		for j := range lists {
			for _, w := range mine {
				if j != i && slices.Contains(lists[j], w) {
					scan++
				}
			}
		}
		for _, w := range mine {
			looked += holders[w]
			if slices.Contains(lists[i], w) {
				looked--
			}
		}
		if scan != looked {
			t.Errorf("list %d %v: %d shared by a scan, %d by look-ups", i, mine, scan, looked)
		}
	}
}

// dated makes n articles that each date one event to one day, in words of their own.
func dated(n int) []*crosscheck.Article {
	var arts []*crosscheck.Article
	for i := range n {
		arts = append(arts, analysedArticle(i, fmt.Sprintf("The %s bridge reopened on 5 May 2026 after repairs, officials said.\n", madeUp(i))))
	}
	return arts
}

// The subject of a fact of many claims is weighed at a cost linear in its claims: twice the
// claims, about twice the words weighed, where comparing each claim with every other costs
// four times.
func TestDateSubjectsWeighLinearly(t *testing.T) {
	var weighed [2]int
	for k, n := range []int{100, 200} {
		s := newStory(dated(n))
		facts := s.dateFacts()
		weighed[k] = s.subjectWords
		t.Logf("%d claims of one day: %d words weighed, %d facts", n, s.subjectWords, len(facts))
		if s.subjectWords == 0 || s.subjectWords > 40*n {
			t.Errorf("%d claims of one day: %d words weighed, want 1 to %d", n, s.subjectWords, 40*n)
		}
	}
	if weighed[1] > weighed[0]*22/10 {
		t.Errorf("words weighed: %d for 100 claims, %d for 200", weighed[0], weighed[1])
	}
}

// lined makes two articles of n short sentences each, the second a copy of the first.
func lined(n int) []*crosscheck.Article {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "The %s crews cleared %s roads. ", madeUp(i), madeUp(i+n))
	}
	var arts []*crosscheck.Article
	for i := range 2 {
		a := &crosscheck.Article{ID: fmt.Sprintf("a%d", i), Text: b.String()}
		a.Sentences = lex.Sentences(a.Text)
		arts = append(arts, a)
	}
	return arts
}

// A derivation scores at most maxAligned sentences of each article against the other's, and
// two copies of thousands of sentences are still found as copies.
func TestAlignmentScoresBoundedSentencePairs(t *testing.T) {
	s := newStory(lined(3000))
	derived := s.derivations(nil)
	if bound := maxAligned * maxAligned * max(1, s.compared); s.sentencePairs > bound {
		t.Errorf("%d sentence pairs scored for %d article pairs, want at most %d", s.sentencePairs, s.compared, bound)
	}
	if s.unaligned != 2*(3000-maxAligned) {
		t.Errorf("%d sentences not aligned, want %d", s.unaligned, 2*(3000-maxAligned))
	}
	if len(derived) != 1 || derived[0].Kind != "copy" {
		t.Errorf("two copies of one text: %+v", derived)
	}
}

// A cut never falls inside a figure, a date or a name: each is read within one piece.
func TestSentencesAreNotCutInsideADate(t *testing.T) {
	text := "Then " + strings.Repeat("on 15 May 2026, ", 400) // a space inside a date is the last before 2,000 bytes
	var items []crosscheck.Span
	for k := len("Then "); k < len(text); k += len("on 15 May 2026, ") {
		items = append(items, crosscheck.Span{k + 3, k + 14})
	}
	spans, _ := boundSentences(text, []crosscheck.Span{{0, len(text)}}, items)
	if len(spans) < 2 {
		t.Fatalf("%d bytes in %d pieces", len(text), len(spans))
	}
	for _, sp := range spans {
		for _, it := range items {
			if it[0] < sp[1] && sp[1] < it[1] {
				t.Fatalf("piece %v ends inside the date at %v: %q", sp, it, text[it[0]:it[1]])
			}
		}
	}
}
