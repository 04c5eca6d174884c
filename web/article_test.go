package web_test

import (
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck/web"
)

// An article's page and its JSON say where its outlet was read from.
func TestArticleSaysWhereItsOutletCameFrom(t *testing.T) {
	srv := newDemoServer(t, web.Config{Token: "s3cret"})
	_, _, body := get(t, srv.URL+"/api/articles/daily-meridian")
	if !strings.Contains(body, `"source_from": "given"`) {
		t.Errorf("the article's JSON does not say where its outlet came from:\n%.600s", body)
	}
	_, _, page := get(t, srv.URL+"/articles/daily-meridian")
	if !strings.Contains(page, `<span class="from">(as given with the article)</span>`) {
		t.Errorf("the article's page does not say where its outlet came from")
	}
	// an article with no outlet given takes its outlet's name from the end of its title
	rec := `{"id":"suffix-1","title":"Harbour crane collapses in gale - Coast Courier","text":"A harbour crane collapsed in a gale on Monday, the port said."}`
	if code, out := post(t, srv.URL+"/api/articles", "application/json", rec, "Authorization", "Bearer s3cret"); code != 200 {
		t.Fatalf("ingest: %d %s", code, out)
	}
	_, _, page = get(t, srv.URL+"/articles/suffix-1")
	if !strings.Contains(page, `Coast Courier <span class="from">(from the end of the page&#39;s title)</span>`) {
		t.Errorf("the page of an article whose outlet ends its title:\n%s", page)
	}
}
