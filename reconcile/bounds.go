package reconcile

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
)

// The bounds of reconcile's work on any input. The readers of a figure, a date, a name or a
// quote look at its sentence, and some compare the things of one sentence with one another,
// so a sentence of thousands of figures (a pasted table, a crafted page) would cost the square
// of its length, and a derivation compares two articles sentence by sentence. News is far
// within these bounds: the longest sentence of the 16 events, the seeds and our stories is
// 878 bytes, of the 19,043 Reuters-21578 articles 1,303 bytes (as lex.Sentences splits them),
// and the reports of the events, the seeds and our stories are the same with the bounds as
// without them.

// bounded counts what the bounds left out of a story.
type bounded struct {
	sentencesCut int // sentences longer than maxSentence, read in pieces
	unread       int // figures and dates past maxSentenceFigures or maxArticleFigures
	unaligned    int // sentences past maxAligned, which derivations do not align
	// the work the bounds bound: pairs of sentences scored by derivations, words of clauses
	// weighed for a fact's subject
	sentencePairs, subjectWords int
}

// bound applies the bounds to an article as newStory reads it: its sentences' spans cut to
// pieces, and the article with its figures and dates bounded.
func (s *story) bound(a *crosscheck.Article, spans []crosscheck.Span) (*crosscheck.Article, []crosscheck.Span) {
	spans, cut := boundSentences(a.Text, spans, analysed(a))
	a, unread := boundArticle(a, spans)
	s.sentencesCut += cut
	s.unread += unread
	s.unaligned += max(0, len(spans)-maxAligned)
	return a, spans
}

// maxSentence bounds the bytes of one sentence as reconcile reads it: a longer one is read as
// pieces of at most this many bytes, each cut at a space (or, in a run of text without one,
// at a character's start), so that what a reader sees, and the things of a sentence that meet,
// grow with this bound and not with the article.
const maxSentence = 2000

// analysed is the spans of the figures, dates and names analysis found in a, by start: a
// sentence is not cut inside one, so that each is read within its piece.
func analysed(a *crosscheck.Article) []crosscheck.Span {
	var out []crosscheck.Span
	for _, n := range a.Numbers {
		out = append(out, crosscheck.Span{n.Start, n.End})
	}
	for _, d := range a.Dates {
		out = append(out, crosscheck.Span{d.Start, d.End})
	}
	for _, e := range a.Entities {
		for _, m := range e.Mentions {
			out = append(out, crosscheck.Span{m.Start, m.End})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i][0] < out[j][0] })
	return out
}

// boundSentences cuts every span of spans longer than maxSentence into pieces, never inside
// one of items (sorted by start); it returns the spans and the number of sentences cut.
func boundSentences(text string, spans, items []crosscheck.Span) ([]crosscheck.Span, int) {
	cut := 0
	for _, sp := range spans {
		if sp[1]-sp[0] > maxSentence {
			cut++
		}
	}
	if cut == 0 {
		return spans, 0
	}
	out := make([]crosscheck.Span, 0, len(spans)+cut)
	for _, sp := range spans {
		for sp[1]-sp[0] > maxSentence {
			end := outside(pieceEnd(text, sp[0]), sp[0], items)
			out = append(out, crosscheck.Span{sp[0], end})
			sp[0] = end
		}
		out = append(out, sp)
	}
	return out, cut
}

// outside moves a cut at end back to the start of the item it falls inside, if any, unless
// that leaves nothing after start.
func outside(end, start int, items []crosscheck.Span) int {
	for {
		k := sort.Search(len(items), func(k int) bool { return items[k][0] >= end })
		moved := end
		for j := k - 1; j >= 0 && items[j][0] > end-maxSentence; j-- {
			if items[j][1] > end && items[j][0] < moved {
				moved = items[j][0]
			}
		}
		if moved == end || moved <= start {
			return end
		}
		end = moved
	}
}

