package crosscheck

// Report is what crosscheck finds in one story: how each outlet worded each utterance, where the
// articles agree and conflict, which articles derive from which, and what does not fit. Every
// finding carries the article, offsets and sentence it rests on. docs/report.md documents the
// JSON.
type Report struct {
	Story     StoryNumbers `json:"story"`
	Quotes    []QuoteGroup `json:"quotes"`
	Facts     []Fact       `json:"facts"`
	Derived   []Derivation `json:"derived"`
	Anomalies []Anomaly    `json:"anomalies"`
	Timeline  []Moment     `json:"timeline"`
	Articles  []ArticleRef `json:"articles"`
}

// StoryNumbers counts a story: its articles, the distinct texts among them (near-copies
// counted once), the independent reports (articles derived from one another counted once), the
// outlets, and the first and last publication dates.
type StoryNumbers struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	Articles      int    `json:"articles"`
	DistinctTexts int    `json:"distinct_texts"`
	Independent   int    `json:"independent_reports"`
	Outlets       int    `json:"outlets"`
	First         string `json:"first,omitempty"`
	Last          string `json:"last,omitempty"`
	Conflicts     int    `json:"conflicts"`
	// Unread counts the figures and dates of a sentence or an article far longer than news
	// (a pasted table, a crafted page) that reconcile left out to bound its work.
	Unread int `json:"unread,omitempty"`
}

// ArticleRef names an article of the report: its id, outlet, title and publication date.
type ArticleRef struct {
	ID        string `json:"id"`
	Source    string `json:"source"`
	Title     string `json:"title"`
	Published string `json:"published,omitempty"`
	URL       string `json:"url,omitempty"`
}

// Evidence is the sentence a finding rests on: where in which article, and its words.
type Evidence struct {
	Article  string `json:"article"`
	Start    int    `json:"start"` // byte offsets of the thing found in the article's clean text
	End      int    `json:"end"`
	Sentence string `json:"sentence"`
	// SentenceStart is the byte offset of Sentence in the article's clean text.
	SentenceStart int `json:"sentence_start"`
}

// QuoteGroup is one utterance as each outlet printed it.
type QuoteGroup struct {
	Speaker     string         `json:"speaker"`
	Variants    []QuoteVariant `json:"variants"`
	Differences []Difference   `json:"differences"`
}

// QuoteVariant is one article's wording of an utterance. Alignment lines it up word by word
// with the group's first variant.
type QuoteVariant struct {
	Article   string      `json:"article"`
	Text      string      `json:"text"`
	Start     int         `json:"start"`
	End       int         `json:"end"`
	Speaker   string      `json:"speaker"`
	Cue       string      `json:"cue,omitempty"`
	Partial   bool        `json:"partial,omitempty"`
	Alignment []AlignedOp `json:"alignment,omitempty"`
	Evidence  Evidence    `json:"evidence"`
}

// AlignedOp is one step of a word alignment: words both variants share ("="), words only the
// first has ("-"), only this one has ("+"), or that one replaces ("~").
type AlignedOp struct {
	Op   string `json:"op"`
	From string `json:"from,omitempty"`
	To   string `json:"to,omitempty"`
}

// Difference is a place where two variants of one utterance differ in meaning.
type Difference struct {
	Kind     string    `json:"kind"`     // "negation": one side negated; "opposite": one side negates what the other affirms
	Variants [2]int    `json:"variants"` // indexes into the group's variants
	Words    [2]string `json:"words"`    // the clauses that differ
	Detail   string    `json:"detail"`
}

// Fact is one claim the articles make about one subject, with the value each states.
type Fact struct {
	Subject string      `json:"subject"`
	Kind    string      `json:"kind"`    // "count", "age", "money", "percent", "score", "duration", "measure", "caliber", "block", "ordinal", "date", "role", "place"
	Verdict string      `json:"verdict"` // "agree" or "conflict"
	Values  []FactValue `json:"values"`
}

// FactValue is one value of a fact and the articles that state it.
type FactValue struct {
	Value    string     `json:"value"`
	Articles []string   `json:"articles"`
	Evidence []Evidence `json:"evidence"`
}

// Derivation links two articles one derives from the other, or both from one source.
type Derivation struct {
	Articles [2]string     `json:"articles"` // the earlier first
	Kind     string        `json:"kind"`     // "copy", "rewrite"
	Score    float64       `json:"score"`
	Evidence []AlignedPair `json:"evidence"`
	Credits  []string      `json:"credits,omitempty"` // outlets either article cites
	Reason   string        `json:"reason"`
}

// AlignedPair is a pair of sentences, one from each article, that say the same in the same
// place of their articles.
type AlignedPair struct {
	A          Evidence `json:"a"`
	B          Evidence `json:"b"`
	Similarity float64  `json:"similarity"`
}

// Anomaly is something in one article that does not fit the story.
type Anomaly struct {
	Kind     string   `json:"kind"` // "date", "role"
	Article  string   `json:"article"`
	Detail   string   `json:"detail"`
	Evidence Evidence `json:"evidence"`
}

// Moment is one point of a story's timeline: a day, month or year (a TIMEX3 value), the
// sentences that date something to it, the articles published on it, and the date conflicts
// that name it.
type Moment struct {
	When      string     `json:"when"`
	Events    []Evidence `json:"events,omitempty"`
	Published []string   `json:"published,omitempty"` // article ids
	Conflicts []string   `json:"conflicts,omitempty"` // subjects of date facts in conflict
}
