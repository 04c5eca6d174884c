package render_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/render"
)

// A report page draws one arrow a derivation, marks what a claim cites inside its sentence,
// and escapes whatever the articles say.
func TestHTMLGraphAndEscaping(t *testing.T) {
	evil := `<script>alert(1)</script>`
	text := "The plan had 28 points. " + evil
	arts := []*crosscheck.Article{
		{ID: "a", Title: "First " + evil, Source: "Wire", Text: text, Sentences: []crosscheck.Span{{0, 23}, {24, len(text)}},
			Numbers: []crosscheck.Number{{Text: "28 points", Start: 13, End: 22, Value: 28, Unit: "point"}}},
		{ID: "b", Title: "Second", Source: "Daily " + evil, Text: text, Sentences: []crosscheck.Span{{0, 23}, {24, len(text)}}},
		{ID: "c", Title: "Third", Source: "Times", Text: text},
	}
	ev := crosscheck.Evidence{Article: "a", Start: 13, End: 22, Sentence: "The plan had 28 points.", SentenceStart: 0}
	r := &crosscheck.Report{
		Story:    crosscheck.StoryNumbers{ID: "s", Title: "Story " + evil, Articles: 3},
		Articles: []crosscheck.ArticleRef{{ID: "a", Source: "Wire"}, {ID: "b", Source: "Daily " + evil}, {ID: "c", Source: "Times"}},
		Facts: []crosscheck.Fact{{Subject: "points", Kind: "count", Verdict: "conflict", Values: []crosscheck.FactValue{
			{Value: "28 points", Articles: []string{"a"}, Evidence: []crosscheck.Evidence{ev}}}}},
		Derived:  []crosscheck.Derivation{{Articles: [2]string{"a", "b"}, Kind: "rewrite", Score: 0.6}},
		Timeline: []crosscheck.Moment{{When: "2025-12-02", Events: []crosscheck.Evidence{ev}, Conflicts: []string{"points"}}},
	}
	var out bytes.Buffer
	if err := render.HTML(&out, r, arts); err != nil {
		t.Fatal(err)
	}
	page := out.String()
	if strings.Contains(page, evil) {
		t.Error("article text reached the page unescaped")
	}
	if n := strings.Count(page, `class="edge rewrite"`); n != 1 {
		t.Errorf("%d rewrite arrows, want 1", n)
	}
	if n := strings.Count(page, "<circle"); n != 3 {
		t.Errorf("%d articles in the graph, want 3", n)
	}
	if !strings.Contains(page, "The plan had <b>28 points</b>.") {
		t.Error("the evidence does not mark the value in its sentence")
	}
	if !strings.Contains(page, `<mark class="number" title="number: 28 point ">28 points</mark>`) {
		t.Error("the article's number is not marked in the side-by-side text")
	}
	if !strings.Contains(page, `class="clash"`) {
		t.Error("the timeline does not mark the day in conflict")
	}
}

func TestWhen(t *testing.T) {
	for in, want := range map[string]string{
		"1987-02-26T16:40:00Z":      "26 February 1987, 16:40 UTC",
		"2025-12-03":                "3 December 2025",
		"2025-12-03T00:00:00Z":      "3 December 2025",
		"2013-07-02T07:44:00-04:00": "2 July 2013, 07:44 -04:00",
		"":                          "undated",
		"sometime":                  "sometime",
	} {
		if got := render.When(in); got != want {
			t.Errorf("When(%q) = %q, want %q", in, got, want)
		}
	}
}