// pieceEnd is where the piece of at most maxSentence bytes from start ends: after the last
// space in it, or at the last character's start when it has none.
func pieceEnd(text string, start int) int {
	end := start + maxSentence
	if sp := strings.LastIndexByte(text[start:end], ' '); sp > 0 {
		return start + sp + 1
	}
	for end > start+1 && !utf8.RuneStart(text[end]) {
		end--
	}
	return end
}

// wordHolders counts, by word, the lists of words that have it, each list once: what a word
// of one list shares with all the others is then one look-up, not a scan of every other list.
func wordHolders(lists [][]string) map[string]int {
	holders, last := map[string]int{}, map[string]int{} // last: the list that counted it last, plus one
	for i, ws := range lists {
		for _, w := range ws {
			if last[w] != i+1 {
				last[w] = i + 1
				holders[w]++
			}
		}
	}
	return holders
}

// maxAnchors bounds the names, figures and days of an article that a derivation compares in
// order with another's (see derive): the longest common run of two lists costs the product of
// their lengths. An article of more is compared by its first maxAnchors.
const maxAnchors = 2000

// boundAnchors is the first maxAnchors of anchors.
func boundAnchors(anchors []string) []string { return anchors[:min(len(anchors), maxAnchors)] }

// readerWindow is the part [lo, hi) of the sentence at sp that the readers of the text at [start,
// end) in it see: contextWindow bytes on each side, from and to whole words (see ctxBefore).
func readerWindow(text string, sp crosscheck.Span, start, end int) (lo, hi int) {
	end = min(end, sp[1])
	return start - len(ctxBefore(text[sp[0]:start])), end + len(ctxAfter(text[end:sp[1]]))
}

// maxSentenceFigures bounds the figures, and apart from them the dates, read in one sentence
// (or piece of one, see maxSentence), and maxArticleFigures those read in one article: every
// figure's readers cost hundreds of bytes of patterns, and a figure meets its sentence's others
// (pairs, ranges, lists). The most of the 16 events, our stories and Reuters-21578 are 79 in
// a sentence and 1,032 in an article (a table of results). Those past a bound are not
// compared, and the report counts them (StoryNumbers.Unread).
const (
	maxSentenceFigures = 200
	maxArticleFigures  = 2000
)

// boundArticle is a, or a copy of it that keeps of its figures and its dates only those within
// the bounds, sentence by sentence as spans split it; it returns the number left out.
func boundArticle(a *crosscheck.Article, spans []crosscheck.Span) (*crosscheck.Article, int) {
	numbers, n := boundItems(a.Numbers, func(x crosscheck.Number) int { return x.Start }, spans)
	dates, d := boundItems(a.Dates, func(x crosscheck.Date) int { return x.Start }, spans)
	if n+d == 0 {
		return a, 0
	}
	bounded := *a
	bounded.Numbers, bounded.Dates = numbers, dates
	return &bounded, n + d
}

// boundItems keeps the first maxSentenceFigures items of each span and maxArticleFigures in
// all, in their order; it returns them and the number left out.
func boundItems[T any](items []T, start func(T) int, spans []crosscheck.Span) ([]T, int) {
	if len(items) <= maxSentenceFigures {
		return items, 0
	}
	var out []T
	inSpan, span := 0, -1
	for _, x := range items {
		at := start(x)
		k := sort.Search(len(spans), func(k int) bool { return spans[k][1] > at })
		if k != span {
			inSpan, span = 0, k
		}
		if inSpan < maxSentenceFigures && len(out) < maxArticleFigures {
			out = append(out, x)
		}
		inSpan++
	}
	if len(out) == len(items) {
		return items, 0
	}
	return out, len(items) - len(out)
}

// maxAligned bounds the sentences of an article that a derivation aligns with another's (see
// alignSentences): each is scored against every sentence of the other. The longest article of
// the events, our stories and Reuters-21578 has 184 sentences; a longer one is aligned by its
// first maxAligned.
const maxAligned = 500

// aligned is the first maxAligned sentences of a.
func aligned(a *article) []sentence { return a.sentences[:min(len(a.sentences), maxAligned)] }
