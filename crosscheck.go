package crosscheck

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"hash/fnv"
	"time"
)

// Format names how a document's raw bytes are to be read.
type Format string

// The formats crosscheck reads.
const (
	FormatText Format = "text" // plain text; the first non-empty line is the title
	FormatHTML Format = "html" // an HTML page
	FormatJSON Format = "json" // one JSONL record; Raw holds the record's text field
)

// Document is one raw input before extraction: the bytes as they arrived, where they came from,
// and any metadata the input carried (a JSONL record's fields, a manifest line).
type Document struct {
	ID      string    // the article id: record id, manifest id, file name without extension, or URL hash
	Input   string    // what the user named: a path, "path:line" for a JSONL record, "-" for stdin
	Format  Format    // how to read Raw
	Raw     []byte    // the bytes as read, never modified
	Fetched time.Time // when the bytes were read
	Meta    Meta      // metadata carried by the input
	// Fetch is what fetching a page left (its validators for the next conditional GET), which
	// Put records in the batch's transaction with the article; nil for other inputs.
	Fetch *FetchState `json:"-"`
}

// Meta is the metadata an input may carry beside the text. Empty fields are unknown.
type Meta struct {
	Title     string `json:"title,omitempty"`
	Published string `json:"published,omitempty"` // as given; parsed during extraction
	Source    string `json:"source,omitempty"`    // the outlet
	URL       string `json:"url,omitempty"`
	Author    string `json:"author,omitempty"`
	// ContentType is the Content-Type the bytes came over HTTP with; decoding honours its
	// charset before the page's own declaration.
	ContentType string          `json:"content_type,omitempty"`
	Extra       json.RawMessage `json:"extra,omitempty"` // unknown fields of a record, kept verbatim
}

// Hash is the content hash of a document: its raw bytes and its metadata. Ingesting a document
// with the same hash as the stored revision of its id changes nothing.
func (d *Document) Hash() string {
	h := sha256.New()
	h.Write([]byte(d.Format))
	h.Write([]byte{0})
	meta, _ := json.Marshal(d.Meta)
	h.Write(meta)
	h.Write([]byte{0})
	h.Write(d.Raw)
	return hex.EncodeToString(h.Sum(nil))
}

// Article is one clean article extracted from a Document.
type Article struct {
	ID        string    `json:"id"`
	Revision  int       `json:"revision"`
	Title     string    `json:"title"`
	Author    string    `json:"author"`
	Published string    `json:"published"` // RFC 3339 date or date-time; empty when unknown
	Modified  string    `json:"modified,omitempty"`
	Source    string    `json:"source"` // the outlet
	Site      string    `json:"site,omitempty"`
	URL       string    `json:"url"`
	Credits   []string  `json:"credits"`  // outlets the text cites ("citing NBC News")
	Language  string    `json:"language"` // ISO 639-1
	Text      string    `json:"text"`     // the cleaned body, paragraphs separated by "\n\n"
	Input     string    `json:"input"`
	Format    Format    `json:"format"`
	Hash      string    `json:"hash"`
	Fetched   time.Time `json:"fetched"`
	Meta      Meta      `json:"-"`

	// SourceFrom names where the outlet was read from: "given" (a feed, manifest or record),
	// "og:site_name", "site-name", "self-named" (the text names itself), "title-suffix" or
	// "url-host"; empty when no outlet is known, or for an article stored before it was kept.
	SourceFrom string `json:"source_from,omitempty"`
	// Offsets maps the clean text back to the source bytes (see OffsetMap).
	Offsets OffsetMap `json:"-"`
	// Removed lists what cleaning took out of the body, and why.
	Removed []Removal `json:"removed,omitempty"`
	// Repairs lists the characters cleaning changed (mojibake, Unicode normalisation).
	Repairs []Repair `json:"repairs,omitempty"`
	// Quotes are the article's direct quotes with their speakers.
	Quotes []Quote `json:"quotes,omitempty"`
	// Numbers are the numbers the article states, with what they count.
	Numbers []Number `json:"numbers,omitempty"`
	// Sentences and Tokens split the clean text.
	Sentences []Span `json:"sentences,omitempty"`
	Tokens    []Span `json:"tokens,omitempty"`
	// Syntax is the parse of the sentences, token by token (one element per token of Tokens),
	// as a store made before analysis left the parsing to reports holds it; none otherwise.
	Syntax []TokenSyntax `json:"-"`
	// Entities are the people, organisations and places the article names.
	Entities []Entity `json:"entities,omitempty"`
	// Dates are the article's temporal expressions resolved against its publication date.
	Dates []Date `json:"dates,omitempty"`
	// Lines are the article's short lines in clean.Fold form (those kept and those removed as
	// site repeats), counted per source to learn what a site prints on every page.
	Lines []string `json:"-"`
}

