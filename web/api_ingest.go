package web

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
)

// apiIngest ingests JSON records (one object, an array, or JSON Lines) or uploaded files
// (multipart/form-data, field "files") and answers with one result per input.
func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	dir, err := uploadDir()
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, err)
		return
	}
	defer os.RemoveAll(dir)
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var inputs []string
	switch ct {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(8 << 20); err != nil {
			s.fail(w, r, http.StatusBadRequest, err)
			return
		}
		if inputs, err = saveUploads(dir, r.MultipartForm.File["files"]); err != nil {
			s.fail(w, r, http.StatusBadRequest, err)
			return
		}
	case "application/json", "application/x-ndjson", "application/jsonl", "text/plain", "application/x-www-form-urlencoded", "":
		// records, however the client labels them (curl --data-binary sends a form type)
		p := filepath.Join(dir, "records.jsonl")
		if err := jsonRecords(p, r); err != nil {
			s.fail(w, r, http.StatusBadRequest, err)
			return
		}
		inputs = []string{p}
	default:
		s.fail(w, r, http.StatusUnsupportedMediaType, fmt.Errorf("send JSON records or multipart files, not %s", ct))
		return
	}
	results, ok := s.ingestSaved(w, r, dir, inputs, "nothing to ingest")
	if !ok {
		return
	}
	type result struct {
		Input  string `json:"input"`
		ID     string `json:"id,omitempty"`
		Status string `json:"status"`
		Error  string `json:"error,omitempty"`
		URL    string `json:"url,omitempty"`
	}
	out := []result{}
	code := http.StatusOK
	for _, res := range results {
		x := result{Input: res.Input, ID: res.ID, Status: string(res.Status), Error: res.Error}
		if res.ID != "" && res.Error == "" {
			x.URL = "/api/articles/" + url.PathEscape(res.ID)
		} else {
			code = http.StatusMultiStatus
		}
		out = append(out, x)
	}
	writeJSON(w, code, map[string]any{"results": out})
}

// jsonRecords writes the records of a JSON body (an object, an array of objects, or JSON
// Lines) to path as JSON Lines, for ingest to read as any JSONL file. A body that is not a
// stream of JSON values is written as it is: ingest then reports its bad lines one by one.
func jsonRecords(path string, r *http.Request) error {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return fmt.Errorf("an empty body: send JSON records")
	}
	var recs []json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(body))
	for {
		var v json.RawMessage
		if err := dec.Decode(&v); err == io.EOF {
			break
		} else if err != nil {
			recs = nil
			break
		}
		if t := bytes.TrimSpace(v); len(t) > 0 && t[0] == '[' {
			var list []json.RawMessage
			if json.Unmarshal(t, &list) != nil {
				return fmt.Errorf("the body's array is not of JSON records")
			}
			recs = append(recs, list...)
			continue
		}
		recs = append(recs, v)
	}
	if recs == nil {
		return os.WriteFile(path, body, 0o600)
	}
	var out bytes.Buffer
	for _, rec := range recs {
		if err := json.Compact(&out, rec); err != nil {
			return err
		}
		out.WriteByte('\n')
	}
	return os.WriteFile(path, out.Bytes(), 0o600)
}

func writeRecords(path string, recs ...any) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	for _, r := range recs {
		if err := enc.Encode(r); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}
