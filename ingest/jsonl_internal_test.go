package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/charset"
)

// recordFromRawFields is record reading every field from the record's raw fields, without
// decoding the record first: the reference record keeps to.
func (r *reader) recordFromRawFields(at string, line []byte) Item {
	if !utf8.Valid(line) {
		// Keep what can be read: valid UTF-8 stays, stray bytes are read as Windows-1252.
		dec, err := charset.Decode(line, "", false)
		if err != nil {
			return Item{Input: at, Err: fmt.Errorf("record: %w", err)}
		}
		line = []byte(dec.Text)
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return Item{Input: at, Err: fmt.Errorf("malformed JSON record: %w", err)}
	}
	str := func(key string) (string, error) { return rawString(fields, key) }
	var meta crosscheck.Meta
	var id, text, date, published string
	for _, f := range []struct {
		key string
		dst *string
	}{{"id", &id}, {"text", &text}, {"title", &meta.Title}, {"date", &date}, {"published", &published},
		{"source", &meta.Source}, {"url", &meta.URL}, {"author", &meta.Author}} {
		v, err := str(f.key)
		if err != nil {
			return Item{Input: at, Err: err}
		}
		*f.dst = v
	}
	if strings.TrimSpace(text) == "" {
		text = meta.Title // a one-sentence document may carry all it says in its title
	}
	if strings.TrimSpace(text) == "" {
		return Item{Input: at, Err: ErrNoText}
	}
	meta.Published = published
	if meta.Published == "" {
		meta.Published = date
	}
	meta.Extra = extraFields(fields)
	if id == "" {
		if meta.URL != "" {
			id = IDFromURL(meta.URL)
		} else {
			sum := sha256.Sum256([]byte(text))
			id = "text-" + hex.EncodeToString(sum[:8])
		}
	}
	return Item{Input: at, Doc: &crosscheck.Document{
		ID:      id,
		Input:   at,
		Format:  crosscheck.FormatJSON,
		Raw:     []byte(text),
		Fetched: r.opts.Now().UTC(),
		Meta:    meta,
	}}
}

var recordLines = []string{`{"id": "a1", "title": "T", "text": "Line one.\nLine \u00e9 \ud800 two.", "date": "1987-02-26T15:01:01", "source": "Reuters", "url": ""}`,
	`{"text": "x", "id": 12345678901234567890, "date": 1.50e3}`, `{"text": "x", "n": 1e400}`, `{"text": "x", "id": 1e400}`,
	`{"text": "x", "tags": ["b", {"z": 1, "a": "<>"}], "Text": "y"}`, `{"text": "", "title": "Only a title"}`, `{"text": null, "url": "https://example.com/a/b"}`,
	`{"text": true}`, `{"text": {"a": 1}}`, `{"text": "a", "text": "b"}`, `{"text": 1, "text": null}`, `null`, `[1]`, `"x"`, `{"text": "x"} y`,
	`{"text": "x"`, `{"text": "\xff caf\xe9"}`, `{}`, ``}

func checkRecord(t *testing.T, line string) {
	r := &reader{opts: Options{Now: func() time.Time { return time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC) }}}
	got, want := r.record("in:1", []byte(line)), r.recordFromRawFields("in:1", []byte(line))
	if fmt.Sprint(got.Err) != fmt.Sprint(want.Err) || !reflect.DeepEqual(got.Doc, want.Doc) {
		t.Fatalf("record(%q) = %+v, %v; want %+v, %v", line, got.Doc, got.Err, want.Doc, want.Err)
	}
}

func TestRecordDecodesOnceAsFromRawFields(t *testing.T) {
	for _, line := range recordLines {
		checkRecord(t, line)
	}
}

func FuzzRecord(f *testing.F) {
	for _, line := range recordLines {
		f.Add(line)
	}
	f.Fuzz(checkRecord)
}
