package ingest

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// decodeRawRecord is decodeRecord reading every field from the record's raw fields, without
// decoding the record first: the reference decodeRecord keeps to.
func decodeRawRecord(line []byte) (str func(key string) (string, error), extra func() json.RawMessage, err error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		return nil, nil, err
	}
	return func(key string) (string, error) { return rawString(fields, key) },
		func() json.RawMessage { return extraFields(fields) }, nil
}

var recordLines = []string{`{"id": "a1", "title": "T", "text": "Line one.\nLine \u00e9 \ud800 two.", "date": "1987-02-26T15:01:01", "source": "Reuters", "url": ""}`,
	`{"text": "x", "id": 12345678901234567890, "date": 1.50e3}`, `{"text": "x", "n": 1e400}`, `{"text": "x", "id": 1e400}`,
	`{"text": "x", "tags": ["b", {"z": 1, "a": "<>"}], "Text": "y"}`, `{"text": "", "title": "Only a title"}`, `{"text": null, "url": "https://example.com/a/b"}`,
	`{"text": true}`, `{"text": {"a": 1}}`, `{"text": "a", "text": "b"}`, `{"text": 1, "text": null}`, `null`, `[1]`, `"x"`, `{"text": "x"} y`,
	`{"text": "x"`, `{}`, ``}

func checkRecord(t *testing.T, line string) {
	r := &reader{opts: Options{Now: func() time.Time { return time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC) }}}
	item := func(decode func([]byte) (func(string) (string, error), func() json.RawMessage, error)) Item {
		str, extra, err := decode([]byte(line))
		if err != nil {
			return Item{Err: err}
		}
		return r.document("in:1", str, extra)
	}
	got, want := item(decodeRecord), item(decodeRawRecord)
	if fmt.Sprint(got.Err) != fmt.Sprint(want.Err) || !reflect.DeepEqual(got.Doc, want.Doc) {
		t.Fatalf("record %q gave %+v, %v; want %+v, %v", line, got.Doc, got.Err, want.Doc, want.Err)
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
