package crosscheck

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"iter"
	"time"
)

// The store is split by what each part of crosscheck needs of it: the pipeline keeps articles,
// boilerplate, grouping state, stories and reports (Store); the web server also searches and
// lists (Searcher, OutletLister, Generations); the command line also follows feeds, fetches
// pages and lists failures. A backend (SQLite, PostgreSQL) implements them all: Backend.

// ArticleStore keeps documents and the articles extracted from them, revision by revision.
type ArticleStore interface {
	// Put stores a batch of entries atomically: after a crash the whole batch is stored or
	// none of it. An article whose id's latest revision has the same hash changes nothing
	// (StatusUnchanged); otherwise it is stored as the next revision. Entries with an error
	// are recorded as failures (StatusError). The fetch state of a stored or unchanged
	// article's document (Document.Fetch) is recorded with it, as SaveFetchState does.
	Put(ctx context.Context, entries []Entry) ([]PutResult, error)
	// Seen reports whether the latest revision of id has the given hash, so that unchanged
	// documents can skip extraction.
	Seen(ctx context.Context, id, hash string) (bool, error)
	// Article returns the latest revision of an article.
	Article(ctx context.Context, id string) (*Article, error)
	// Raw returns the raw bytes of an article's latest revision.
	Raw(ctx context.Context, id string) ([]byte, error)
	// Articles streams the latest revision of every article, ordered by id.
	Articles(ctx context.Context) iter.Seq2[*Article, error]
	// Count returns how many articles are stored.
	Count(ctx context.Context) (int, error)
	// Documents streams the documents of the latest revisions of the given articles, or of
	// every article when ids is empty, ordered by id.
	Documents(ctx context.Context, ids []string) iter.Seq2[*Document, error]
	// Reclean replaces the clean fields of an article's latest revision, whose raw document
	// did not change, with a new extraction, and drops its story's stored report.
	Reclean(ctx context.Context, a *Article) error
}

// BoilerplateStore keeps, per source, how many articles carry each line, and the lines it has
// learned are the site's rather than the story's.
type BoilerplateStore interface {
	// Boilerplate returns the line hashes cleaning removes for a source: the lines it has
	// learned the source repeats.
	Boilerplate(ctx context.Context, source string) (map[int64]bool, error)
	// Relearn recomputes a source's boilerplate from the line counts: the lines in at least
	// MinRepeats articles and RepeatShare of the source's articles. It stores the new set and
	// returns it with whether it changed.
	Relearn(ctx context.Context, source string) (map[int64]bool, bool, error)
	// SourceDocuments streams the documents of the latest revisions of a source's articles
	// that carry any of the given line hashes.
	SourceDocuments(ctx context.Context, source string, lines map[int64]bool) iter.Seq2[*Document, error]
}

// GroupStore keeps the grouping state as rows and writes what grouping decided.
type GroupStore interface {
	// GroupState is where grouping keeps what it learned, as rows read on demand.
	GroupState
	// SaveGroups stores, in one transaction, the grouping state's changed rows, the stories
	// that changed, the moves of articles already in stories (in order), then the links of
	// the articles that were placed (with their final stories), and the near-duplicates
	// found — over the version of the state they were worked out from. When another writer
	// saved since, it stores nothing and returns ErrConflict.
	SaveGroups(ctx context.Context, save GroupSave) error
	// ResetGroups forgets every story, story link, near-duplicate, story report and the
	// grouping state, so that the stored articles can be grouped again from nothing.
	ResetGroups(ctx context.Context) error
}

// StoryStore reads the stories, why each article is in its story, and its near-duplicates.
type StoryStore interface {
	// StoryLinks returns why each of the given articles is in its story.
	StoryLinks(ctx context.Context, articles []string) ([]StoryLink, error)
	// Duplicates returns the near-duplicate links of the given articles.
	Duplicates(ctx context.Context, articles []string) ([]DuplicateLink, error)
	// Ungrouped streams the latest revision of each article not yet in a story, in the order
	// those revisions were stored.
	Ungrouped(ctx context.Context) iter.Seq2[*Article, error]
	// Stories streams the stories in the order they were made.
	Stories(ctx context.Context) iter.Seq2[*Story, error]
	// Story returns the story with the given id, or the story the article with that id is in,
	// with the hash of each of its articles.
	Story(ctx context.Context, id string) (*Story, error)
}

// ReportStore keeps each story's latest report, under the key of what it was made from.
type ReportStore interface {
	// Report returns a story's stored report (JSON) when it was made under key, else nil.
	Report(ctx context.Context, story, key string) ([]byte, error)
	// ReportNumbers returns the numbers (StoryNumbers as JSON) of a story's stored report when
	// it was made under key, else nil.
	ReportNumbers(ctx context.Context, story, key string) ([]byte, error)
	// SaveReport stores a story's report and its numbers, made under key.
	SaveReport(ctx context.Context, story, key string, report, numbers []byte) error
}

