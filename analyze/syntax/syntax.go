package syntax

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax/internal/engine"
)

//go:generate go run ./internal/train -treebank ../../../shared/corpus/treebank -out model.bin.gz

// modelData is the tagger's and the parser's weights, generated from the treebank.
//
//go:embed model.bin.gz
var modelData []byte

var (
	taggerOnce, parserOnce sync.Once
	taggerModel            *engine.Model // the tagger alone, loaded on the first tagging
	readParser             func() (*engine.Parser, error)
	model                  *engine.Model // the tagger and the parser, loaded on the first parse
	scratch                = sync.Pool{New: func() any { return new(pieceScratch) }}
)

// pieceScratch is the memory one piece is tagged and parsed in, reused from piece to piece.
type pieceScratch struct {
	engine.ParseScratch
	sub                  []string // the words with their clitics split off
	owner, first, tagIdx []int
	th                   []uint64
	heads, rels          []int32
	tags                 []string // a sentence's tags and arcs, for AnalyzePacked
	arcs                 []Arc
}

// grown returns s resliced to n elements, zeroed, reusing its memory when it is large enough.
func grown[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// loadedTagger is the model with its tagger read and its parser not: an ingest tags noun
// phrases but leaves parsing to the reports, and the parser's tables are most of the model.
func loadedTagger() *engine.Model {
	taggerOnce.Do(func() {
		t, parser, err := engine.ReadTagger(modelData)
		if err != nil {
			panicUnreadable(err)
		}
		taggerModel, readParser = &engine.Model{Tagger: t}, parser
	})
	return taggerModel
}

// loaded is the whole model, the parser read after the tagger the first time it is asked for.
func loaded() *engine.Model {
	parserOnce.Do(func() {
		t := loadedTagger()
		p, err := readParser()
		if err != nil {
			panicUnreadable(err)
		}
		model = &engine.Model{Tagger: t.Tagger, Parser: p}
	})
	return model
}

func panicUnreadable(err error) {
	panic(fmt.Sprintf("syntax: the embedded model cannot be read (run go generate ./analyze/syntax): %v", err))
}

// MaxWords is the longest stretch parsed as one tree: a longer sentence is parsed in pieces of
// MaxWords words, each piece's root a root of the sentence, so that work stays linear and
// bounded on run-on text.
const MaxWords = 200

// Arc is a word's place in the tree: the index of its head in the sentence's words (-1 for a
// root) and the Universal Dependencies relation to it ("nsubj", "obj", "nmod:poss", …).
type Arc struct {
	Head int    `json:"head"`
	Rel  string `json:"rel"`
}

// Sentence is a tagged and parsed sentence: for each word its universal part of speech
// ("NOUN", "VERB", "PROPN", "NUM", …) and its arc.
type Sentence struct {
	Words []string `json:"words"`
	Tags  []string `json:"tags"`
	Arcs  []Arc    `json:"arcs"`
}

// Tags is the tag set (the 17 universal parts of speech).
func Tags() []string { return append([]string(nil), loadedTagger().Tagger.Tags...) }

// Relations is the set of relations arcs are labelled with.
func Relations() []string { return append([]string(nil), loaded().Parser.Labels...) }

// Tag gives each word its universal part of speech. Words are tokens as printed: curly quotes,
// dashes and clitics glued on ("John’s", "don't") are read as the treebank writes them, and a
// word with a clitic takes the tag of its host ("John’s" PROPN, "don't" AUX).
func Tag(words []string) []string {
	return analyse(words, nil, false).Tags
}

// Parse gives each word its head and relation, reading the tags given (as Tag returns them;
// nil to tag the words first; words past the end of tags are tagged). A word with a clitic
// glued on takes its host's arc.
func Parse(words []string, tags []string) []Arc {
	if tags == nil {
		return Analyze(words).Arcs
	}
	return analyse(words, tags, true).Arcs
}

// Analyze tags and parses the words.
func Analyze(words []string) Sentence {
	return analyse(words, nil, true)
}

func analyse(words, tags []string, parse bool) Sentence {
	out := Sentence{Words: words, Tags: make([]string, len(words))}
	if parse {
		out.Arcs = make([]Arc, len(words))
	}
	if len(words) == 0 {
		return out
	}
	sc := scratch.Get().(*pieceScratch)
	defer scratch.Put(sc)
	analyseInto(words, tags, out.Tags, out.Arcs, sc)
	return out
}

// AnalyzePacked tags and parses the words and writes the parse into out (one element per
// word) as Pack(Analyze(words), out) would, in reused memory.
func AnalyzePacked(words []string, out []crosscheck.TokenSyntax) {
	if len(words) == 0 {
		return
	}
	sc := scratch.Get().(*pieceScratch)
	defer scratch.Put(sc)
	sc.tags, sc.arcs = grown(sc.tags, len(words)), grown(sc.arcs, len(words))
	analyseInto(words, nil, sc.tags, sc.arcs, sc)
	Pack(Sentence{Words: words, Tags: sc.tags, Arcs: sc.arcs}, out)
}

// analyseInto tags words into tags and, when arcs is not nil, parses them into arcs, a piece
// of at most MaxWords words at a time, reading the tags given.
func analyseInto(words, tags, outTags []string, arcs []Arc, sc *pieceScratch) {
	parse := arcs != nil
	m := loadedTagger()
	if parse {
		m = loaded()
	}
	for start := 0; start < len(words); start += MaxWords {
		end := min(start+MaxWords, len(words))
		var given []string
		if start < len(tags) {
			given = tags[start:min(end, len(tags))]
		}
		var pieceArcs []Arc
		if parse {
			pieceArcs = arcs[start:end]
		}
		piece(m, words[start:end], given, parse, outTags[start:end], pieceArcs, start, sc)
	}
}

// piece tags (and parses) one stretch of at most MaxWords words, offset words into the
// sentence, writing tags and arcs.
func piece(m *engine.Model, words, given []string, parse bool, tags []string, arcs []Arc, offset int, sc *pieceScratch) {
	sub := sc.sub[:0]
	owner := sc.owner[:0]                // sub-token → word
	first := grown(sc.first, len(words)) // word → its host sub-token
	for i, w := range words {
		first[i] = len(sub)
		host, clitic := splitClitic(engine.Normalise(w))
		sub = append(sub, host)
		owner = append(owner, i)
		if clitic != "" {
			sub = append(sub, clitic)
			owner = append(owner, i)
		}
	}
	sc.sub, sc.owner, sc.first = sub, owner, first
	th := grown(sc.th, len(sub))
	sc.th = th
	tagged := len(given) < len(words) || len(sub) > len(words)
	if tagged {
		// some words or clitics have no tag given: tag them
		tagIdx := grown(sc.tagIdx, len(sub))
		sc.tagIdx = tagIdx
		m.Tagger.TagInto(sub, tagIdx, &sc.Scratch)
		hashes := m.TagHashes()
		for j, t := range tagIdx {
			th[j] = hashes[t]
		}
		for i := range words {
			tags[i] = m.Tagger.Tags[tagIdx[first[i]]]
		}
	}
	if !parse {
		return
	}
	for i, t := range given {
		th[first[i]] = engine.TagHash(t)
		tags[i] = t
	}
	heads, rels := grown(sc.heads, len(sub)), grown(sc.rels, len(sub))
	sc.heads, sc.rels = heads, rels
	if tagged {
		m.Parser.ParseTaggedInto(th, heads, rels, &sc.ParseScratch)
	} else {
		m.Parser.ParseInto(sub, th, heads, rels, &sc.ParseScratch)
	}
	for i := range words {
		j := first[i]
		// a host whose head is its own clitic takes the clitic's head
		for steps := 0; heads[j] > 0 && owner[heads[j]-1] == i && steps < 4; steps++ {
			j = int(heads[j] - 1)
		}
		h := -1
		if heads[j] > 0 && owner[heads[j]-1] != i {
			h = owner[heads[j]-1] + offset
		}
		arcs[i] = Arc{Head: h, Rel: m.Parser.Labels[rels[j]]}
		if h < 0 {
			arcs[i].Rel = "root"
		}
	}
}

// clitics are the endings the treebank writes as words of their own, longest first.
var clitics = []string{"n't", "'re", "'ve", "'ll", "'s", "'d", "'m"}

// splitClitic splits a clitic off a normalised word ("John's" → "John", "'s"; "can't" →
// "ca", "n't", as the treebank writes it); clitic is "" when there is none.
func splitClitic(w string) (host, clitic string) {
	if len(w) < 3 || !strings.ContainsRune(w, '\'') {
		return w, ""
	}
	lw := strings.ToLower(w)
	for _, c := range clitics {
		if len(lw) > len(c) && strings.HasSuffix(lw, c) {
			host := w[:len(w)-len(c)]
			r, _ := utf8.DecodeLastRuneInString(host)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return host, w[len(w)-len(c):]
			}
		}
	}
	if strings.HasSuffix(lw, "s'") {
		return w[:len(w)-1], "'"
	}
	return w, ""
}
