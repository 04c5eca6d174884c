package web_test

import (
	"bytes"
	"encoding/json"
	"io"
	"io/fs"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/web"
)

// demoRecord is one of the demo corpus' JSONL records, a seed the fuzzers start from.
func demoRecord(t testing.TB) string {
	b, err := fs.ReadFile(demo.Corpus(), "veldara-wire.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return strings.SplitN(string(b), "\n", 2)[0]
}

// postFuzz posts a body to the API with the token and checks what any answer must be: never a
// server error, always a JSON object, and the store still serving its stories.
func postFuzz(t *testing.T, srv *httptest.Server, contentType string, body []byte) {
	for _, c := range []byte(contentType) {
		if c < ' ' && c != '\t' || c == 0x7f {
			t.Skip("no client sends a header with control characters") // net/http refuses to
		}
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/articles", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer fuzz")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode >= 500 {
		t.Fatalf("POST %s %q: %d %s", contentType, body, resp.StatusCode, b)
	}
	var answer map[string]any
	if err := json.Unmarshal(b, &answer); err != nil {
		t.Fatalf("POST %s %q: the answer is not a JSON object: %q", contentType, body, b)
	}
	if resp.StatusCode < 300 || resp.StatusCode == http.StatusMultiStatus {
		if _, ok := answer["results"].([]any); !ok {
			t.Fatalf("POST %s %q: %d without results: %s", contentType, body, resp.StatusCode, b)
		}
	}
	list, err := http.Get(srv.URL + "/api/stories")
	if err != nil {
		t.Fatal(err)
	}
	list.Body.Close()
	if list.StatusCode != 200 {
		t.Fatalf("after POST %q, GET /api/stories answers %d", body, list.StatusCode)
	}
}

// FuzzAPIRecords posts any body as JSON records to the ingest API.
func FuzzAPIRecords(f *testing.F) {
	rec := demoRecord(f)
	for _, seed := range []string{rec, "[" + rec + "," + rec + "]", rec + "\n{not json\n" + rec, `{}`, `[]`, `[[{}]]`,
		`{"id":"x","text":""}`, `{"id":"../../etc/passwd","text":"A fire broke out. Police said 12 were hurt."}`,
		`"just a string"`, `[1,2,3]`, "\xff\xfe{}", ""} {
		f.Add(seed, "application/json")
	}
	f.Add(rec, "application/x-ndjson")
	f.Add(rec, "text/plain; charset=latin1")
	srv := newDemoServer(f, web.Config{Token: "fuzz", MaxBody: 1 << 20})
	f.Fuzz(func(t *testing.T, body, contentType string) {
		postFuzz(t, srv, contentType, []byte(body))
	})
}

// FuzzAPIUpload posts one file of any name and content, and any raw multipart body, to the
// ingest API's upload path.
func FuzzAPIUpload(f *testing.F) {
	rec := demoRecord(f)
	f.Add("story.txt", "Fire at the mill\n\nA fire broke out on Monday. Police said 12 people were hurt.", false)
	f.Add("wire.jsonl", rec+"\n", false)
	f.Add("../../../tmp/x.html", "<html><body><p>Escaped <script>alert(1)</script></p></body></html>", false)
	f.Add("a\\b\\c.md", "# Title\n\nBody text of a note.", false)
	f.Add("none", "", false)
	f.Add("x.jsonl.gz", "\x1f\x8b\x08\x00garbage", false)
	f.Add("", "--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nhello\r\n--B--\r\n", true)
	f.Add("", "--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n\r\nunterminated", true)
	srv := newDemoServer(f, web.Config{Token: "fuzz", MaxBody: 1 << 20})
	f.Fuzz(func(t *testing.T, name, content string, raw bool) {
		if raw { // the body as given, under a fixed boundary
			postFuzz(t, srv, "multipart/form-data; boundary=B", []byte(content))
			return
		}
		var body bytes.Buffer
		mw := multipart.NewWriter(&body)
		fw, err := mw.CreateFormFile("files", name)
		if err != nil {
			t.Skip()
		}
		fw.Write([]byte(content))
		mw.Close()
		postFuzz(t, srv, mw.FormDataContentType(), body.Bytes())
	})
}
