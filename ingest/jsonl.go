package ingest

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/charset"
)

// ErrNoText is returned for a record with neither text nor title.
var ErrNoText = errors.New(`record has no "text" (nor "title")`)

// knownFields are the record fields crosscheck reads; every other field is kept as metadata.
var knownFields = map[string]bool{
	"id": true, "title": true, "text": true, "date": true, "published": true,
	"source": true, "url": true, "author": true,
}

// jsonl reads one record a line. A malformed line is reported with its line number and the
// reading goes on; a stream that ends early (a truncated .gz) is reported after the records
// before the break.
func (r *reader) jsonl(path string, rd io.Reader) bool {
	br := bufio.NewReaderSize(rd, 1<<16)
	var buf []byte
	records, failed := 0, 0
	// emit passes an item on; past MaxFailuresPerInput failures, a failure is only counted
	emit := func(it Item) bool {
		if it.Err == nil {
			return r.emit(it)
		}
		if failed++; failed <= MaxFailuresPerInput {
			return r.emit(it)
		}
		return r.ctx.Err() == nil
	}
	// finish says how many failures were only counted and, at the end of a file, that it held none
	finish := func(atEnd bool) bool {
		switch {
		case failed > MaxFailuresPerInput:
			rest := failed - MaxFailuresPerInput
			return r.emit(Item{Input: path, Records: rest, Err: fmt.Errorf("%d more records failed (the first %d are listed)", rest, MaxFailuresPerInput)})
		case atEnd && records == 0:
			return r.fail(path, errors.New("no records: the file is empty"))
		}
		return true
	}
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, r.opts.MaxLine, buf[:0])
		buf = line
		at := path + ":" + strconv.Itoa(n)
		if tooLong {
			records++
			if !emit(Item{Input: at, Err: fmt.Errorf("%w: record longer than %s", ErrTooLarge, byteSize(int64(r.opts.MaxLine)))}) {
				return false
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			records++
			if !emit(r.record(at, line)) {
				return false
			}
		}
		if err == io.EOF {
			return finish(true)
		}
		if err != nil {
			if errors.Is(err, io.ErrUnexpectedEOF) {
				err = fmt.Errorf("file ends early (truncated?) after line %d: %w", n, err)
			}
			return finish(false) && r.fail(path, err)
		}
	}
}

// readLine reads one line into buf without its newline. A line over max is skipped to its end
// and reported as tooLong.
func readLine(br *bufio.Reader, max int, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if len(buf)+len(chunk) > max {
			tooLong = true
		} else {
			buf = append(buf, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimRight(buf, "\r\n"), tooLong, err
	}
}

// record turns one JSONL line into a document.
func (r *reader) record(at string, line []byte) Item {
	if !utf8.Valid(line) {
		// Keep what can be read: valid UTF-8 stays, stray bytes are read as Windows-1252.
		dec, err := charset.Decode(line, "", false)
		if err != nil {
			return Item{Input: at, Err: fmt.Errorf("record: %w", err)}
		}
		line = []byte(dec.Text)
	}
	str, extra, err := decodeRecord(line)
	if err != nil {
		return Item{Input: at, Err: fmt.Errorf("malformed JSON record: %w", err)}
	}
	return r.document(at, str, extra)
}

// decodeRecord reads a record: str gives a field as a string, extra the fields crosscheck
// does not read (extraFields). The record is decoded once, its strings with it. The raw
// fields, which take a second pass, are read only for a field that is not a string, for
// fields crosscheck does not know, and for a record its values do not decode (a number too
// large for a float64).
func decodeRecord(line []byte) (str func(key string) (string, error), extra func() json.RawMessage, err error) {
	var values map[string]any
	var fields map[string]json.RawMessage
	decoded := json.Unmarshal(line, &values) == nil
	if !decoded {
		values = nil // what did decode is read from the raw fields too
		if err := json.Unmarshal(line, &fields); err != nil {
			return nil, nil, err
		}
	}
	raw := func() map[string]json.RawMessage {
		if fields == nil {
			json.Unmarshal(line, &fields) // valid JSON: it decoded already
		}
		return fields
	}
	str = func(key string) (string, error) {
		switch v := values[key].(type) {
		case string:
			return v, nil
		case nil:
			if decoded {
				return "", nil // no such field, or null
			}
		}
		return rawString(raw(), key)
	}
	extra = func() json.RawMessage {
		if !decoded || hasUnknownField(values) {
			return extraFields(raw())
		}
		return nil
	}
	return str, extra, nil
}

// document makes the document of a record from its fields.
func (r *reader) document(at string, str func(key string) (string, error), extra func() json.RawMessage) Item {
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
	meta.Extra = extra()
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

// hasUnknownField reports whether a record has a field crosscheck does not read.
func hasUnknownField(values map[string]any) bool {
	for k := range values {
		if !knownFields[k] {
			return true
		}
	}
	return false
}

// rawString reads the field key of a record as a string: a string, a number as it is written,
// or "" for a field that is null or absent.
func rawString(fields map[string]json.RawMessage, key string) (string, error) {
	raw, ok := fields[key]
	if !ok || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return s, nil
	}
	var num json.Number
	if err := json.Unmarshal(raw, &num); err == nil {
		return num.String(), nil
	}
	return "", fmt.Errorf("field %q is not a string", key)
}

// extraFields keeps the fields crosscheck does not read, as one JSON object with sorted keys.
func extraFields(fields map[string]json.RawMessage) json.RawMessage {
	var keys []string
	for k := range fields {
		if !knownFields[k] {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil
	}
	sort.Strings(keys)
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		var compact bytes.Buffer
		if json.Compact(&compact, fields[k]) == nil {
			b.Write(compact.Bytes())
		} else {
			b.Write(fields[k])
		}
	}
	b.WriteByte('}')
	return b.Bytes()
}
