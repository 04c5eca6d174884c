// Package reconcile reads the articles of one story side by side: it groups the quotes that
// render one utterance, aligns the facts the articles state into agreements and conflicts,
// finds the articles that derive from others, and flags what does not fit the story. It is
// pure: articles in, a report out. Nothing in it knows any story's people, numbers or outlets.
// It parses the sentences its readers look at, when they look (analysis does not parse), and
// keeps the parses made lately for the reports made again (see parsecache.go).
package reconcile

import (
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
)

// Reconcile builds the report of a story from its articles and the near-duplicate links among
// them. The same input gives the same report, byte for byte.
func Reconcile(story crosscheck.Story, articles []*crosscheck.Article, dups []crosscheck.DuplicateLink) *crosscheck.Report {
	sort.SliceStable(articles, func(i, j int) bool {
		if articles[i].Published != articles[j].Published {
			return articles[i].Published < articles[j].Published
		}
		return articles[i].ID < articles[j].ID
	})
	s := newStory(articles)
	r := &crosscheck.Report{Derived: s.derivations(dups)}
	r.Quotes, r.Facts = s.quoteGroups(r.Derived), s.facts()
	r.Derived = s.prune(r.Derived)
	for i, d := range r.Derived {
		r.Derived[i].Reason += sharedQuotes(r.Quotes, d.Articles[0], d.Articles[1])
	}
	r.Anomalies = s.anomalies(r.Facts)
	r.Timeline = s.timeline(r.Facts)
	for _, a := range articles {
		r.Articles = append(r.Articles, crosscheck.ArticleRef{ID: a.ID, Source: a.Source, Title: a.Title, Published: a.Published, URL: a.URL})
	}
	r.Story = s.numbers(story, dups, r)
	r.Story.Unread = s.unread
	return r
}

// story holds a story's articles prepared for comparison: each sentence's content words as
// interned ids, and how many articles use each word.
type story struct {
	arts           []*article
	ids            map[string]int32
	df             []int
	idfs           []float64 // idf by word id, filled as words come
	byID           map[string]*article
	total          int
	compared       int // the pairs of articles aligned sentence by sentence (see candidates)
	quotesCompared int // the pairs of quotes scored (see quotePairs)
	factsCompared  int // the pairs of claims whose sentences the facts compared (see assign)
	bounded            // what the bounds of the work left out (see bounds.go)
	// entityNames count the articles that give each name of an entity (see names)
	entityNames map[string]int
}

type article struct {
	*crosscheck.Article
	index     int
	sentences []sentence
	dct       time.Time
	anchors   []string  // names, figures and days in order (see anchors)
	quoted    []float64 // by sentence, the share inside quotation marks (see quotedShares)
	parses    []*parsed // by sentence, made on first use (see parse)
	// sentenceBytes sums the sentences its claims were read in: what their readers were handed
	sentenceBytes int
}

type sentence struct {
	span  crosscheck.Span
	words []int32 // sorted, distinct content-word ids
}

func newStory(list []*crosscheck.Article) *story {
	s := &story{ids: map[string]int32{}, byID: map[string]*article{}}
	for i, a := range list {
		spans := a.Sentences
		if len(spans) == 0 {
			spans = lex.Sentences(a.Text)
		}
		a, spans = s.bound(a, spans)
		art := &article{Article: a, index: i, anchors: boundAnchors(anchors(a))}
		art.dct, _ = a.PublishedDay()
		seen := map[int32]bool{}
		for _, sp := range spans {
			_, toks := sentenceTokens(a, sp)
			ws := s.wordIDs(contentWordsIn(a.Text[sp[0]:sp[1]], toks))
			art.sentences = append(art.sentences, sentence{span: sp, words: ws})
			for _, w := range ws {
				if !seen[w] {
					seen[w] = true
					s.df[w]++
				}
			}
		}
		art.quoted = quotedShares(art)
		s.arts = append(s.arts, art)
		s.byID[a.ID] = art
	}
	s.total = len(list)
	return s
}

// words returns the distinct content-word ids of text, sorted.
func (s *story) words(text string) []int32 { return s.wordIDs(contentWords(text)) }