// PublishedDay returns the day the article was published, and false when it is unknown.
func (a *Article) PublishedDay() (time.Time, bool) {
	t, err := time.Parse("2006-01-02", a.Published[:min(10, len(a.Published))])
	return t, err == nil
}

// LineHash is the hash under which a line (in clean.Fold form) is counted.
func LineHash(folded string) int64 {
	h := fnv.New64a()
	h.Write([]byte(folded))
	return int64(h.Sum64())
}

// Quote is one direct quote in an article: the words inside the quote marks and who said them.
type Quote struct {
	Text           string `json:"text"`
	Start          int    `json:"start"` // byte offsets of Text in the article's clean text
	End            int    `json:"end"`
	Cue            string `json:"cue"`             // the verb or phrase that attributes it ("said", "according to")
	Speaker        string `json:"speaker"`         // the person it is attributed to, resolved ("Yuri Ushakov")
	SpeakerMention string `json:"speaker_mention"` // the speaker as written near the quote ("he", "the adviser")
	Partial        bool   `json:"partial"`         // a few quoted words inside the writer's own sentence
	Rule           string `json:"rule"`            // how the speaker was found
	// Parts are the quoted pieces of a quote the writer interrupted or continued over several
	// paragraphs ("“A,” he said, “B.”"): byte offsets [start, end) of each piece's words. Text
	// joins them with a space.
	Parts [][2]int `json:"parts,omitempty"`
}

// Number is a number in an article with what it counts: "28-point plan" is 28, unit "point",
// counted "plan"; "five hours" is 5, unit "hour"; "$1.2 billion" is 1.2e9, unit "USD".
type Number struct {
	Text    string  `json:"text"`
	Start   int     `json:"start"` // byte offsets in the article's clean text
	End     int     `json:"end"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit,omitempty"`    // what is measured: "point", "hour", "USD", "percent", or the thing counted
	Counted string  `json:"counted,omitempty"` // the thing a measured number qualifies: "plan" in "28-point plan"
	Approx  string  `json:"approx,omitempty"`  // "nearly", "about", "more than", …
}

// TokenSyntax is one token's part of speech and place in its sentence's dependency tree, as
// small numbers that package analyze/syntax names (syntax.StoredTags, syntax.StoredRelations).
type TokenSyntax struct {
	Tag  uint8 // 1 + the part of speech's number; 0 for a token whose sentence was not parsed
	Rel  uint8 // the relation to its head
	Head int16 // the head's token index minus the token's; 0 for a root of its sentence
}

// Span is a byte range [start, end) of an article's clean text.
type Span [2]int

// Entity is a person, organisation, place or named event an article names, with every mention
// of it — the full name, the surname, a role noun ("the Russian leader") — and the roles the
// article gives it ("former U.S. President", "senior adviser to Vladimir Putin").
type Entity struct {
	Name     string    `json:"name"` // the fullest form the article uses
	Kind     string    `json:"kind"` // "person", "org", "place" or "event" (a storm, a war)
	Aliases  []string  `json:"aliases,omitempty"`
	Roles    []Role    `json:"roles,omitempty"`
	Mentions []Mention `json:"mentions"`
}

