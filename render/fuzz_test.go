package render_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/analyze/lex"
	"github.com/crosscheck/crosscheck/demo"
	"github.com/crosscheck/crosscheck/extract"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/render"
)

// demoSentences are the sentences of the demo corpus' text articles: what generated stories
// are made of.
func demoSentences(tb testing.TB) []string {
	var out []string
	for _, name := range []string{"daily-meridian.txt", "northgate-herald.txt", "ostmark-today.txt"} {
		b, err := fs.ReadFile(demo.Corpus(), name)
		if err != nil {
			tb.Fatal(err)
		}
		text := string(b)
		for _, sp := range lex.Sentences(text) {
			if s := strings.TrimSpace(text[sp[0]:sp[1]]); len(s) > 20 {
				out = append(out, s)
			}
		}
	}
	if len(out) < 10 {
		tb.Fatalf("only %d sentences in the demo corpus", len(out))
	}
	return out
}

// marker is put into every generated story; rendered HTML must never carry it as markup.
const marker = "<fz-tag>"

// story builds two to five articles from the demo's sentences, as shape picks them, with
// extra written into some of them.
func story(pool []string, shape []byte, extra string) []*crosscheck.Article {
	extra = strings.ToValidUTF8(extra, "\uFFFD") // cleaning hands analysis valid UTF-8 only
	n := 2
	if len(shape) > 0 {
		n += int(shape[0]) % 4
	}
	var arts []*crosscheck.Article
	for i := range n {
		var sb strings.Builder
		for j := range 6 {
			k := i*7 + j*3
			if len(shape) > 0 {
				k += int(shape[(i*6+j)%len(shape)])
			}
			sb.WriteString(pool[k%len(pool)])
			if (i+j)%3 == 0 {
				sb.WriteString(" " + extra)
			}
			if j == 2 && i == 0 {
				sb.WriteString(" " + marker)
			}
			sb.WriteString(" ")
			if j%2 == 1 {
				sb.WriteString("\n\n")
			}
		}
		a := &crosscheck.Article{ID: fmt.Sprintf("art-%d", i), Source: fmt.Sprintf("Outlet %d", i%3),
			Title: "Story " + extra, Text: sb.String(), Published: "2026-05-15"}
		extract.Analyze(a)
		arts = append(arts, a)
	}
	return arts
}

// evidence finds every evidence object in a report's JSON.
func evidence(v any, found func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["sentence_start"]; ok {
			found(x)
		}
		for _, y := range x {
			evidence(y, found)
		}
	case []any:
		for _, y := range x {
			evidence(y, found)
		}
	}
}

// FuzzReconcileRender reconciles generated stories and renders their reports: no panic, every
// piece of evidence inside its article's text and quoting it, and the HTML escaped.
func FuzzReconcileRender(f *testing.F) {
	pool := demoSentences(f)
	f.Add([]byte{0}, "")
	f.Add([]byte{3, 1, 4, 1, 5, 9, 2, 6}, `Police said 12 people were hurt, not 11.`)
	f.Add([]byte{2, 7, 1, 8}, `"We will not sign," Kerr said. <script>alert(1)</script>`)
	f.Add([]byte{1, 1, 1}, "On Monday, 40% of the 3,000 residents — about $2.5 million — left.")
	f.Add([]byte{255, 0, 128}, "\u201cunclosed quote \u2018and a half")
	f.Fuzz(func(t *testing.T, shape []byte, extra string) {
		arts := story(pool, shape, extra)
		ids := make([]string, len(arts))
		for i, a := range arts {
			ids[i] = a.ID
		}
		r := reconcile.Reconcile(crosscheck.Story{ID: "story-art-0", Title: "Story", Articles: ids}, arts, nil)
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var tree any
		json.Unmarshal(b, &tree)
		byID := map[string]*crosscheck.Article{}
		for _, a := range arts {
			byID[a.ID] = a
		}
		evidence(tree, func(e map[string]any) {
			a := byID[fmt.Sprint(e["article"])]
			if a == nil {
				t.Fatalf("evidence of an article not in the story: %v", e)
			}
			start, end, ss := int(e["start"].(float64)), int(e["end"].(float64)), int(e["sentence_start"].(float64))
			sentence := e["sentence"].(string)
			if start < 0 || end < start || end > len(a.Text) {
				t.Fatalf("evidence %d–%d outside %s's %d bytes", start, end, a.ID, len(a.Text))
			}
			if ss < 0 || ss+len(sentence) > len(a.Text) || a.Text[ss:ss+len(sentence)] != sentence {
				t.Fatalf("evidence sentence %q is not %s's text at %d", sentence, a.ID, ss)
			}
		})
		var page, md bytes.Buffer
		if err := render.HTML(&page, r, arts); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page.String(), marker) {
			t.Fatalf("the page carries %s unescaped", marker)
		}
		if strings.Contains(strings.ToLower(page.String()), "<script") {
			t.Fatalf("the page carries a script: %q", extra)
		}
		if err := render.Markdown(&md, r); err != nil {
			t.Fatal(err)
		}
	})
}

// TestGeneratedStoryHasEvidence keeps the fuzzer's checks from holding vacuously: a generated
// story whose articles share sentences has findings with evidence.
func TestGeneratedStoryHasEvidence(t *testing.T) {
	arts := story(demoSentences(t), []byte{0, 0, 0, 0, 0, 0}, "Police said 12 people were hurt.")
	r := reconcile.Reconcile(crosscheck.Story{ID: "story-art-0", Articles: []string{"art-0", "art-1"}}, arts, nil)
	b, _ := json.Marshal(r)
	var tree any
	json.Unmarshal(b, &tree)
	n := 0
	evidence(tree, func(map[string]any) { n++ })
	if n == 0 {
		t.Fatalf("no evidence in a report of two articles sharing their sentences:\n%s", b)
	}
}
