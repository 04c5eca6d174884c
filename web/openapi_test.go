package web_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/crosscheck/crosscheck/web"
)

// The OpenAPI document the server serves describes what it answers: every response of the API,
// over the demo corpus, is valid against the schema the document gives for it, formats
// included.
func TestOpenAPIDescribesTheAnswers(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	check := openAPIChecker(t, srv.URL)
	answer := func(url string) (string, string) {
		t.Helper()
		code, _, body := get(t, srv.URL+url)
		return map[int]string{200: "200", 202: "202", 404: "404"}[code], body
	}
	code, list := answer("/api/stories")
	check("/api/stories", "get", code, list)
	var stories struct{ Stories []struct{ ID string } }
	json.Unmarshal([]byte(list), &stories)
	for _, st := range stories.Stories {
		code, body := answer("/api/stories/" + st.ID)
		check("/api/stories/{id}", "get", code, body)
	}
	code, body := answer("/api/stories/no-such-story")
	check("/api/stories/{id}", "get", code, body)
	code, body = answer("/api/articles/daily-meridian")
	check("/api/articles/{id}", "get", code, body)
	code, body = answer("/api/search?q=dam")
	check("/api/search", "get", code, body)
	code, body = answer("/api/search")
	check("/api/search", "get", code, body)
	code, body = answer("/api/feeds")
	check("/api/feeds", "get", code, body)
	var recs bytes.Buffer
	recs.WriteString(`{"id":"api-1","title":"Ferry strike","text":"Ferry workers walked out on Monday.","date":"2026-01-05"}` + "\n{not json\n")
	status, out := post(t, srv.URL+"/api/articles", "application/x-ndjson", recs.String(), "Authorization", "Bearer s3cret")
	check("/api/articles", "post", map[int]string{200: "200", 207: "207"}[status], out)
}

// openAPIChecker reads the OpenAPI document the server at base serves, and returns a check
// that an answer to method on path with code is valid against the schema it gives, formats
// included.
func openAPIChecker(t *testing.T, base string) func(path, method, code, body string) {
	t.Helper()
	_, _, doc := get(t, base+"/api/openapi.json")
	spec, err := jsonschema.UnmarshalJSON(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource("openapi.json", spec); err != nil {
		t.Fatal(err)
	}
	return func(path, method, code, body string) {
		t.Helper()
		ptr := "openapi.json#/paths/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(path) + "/" + method +
			"/responses/" + code + "/content/application~1json/schema"
		sch, err := c.Compile(ptr)
		if err != nil {
			t.Errorf("%s %s %s: no schema: %v", method, path, code, err)
			return
		}
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s %s: %v", method, path, err)
		}
		if err := sch.Validate(v); err != nil {
			t.Errorf("%s %s %s does not fit its schema: %v", method, path, code, err)
		}
	}
}

// Every array the OpenAPI document declares says what its items are, so that a client can be
// generated from it.
func TestOpenAPIArraysHaveItemTypes(t *testing.T) {
	srv := newDemoServer(t, web.Config{})
	_, _, doc := get(t, srv.URL+"/api/openapi.json")
	var v any
	if err := json.Unmarshal([]byte(doc), &v); err != nil {
		t.Fatal(err)
	}
	var walk func(at string, v any)
	walk = func(at string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "array" && v["items"] == nil {
				t.Errorf("%s: an array of no item type", at)
			}
			for k, w := range v {
				walk(at+"/"+k, w)
			}
		case []any:
			for i, w := range v {
				walk(fmt.Sprintf("%s/%d", at, i), w)
			}
		}
	}
	walk("#", v)
}