// Mention is one place an entity is named.
type Mention struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Role is what an article says a person is, where it says it.
type Role struct {
	Text  string `json:"text"` // "former U.S. President", "son-in-law of Donald Trump"
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Date is a temporal expression in an article, resolved against its publication date to a
// TIMEX3 value whose form is its granularity: "2025-12-02" a day, "2025-12" a month, "2025" a
// year, "2025-W49" a week, "P5H" a duration of five hours, "PAST_REF" an unspecified past.
type Date struct {
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
	Type  string `json:"type"` // DATE, TIME, DURATION or SET
}

// Removal is one piece of source text that cleaning left out of the body.
type Removal struct {
	Text   string `json:"text"`
	Rule   string `json:"rule"`   // "breadcrumb", "furniture", "comment-form", "duplicate-paragraph", "title", "byline", "credit", "site-repeat", …
	Source int    `json:"source"` // byte offset in the decoded source; -1 when not found in an HTML page
}

// Repair is one span of text that cleaning rewrote.
type Repair struct {
	From   string `json:"from"`
	To     string `json:"to"`
	Rule   string `json:"rule"`   // "mojibake:windows-1252", "nfc", …
	Source int    `json:"source"` // byte offset in the decoded source text
}

// Segment maps Len bytes of clean text starting at Clean to SourceLen bytes of source starting
// at Source. Source offsets count bytes of the decoded source text (UTF-8), which for UTF-8
// input are the raw bytes themselves; for an HTML page, the source is the whole page, markup
// included, and an entity or a run of white space maps as one span.
type Segment struct {
	Clean     int `json:"c"`
	Source    int `json:"s"`
	Len       int `json:"n"`
	SourceLen int `json:"m"`
}

// OffsetMap maps byte offsets of an article's clean text back to the decoded source. Segments
// are sorted by Clean and do not overlap; clean bytes between segments (inserted separators)
// map to the end of the previous segment.
type OffsetMap []Segment

// Source returns the source byte offset of clean byte offset off.
func (m OffsetMap) Source(off int) int {
	lo, hi := 0, len(m)
	for lo < hi {
		mid := (lo + hi) / 2
		if m[mid].Clean <= off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo == 0 {
		return 0
	}
	s := m[lo-1]
	d := off - s.Clean
	if d >= s.Len {
		return s.Source + s.SourceLen
	}
	if s.Len == s.SourceLen {
		return s.Source + d
	}
	return s.Source // a rewritten span maps as a whole
}

// IngestStatus says what ingesting one document did.
type IngestStatus string

// The outcomes of ingesting a document.
const (
	StatusAdded     IngestStatus = "added"     // a new article, or a new revision of one
	StatusUnchanged IngestStatus = "unchanged" // the same bytes and metadata were stored already
	StatusError     IngestStatus = "error"     // the input could not be read or extracted
	StatusSkipped   IngestStatus = "skipped"   // a file in a folder that is not of a kind crosscheck reads
)

// Entry is one input's outcome to store: an article with the document it came from, or the
// error that kept the input from becoming an article.
type Entry struct {
	Doc     *Document
	Article *Article
	Input   string // set with Err
	Err     error
}

// PutResult says what storing one entry did.
type PutResult struct {
	Status   IngestStatus
	Revision int
}

// Story is a group of articles about one event.
type Story struct {
	ID       string   `json:"id"` // "story-" and the id of the article that started it
	Title    string   `json:"title"`
	Articles []string `json:"articles"`        // in the order they were ingested
	Hashes   []string `json:"-"`               // the hash of each article's latest revision, as Articles
	First    string   `json:"first,omitempty"` // the earliest publication date of its articles
	Last     string   `json:"last,omitempty"`
	Order    int      `json:"-"` // creation order
}

// StoryLink records why an article is in its story: the similarity and the rule that decided.
type StoryLink struct {
	Article string  `json:"article"`
	Story   string  `json:"story"`
	Score   float64 `json:"score"`
	Rule    string  `json:"rule"`
}

// DuplicateLink records that an article nearly copies an earlier one (syndication, a light
// edit, a second scrape), with the estimated Jaccard similarity of their word shingles.
type DuplicateLink struct {
	Article    string  `json:"article"`
	Of         string  `json:"of"`
	Similarity float64 `json:"similarity"`
}

// A line is boilerplate of a source when at least MinRepeats of its articles, and at least
// RepeatShare of them, carry it: often enough that it is the site's, not the story's.
const (
	MinRepeats  = 5
	RepeatShare = 0.2
)

// ErrNotFound is returned when an article does not exist.
var ErrNotFound = errors.New("not found")

// ErrRegroup is returned when the stored stories were grouped by a version of crosscheck
// whose grouping state this one does not read.
var ErrRegroup = errors.New("the stories in this store were grouped by an older version of crosscheck; run `crosscheck regroup` to group its articles again")

// ErrConflict is returned when a write is refused because another writer changed what it was
// worked out from; reading again and redoing the work succeeds.
var ErrConflict = errors.New("changed by another writer")

// GroupState reads the grouping state (document frequencies, stories' sums, the index from
// features to stories, near-duplicate signatures) as rows, only those asked for, so that
// placing one article reads what it needs whatever the size of the store. Absent rows are
// left out of the answers. Package group decides what the blobs hold; a store keeps them as
// given.
type GroupState interface {
	// GroupMeta returns the state's counters and version (the zero GroupMeta when there is no
	// state yet), or ErrRegroup when the store has stories but no state this version reads.
	GroupMeta(ctx context.Context) (GroupMeta, error)
	// GroupWords returns the known ones of the given features.
	GroupWords(ctx context.Context, words []string) ([]GroupWord, error)
	// GroupLists returns the posting lists of the given features, by feature: one row per
	// feature, so that reading a feature's stories costs one row however many it lists.
	GroupLists(ctx context.Context, features []int32) ([]GroupList, error)
	// GroupStories returns the given stories.
	GroupStories(ctx context.Context, ids []int) ([]GroupStory, error)
	// GroupMembers returns a story's members, by Index.
	GroupMembers(ctx context.Context, story int) ([]GroupMember, error)
	// GroupBands returns the signatures in the given band buckets, by key and then signature.
	GroupBands(ctx context.Context, keys []int64) ([]GroupBand, error)
	// GroupSignatures returns the given near-duplicate signatures.
	GroupSignatures(ctx context.Context, ids []int64) ([]GroupSignature, error)
}

// GroupMeta are the grouping state's counters.
type GroupMeta struct {
	Format     int   // the layout of the rows (0: no state yet)
	Version    int64 // raised by every save
	Documents  int   // the articles counted in the document frequencies
	Words      int   // features known: the next feature's id
	Stories    int   // stories made: the next story's number
	Signatures int64 // signatures kept: the next one's id
	Postings   int64 // stories listed under a feature so far
}

// GroupWord is a feature ("w:stem", "e:name", "n:12") with its id and document frequency.
type GroupWord struct {
	Word string
	ID   int32
	DF   int32
}

// GroupList is the posting list of a feature: the stories listed under it, oldest first.
type GroupList struct {
	Feature int32
	Stories []byte
}

// GroupStory is one story's grouping state.
type GroupStory struct {
	ID          int    // its number, in creation order
	Key         string // the article that started it
	First, Last time.Time
	Summed      int    // article vectors in Sum
	Size        int    // articles in it
	Members     int    // members kept for splitting
	Sum         []byte // the summed feature weights
	Indexed     []byte // the features it is listed under
}

// GroupMember is an article a story keeps for splitting, with its vector.
type GroupMember struct {
	Story     int
	Index     int
	Article   string
	Published time.Time
	Vector    []byte
	Day       int   // the weekday the undated article names most, 1 (Sunday) to 7; 0: none or dated
	Days      uint8 // bit d set when the undated article names weekday d at all
}

// GroupBand lists a signature in one band bucket.
type GroupBand struct {
	Key       int64
	Signature int64
}

// GroupSignature is an article's near-duplicate signature.
type GroupSignature struct {
	ID        int64
	Article   string
	Signature []byte
}

// GroupChanges are the rows a grouping run changed, to be written over the state it read.
type GroupChanges struct {
	Meta    GroupMeta    // the new counters (Version: the one read)
	Words   []GroupWord  // new or with a new document frequency
	Lists   []GroupList  // new or changed, whole; an empty one is dropped
	Stories []GroupStory // new or changed
	// Members are the members to add; the stories in Rebuilt lose theirs first.
	Members    []GroupMember
	Rebuilt    []int
	Bands      []GroupBand
	Signatures []GroupSignature
	// Left are the band entries of signatures that left the near-duplicate window, to
	// delete (after Bands are added): the buckets stay the size of the window.
	Left []GroupBand
	// Retired is the first signature of the window: those before it left it, their rows
	// to delete with their band entries (0: none), so that the signatures stay as many as
	// the window holds.
	Retired int64
}

// GroupSave is what one grouping transaction writes.
type GroupSave struct {
	Version int64 // of the state the changes were worked out from
	Changes GroupChanges
	Stories []Story     // the stories that changed
	Moves   []StoryMove // articles of earlier runs that splits and merges moved, in order
	Links   []StoryLink // the articles placed, with their final stories
	Dups    []DuplicateLink
}

// StoryMove moves an article stored in a story to another; with no Article, every article of
// From moves.
type StoryMove struct {
	Article  string
	From, To string
}
