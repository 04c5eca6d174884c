package work

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/crosscheck/crosscheck"
)

// Each failure of a job makes the wait before its next attempt four times the one before.
func TestBackoffGrowsFourfold(t *testing.T) {
	w := New(nil, Options{Backoff: 2 * time.Second})
	for attempt, want := range map[int]time.Duration{1: 2 * time.Second, 2: 8 * time.Second, 3: 32 * time.Second} {
		if got := w.backoff(attempt); got != want {
			t.Errorf("after failure %d: wait %s, want %s", attempt, got, want)
		}
	}
}

// A job's failure is listed under what it worked on: the input a person named, the URL, the
// story.
func TestInputNamesWhatAJobWorksOn(t *testing.T) {
	doc := &crosscheck.Document{ID: "a", Raw: []byte("Title\n\nText.")}
	for _, c := range []struct {
		job  crosscheck.NewJob
		want string
	}{
		{IngestJob("news/a.txt", doc), "news/a.txt"},
		{FetchJob("https://example.org/a"), "https://example.org/a"},
		{ReportJob("story-a"), "report of story-a"},
		{FinishJob(1, false), "job 7 (finish)"},
	} {
		if got := Input(crosscheck.Job{ID: 7, Kind: c.job.Kind, Payload: c.job.Payload}); got != c.want {
			t.Errorf("%s job: %q, want %q", c.job.Kind, got, c.want)
		}
	}
}

// A document carried in an ingest job comes out with the hash it went in with, so that a
// worker finds it stored when another stored it.
func TestIngestJobKeepsTheDocumentsHash(t *testing.T) {
	doc := &crosscheck.Document{ID: "a", Input: "a.jsonl:1", Format: "jsonl", Raw: []byte{0, 0xff, 'x'},
		Fetched: time.Date(2026, 12, 1, 12, 0, 0, 5, time.UTC), Meta: crosscheck.Meta{Title: "Dam talks", Extra: []byte(`{"k": [1, 2]}`)}}
	var p ingestPayload
	if err := json.Unmarshal(IngestJob(doc.Input, doc).Payload, &p); err != nil {
		t.Fatal(err)
	}
	if p.Doc.Hash() != doc.Hash() || !p.Doc.Fetched.Equal(doc.Fetched) || p.Input != doc.Input {
		t.Errorf("the document after the job: %+v", p.Doc)
	}
}
