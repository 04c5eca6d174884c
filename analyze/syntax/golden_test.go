package syntax_test

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/analyze/syntax"
	"github.com/crosscheck/crosscheck/internal/corpus"
)

var update = flag.Bool("update", false, "write testdata/golden.txt from the current code")

// goldenReuters is the number of Reuters articles the golden parse covers, in groups of
// goldenGroup.
const goldenReuters, goldenGroup = 300, 50

// TestGoldenParse compares the tags and arcs of every sentence of the events corpus and of the
// first Reuters articles with those written in testdata/golden.txt (a checksum per file or
// group of articles): making the parser faster must not change any parse. Each sentence is
// tagged alone, tagged and parsed, and parsed over the tags given; each Reuters article is
// also analysed as one run-on sentence, so that pieces of MaxWords words are covered.
func TestGoldenParse(t *testing.T) {
	files := eventFiles(t)
	var got []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		sentences := checksum(h, string(b), false)
		got = append(got, fmt.Sprintf("%s/%s %d %x", filepath.Base(filepath.Dir(f)), filepath.Base(f), sentences, h.Sum(nil)))
	}
	texts := reutersTexts(t, goldenReuters)
	for i := 0; i < len(texts); i += goldenGroup {
		h := sha256.New()
		sentences := 0
		for _, text := range texts[i:min(i+goldenGroup, len(texts))] {
			sentences += checksum(h, text, true)
		}
		got = append(got, fmt.Sprintf("reuters/%d-%d %d %x", i, min(i+goldenGroup, len(texts))-1, sentences, h.Sum(nil)))
	}
	path := filepath.Join("testdata", "golden.txt")
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(want) != len(got) {
		t.Fatalf("%d checksums, want %d (the corpus changed? go test -run GoldenParse -update)", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("parse changed: got %s, want %s", got[i], want[i])
		}
	}
}

// checksum writes the tags and arcs of each sentence of text into h and returns the number of
// sentences; whole adds the text's words as one sentence.
func checksum(h hash.Hash, text string, whole bool) int {
	sents := sentenceWords(text)
	var all []string
	for _, words := range sents {
		all = append(all, words...)
		sentence(h, words)
	}
	if whole {
		sentence(h, all)
	}
	return len(sents)
}

func sentence(h hash.Hash, words []string) {
	tags := syntax.Tag(words)
	s := syntax.Analyze(words)
	given := syntax.Parse(words, tags)
	for i, w := range words {
		fmt.Fprintf(h, "%s\t%s\t%s\t%d\t%s\t%d\t%s\n", w, tags[i], s.Tags[i], s.Arcs[i].Head, s.Arcs[i].Rel, given[i].Head, given[i].Rel)
	}
	fmt.Fprintln(h)
}

// sentenceWords is the words of each sentence of text, as the analysis tokenises them.
func sentenceWords(text string) [][]string {
	var out [][]string
	for _, s := range lex.Sentences(text) {
		var words []string
		for _, tok := range lex.Tokens(text[s[0]:s[1]]) {
			words = append(words, text[s[0]:s[1]][tok[0]:tok[1]])
		}
		out = append(out, words)
	}
	return out
}

// eventFiles is the articles of the events corpus, in order; the test is skipped without
// them.
func eventFiles(t *testing.T) []string {
	events := corpus.Path(t, "events")
	files, err := filepath.Glob(filepath.Join(events, "*", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Skipf("no event articles in %s", events)
	}
	slices.Sort(files)
	return files
}

// reutersTexts is the text of the first n Reuters articles.
func reutersTexts(tb testing.TB, n int) []string {
	path := corpus.Path(tb, "bulk/reuters21578.jsonl.gz")
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(z)
	sc.Buffer(nil, 1<<22)
	var texts []string
	for i := 0; i < n && sc.Scan(); i++ {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			tb.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return texts
}
