package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"

	"github.com/crosscheck/crosscheck"
	"github.com/crosscheck/crosscheck/reconcile"
	"github.com/crosscheck/crosscheck/render"
)

func (m *Main) report(ctx context.Context, args []string) error {
	fs := m.flags("report", "[--format json|md|html] STORY", `Prints what the articles of a story agree on and where they conflict, how each outlet
worded each quote, which articles derive from which, and what does not fit — every finding
with the sentence it comes from. STORY is a story id or the id of one of its articles. The
report is stored and made again only when the story's articles change.
The JSON is documented in docs/report.md.`,
		`  crosscheck report 001_4ca82ed4cbe05626
  crosscheck report --format html story-000_6f7de8062ea9ba3a > story.html
  crosscheck report --format json 001_4ca82ed4cbe05626 | jq '.facts[] | select(.verdict == "conflict")'`)
	db := m.dbFlag(fs)
	format := fs.String("format", "md", "json, md (Markdown) or html")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 || (*format != "json" && *format != "md" && *format != "html") {
		fmt.Fprintln(m.Stderr, "crosscheck report: name one story (see crosscheck stories) and a format of json, md or html")
		return errUsage
	}
	store, err := m.open(ctx, *db)
	if err != nil {
		return err
	}
	defer store.Close()
	r, articles, err := storyReport(ctx, store, ids[0])
	if err != nil {
		return err
	}
	switch *format {
	case "json":
		enc := newEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	case "html":
		return render.HTML(m.Stdout, r, articles)
	}
	return render.Markdown(m.Stdout, r)
}

// reportVersion changes when reconciliation does, so that stored reports are made again.
const reportVersion = "reconcile-2"

// storyReport returns the report of the story id names, from the store when its articles have
// not changed since it was made, else made now and stored.
func storyReport(ctx context.Context, store crosscheck.Store, id string) (*crosscheck.Report, []*crosscheck.Article, error) {
	st, err := store.Story(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	var articles []*crosscheck.Article
	h := sha256.New()
	h.Write([]byte(reportVersion))
	for _, aid := range st.Articles {
		a, err := store.Article(ctx, aid)
		if err != nil {
			return nil, nil, err
		}
		articles = append(articles, a)
		h.Write([]byte(a.ID + "\x00" + a.Hash + "\x00"))
	}
	dups, err := store.Duplicates(ctx, st.Articles)
	if err != nil {
		return nil, nil, err
	}
	for _, d := range dups {
		fmt.Fprintf(h, "%s~%s\x00", d.Article, d.Of)
	}
	key := hex.EncodeToString(h.Sum(nil))
	if b, err := store.Report(ctx, st.ID, key); err != nil {
		return nil, nil, err
	} else if b != nil {
		var r crosscheck.Report
		if json.Unmarshal(b, &r) == nil {
			return &r, articles, nil
		}
	}
	r := reconcile.Reconcile(*st, articles, dups)
	b, err := json.Marshal(r)
	if err != nil {
		return nil, nil, err
	}
	return r, articles, store.SaveReport(ctx, st.ID, key, b)
}
