// Package work runs crosscheck's work from the store's queue, so that many processes on many
// machines share it: the kinds of job (ingest a document carried in the job, fetch and ingest
// a page, poll a followed feed, make a story's report), the loop that takes them with retries and backoff, and the
// serial step that groups the stored articles in the order their inputs were given, under a
// lock one worker holds at a time, so that any number of workers give the stories one process
// gives.
package work

import (
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/feed"
)

// Job kinds.
const (
	KindIngest = "ingest" // a document whose bytes the job carries
	KindFetch  = "fetch"  // a page to fetch, then ingest
	KindFinish = "finish" // a mark after a batch of inputs: the serial step finishes the batch
	KindReport = "report" // a story's report to make
	KindFeed   = "feed"   // a followed feed to poll: a fetch job for each new item, then a finish mark
)

// An ingest job carries the document itself, not a path: a worker on another machine cannot
// read the enqueuer's files, and the bytes stored in the job are the ones hashed at enqueue
// time, whatever becomes of the file. A done job's payload is dropped.
type ingestPayload struct {
	Input string               `json:"input"`
	Doc   *crosscheck.Document `json:"doc"`
}

// A fetch job of a feed's item carries the item, so that the article gets the item's
// metadata (and the feed's full content when the page cannot be had), and the feed, whose
// record of the item the job saves.
type fetchPayload struct {
	URL  string    `json:"url"`
	Item *feedItem `json:"item,omitempty"`
}

type feedItem struct {
	Feed         string    `json:"feed"`
	AllowPrivate bool      `json:"allow_private,omitempty"`
	Key          string    `json:"key"` // what the item is recorded under
	Item         feed.Item `json:"item"`
}

type feedPayload struct {
	Feed    string `json:"feed"`
	Reports bool   `json:"reports,omitempty"` // the finish mark queues the reports of the items' stories
}

// finishPayload names the first job of the batch a finish mark ends.
type finishPayload struct {
	From    int64 `json:"from"`
	Reports bool  `json:"reports,omitempty"`
}

type reportPayload struct {
	Story string `json:"story"`
}

// result is what an ingest or fetch job left for the serial step.
type result struct {
	Article string                  `json:"article,omitempty"`
	Source  string                  `json:"source,omitempty"`
	Status  crosscheck.IngestStatus `json:"status"`
}

func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err) // the payloads are plain structs
	}
	return b
}

// IngestJob is the job of ingesting a document read by the enqueuer.
func IngestJob(input string, doc *crosscheck.Document) crosscheck.NewJob {
	return crosscheck.NewJob{Kind: KindIngest, Payload: mustJSON(ingestPayload{input, doc}), Ordered: true}
}

// FetchJob is the job of fetching a page and ingesting it.
func FetchJob(url string) crosscheck.NewJob {
	return crosscheck.NewJob{Kind: KindFetch, Payload: mustJSON(fetchPayload{URL: url}), Ordered: true}
}

// FeedJob is the job of polling a followed feed, named by its URL or id; one waits at a time
// for each feed.
func FeedJob(feed string, reports bool) crosscheck.NewJob {
	return crosscheck.NewJob{Kind: KindFeed, Payload: mustJSON(feedPayload{feed, reports}), Key: "feed:" + feed}
}

// itemJob is the job of fetching a feed item's page and ingesting it as input.
func itemJob(input string, fd crosscheck.Feed, key string, it feed.Item) crosscheck.NewJob {
	p := fetchPayload{URL: input, Item: &feedItem{Feed: fd.URL, AllowPrivate: fd.AllowPrivate, Key: key, Item: it}}
	return crosscheck.NewJob{Kind: KindFetch, Payload: mustJSON(p), Ordered: true}
}

// FinishJob marks the end of a batch whose first job is from: once the serial step has grouped
// the batch, it relearns the boilerplate of the sources the batch added to, brings the search
// index up to date and, with reports, queues the reports of the batch's stories.
func FinishJob(from int64, reports bool) crosscheck.NewJob {
	return crosscheck.NewJob{Kind: KindFinish, Payload: mustJSON(finishPayload{from, reports}), Ordered: true, Held: true}
}

// ReportJob is the job of making a story's report; one waits at a time for each story.
func ReportJob(story string) crosscheck.NewJob {
	return crosscheck.NewJob{Kind: KindReport, Payload: mustJSON(reportPayload{story}), Key: "report:" + story}
}

// Input names what a job works on, as a failure of it is listed.
func Input(j crosscheck.Job) string {
	var p struct {
		Input string `json:"input"`
		URL   string `json:"url"`
		Story string `json:"story"`
		Feed  string `json:"feed"`
	}
	json.Unmarshal(j.Payload, &p)
	switch {
	case p.Input != "":
		return p.Input
	case p.URL != "":
		return p.URL
	case p.Story != "":
		return "report of " + p.Story
	case p.Feed != "":
		return p.Feed
	}
	return fmt.Sprintf("job %d (%s)", j.ID, j.Kind)
}