// Store is what the pipeline works on: articles, boilerplate, grouping, stories and reports.
type Store interface {
	ArticleStore
	BoilerplateStore
	GroupStore
	StoryStore
	ReportStore
	// Close releases the store.
	Close() error
}

// Searcher finds articles and stories by the words a person types (see SearchTerms).
type Searcher interface {
	// IndexSearch adds to the search index the revisions stored since it last ran. Writers
	// call it when they are done; searching only reads.
	IndexSearch(ctx context.Context) error
	// Search finds the latest revisions of articles that carry every term of q, as a word or
	// a word's beginning, best first, with how many match in all.
	Search(ctx context.Context, q string, limit, offset int) ([]SearchHit, int, error)
	// StoryList returns the ids of a page of the stories q selects, the latest first and,
	// among those of one day, the biggest, with how many there are in all.
	StoryList(ctx context.Context, q StoryQuery) ([]string, int, error)
}

// OutletLister lists the sources of the stored articles.
type OutletLister interface {
	// Outlets returns the sources of the stored articles with how many articles each has, the
	// most first.
	Outlets(ctx context.Context) ([]Outlet, error)
}

// Generations tells when what is worked out from the store goes stale.
type Generations interface {
	// Generation returns a value that changes whenever articles are stored or stories
	// change.
	Generation(ctx context.Context) (string, error)
}

// FetchStore keeps what the last fetch of each page left.
type FetchStore interface {
	// FetchState returns what the last fetch of a normalised URL left, and false when it was
	// never fetched.
	FetchState(ctx context.Context, url string) (FetchState, bool, error)
	// SaveFetchState records a page's fetch.
	SaveFetchState(ctx context.Context, f FetchState) error
}

// FeedLister lists the followed feeds.
type FeedLister interface {
	// Feeds lists the followed feeds in the order they were added, with their item counts.
	Feeds(ctx context.Context) ([]Feed, error)
}

// FeedStore keeps the followed feeds and what became of their items.
type FeedStore interface {
	FeedLister
	// AddFeed follows a feed; a feed followed already keeps its state, and reports false.
	AddFeed(ctx context.Context, url, title string, allowPrivate bool) (bool, error)
	// RemoveFeed stops following the feed whose URL or FeedID is key, and forgets which of
	// its items were taken; the articles they became stay in the store. It returns the feed as
	// it was, and an error wrapping ErrNotFound when no followed feed is key.
	RemoveFeed(ctx context.Context, key string) (Feed, error)
	// FeedFetched records the outcome of a feed's fetch. Validators are saved only with "ok",
	// after the round has taken the feed's items, so that a round cut short asks for the
	// whole feed again.
	FeedFetched(ctx context.Context, f Feed) error
	// SeenItems returns which of a feed's items are done: taken as articles, or failed in
	// ItemTries rounds.
	SeenItems(ctx context.Context, feed string, items []string) (map[string]bool, error)
	// SaveItems records what became of items, in one transaction.
	SaveItems(ctx context.Context, items []FeedItem) error
}

// FailureStore lists the inputs that could not be ingested.
type FailureStore interface {
	// Failures streams the inputs that could not be ingested, oldest first.
	Failures(ctx context.Context) iter.Seq2[Failure, error]
}

// Checker verifies a store.
type Checker interface {
	// QuickCheck finds, cheaply, the damage that would make a write spread it.
	QuickCheck(ctx context.Context) error
	// Check verifies the store thoroughly: its own integrity, and that every article points
	// at a stored revision of itself with the same hash.
	Check(ctx context.Context) error
}

// Backend is a whole store, as the command line opens it from a DSN.
type Backend interface {
	Store
	Searcher
	OutletLister
	Generations
	FetchStore
	FeedStore
	FailureStore
	Checker
	// ReadOnly reports whether the store was opened only for reading: its reading methods
	// answer, its writing ones fail.
	ReadOnly() bool
}

// Failure is one input that could not be ingested.
type Failure struct {
	Input string `json:"input"`
	Error string `json:"error"`
	At    string `json:"at"`
}

// FetchState is what a page's last fetch left: its validators for a conditional GET and the
// article it became.
type FetchState struct {
	URL          string `json:"url"`
	Article      string `json:"article"`
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
	Status       int    `json:"status"`
	Fetched      string `json:"fetched"`
}

// Feed is a followed feed with the outcome of its last fetch.
type Feed struct {
	ID           string `json:"id"` // FeedID of the URL
	URL          string `json:"url"`
	Title        string `json:"title"`
	Added        string `json:"added"`
	AllowPrivate bool   `json:"allow_private,omitempty"`
	ETag         string `json:"-"`
	LastModified string `json:"-"`
	LastFetch    string `json:"last_fetch"`
	Status       string `json:"status"` // "ok", "not modified", "error"; empty before the first fetch
	Error        string `json:"error,omitempty"`
	Articles     int    `json:"articles"` // the articles its items became
	Items        int    `json:"items"`    // the items taken, failed ones included
}

