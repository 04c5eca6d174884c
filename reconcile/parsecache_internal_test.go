package reconcile

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
	"github.com/crosscheck/crosscheck/internal/corpus"
	"github.com/crosscheck/crosscheck/internal/storedparse"
)

// freshParses gives the test a parse cache of its own, empty, of max bytes.
func freshParses(t *testing.T, max int) *parseCache {
	t.Helper()
	was := parses
	parses = newParseCache(max)
	t.Cleanup(func() { parses = was })
	return parses
}

// seedArticles are the seed articles, analysed.
func seedArticles(t *testing.T) []*crosscheck.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(filepath.Dir(corpus.Path(t, "seeds/expected.json")), "0*.txt"))
	if len(files) < 2 {
		t.Skip("no seed articles")
	}
	var out []*crosscheck.Article
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, analysedText(t, filepath.Base(f), string(raw)))
	}
	return out
}

func reportJSON(t *testing.T, articles []*crosscheck.Article) string {
	t.Helper()
	b, err := json.Marshal(Reconcile(crosscheck.Story{ID: "s"}, articles, nil))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// sentenceWords are the words of each of the article's sentences, as reports parse them.
func sentenceWords(a *crosscheck.Article) [][]string {
	var out [][]string
	for _, sp := range a.Sentences {
		var words []string
		_, toks := sentenceTokens(a, sp)
		for _, tk := range toks {
			words = append(words, a.Text[sp[0]+tk[0]:sp[0]+tk[1]])
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// A report made again of the same story parses nothing, and is the same report; so is the
// report of the articles as a store made before holds them, with their parse.
func TestReportMadeAgainParsesNothing(t *testing.T) {
	c := freshParses(t, maxParseBytes)
	articles := seedArticles(t)
	first := reportJSON(t, articles)
	made := c.made.Load()
	if made == 0 {
		t.Fatal("the report parsed no sentence")
	}
	if again := reportJSON(t, articles); again != first {
		t.Error("the report made again differs")
	}
	if n := c.made.Load() - made; n != 0 {
		t.Errorf("the report made again parsed %d sentences", n)
	}
	if c.kept.Load() < made {
		t.Errorf("%d parses handed out again, want the %d made", c.kept.Load(), made)
	}
	var old []*crosscheck.Article
	for _, a := range articles {
		b := *a
		storedparse.Add(&b)
		old = append(old, &b)
	}
	parses = newParseCache(maxParseBytes)
	if got := reportJSON(t, old); got != first {
		t.Error("the articles with a stored parse report otherwise")
	}
	if n := parses.made.Load(); n != 0 {
		t.Errorf("the articles with a stored parse had %d sentences parsed", n)
	}
	t.Logf("%d of the seeds' %d sentences parsed", made, func() (n int) {
		for _, a := range articles {
			n += len(a.Sentences)
		}
		return n
	}())
}

// A changed text is parsed again: the report of a story one article of which changed parses
// that article's changed sentences and no other.
func TestChangedTextIsParsedAgain(t *testing.T) {
	c := freshParses(t, maxParseBytes)
	articles := seedArticles(t)
	reportJSON(t, articles)
	made := c.made.Load()
	changed := articles[0]
	text := strings.ReplaceAll(changed.Text, " said ", " stated ")
	if text == changed.Text {
		t.Fatal("the first seed says nothing")
	}
	edited := analysedText(t, changed.ID, text)
	was := map[string]bool{}
	for _, w := range sentenceWords(changed) {
		was[parseKey(w)] = true
	}
	newSentences := 0
	for _, w := range sentenceWords(edited) {
		if !was[parseKey(w)] {
			newSentences++
		}
	}
	articles[0] = edited
	reportJSON(t, articles)
	n := c.made.Load() - made
	if n == 0 || n > int64(newSentences) {
		t.Errorf("the report after the edit parsed %d sentences, want from 1 to the %d the edit changed", n, newSentences)
	}
}

// A parse is the parse of its words and no others': words that differ, or that split the
// same letters otherwise, are parsed each on their own; and it is the parser's parse.
func TestParseIsOfItsWords(t *testing.T) {
	c := freshParses(t, maxParseBytes)
	sentences := [][]string{
		{"Police", "said", "12", "people", "died", "."},
		{"Police", "said", "12", "people", "fled", "."},
		{"Police", "said", "12", "people", "died", "."},
		{"ab", "c"}, {"a", "bc"}, {"abc"},
	}
	for _, words := range sentences {
		got, want := c.parse(words), syntax.Analyze(words)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: parse %+v\nwant %+v", words, got, want)
		}
	}
	if made, kept := c.made.Load(), c.kept.Load(); made != 5 || kept != 1 {
		t.Errorf("%d parsed and %d kept, want 5 and 1", made, kept)
	}
}

// The cache holds no more than its bound, dropping the parses used least lately.
func TestParseCacheIsBounded(t *testing.T) {
	words := func(i int) []string { return []string{"The", fmt.Sprint("word", i), "fell", "."} }
	size := parseSize(parseKey(words(0)), make([]crosscheck.TokenSyntax, 4))
	c := newParseCache(3*size + size/2)
	for i := range 10 {
		c.parse(words(i))
		c.parse(words(0)) // used each time, so never the least lately
		if c.bytes > c.max || len(c.byKey) != c.order.Len() {
			t.Fatalf("after %d: %d bytes of %d, %d keys, %d listed", i, c.bytes, c.max, len(c.byKey), c.order.Len())
		}
	}
	if len(c.byKey) != 3 {
		t.Errorf("%d parses kept, want 3", len(c.byKey))
	}
	made := c.made.Load()
	c.parse(words(0))
	c.parse(words(9))
	if c.made.Load() != made {
		t.Error("a parse used lately was dropped")
	}
	c.parse(words(1))
	if c.made.Load() != made+1 {
		t.Error("the parse used least lately was kept")
	}
	if got := newParseCache(size - 1); got.parse(words(0)).Words == nil || len(got.byKey) != 0 {
		t.Error("a parse larger than the bound was kept")
	}
}

// Reports made at once share the cache: the seeds' sentences parsed from four goroutines,
// each in its own order, through a cache too small to hold them, are the parser's parses.
func TestParseCacheConcurrent(t *testing.T) {
	var sentences [][]string
	for _, a := range seedArticles(t) {
		sentences = append(sentences, sentenceWords(a)...)
	}
	want := make([]syntax.Sentence, len(sentences))
	for i, w := range sentences {
		want[i] = syntax.Analyze(w)
	}
	c := newParseCache(len(sentences) / 3 * parseSize(parseKey(sentences[0]), make([]crosscheck.TokenSyntax, len(sentences[0]))))
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := range 2 * len(sentences) {
				i := (k*(2*g+1) + g) % len(sentences)
				if got := c.parse(sentences[i]); !reflect.DeepEqual(got, want[i]) {
					errs <- fmt.Sprintf("goroutine %d: sentence %d parsed otherwise", g, i)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	if c.bytes > c.max {
		t.Errorf("%d bytes of %d", c.bytes, c.max)
	}
}