// wordIDs returns the distinct ids of content words, sorted.
func (s *story) wordIDs(words []string) []int32 {
	var out []int32
	for _, w := range words {
		id, ok := s.ids[w]
		if !ok {
			id = int32(len(s.ids))
			s.ids[w] = id
			s.df = append(s.df, 0)
		}
		out = append(out, id)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// contentWords lowercases text and returns the stems of its words that are not function words.
func contentWords(text string) []string { return contentWordsIn(text, lex.Tokens(text)) }

// contentWordsIn is contentWords over text's tokens toks.
func contentWordsIn(text string, toks []crosscheck.Span) []string {
	var out []string
	for _, t := range toks {
		w := strings.ToLower(text[t[0]:t[1]])
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if len(w) < 2 || lex.Stopwords[w] || !isLetter(w[0]) {
			continue
		}
		w = lex.Stem(w)
		if c, ok := sameSense[w]; ok {
			w = c
		}
		out = append(out, w)
	}
	return out
}

// sameSense files the stems of words that outlets and translators use for one another under
// one of them, so that "important political messages" meets "important political signals".
var sameSense = func() map[string]string {
	m := map[string]string{}
	for _, group := range []string{
		"conflict crisis war fighting hostility",
		"talk negotiation discussion",
		"deal agreement accord",
		"message signal",
		"proposal offer",
		"plan scheme blueprint",
		"important significant major key",
		"begin start launch",
		"end finish halt",
		"rise increase climb hike",
		"fall decline drop",
		"buy purchase acquire",
		"help assist aid",
		"meeting session",
		"danger risk threat",
		"ship vessel boat",
		"worker employee staff",
		"firm company business",
		"think believe",
		"rescue save",
	} {
		f := strings.Fields(group)
		for _, w := range f {
			m[lex.Stem(w)] = lex.Stem(f[0])
		}
	}
	return m
}()

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

// weights returns each word's weight by id: how few of the story's articles use it. Words
// met after the articles were read (a quote's question) are weighed as they come.
func (s *story) weights() []float64 {
	for len(s.idfs) < len(s.df) {
		s.idfs = append(s.idfs, math.Log(1+float64(s.total+1)/float64(s.df[len(s.idfs)]+1)))
	}
	return s.idfs
}

// overlap is the weighted share of the smaller set's words the other set has: 1 when one
// says nothing the other does not.
func (s *story) overlap(a, b []int32) float64 {
	shared, wa, wb := s.weigh(a, b)
	if wa == 0 || wb == 0 {
		return 0
	}
	return shared / min(wa, wb)
}

// dice is the weighted Dice coefficient of two word sets: shared weight over their mean.
func (s *story) dice(a, b []int32) float64 {
	shared, wa, wb := s.weigh(a, b)
	if wa+wb == 0 {
		return 0
	}
	return 2 * shared / (wa + wb)
}

// weigh sums the idf of the words two sorted sets share, and of each set's words.
func (s *story) weigh(a, b []int32) (shared, wa, wb float64) {
	idf := s.weights()
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j >= len(b) || (i < len(a) && a[i] < b[j]):
			wa += idf[a[i]]
			i++
		case i >= len(a) || b[j] < a[i]:
			wb += idf[b[j]]
			j++
		default:
			w := idf[a[i]]
			shared += w
			wa += w
			wb += w
			i++
			j++
		}
	}
	return shared, wa, wb
}

// sentenceAt returns the index of the sentence of a that holds byte offset off.
func (a *article) sentenceAt(off int) int {
	i := sort.Search(len(a.sentences), func(i int) bool { return a.sentences[i].span[1] > off })
	if i == len(a.sentences) {
		return len(a.sentences) - 1
	}
	return i
}

// figureSentence returns the span of the sentence that holds the figure at [start, end) of a,
// and false when the offsets are outside the text or a has no sentence.
func (a *article) figureSentence(start, end int) (crosscheck.Span, bool) {
	if start < 0 || end > len(a.Text) || start > end {
		return crosscheck.Span{}, false
	}
	i := a.sentenceAt(start)
	if i < 0 {
		return crosscheck.Span{}, false
	}
	return a.sentences[i].span, true
}