// FeedID is the short name a feed is known by beside its URL: the first 12 hex digits of the
// SHA-256 of its normalised URL, so the same on every store and in every run.
func FeedID(url string) string {
	sum := sha256.Sum256([]byte(url))
	return hex.EncodeToString(sum[:6])
}

// FeedItem is one item of a feed taken by a round.
type FeedItem struct {
	Feed    string
	Item    string // guid, else link
	Link    string
	Article string // the article it became; empty when it failed
	Error   string
}

// ItemTries is how many rounds an item that fails is tried in before it is given up.
const ItemTries = 3

// LineHashes hashes an article's lines (LineHash) for counting.
func LineHashes(lines []string) []int64 {
	out := make([]int64, len(lines))
	for i, l := range lines {
		out[i] = LineHash(l)
	}
	return out
}

// EncodeSpans packs sorted, non-overlapping spans as varints, as stores keep an article's
// tokens: each span's gap from the end of the one before, then its length. A token costs two or
// three bytes instead of JSON's ten.
func EncodeSpans(spans []Span) []byte {
	b := make([]byte, 0, 3*len(spans))
	prev := 0
	for _, s := range spans {
		b = binary.AppendUvarint(b, uint64(s[0]-prev))
		b = binary.AppendUvarint(b, uint64(s[1]-s[0]))
		prev = s[1]
	}
	return b
}

// DecodeSpans reads spans packed by EncodeSpans.
func DecodeSpans(b []byte) ([]Span, error) {
	var out []Span
	prev := 0
	for len(b) > 0 {
		gap, n := binary.Uvarint(b)
		if n <= 0 {
			return nil, errors.New("damaged token spans")
		}
		length, m := binary.Uvarint(b[n:])
		if m <= 0 {
			return nil, errors.New("damaged token spans")
		}
		b = b[n+m:]
		start := prev + int(gap)
		prev = start + int(length)
		out = append(out, Span{start, prev})
	}
	return out, nil
}

// syntaxFormat opens a stored parse, so that another layout can be told apart.
const syntaxFormat = 1

// A stored parse is, after its format byte, two bytes (little-endian) a token: the tag's
// number in the low 5 bits, the relation's in the next 6, and the head's offset plus 15 in
// the top 5. A token that does not fit (an offset beyond ±15, about one in twenty) has
// syntaxEscape in the top bits, then its tag's and relation's bytes and its offset as a
// signed varint.
const (
	syntaxEscape = 31
	maxNear      = 15
)

// EncodeSyntax packs a parse as stores keep it; a token costs two bytes, a far head a few more.
func EncodeSyntax(words []TokenSyntax) []byte {
	if len(words) == 0 {
		return []byte{}
	}
	b := make([]byte, 1, 1+2*len(words)+len(words)/8)
	b[0] = syntaxFormat
	for _, w := range words {
		if w.Tag < 1<<5 && w.Rel < 1<<6 && w.Head >= -maxNear && w.Head <= maxNear {
			b = binary.LittleEndian.AppendUint16(b, uint16(w.Tag)|uint16(w.Rel)<<5|uint16(w.Head+maxNear)<<11)
			continue
		}
		b = binary.LittleEndian.AppendUint16(b, syntaxEscape<<11)
		b = append(b, w.Tag, w.Rel)
		b = binary.AppendVarint(b, int64(w.Head))
	}
	return b
}

// DecodeSyntax reads a parse EncodeSyntax packed; an empty blob is no parse (an article stored
// before parses were, or since analysis left them to reports).
func DecodeSyntax(b []byte) ([]TokenSyntax, error) {
	if len(b) == 0 {
		return nil, nil // stored before parses were
	}
	if b[0] != syntaxFormat {
		return nil, fmt.Errorf("a parse stored in format %d, which this version does not read; run crosscheck reanalyze", b[0])
	}
	damaged := errors.New("damaged parse")
	b = b[1:]
	out := make([]TokenSyntax, 0, len(b)/2)
	for len(b) > 0 {
		if len(b) < 2 {
			return nil, damaged
		}
		v := binary.LittleEndian.Uint16(b)
		b = b[2:]
		if v>>11 != syntaxEscape {
			out = append(out, TokenSyntax{Tag: uint8(v & 31), Rel: uint8(v >> 5 & 63), Head: int16(v>>11) - maxNear})
			continue
		}
		if len(b) < 3 {
			return nil, damaged
		}
		head, n := binary.Varint(b[2:])
		if n <= 0 || head != int64(int16(head)) {
			return nil, damaged
		}
		out = append(out, TokenSyntax{Tag: b[0], Rel: b[1], Head: int16(head)})
		b = b[2+n:]
	}
	return out, nil
}

// FormatStoredTime writes a time as stores keep it: RFC 3339 with nanoseconds and the zone,
// "" for the zero time.
func FormatStoredTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// ParseStoredTime reads a time FormatStoredTime wrote.
func ParseStoredTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}
