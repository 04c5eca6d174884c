package reconcile

import (
	"container/list"
	"encoding/binary"
	"sync"
	"sync/atomic"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/syntax"
)

// Analysis does not parse: a report parses the sentences its readers look at when they look
// (see parse). A server or a follower remakes a story's report whenever an article joins it,
// and each remaking reads mostly the sentences the last one read, so the parses made lately
// are kept here, packed as a store keeps them, and shared by the reports made at once.

// maxParseBytes bounds what the kept parses hold. A sentence of news is some 25 words and
// 150 bytes, kept in about 400 bytes (its words as the key, four bytes a word of parse, the
// bookkeeping), so 8 MiB keep some 20,000 sentences: the sentences the reports of the
// stories being remade read (a story of 100 articles reads some 1,000), at a twentieth of the
// memory the ingest is held to.
const maxParseBytes = 8 << 20

// parseOverhead is what a kept parse costs past its key and its packed words: the map's
// entry, the list's element and the entry itself.
const parseOverhead = 160

// parses are the parses the reports of this process made lately.
var parses = newParseCache(maxParseBytes)

// parseCache keeps the parses of sentences by their words, the most recently used first, and
// drops the least recently used past max bytes. It is safe for concurrent use.
type parseCache struct {
	mu    sync.Mutex
	max   int
	bytes int
	byKey map[string]*list.Element
	order list.List // of *keptParse, the most recently used first
	// made counts the sentences parsed, kept the parses handed out without parsing
	made, kept atomic.Int64
}

type keptParse struct {
	key    string
	packed []crosscheck.TokenSyntax // never written once kept
}

func newParseCache(max int) *parseCache {
	return &parseCache{max: max, byKey: map[string]*list.Element{}}
}

// parseKey is the key of a parse: the words, each after its length, so that no two lists of
// words share one ("ab" "c" and "a" "bc" do not). The parse is a function of the words
// alone, so a sentence of the same words in any article, revision or story has one parse.
func parseKey(words []string) string {
	n := 0
	for _, w := range words {
		n += binary.MaxVarintLen32 + len(w)
	}
	b := make([]byte, 0, n)
	for _, w := range words {
		b = binary.AppendUvarint(b, uint64(len(w)))
		b = append(b, w...)
	}
	return string(b)
}

// parse returns the parse of the words: the one kept, else one made now and kept. It is
// syntax.Analyze's parse, read back from the packed form a store keeps (which holds every
// tag and relation the parser gives), so a report reads the same parse whether a store
// kept it, this cache did, or it was made now.
func (c *parseCache) parse(words []string) syntax.Sentence {
	if len(words) == 0 {
		return syntax.Analyze(words)
	}
	key := parseKey(words)
	packed := c.get(key)
	if packed == nil {
		packed = make([]crosscheck.TokenSyntax, len(words))
		syntax.AnalyzePacked(words, packed)
		c.made.Add(1)
		c.put(key, packed)
	} else {
		c.kept.Add(1)
	}
	s, ok := syntax.Unpack(words, packed)
	if !ok { // a parse the stored tables cannot hold; none is known
		return syntax.Analyze(words)
	}
	return s
}

func (c *parseCache) get(key string) []crosscheck.TokenSyntax {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.byKey[key]
	if !ok {
		return nil
	}
	c.order.MoveToFront(e)
	return e.Value.(*keptParse).packed
}

// put keeps the parse of key (made by a concurrent report too, when it was first) and drops
// the least recently used parses past the bound.
func (c *parseCache) put(key string, packed []crosscheck.TokenSyntax) {
	size := parseSize(key, packed)
	if size > c.max {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.byKey[key]; ok {
		return
	}
	c.byKey[key] = c.order.PushFront(&keptParse{key: key, packed: packed})
	c.bytes += size
	for c.bytes > c.max {
		last := c.order.Back()
		k := c.order.Remove(last).(*keptParse)
		delete(c.byKey, k.key)
		c.bytes -= parseSize(k.key, k.packed)
	}
}

func parseSize(key string, packed []crosscheck.TokenSyntax) int {
	return len(key) + 4*len(packed) + parseOverhead
}