// evidence cites [start, end) of a with the sentence that holds it.
func (a *article) evidence(start, end int) crosscheck.Evidence {
	e := crosscheck.Evidence{Article: a.ID, Start: start, End: end}
	if i := a.sentenceAt(start); i >= 0 {
		sp := a.sentences[i].span
		e.Sentence, e.SentenceStart = a.Text[sp[0]:sp[1]], sp[0]
	}
	return e
}

// headline chooses the story's title among its articles' titles, as a reader would: one in
// sentence or title case rather than an all-capitals wire slug, of a headline's length, not cut
// off, and given by more articles; the first article's (the story's own title) when they tie.
func headline(first string, arts []*article) string {
	best, bestScore := first, headlineScore(first)+0.25
	count := map[string]int{}
	for _, a := range arts {
		count[strings.TrimSpace(a.Title)]++
	}
	for _, a := range arts {
		t := strings.TrimSpace(a.Title)
		if sc := headlineScore(t) + 0.5*float64(count[t]-1); sc > bestScore {
			best, bestScore = t, sc
		}
	}
	return best
}

// headlineScore is how well a title reads as a headline.
func headlineScore(t string) float64 {
	if t == "" {
		return -10
	}
	upper, letters := 0, 0
	for _, r := range t {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	sc := 0.0
	if letters > 0 && float64(upper) < 0.6*float64(letters) {
		sc += 3 // not a wire slug in capitals
	}
	if n := utf8.RuneCountInString(t); n >= 20 && n <= 120 {
		sc += 2
	} else if n > 160 {
		sc -= 1 // a first sentence, not a headline
	}
	if strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...") {
		sc -= 2 // cut off
	}
	return sc
}

// numbers counts the story.
func (s *story) numbers(st crosscheck.Story, dups []crosscheck.DuplicateLink, r *crosscheck.Report) crosscheck.StoryNumbers {
	n := crosscheck.StoryNumbers{ID: st.ID, Title: headline(st.Title, s.arts), Articles: len(s.arts)}
	outlets := map[string]bool{}
	for _, a := range s.arts {
		if a.Source != "" { // an article of unknown outlet is no outlet
			outlets[strings.ToLower(a.Source)] = true
		}
		if d := a.Published; d != "" {
			if n.First == "" || d < n.First {
				n.First = d
			}
			if d > n.Last {
				n.Last = d
			}
		}
	}
	n.Outlets = len(outlets)
	copies, derived := newUnion(s.byID), newUnion(s.byID)
	for _, d := range dups {
		copies.join(d.Article, d.Of)
		derived.join(d.Article, d.Of)
	}
	for _, d := range r.Derived {
		derived.join(d.Articles[0], d.Articles[1])
		if d.Kind == "copy" {
			copies.join(d.Articles[0], d.Articles[1])
		}
	}
	n.DistinctTexts, n.Independent = copies.sets(), derived.sets()
	for _, f := range r.Facts {
		if f.Verdict == "conflict" {
			n.Conflicts++
		}
	}
	return n
}

// union is a union-find over the story's article ids.
type union struct{ parent map[string]string }

func newUnion(ids map[string]*article) *union {
	u := &union{parent: map[string]string{}}
	for id := range ids {
		u.parent[id] = id
	}
	return u
}

func (u *union) find(x string) string {
	for u.parent[x] != x {
		u.parent[x] = u.parent[u.parent[x]]
		x = u.parent[x]
	}
	return x
}

func (u *union) join(a, b string) {
	if _, ok := u.parent[a]; !ok {
		return
	}
	if _, ok := u.parent[b]; !ok {
		return
	}
	ra, rb := u.find(a), u.find(b)
	if ra < rb {
		ra, rb = rb, ra
	}
	u.parent[ra] = rb
}

func (u *union) sets() int {
	n := 0
	for x := range u.parent {
		if u.find(x) == x {
			n++
		}
	}
	return n
}
